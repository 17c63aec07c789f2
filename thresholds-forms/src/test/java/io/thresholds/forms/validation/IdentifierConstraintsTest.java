package io.thresholds.forms.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public constraints on a vendor's own class, validated by plain Hibernate Validator through the
 * standard bootstrap (nothing of the SDK's own validator factory). No Expression Language is on
 * the class path, as in many products, so the factory uses the parameter-only interpolator.
 */
class IdentifierConstraintsTest {
  /** A vendor's DTO: its own class, with the SDK's constraints on fields and on list elements. */
  static final class PupilDto {
    @NhsNumber
    final String nhsNumber;
    @UniquePupilNumber
    final String upn;
    @UkPostcode
    final String postcode;
    final List<@NhsNumber String> siblingsNhsNumbers;

    PupilDto(String nhsNumber, String upn, String postcode, List<String> siblings) {
      this.nhsNumber = nhsNumber;
      this.upn = upn;
      this.postcode = postcode;
      this.siblingsNhsNumbers = siblings;
    }
  }

  private static final String VALID_NHS = "943 476 5919";
  private static final String VALID_UPN = Identifiers.upnCheckLetter("801201001001") + "801201001001";

  private static ValidatorFactory factory;
  private static Validator validator;

  @BeforeAll
  static void plainHibernateValidator() {
    factory = Validation.byDefaultProvider().configure()
        .messageInterpolator(new ParameterMessageInterpolator())
        .buildValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void close() {
    factory.close();
  }

  private static Set<String> invalidFields(PupilDto dto) {
    return validator.validate(dto).stream().map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
  }

  @Test
  void validIdentifiers_noViolation() {
    assertThat(validator.validate(new PupilDto(VALID_NHS, VALID_UPN, "EC2V 7HH", List.of("9434765919")))).isEmpty();
    assertThat(validator.validate(new PupilDto("9434765919", VALID_UPN, "ec2v7hh", List.of()))).isEmpty();
    assertThat(validator.validate(new PupilDto(VALID_NHS, VALID_UPN, "GIR 0AA", List.of()))).isEmpty();
  }

  @Test
  void nullValues_areValid_likeEveryBeanValidationConstraint() {
    assertThat(validator.validate(new PupilDto(null, null, null, List.of()))).isEmpty();
  }

  @Test
  void nhsNumber_wrongCheckDigit_violation() {
    assertThat(invalidFields(new PupilDto("943 476 5918", VALID_UPN, "EC2V 7HH", List.of()))).containsExactly("nhsNumber");
    assertThat(invalidFields(new PupilDto("94347659", VALID_UPN, "EC2V 7HH", List.of()))).containsExactly("nhsNumber");
  }

  @Test
  void nhsNumber_inAList_violationNamesTheElement() {
    assertThat(invalidFields(new PupilDto(VALID_NHS, VALID_UPN, "EC2V 7HH", List.of(VALID_NHS, "943 476 5918"))))
        .containsExactly("siblingsNhsNumbers[1].<list element>");
  }

  @Test
  void upn_wrongCheckLetter_violation() {
    char wrong = VALID_UPN.charAt(0) == 'A' ? 'B' : 'A';
    assertThat(invalidFields(new PupilDto(VALID_NHS, wrong + VALID_UPN.substring(1), "EC2V 7HH", List.of())))
        .containsExactly("upn");
    assertThat(invalidFields(new PupilDto(VALID_NHS, "I" + VALID_UPN.substring(1), "EC2V 7HH", List.of())))
        .containsExactly("upn");
  }

  @Test
  void postcode_notAPostcode_violation() {
    assertThat(invalidFields(new PupilDto(VALID_NHS, VALID_UPN, "EC2V 7H", List.of()))).containsExactly("postcode");
    assertThat(invalidFields(new PupilDto(VALID_NHS, VALID_UPN, "12345", List.of()))).containsExactly("postcode");
  }

  @Test
  void messages_neverEchoTheValue() {
    String nhs = "943 476 5918";
    String upn = (Identifiers.upnCheckLetter("801201001009") == 'A' ? "B" : "A") + "801201001009";
    String postcode = "QQ9 9QQ";
    Set<ConstraintViolation<PupilDto>> found = validator.validate(new PupilDto(nhs, upn, postcode, List.of(nhs)));
    assertThat(found).hasSize(4);
    for (ConstraintViolation<PupilDto> v : found) {
      assertThat(v.getMessage()).doesNotContain(nhs, nhs.replace(" ", ""), upn, postcode, "9435", "QQ");
      assertThat(v.getMessage()).startsWith("must be");
    }
    assertThat(found).extracting(ConstraintViolation::getMessage).contains(
        "must be a valid NHS number (10 digits, Modulus 11 check digit)",
        "must be a valid Unique Pupil Number (13 characters, DfE check letter)",
        "must be a UK postcode");
  }
}
