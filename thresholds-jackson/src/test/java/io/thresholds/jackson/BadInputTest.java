package io.thresholds.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.thresholds.core.InvalidValueException;
import io.thresholds.core.model.Referral;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/**
 * Every kind of bad input fails with a Jackson exception that says where (the JSON path, or the
 * line and column for JSON that does not parse) and which rule was broken.
 */
class BadInputTest {
  static final String MINIMAL = Fixtures.text("referral-minimal.json");

  /** The minimal referral with one piece of text replaced. */
  static String minimalWith(String target, String replacement) {
    assertThat(MINIMAL).contains(target);
    return MINIMAL.replace(target, replacement);
  }

  static JsonMappingException mappingError(String json) {
    JsonMappingException e = catchThrowableOfType(JsonMappingException.class, () -> ThresholdsJson.readReferral(json));
    assertThat(e).as("expected a JsonMappingException").isNotNull();
    return e;
  }

  @Test
  void unknownProperty_failsWithItsPath() {
    JsonMappingException e = mappingError(minimalWith("\"mobility\":\"mobile\"", "\"mobility\":\"mobile\",\"colour\":\"red\""));
    assertThat(e).isInstanceOf(UnrecognizedPropertyException.class);
    // issue 15: an unknown name may be personal data, so it is never shown
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("household.children[0].<unknown field>");
    assertThat(e.getMessage()).doesNotContain("colour").contains("dateOfBirth");
    // The message a batch record or the CLI shows: the type and the properties it may have, to fix a
    // misspelt name by, never the name itself.
    assertThat(e.getOriginalMessage()).doesNotContain("colour")
        .startsWith("Unrecognized property of Child (its name is not shown")
        .contains("the properties it may have: ref,", "dateOfBirth", "mobility");
  }

  @Test
  void unknownProperty_atTheTop_failsWithItsPath() {
    JsonMappingException e = mappingError(minimalWith("\"ref\":\"r-001\"", "\"ref\":\"r-001\",\"priority\":1"));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("<unknown field>");
  }

  /** The hardened mapper with a problem handler that accepts (skips) every unknown property. */
  static com.fasterxml.jackson.databind.ObjectMapper skippingUnknown() {
    return ThresholdsJson.newMapper().copy().addHandler(new DeserializationProblemHandler() {
      @Override
      public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
          JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
        p.skipChildren();
        return true;
      }
    });
  }

  @Test
  void unknownProperty_failsEvenWhereTheMapperSkipsUnknownProperties_soAMisspeltConcernsIsNotDropped() {
    // A mapper of the integrator's own, configured as Spring Boot's is (FAIL_ON_UNKNOWN_PROPERTIES
    // off): "concern" for "concerns" would otherwise read as a referral without concerns, Tier 1.
    String misspelt = minimalWith("\"concerns\":", "\"concern\":");
    for (var mapper : java.util.List.of(
        ThresholdsJson.newMapper().copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES),
        new com.fasterxml.jackson.databind.ObjectMapper().registerModule(new ThresholdsModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))) {
      UnrecognizedPropertyException e = catchThrowableOfType(UnrecognizedPropertyException.class,
          () -> mapper.readValue(misspelt, Referral.class));
      assertThat(e).as("a misspelt property must not be dropped").isNotNull();
      assertThat(ThresholdsJson.pathOf(e)).isEqualTo("<unknown field>");
      assertThat(e.getPropertyName()).isEqualTo("<unknown field>");
      assertThat(e.getOriginalMessage()).doesNotContain("concern,").contains("the properties it may have: ", "concerns");
      // the other documents read the same way
      String evaluation = Fixtures.text("evaluation-full.json")
          .replaceFirst("\"policyVersion\"", "\"Jane Smith\": 1, \"policyVersion\"");
      String policy = Fixtures.text("policy-city-of-london.json")
          .replaceFirst("\"documentTitle\"", "\"Jane Smith\": 1, \"documentTitle\"");
      for (var read : java.util.List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
          () -> mapper.readValue(evaluation, io.thresholds.core.evaluation.Evaluation.class),
          () -> mapper.readValue(policy, io.thresholds.core.policy.Policy.class))) {
        UnrecognizedPropertyException other = catchThrowableOfType(UnrecognizedPropertyException.class, read);
        assertThat(other).isNotNull();
        assertThat(ThresholdsJson.pathOf(other)).isEqualTo("<unknown field>");
        assertThat(other.getMessage()).doesNotContain("Jane");
      }
    }
  }

  @Test
  void unknownProperty_aProblemHandlerMayAcceptIt_theIntegratorsExplicitChoice() throws Exception {
    Referral read = skippingUnknown().readValue(
        minimalWith("\"ref\":\"r-001\"", "\"ref\":\"r-001\",\"extra\":{\"a\":[1,2]}"), Referral.class);
    assertThat(read).isEqualTo(ThresholdsJson.readReferral(MINIMAL));
  }

  @Test
  void unknownProperty_givenTwice_toAHandlerThatSkipsIt_theParsersMessageNeverQuotesTheName() {
    // The name holds the quote the parser's message puts around it.
    StreamReadException e = catchThrowableOfType(StreamReadException.class, () -> skippingUnknown().readValue(
        minimalWith("\"ref\":\"r-001\"", "\"ref\":\"r-001\",\"O'Brien, Jane\":1,\"O'Brien, Jane\":2"), Referral.class));
    assertThat(e.getOriginalMessage()).isEqualTo("Duplicate property (not shown)");
    assertThat(In.cleanMessage("Duplicate field 'O'Brien'")).isEqualTo("Duplicate property (not shown)");
    assertThat(In.cleanMessage("Duplicate Object property \"Jane \"Doe\"\"")).isEqualTo("Duplicate property (not shown)");
  }

  @Test
  void duplicateKey_failsWithItsPath_lineAndColumn() {
    String json = minimalWith("\"ref\":\"c1\"", "\n\"ref\":\"c1\",\"ref\":\"c2\"");
    JsonMappingException e = mappingError(json);
    assertThat(e).isInstanceOf(MismatchedInputException.class);
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("household.children[0].ref");
    assertThat(e.getOriginalMessage()).isEqualTo("property 'ref' is given twice");
    assertThat(e.getLocation().getLineNr()).isEqualTo(2);
    assertThat(e.getLocation().getColumnNr()).isEqualTo(18);
  }

  @Test
  void duplicateKey_inAMapOfTheFormat_failsWithItsPath() {
    JsonMappingException e = mappingError(minimalWith("\"exclusions\":{}", "\"exclusions\":{\"c9\":\"a\",\"c9\":\"b\"}"));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("exclusions.c9");
  }

  @Test
  void duplicateKey_withTheHardenedMapperDirectly_failsWhileParsing() {
    String json = minimalWith("\"ref\":\"c1\"", "\n\"ref\":\"c1\",\"ref\":\"c2\"");
    StreamReadException e = catchThrowableOfType(StreamReadException.class,
        () -> ThresholdsJson.newMapper().readValue(json, Referral.class));
    assertThat(e.getOriginalMessage()).isEqualTo("Duplicate property (not shown)");
    assertThat(e.getLocation().getLineNr()).isEqualTo(2);
    assertThat(e.getLocation().getColumnNr()).isEqualTo(17);
  }

  @Test
  void duplicateKey_failsEvenWithAMapperThatDoesNotDetectThem() throws Exception {
    var lenient = com.fasterxml.jackson.databind.json.JsonMapper.builder()
        .addModule(new ThresholdsModule()).build();
    JsonMappingException e = catchThrowableOfType(JsonMappingException.class, () -> lenient.readValue(
        minimalWith("\"immediateDanger\":false", "\"immediateDanger\":false,\"immediateDanger\":true"),
        Referral.class));
    assertThat(e.getOriginalMessage()).contains("'immediateDanger' is given twice");
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("immediateDanger");
  }

  @Test
  void wrongType_failsWithItsPath() {
    JsonMappingException e = mappingError(minimalWith("\"immediateDanger\":false", "\"immediateDanger\":\"no\""));
    assertThat(e).isInstanceOf(MismatchedInputException.class);
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("immediateDanger");
    assertThat(e.getOriginalMessage()).isEqualTo("expected true or false");
  }

  @Test
  void wrongType_objectForAList() {
    JsonMappingException e = mappingError(minimalWith("\"referredChildren\":[\"c1\"]", "\"referredChildren\":{\"c1\":true}"));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("referredChildren");
    assertThat(e.getOriginalMessage()).isEqualTo("expected a JSON array");
  }

  @Test
  void nullForARequiredProperty_fails() {
    JsonMappingException e = mappingError(minimalWith("\"ref\":\"r-001\"", "\"ref\":null"));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("ref");
    assertThat(e.getOriginalMessage()).startsWith("must not be null");
  }

  @Test
  void nullForAnOptionalProperty_fails_leaveItOutInstead() {
    JsonMappingException e = mappingError(minimalWith("\"mobility\":\"mobile\"", "\"mobility\":\"mobile\",\"school\":null"));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("household.children[0].school");
  }

  @Test
  void nullInAList_fails() {
    JsonMappingException e = mappingError(minimalWith("\"referredChildren\":[\"c1\"]", "\"referredChildren\":[\"c1\",null]"));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("referredChildren[1]");
  }

  @Test
  void missingRequiredProperty_fails() {
    JsonMappingException e = mappingError(minimalWith("\"madeAt\":\"2025-11-21T19:00:00Z\",", ""));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("madeAt");
    assertThat(e.getOriginalMessage()).isEqualTo("missing required property 'madeAt'");
  }

  @Test
  void missingFormat_fails() {
    JsonMappingException e = mappingError(minimalWith("\"format\":\"thresholds/referral@1\",", ""));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("format");
  }

  @Test
  void otherFormatVersion_fails() {
    JsonMappingException e = mappingError(minimalWith("referral@1", "referral@3"));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("format");
    assertThat(e.getOriginalMessage()).contains("thresholds/referral@1").contains("thresholds/referral@2");
  }

  @Test
  void evaluationDocument_isNotAReferral() {
    JsonMappingException e = mappingError(minimalWith("referral@1", "evaluation@1"));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("format");
  }

  @Test
  void impossibleDate_failsWithItsPath() {
    JsonMappingException e = mappingError(minimalWith("2013-05-01", "2013-02-30"));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("household.children[0].dateOfBirth");
    assertThat(e.getOriginalMessage()).contains("yyyy-MM-dd");
  }

  @Test
  void instantWithoutOffset_fails() {
    JsonMappingException e = mappingError(minimalWith("2025-11-21T19:00:00Z", "2025-11-21T19:00:00"));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("madeAt");
  }

  @Test
  void unknownEnumValue_failsListingTheAllowedValues() {
    JsonMappingException e = mappingError(minimalWith("\"parent-carer\"", "\"PARENT_CARER\""));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("concerns[0].subject");
    assertThat(e.getOriginalMessage()).contains("child, parent-carer, household-member");
  }

  @Test
  void attendance_outOfRangeOrFractional_fails() {
    for (String bad : new String[] {"101", "-1", "85.5", "99999999999999"}) {
      JsonMappingException e = mappingError(minimalWith("\"mobility\":\"mobile\"",
          "\"mobility\":\"mobile\",\"school\":{\"onRoll\":true,\"attendancePercent\":" + bad + "}"));
      assertThat(ThresholdsJson.pathOf(e)).isEqualTo("household.children[0].school.attendancePercent");
      assertThat(e.getOriginalMessage()).isEqualTo("expected a whole number from 0 to 100");
    }
  }

  @Test
  void brokenDomainRule_failsWithTheRuleAndTheDomainField() {
    JsonMappingException e = mappingError(minimalWith("\"ref\":\"c1\",\"dateOfBirth\":\"2013-05-01\",\"mobility\":\"mobile\"}",
        "\"ref\":\"c1\",\"dateOfBirth\":\"2013-05-01\",\"mobility\":\"mobile\"},{\"ref\":\"c2\",\"dateOfBirth\":\"2015-05-01\"}"));
    assertThat(e).isInstanceOf(ValueInstantiationException.class);
    assertThat(e.getCause()).isInstanceOf(InvalidValueException.class);
    assertThat(((InvalidValueException) e.getCause()).field()).isEqualTo("household.children[1]");
    assertThat(e.getOriginalMessage()).contains("every child in the household must be referred or excluded");
    assertThat(ThresholdsJson.pathOf(e)).isEmpty();
  }

  @Test
  void brokenDomainRule_inANestedValue_hasThePathOfThatValue() {
    JsonMappingException e = mappingError(minimalWith("\"dateOfBirth\":\"2013-05-01\"",
        "\"dateOfBirth\":\"2013-05-01\",\"expectedDateOfDelivery\":\"2013-05-01\""));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("household.children[0]");
    assertThat(e.getOriginalMessage()).contains("exactly one of dateOfBirth and expectedDateOfDelivery");
  }

  @Test
  void invalidReference_fails() {
    JsonMappingException e = mappingError(minimalWith("\"subjectRef\":\"a1\"", "\"subjectRef\":\"a 1\""));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("concerns[0].subjectRef");
  }

  @Test
  void malformedIndicatorCode_fails() {
    JsonMappingException e = mappingError(minimalWith("T2-PAR-PARENTAL-SUBSTANCE-USE", "parental substance use"));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("concerns[0].indicator");
  }

  @Test
  void trailingTokens_fail() {
    JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
        () -> ThresholdsJson.readReferral(MINIMAL + " {}"));
    // issue 15: content after the document is malformed JSON, not an invalid referral
    assertThat(e).isInstanceOf(StreamReadException.class);
    assertThat(e.getOriginalMessage()).contains("after the end of the document");
  }

  @Test
  void malformedJson_failsWithLineAndColumn() {
    String json = MINIMAL.replace(",\"household\"", ",\n\"household\"").replace("\"referredChildren\":[\"c1\"]", "\"referredChildren\":[\"c1\"");
    JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> ThresholdsJson.readReferral(json));
    assertThat(e.getLocation().getLineNr()).isEqualTo(2);
    assertThat(e.getOriginalMessage()).contains("Unexpected character");
  }

  @Test
  void emptyDocument_andNull_fail() {
    assertThat(catchThrowableOfType(MismatchedInputException.class, () -> ThresholdsJson.readReferral("")))
        .hasMessageContaining("No content");
    assertThat(catchThrowableOfType(MismatchedInputException.class, () -> ThresholdsJson.readReferral("null")))
        .hasMessageContaining("not null");
    assertThat(catchThrowableOfType(MismatchedInputException.class, () -> ThresholdsJson.readReferral("[]")))
        .hasMessageContaining("expected a JSON object");
  }

  @Test
  void tooDeepNesting_inTheDocument_fails() {
    String deep = "[".repeat(ThresholdsJson.MAX_NESTING_DEPTH + 1) + "]".repeat(ThresholdsJson.MAX_NESTING_DEPTH + 1);
    // Where the format expects something else, the reader stops at the first wrong token, with the path ...
    JsonMappingException e = mappingError(minimalWith("\"referredChildren\":[\"c1\"]", "\"referredChildren\":" + deep));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("referredChildren[0]");
    // ... and where a problem handler of the mapper skips an unknown property, the nesting limit stops
    // it, at the unknown property's place but never by its name (it may be a name typed there).
    JsonMappingException deepUnknown = catchThrowableOfType(JsonMappingException.class, () -> skippingUnknown()
        .readValue(minimalWith("\"ref\":\"r-001\"", "\"ref\":\"r-001\",\"Jane Smith\":" + deep), Referral.class));
    assertThat(deepUnknown.getCause()).isInstanceOf(StreamConstraintsException.class);
    assertThat(deepUnknown.getOriginalMessage()).contains("nesting depth");
    assertThat(ThresholdsJson.pathOf(deepUnknown)).isEqualTo("<unknown field>");
    assertThat(deepUnknown.getMessage()).doesNotContain("Jane");
    // The hardened mapper refuses it for any target type.
    assertThat(catchThrowableOfType(StreamConstraintsException.class, () -> ThresholdsJson.newMapper().readTree(deep)))
        .hasMessageContaining("nesting depth");
  }

  @Test
  void tooLongString_fails() {
    String longNote = "x".repeat(ThresholdsJson.MAX_STRING_LENGTH + 1);
    JsonMappingException e = mappingError(minimalWith("\"observedOn\":\"2025-11-20\"", "\"observedOn\":\"2025-11-20\",\"note\":\"" + longNote + "\""));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("concerns[0].note");
    assertThat(e.getOriginalMessage()).contains("String value length");
  }

  @Test
  void tooLongDocument_fails() {
    String padded = MINIMAL.replace(",\"household\"", " ".repeat((int) ThresholdsJson.MAX_DOCUMENT_LENGTH) + ",\"household\"");
    Throwable e = catchThrowableOfType(JsonProcessingException.class, () -> ThresholdsJson.readReferral(new StringReader(padded)));
    assertThat(e).hasMessageContaining("Document length");
  }

  @Test
  void parseErrorsAreStreamReadExceptions() {
    assertThat(catchThrowableOfType(StreamReadException.class, () -> ThresholdsJson.readReferral("{\"format\" 1}")))
        .isNotNull();
  }

  // ---- limits of the module's own ---------------------------------------------------------------

  private static String children(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ",").append("{\"ref\":\"c").append(i).append("\",\"dateOfBirth\":\"2013-05-01\"}");
    }
    return b.toString();
  }

  @Test
  void tooManyChildren_failAtTheFirstOneTooMany() {
    JsonMappingException e = mappingError(minimalWith("{\"ref\":\"c1\",\"dateOfBirth\":\"2013-05-01\",\"mobility\":\"mobile\"}",
        children(ThresholdsJson.MAX_CHILDREN + 1)));
    assertThat(e).isInstanceOf(MismatchedInputException.class);
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("household.children[" + ThresholdsJson.MAX_CHILDREN + "]");
    assertThat(e.getOriginalMessage()).isEqualTo("too many children: at most 30 are accepted");
  }

  @Test
  void asManyChildrenAsTheLimit_areRead() throws Exception {
    StringBuilder referred = new StringBuilder();
    for (int i = 0; i < ThresholdsJson.MAX_CHILDREN; i++) {
      referred.append(i == 0 ? "" : ",").append("\"c").append(i).append('"');
    }
    Referral r = ThresholdsJson.readReferral(minimalWith("{\"ref\":\"c1\",\"dateOfBirth\":\"2013-05-01\",\"mobility\":\"mobile\"}",
        children(ThresholdsJson.MAX_CHILDREN)).replace("\"referredChildren\":[\"c1\"]", "\"referredChildren\":[" + referred + "]"));
    assertThat(r.household().children()).hasSize(ThresholdsJson.MAX_CHILDREN);
  }

  @Test
  void tooManyReferredChildren_fail() {
    String many = String.join(",", java.util.Collections.nCopies(ThresholdsJson.MAX_CHILDREN + 1, "\"c1\""));
    JsonMappingException e = mappingError(minimalWith("\"referredChildren\":[\"c1\"]", "\"referredChildren\":[" + many + "]"));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("referredChildren[30]");
  }

  @Test
  void tooManyAdults_fail() {
    StringBuilder adults = new StringBuilder();
    for (int i = 0; i <= ThresholdsJson.MAX_ADULTS; i++) {
      adults.append(i == 0 ? "" : ",").append("{\"ref\":\"a").append(i)
          .append("\",\"relationship\":\"other\",\"parentalResponsibility\":false}");
    }
    JsonMappingException e = mappingError(minimalWith("{\"ref\":\"a1\",\"relationship\":\"mother\",\"parentalResponsibility\":true}", adults.toString()));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("household.adults[30]");
    assertThat(e.getOriginalMessage()).isEqualTo("too many adults: at most 30 are accepted");
  }

  @Test
  void tooManyConcerns_failAtTheFirstOneTooMany() throws Exception {
    String concern = "{\"indicator\":\"T2-PAR-PARENTAL-SUBSTANCE-USE\",\"subject\":\"parent-carer\",\"subjectRef\":\"a1\",\"observedOn\":\"2025-11-20\"}";
    String atLimit = String.join(",", java.util.Collections.nCopies(ThresholdsJson.MAX_CONCERNS, concern));
    assertThat(ThresholdsJson.readReferral(minimalWith(concern, atLimit)).concerns()).hasSize(ThresholdsJson.MAX_CONCERNS);

    JsonMappingException e = mappingError(minimalWith(concern, atLimit + "," + concern));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("concerns[" + ThresholdsJson.MAX_CONCERNS + "]");
    assertThat(e.getOriginalMessage()).isEqualTo("too many concerns: at most 500 are accepted");
  }
}
