package io.thresholds.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Jackson's own messages quote the offending input. A date of birth, a name, an NHS number or free
 * text must never appear in an error: not in the message, not in a cause, not in a stack trace
 * printed to a log. Each case puts an invalid personal value where it does not fit.
 */
class NoPersonalDataInErrorsTest {
  private static final String CHILD = "\"ref\":\"c1\",\"dateOfBirth\":\"2013-05-01\"";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // case                                  | replacement of the child's ref and date of birth          | the personal value
      "impossible date of birth                | \"ref\":\"c1\",\"dateOfBirth\":\"2013-02-30\"               | 2013-02-30",
      "text for a date of birth                | \"ref\":\"c1\",\"dateOfBirth\":\"Ngozi Adebayo-Smith\"      | Ngozi Adebayo-Smith",
      "number for a date of birth              | \"ref\":\"c1\",\"dateOfBirth\":20130501                   | 20130501",
      "impossible expected date of delivery    | \"ref\":\"c1\",\"expectedDateOfDelivery\":\"2026-13-01\"    | 2026-13-01",
      "number for an NHS number                | " + CHILD + ",\"personal\":{\"nhsNumber\":4857773456}       | 4857773456",
      "huge number for an NHS number           | " + CHILD + ",\"personal\":{\"nhsNumber\":485777345648577734564857773456} | 485777345648577734564857773456",
      "number for a surname                    | " + CHILD + ",\"personal\":{\"surname\":98765432}           | 98765432",
      "unquoted surname                        | " + CHILD + ",\"personal\":{\"surname\":Featherstonehaugh}  | Featherstonehaugh",
      "unquoted name at the start of a value   | " + CHILD + ",\"personal\":{\"forenames\":Tallulah Rose}     | Tallulah",
      "list for a forename                     | " + CHILD + ",\"personal\":{\"forenames\":[\"Tallulah\"]}   | Tallulah",
      "object for an address                   | " + CHILD + ",\"personal\":{\"address\":{\"street\":\"27 Quillfeather Row\"}} | Quillfeather",
      "boolean for a postcode                  | " + CHILD + ",\"personal\":{\"postcode\":true},\"x\":\"EC2V 7HH\" | EC2V 7HH",
      "name as a reference                     | \"ref\":\"Tallulah Quillfeather\",\"dateOfBirth\":\"2013-05-01\" | Tallulah",
      "name as an exclusion key                | " + CHILD + "},{\"ref\":\"c2\",\"dateOfBirth\":\"2014-01-01\"}],\"adults\":[]},\"referredChildren\":[\"c1\"],\"exclusions\":{\"Tallulah Quillfeather\":\"lives with her father\"},\"ignored\":{\"children\":[{\"ref\":\"c9\",\"dateOfBirth\":\"2013-05-01\" | Tallulah",
  })
  void errorNeverQuotesThePersonalValue(String description, String replacement, String personal) {
    String json = BadInputTest.minimalWith(CHILD, replacement.strip());
    JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> ThresholdsJson.readReferral(json));
    assertThat(e).as(description + ": reading must fail").isNotNull();
    assertNoTrace(e, personal.strip());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "text for a note                | \"note\":17 ,\"x\":\"He told me his mother hits him\" | He told me",
      "number for the legal basis     | \"note\":\"ok\" | 2718281828",
  })
  void freeTextIsNotQuotedEither(String description, String replacement, String text) {
    String json = BadInputTest.minimalWith("\"observedOn\":\"2025-11-20\"",
        "\"observedOn\":\"2025-11-20\"," + replacement.strip())
        .replace("\"consent\":{\"status\":\"given\"", "\"consent\":{\"legalBasis\":2718281828,\"status\":\"given\"");
    JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> ThresholdsJson.readReferral(json));
    assertThat(e).as(description).isNotNull();
    assertNoTrace(e, text.strip());
  }

  /**
   * The answers of a form are personal data through and through: a name, an NHS number or a date
   * of birth given where it does not fit never appears in the error, nor does a key that might be
   * a name typed in the wrong place.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // case                                 | target                                | replacement                                       | the personal value
      "NHS number as a number                 | \"child.nhsNumber\":\"943 476 5919\"  | \"child.nhsNumber\":9434765919                    | 9434765919",
      "huge number for an NHS number          | \"child.nhsNumber\":\"943 476 5919\"  | \"child.nhsNumber\":943476591994347659199434765919 | 943476591994347659199434765919",
      "date of birth as a number              | \"child.dateOfBirthOrEdd\":\"2014-05-09\" | \"child.dateOfBirthOrEdd\":20140509           | 20140509",
      "date of birth for a tick box           | \"alsoReferred\":false                | \"alsoReferred\":\"2014-05-09\"                   | 2014-05-09",
      "name for a tick box                    | \"alsoReferred\":false                | \"alsoReferred\":\"Daniel Quillfeather\"          | Quillfeather",
      "name as a list                         | \"child.surname\":\"Okafor\"          | \"child.surname\":[\"Quillfeather\"]              | Quillfeather",
      "name as an object                      | \"child.surname\":\"Okafor\"          | \"child.surname\":{\"Quillfeather\":1}            | Quillfeather",
      "unquoted name                          | \"child.surname\":\"Okafor\"          | \"child.surname\":Quillfeather                    | Quillfeather",
      "name as a field id                     | \"child.surname\":\"Okafor\"          | \"Tallulah Quillfeather\":\"Okafor\"                | Quillfeather",
      "name shaped like a field id            | \"child.surname\":\"Okafor\"          | \"tallulah.quillfeather\":\"x\"                   | quillfeather",
      "name as a column                       | \"forename\":\"Ngozi\"                | \"Quillfeather\":\"Ngozi\"                         | Quillfeather",
      "lower-case name as a column            | \"forename\":\"Ngozi\"                | \"quillfeather\":\"Ngozi\"                         | quillfeather",
      "name for the form                      | \"form\":\"marf\"                     | \"form\":\"Quillfeather\"                          | Quillfeather",
      "date of birth for the form version     | \"formVersion\":\"                     | \"formVersion\":\"2014-05-09\",\"x\":\"          | 2014-05-09",
      "NHS number as a note                   | \"notes\":[]                          | \"notes\":[9434765919]                            | 9434765919",
      "name after a duplicate answer          | \"child.surname\":\"Okafor\"          | \"child.surname\":\"Quillfeather\",\"child.surname\":\"Quillfeather\" | Quillfeather",
  })
  void formErrorNeverQuotesAnAnswer(String description, String target, String replacement, String personal) {
    String json = FormBadInputTest.formWith(target.strip(), replacement.strip());
    JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
        () -> ThresholdsJson.readForm(json, FormJsonTest.MARF));
    assertThat(e).as(description + ": reading must fail").isNotNull();
    assertNoTrace(e, personal.strip());
  }

  /** The value appears nowhere: message, causes, suppressed exceptions, printed stack trace. */
  static void assertNoTrace(Throwable e, String personal) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).as("stack trace of " + e).doesNotContain(personal);
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(personal);
      assertThat(t.toString()).doesNotContain(personal);
      if (t instanceof JsonMappingException) {
        assertThat(((JsonMappingException) t).getPathReference()).doesNotContain(personal);
      }
    }
  }
}
