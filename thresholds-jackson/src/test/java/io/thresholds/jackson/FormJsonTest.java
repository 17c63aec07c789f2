package io.thresholds.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.Policy;
import io.thresholds.forms.FormData;
import io.thresholds.forms.FormSchema;
import io.thresholds.forms.Forms;
import io.thresholds.forms.ReferralForm;
import io.thresholds.forms.prefill.FormPrefiller;
import io.thresholds.forms.prefill.PrefilledForm;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code thresholds/form@1}: completed and prefilled forms. */
class FormJsonTest {
  static final FormSchema MARF = schema("marf");
  static final FormSchema MACE = schema("mace");
  static final FormSchema PREVENT = schema("prevent");
  static final String MARF_JSON = Fixtures.text("form-marf.json");

  static FormSchema schema(String id) {
    return Forms.cityOfLondon().form(id).orElseThrow(() -> new AssertionError("no form " + id));
  }

  @Test
  void completedForm_isRead_withEveryAnswer() throws Exception {
    FormData data = ThresholdsJson.readForm(MARF_JSON, MARF);
    assertThat(data.get("child.nhsNumber")).contains("943 476 5919");
    assertThat(data.get("referralType.service")).contains("CHILDRENS_SOCIAL_CARE");
    List<?> members = (List<?>) data.get("household.members").orElseThrow();
    assertThat(members).hasSize(3);
    @SuppressWarnings("unchecked")
    Map<String, Object> second = (Map<String, Object>) members.get(1);
    @SuppressWarnings("unchecked")
    Map<String, Object> third = (Map<String, Object>) members.get(2);
    assertThat(second).containsEntry("alsoReferred", true).containsEntry("forename", "Daniel");
    assertThat(third).containsOnlyKeys("surname", "forename", "relationship");
    assertThat(data.fieldIds()).hasSize(Fixtures.tree(MARF_JSON).get("answers").size());
    // the same from a Reader and an InputStream
    assertThat(ThresholdsJson.readForm(new StringReader(MARF_JSON), MARF)).isEqualTo(data);
    assertThat(ThresholdsJson.readForm(new ByteArrayInputStream(MARF_JSON.getBytes(StandardCharsets.UTF_8)), MARF)).isEqualTo(data);
  }

  @Test
  void listsAndNumbers_keepTheirTypes() throws Exception {
    PrefilledForm form = ThresholdsJson.readPrefilledForm(Fixtures.text("form-prevent-with-notes.json"), PREVENT);
    assertThat(form.data().get("individual.approxAge")).contains(17);
    assertThat(form.data().get("individual.phones")).contains(List.of("07700 900123", "+44 7700 900456"));
    assertThat(form.notes()).hasSize(2);
    assertThat(form.schema()).isSameAs(PREVENT);
    FormData mace = ThresholdsJson.readForm(Fixtures.text("form-mace.json"), MACE);
    assertThat((List<?>) mace.get("riskFactors.safeguard").orElseThrow()).isNotEmpty().allMatch(String.class::isInstance);
  }

  @Test
  void writtenForm_isTheEnvelope_answersInTheOrderOfTheForm() throws Exception {
    FormData data = FormData.builder()
        .set("consent.parentsViewed", "NO")
        .set("child.surname", "Okafor")
        .set("referralType.service", "EARLY_HELP")
        .build();
    String json = ThresholdsJson.writeForm(MARF, data);
    assertThat(json).startsWith("{\n  \"format\": \"thresholds/form@1\",\n  \"form\": \"marf\",\n  \"formVersion\": \"" + MARF.version() + "\",")
        .endsWith("}\n");
    JsonNode tree = Fixtures.tree(json);
    assertThat(tree.get("answers").fieldNames()).toIterable()
        .containsExactly("referralType.service", "child.surname", "consent.parentsViewed");
    assertThat(tree.get("notes").isArray()).isTrue();
    assertThat(tree.get("notes")).isEmpty();
    assertThat(ThresholdsJson.readForm(json, MARF)).isEqualTo(data);
  }

  @Test
  void answers_areTheObjectTheCommandLineToolReadsToday() throws Exception {
    FormData data = ThresholdsJson.readForm(MARF_JSON, MARF);
    ObjectMapper plain = new ObjectMapper();
    // FormCommand --validate reads a bare object of answers into a Map and builds FormData.of(map)
    @SuppressWarnings("unchecked")
    Map<String, Object> bare = plain.readValue(Fixtures.tree(MARF_JSON).get("answers").toString(), Map.class);
    assertThat(FormData.of(bare)).isEqualTo(data);
  }

  @Test
  void prefilledForm_fromAReferral_roundTripsWithItsNotes() throws Exception {
    Policy policy = Policies.cityOfLondon();
    Referral referral = ThresholdsJson.readReferral(Fixtures.text("referral-full.json"));
    Evaluation evaluation = ThresholdEvaluator.of(policy).evaluate(referral, referral.madeAt());
    for (ReferralForm which : ReferralForm.values()) {
      PrefilledForm prefilled = FormPrefiller.of(policy, Forms.cityOfLondon())
          .prefill(which, referral, evaluation, Ref.of("child-1"));
      String json = ThresholdsJson.writeForm(prefilled);
      PrefilledForm back = ThresholdsJson.readPrefilledForm(json, prefilled.schema());
      assertThat(back).as(which.id()).isEqualTo(prefilled);
      assertThat(ThresholdsJson.readForm(json, prefilled.schema())).isEqualTo(prefilled.data());
      assertThat(Fixtures.tree(json).get("notes")).hasSize(prefilled.notes().size());
    }
  }

  @Test
  void theModule_readsAFormWithTheSchemaAttribute_andRefusesWithout() throws Exception {
    ObjectMapper mapper = ThresholdsJson.newMapper();
    PrefilledForm form = mapper.readerFor(PrefilledForm.class)
        .withAttribute(ThresholdsModule.FORM_SCHEMA_ATTRIBUTE, MARF)
        .readValue(MARF_JSON);
    assertThat(form.data()).isEqualTo(ThresholdsJson.readForm(MARF_JSON, MARF));
    assertThat(Fixtures.tree(mapper.writeValueAsString(form))).isEqualTo(Fixtures.tree(MARF_JSON));

    MismatchedInputException e = catchThrowableOfType(MismatchedInputException.class,
        () -> mapper.readValue(MARF_JSON, PrefilledForm.class));
    assertThat(e.getOriginalMessage()).contains("needs its FormSchema").contains(ThresholdsModule.FORM_SCHEMA_ATTRIBUTE);
  }

  @Test
  void anotherFormsDocument_failsAtForm() {
    JsonMappingException e = catchThrowableOfType(JsonMappingException.class, () -> ThresholdsJson.readForm(MARF_JSON, MACE));
    assertThat(e).isNotNull();
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("form");
    assertThat(e.getOriginalMessage()).contains("expected 'mace'");
  }

  @Test
  void anotherFormVersion_failsAtFormVersion() {
    String json = MARF_JSON.replace("\"formVersion\": \"" + MARF.version() + "\"", "\"formVersion\": \"0.9\"");
    assertThat(json).isNotEqualTo(MARF_JSON);
    JsonMappingException e = catchThrowableOfType(JsonMappingException.class, () -> ThresholdsJson.readForm(json, MARF));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("formVersion");
    assertThat(e.getOriginalMessage()).contains("expected '" + MARF.version() + "'").doesNotContain("0.9");
  }

  // ---- writing what cannot be read back ---------------------------------------------------------

  @Test
  void writing_refusesAnswersThatWouldNotReadBack_namingTheFieldNotTheValue() {
    Map<String, Object> withNull = new java.util.HashMap<>();
    withNull.put("child.surname", null);
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> ThresholdsJson.writeForm(MARF, FormData.of(withNull))))
        .hasMessageContaining("answers.child.surname").hasMessageContaining("null");
    IllegalArgumentException number = catchThrowableOfType(IllegalArgumentException.class, () -> ThresholdsJson.writeForm(MARF,
        FormData.of(Map.of("child.nhsNumber", 9434765919L))));
    assertThat(number).hasMessageContaining("answers.child.nhsNumber").hasMessageContaining("expected a string");
    NoPersonalDataInErrorsTest.assertNoTrace(number, "9434765919");
    IllegalArgumentException key = catchThrowableOfType(IllegalArgumentException.class, () -> ThresholdsJson.writeForm(MARF,
        FormData.of(Map.of("Amara Okafor", "2014-05-09"))));
    assertThat(key).hasMessageContaining("answers.<unknown field>");
    NoPersonalDataInErrorsTest.assertNoTrace(key, "Okafor");
    NoPersonalDataInErrorsTest.assertNoTrace(key, "2014-05-09");
    IllegalArgumentException column = catchThrowableOfType(IllegalArgumentException.class, () -> ThresholdsJson.writeForm(MARF,
        FormData.builder().addRow("household.members", Map.of("surname", "Okafor", "Ngozi", "mother")).build()));
    assertThat(column).hasMessageContaining("answers.household.members[0].<unknown column>");
    NoPersonalDataInErrorsTest.assertNoTrace(column, "Ngozi");
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> ThresholdsJson.writeForm(PREVENT,
        FormData.of(Map.of("individual.approxAge", 17.5)))))
        .hasMessageContaining("answers.individual.approxAge: expected a whole number");
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> ThresholdsJson.writeForm(MARF,
        FormData.of(Map.of("household.members", "Okafor")))))
        .hasMessageContaining("answers.household.members: expected a list");
  }

  @Test
  void writing_acceptsAnyWholeNumberTypeForAnAge_readBackAsAnInt() throws Exception {
    String json = ThresholdsJson.writeForm(PREVENT, FormData.of(Map.of("individual.approxAge", 17L)));
    assertThat(ThresholdsJson.readForm(json, PREVENT).get("individual.approxAge")).contains(17);
  }
}
