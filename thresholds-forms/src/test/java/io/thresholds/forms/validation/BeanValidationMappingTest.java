package io.thresholds.forms.validation;

import static io.thresholds.forms.validation.FormValidatorTest.MACE;
import static io.thresholds.forms.validation.FormValidatorTest.MARF;
import static io.thresholds.forms.validation.FormValidatorTest.TODAY;
import static io.thresholds.forms.validation.FormValidatorTest.VALIDATOR;
import static io.thresholds.forms.validation.FormValidatorTest.marf;
import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.forms.Field;
import io.thresholds.forms.FieldType;
import io.thresholds.forms.FormData;
import io.thresholds.forms.FormSchema;
import io.thresholds.forms.Forms;
import io.thresholds.forms.validation.FieldConstraints.MaxCodePoints;
import io.thresholds.forms.validation.FieldConstraints.NoDuplicates;
import io.thresholds.forms.validation.FieldConstraints.WithinDaysAhead;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.annotation.Annotation;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: each field's checks are Bean Validation constraints, from the schema, that Hibernate
 * Validator runs on a property per field; only binding (types, dates as text, unknown keys) and the
 * rules across fields (one class-level constraint) are the SDK's own code.
 */
class BeanValidationMappingTest {
  static Set<Class<? extends Annotation>> constraints(BeanDescriptor d, String property) {
    PropertyDescriptor p = d.getConstraintsForProperty(property);
    assertThat(p).as(property).isNotNull();
    return p.getConstraintDescriptors().stream().map(c -> c.getAnnotation().annotationType()).collect(Collectors.toSet());
  }

  static ConstraintDescriptor<?> constraint(BeanDescriptor d, String property, Class<? extends Annotation> type) {
    return d.getConstraintsForProperty(property).getConstraintDescriptors().stream()
        .filter(c -> c.getAnnotation().annotationType() == type).findFirst().orElseThrow();
  }

  @Test
  void marf_eachFieldIsAPropertyWithTheSchemasConstraints() {
    try (CompiledForm form = CompiledForm.of(MARF)) {
      BeanDescriptor d = form.descriptor();
      assertThat(constraints(d, "referrer$name")).containsExactlyInAnyOrder(NotNull.class, MaxCodePoints.class, Pattern.class);
      assertThat(constraint(d, "referrer$name", MaxCodePoints.class).getAttributes()).containsEntry("value", 200);
      assertThat(constraints(d, "child$address")).containsExactlyInAnyOrder(MaxCodePoints.class, Pattern.class);
      assertThat(constraint(d, "child$address", MaxCodePoints.class).getAttributes()).containsEntry("value", 300);
      assertThat(constraints(d, "child$nhsNumber")).containsExactlyInAnyOrder(MaxCodePoints.class, NhsNumber.class);
      assertThat(constraints(d, "child$upn")).containsExactlyInAnyOrder(MaxCodePoints.class, UniquePupilNumber.class);
      assertThat(constraints(d, "referrer$postcode")).containsExactlyInAnyOrder(MaxCodePoints.class, UkPostcode.class);
      assertThat(constraint(d, "referrer$email", Pattern.class).getAttributes())
          .containsEntry("regexp", Identifiers.EMAIL_PATTERN);
      assertThat(constraint(d, "referrer$phone", Pattern.class).getAttributes())
          .containsEntry("regexp", Identifiers.PHONE_PATTERN);
      assertThat(constraints(d, "referrer$date")).containsExactlyInAnyOrder(NotNull.class, PastOrPresent.class);
      assertThat(constraints(d, "child$dateOfBirthOrEdd")).containsExactlyInAnyOrder(NotNull.class, WithinDaysAhead.class);
      assertThat(constraint(d, "child$dateOfBirthOrEdd", WithinDaysAhead.class).getAttributes()).containsEntry("days", 294);
      assertThat((String) constraint(d, "referralType$service", Pattern.class).getAttributes().get("regexp"))
          .contains("EARLY_HELP").contains("CHILDRENS_SOCIAL_CARE");
      // the household: at most 20 rows, each cascaded to a row with its columns' constraints
      assertThat(constraints(d, "household$members")).containsExactly(Size.class);
      assertThat(constraint(d, "household$members", Size.class).getAttributes()).containsEntry("max", 20);
      Set<ContainerElementTypeDescriptor> rows = d.getConstraintsForProperty("household$members").getConstrainedContainerElementTypes();
      assertThat(rows).singleElement().satisfies(e -> assertThat(e.isCascaded()).isTrue());
      // the rules across fields: one class-level constraint
      assertThat(d.getConstraintDescriptors()).extracting(c -> (Object) c.getAnnotation().annotationType())
          .containsExactly(CrossFieldRules.class);
    }
  }

  @Test
  void mace_multiChoice_optionsOnEachElement_noDuplicates_andAnAgeIsBounded() {
    try (CompiledForm form = CompiledForm.of(MACE)) {
      BeanDescriptor d = form.descriptor();
      assertThat(constraints(d, "riskFactors$safeguard")).containsExactlyInAnyOrder(NotNull.class, NoDuplicates.class);
      assertThat(d.getConstraintsForProperty("riskFactors$safeguard").getConstrainedContainerElementTypes())
          .singleElement().satisfies(e -> assertThat(e.getConstraintDescriptors())
              .extracting(c -> (Object) c.getAnnotation().annotationType()).containsExactly(Pattern.class));
    }
    FormSchema prevent = Forms.cityOfLondon().form("prevent").orElseThrow();
    try (CompiledForm form = CompiledForm.of(prevent)) {
      assertThat(constraints(form.descriptor(), "individual$approxAge"))
          .containsExactlyInAnyOrder(Digits.class, DecimalMin.class, DecimalMax.class);
    }
  }

  @Test
  void everyFieldOfEveryForm_isAPropertyOfTheGeneratedHolder_whichIsHiddenAndNotPublicApi() {
    for (FormSchema schema : Forms.cityOfLondon().forms()) {
      try (CompiledForm form = CompiledForm.of(schema)) {
        assertThat(form.beanClass().isHidden()).isTrue();
        assertThat(Modifier.isPublic(form.beanClass().getSuperclass().getModifiers())).isFalse();
        BeanDescriptor d = form.descriptor();
        for (Field f : schema.fields().values()) {
          boolean checked = f.required() || f.type() != FieldType.BOOLEAN;
          assertThat(d.getConstraintsForProperty(f.id().replace('.', '$')) != null)
              .as(schema.id() + " " + f.id()).isEqualTo(checked);
        }
      }
    }
  }

  @Test
  void theDayReachesTheDateConstraints_perCall_alsoInParallel() throws Exception {
    FormData tomorrow = marf().set("referrer.date", TODAY.plusDays(1).toString()).build();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Violation>>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        LocalDate day = i % 2 == 0 ? TODAY : TODAY.plusDays(1);
        results.add(pool.submit(() -> VALIDATOR.validate(MARF, tomorrow, day)));
      }
      for (int i = 0; i < results.size(); i++) {
        List<String> found = results.get(i).get().stream().map(v -> v.field() + " " + v.code()).collect(Collectors.toList());
        if (i % 2 == 0) {
          assertThat(found).as("checked on " + TODAY).containsExactly("referrer.date future-date");
        } else {
          assertThat(found).as("checked on the day after").isEmpty();
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void oneViolationPerField_theLengthBeforeTheFormat() {
    assertThat(FormValidatorTest.check(MARF, marf().set("child.nhsNumber", "9434765919 9434765919").build()))
        .containsExactly("child.nhsNumber too-long");
    assertThat(FormValidatorTest.check(MARF, marf().set("referrer.name", " ".repeat(201)).build()))
        .containsExactly("referrer.name too-long");
    assertThat(FormValidatorTest.check(MARF, marf().set("referrer.date", "2025-02-30").build()))
        .containsExactly("referrer.date invalid-date");
  }

  @Test
  void repeatedItemsOfTheWrongType_areWrongType_notDuplicateOptions() {
    FormData data = FormData.builder().set("riskFactors.safeguard", List.of(7, 7)).build();
    assertThat(VALIDATOR.validate(MACE, data, TODAY)).extracting(v -> v.field() + " " + v.code())
        .contains("riskFactors.safeguard[0] wrong-type", "riskFactors.safeguard[1] wrong-type")
        .doesNotContain("riskFactors.safeguard duplicate-option");
    FormData twice = FormData.builder().set("riskFactors.safeguard", List.of("GANGS_AND_CRIME", "GANGS_AND_CRIME")).build();
    assertThat(VALIDATOR.validate(MACE, twice, TODAY)).extracting(v -> v.field() + " " + v.code())
        .contains("riskFactors.safeguard duplicate-option");
  }

  @Test
  void twoUnknownKeys_areOneUnknownFieldViolation_neitherEchoed() {
    List<Violation> v = VALIDATOR.validate(MARF, marf().set("Jane Smith", "x").set("Amara Okafor", "y").build(), TODAY);
    assertThat(v).extracting(Violation::field).containsExactly("<unknown field>");
    assertThat(v.toString()).doesNotContain("Jane").doesNotContain("Amara");
  }

  @Test
  void aRowIsValidatedByItsColumnsConstraints_pathsNameTheFormField() {
    FormData data = marf().set("household.members", List.of(
        Map.of("surname", "Okafor", "forename", "Ngozi", "relationship", "Mother", "dateOfBirthOrEdd", "2030-01-01"),
        Map.of("surname", " ", "forename", "Daniel"))).build();
    assertThat(FormValidatorTest.check(MARF, data)).containsExactly(
        "household.members[0].dateOfBirthOrEdd due-date-too-far",
        "household.members[1].surname blank",
        "household.members[1].relationship required");
  }
}
