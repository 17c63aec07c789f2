package io.thresholds.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.thresholds.forms.FormSchema;
import io.thresholds.forms.prefill.PrefilledForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad {@code thresholds/form@1} documents fail with the JSON path and the rule, never an answer. */
class FormBadInputTest {
  /** A small completed MARF, compact, to edit. */
  static final String FORM = "{\"format\":\"thresholds/form@1\",\"form\":\"marf\",\"formVersion\":\""
      + FormJsonTest.MARF.version() + "\",\"answers\":{\"referralType.service\":\"EARLY_HELP\","
      + "\"child.surname\":\"Okafor\",\"child.nhsNumber\":\"943 476 5919\",\"child.dateOfBirthOrEdd\":\"2014-05-09\","
      + "\"household.members\":[{\"surname\":\"Okafor\",\"forename\":\"Ngozi\",\"relationship\":\"Mother\",\"alsoReferred\":false}]},"
      + "\"notes\":[]}";

  static String formWith(String target, String replacement) {
    assertThat(FORM).contains(target);
    return FORM.replace(target, replacement);
  }

  static JsonMappingException error(String json) {
    return error(json, FormJsonTest.MARF);
  }

  static JsonMappingException error(String json, FormSchema schema) {
    JsonMappingException e = catchThrowableOfType(JsonMappingException.class, () -> ThresholdsJson.readForm(json, schema));
    assertThat(e).as("expected a JsonMappingException").isNotNull();
    return e;
  }

  @Test
  void theSmallForm_isValidInput() throws Exception {
    assertThat(ThresholdsJson.readForm(FORM, FormJsonTest.MARF).fieldIds()).hasSize(5);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // case                         | target                                  | replacement                                          | path                               | message
      "unknown envelope property      | \"notes\":[]                            | \"notes\":[],\"signedBy\":\"x\"                      | <unknown field>                    | Unrecognized property",
      "envelope property twice        | \"notes\":[]                            | \"notes\":[],\"notes\":[]                            | notes                              | property 'notes' is given twice",
      "answer twice                   | \"child.surname\":\"Okafor\"            | \"child.surname\":\"Okafor\",\"child.surname\":\"O\" | answers.child.surname              | the same key is given twice",
      "column twice                   | \"forename\":\"Ngozi\"                  | \"forename\":\"Ngozi\",\"forename\":\"N\"            | answers.household.members[0].forename | the same key is given twice",
      "null answer                    | \"child.surname\":\"Okafor\"            | \"child.surname\":null                               | answers.child.surname              | must not be null",
      "null column                    | \"relationship\":\"Mother\"             | \"relationship\":null                                | answers.household.members[0].relationship | must not be null",
      "null row                       | \"household.members\":[{                | \"household.members\":[null,{                        | answers.household.members[0]       | must not be null",
      "null envelope property         | \"notes\":[]                            | \"notes\":null                                       | notes                              | must not be null",
      "null note                      | \"notes\":[]                            | \"notes\":[null]                                     | notes[0]                           | must not be null",
      "number for text                | \"child.surname\":\"Okafor\"            | \"child.surname\":17                                 | answers.child.surname              | expected a string (TEXT)",
      "list for a choice              | \"referralType.service\":\"EARLY_HELP\" | \"referralType.service\":[\"EARLY_HELP\"]            | answers.referralType.service       | expected a string (CHOICE)",
      "text for a tick box            | \"alsoReferred\":false                  | \"alsoReferred\":\"no\"                              | answers.household.members[0].alsoReferred | expected true or false",
      "object for a group             | \"household.members\":[{                | \"household.members\":{\"x\":[{                      | answers.household.members          | expected a JSON array",
      "list for a row                 | \"household.members\":[{                | \"household.members\":[[],{                          | answers.household.members[0]       | expected a JSON object",
      "text for the answers           | \"answers\":{                           | \"answers\":\"none\",\"x\":{                         | answers                            | expected a JSON object",
      "unknown field of a section     | \"child.surname\":\"Okafor\"            | \"child.surnmae\":\"Okafor\"                         | answers.child.surnmae              | not a field of the form 'marf'",
      "unknown column                 | \"forename\":\"Ngozi\"                  | \"firstName\":\"Ngozi\"                              | answers.household.members[0].<unknown column> | its columns are surname, forename",
      "other format                   | thresholds/form@1                       | thresholds/form@2                                    | format                             | this reader reads thresholds/form@1",
      "a referral is not a form       | thresholds/form@1                       | thresholds/referral@1                                | format                             | this reader reads thresholds/form@1",
      "missing answers                | \"answers\":{                           | \"x\":{                                              | <unknown field>                    | Unrecognized property",
      "missing form version           | ,\"formVersion\":                       | ,\"other\":                                          | <unknown field>                    | Unrecognized property",
  })
  void badInput_failsWithThePathAndTheRule(String description, String target, String replacement, String path, String message) {
    JsonMappingException e = error(formWith(target.strip(), replacement.strip()));
    assertThat(ThresholdsJson.pathOf(e)).as(description).isEqualTo(path.strip());
    assertThat(e.getOriginalMessage()).as(description).contains(message.strip());
  }

  @Test
  void missingRequiredProperties_fail() {
    JsonMappingException e = error(formWith(",\"notes\":[]", "").replace(",\"formVersion\":\"" + FormJsonTest.MARF.version() + "\"", ""));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("formVersion");
    assertThat(e.getOriginalMessage()).isEqualTo("missing required property 'formVersion'");
    JsonMappingException answers = error("{\"format\":\"thresholds/form@1\",\"form\":\"marf\",\"formVersion\":\"" + FormJsonTest.MARF.version() + "\"}");
    assertThat(ThresholdsJson.pathOf(answers)).isEqualTo("answers");
  }

  @Test
  void notesMayBeLeftOut() throws Exception {
    PrefilledForm form = ThresholdsJson.readPrefilledForm(formWith(",\"notes\":[]", ""), FormJsonTest.MARF);
    assertThat(form.notes()).isEmpty();
  }

  @Test
  void unknownField_isAnUnrecognizedPropertyException() {
    JsonMappingException e = error(formWith("\"child.surname\"", "\"child.surnmae\""));
    assertThat(e).isInstanceOf(UnrecognizedPropertyException.class);
    assertThat(((UnrecognizedPropertyException) e).getPropertyName()).isEqualTo("child.surnmae");
  }

  @Test
  void ageAnswers_mustBeWholeNumbers() {
    String prevent = "{\"format\":\"thresholds/form@1\",\"form\":\"prevent\",\"formVersion\":\""
        + FormJsonTest.PREVENT.version() + "\",\"answers\":{\"individual.approxAge\":AGE}}";
    for (String bad : new String[] {"17.5", "\"17\"", "99999999999", "true", "[17]"}) {
      JsonMappingException e = error(prevent.replace("AGE", bad), FormJsonTest.PREVENT);
      assertThat(ThresholdsJson.pathOf(e)).as(bad).isEqualTo("answers.individual.approxAge");
      assertThat(e.getOriginalMessage()).as(bad).isEqualTo("expected a whole number");
    }
  }

  @Test
  void listAnswers_areListsOfTheirType() {
    String prevent = "{\"format\":\"thresholds/form@1\",\"form\":\"prevent\",\"formVersion\":\""
        + FormJsonTest.PREVENT.version() + "\",\"answers\":{\"individual.phones\":PHONES}}";
    JsonMappingException one = error(prevent.replace("PHONES", "\"020 7946 0018\""), FormJsonTest.PREVENT);
    assertThat(ThresholdsJson.pathOf(one)).isEqualTo("answers.individual.phones");
    assertThat(one.getOriginalMessage()).isEqualTo("expected a JSON array");
    JsonMappingException number = error(prevent.replace("PHONES", "[\"020 7946 0018\",2079460018]"), FormJsonTest.PREVENT);
    assertThat(ThresholdsJson.pathOf(number)).isEqualTo("answers.individual.phones[1]");
  }

  @Test
  void multiChoice_isAListOfStrings() {
    String mace = Fixtures.text("form-mace.json");
    String json = mace.replaceFirst("\"riskFactors.safeguard\": \\[", "\"riskFactors.safeguard\": [ true, ");
    assertThat(json).isNotEqualTo(mace);
    JsonMappingException e = error(json, FormJsonTest.MACE);
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("answers.riskFactors.safeguard[0]");
    assertThat(e.getOriginalMessage()).isEqualTo("expected a string");
  }

  @Test
  void aMapperThatSkipsUnknownProperties_stillRefusesUnknownFields() {
    var lenient = ThresholdsJson.newMapper().copy()
        .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    var reader = lenient.readerFor(PrefilledForm.class).withAttribute(ThresholdsModule.FORM_SCHEMA_ATTRIBUTE, FormJsonTest.MARF);
    JsonMappingException e = catchThrowableOfType(JsonMappingException.class,
        () -> reader.readValue(formWith("\"child.surname\"", "\"child.surnmae\"")));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("answers.child.surnmae");
  }

  @Test
  void malformedJson_andTrailingTokens_fail() {
    assertThat(catchThrowableOfType(StreamReadException.class,
        () -> ThresholdsJson.readForm(formWith("\"child.surname\":\"Okafor\"", "\"child.surname\":Okafor"), FormJsonTest.MARF)))
        .isNotNull();
    JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> ThresholdsJson.readForm(FORM + "{}", FormJsonTest.MARF));
    assertThat(e).isInstanceOf(StreamReadException.class);
    assertThat(catchThrowableOfType(MismatchedInputException.class, () -> ThresholdsJson.readForm("null", FormJsonTest.MARF)))
        .hasMessageContaining("not null");
  }

  @Test
  void tooDeepNesting_fails() {
    String deep = "[".repeat(ThresholdsJson.MAX_NESTING_DEPTH + 1) + "]".repeat(ThresholdsJson.MAX_NESTING_DEPTH + 1);
    JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
        () -> ThresholdsJson.readForm(formWith("\"notes\":[]", "\"notes\":" + deep), FormJsonTest.MARF));
    assertThat(e).isNotNull();
  }
}
