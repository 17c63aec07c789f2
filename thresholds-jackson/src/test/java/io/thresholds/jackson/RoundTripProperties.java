package io.thresholds.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.thresholds.core.consent.ConsentGuidance;
import io.thresholds.core.consent.ConsentRule;
import io.thresholds.core.evaluation.Action;
import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.Reason;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.Referral;
import io.thresholds.core.policy.ActionRule;
import io.thresholds.core.policy.AgeCondition;
import io.thresholds.core.policy.Citation;
import io.thresholds.core.policy.Contact;
import io.thresholds.core.policy.Indicator;
import io.thresholds.core.policy.Policy;
import io.thresholds.core.policy.TierDefinition;
import io.thresholds.core.policy.Timing;
import io.thresholds.core.policy.Trigger;
import io.thresholds.core.time.ServiceHours;
import io.thresholds.core.time.WorkingCalendar;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The JSON round trip law for every type the module handles: reading what was written gives an
 * equal value, and writing that again gives the same text (the canonical form).
 */
class RoundTripProperties {
  private static final ThresholdEvaluator EVALUATOR = ThresholdEvaluator.of(Generators.POLICY);
  private static final ObjectMapper MAPPER = ThresholdsJson.newMapper();

  /** Writes, reads back and writes again with the module's (de)serializer for {@code type}. */
  static <T> void assertRoundTrip(T value, Class<T> type) throws Exception {
    String json = MAPPER.writeValueAsString(value);
    T back = MAPPER.readValue(json, type);
    assertThat(back).isEqualTo(value);
    assertThat(MAPPER.writeValueAsString(back)).isEqualTo(json);
  }

  // ---- referrals and evaluations ---------------------------------------------------------------

  @Provide
  Arbitrary<Referral> referrals() {
    return Generators.referrals();
  }

  @Property(tries = 200)
  void referral_writeThenRead_isEqual(@ForAll("referrals") Referral referral) throws Exception {
    Statistics.label("consent").collect(referral.consent().status());
    Statistics.label("children").collect(referral.household().children().size());
    Statistics.label("unborn").collect(referral.household().children().stream().anyMatch(c -> c.recordedAsUnborn()));
    Statistics.label("consent").coverage(c -> {
      for (io.thresholds.core.consent.ConsentStatus s : io.thresholds.core.consent.ConsentStatus.values()) {
        c.check(s).count(n -> n > 0);
      }
    });

    String json = ThresholdsJson.writeReferral(referral);
    Referral back = ThresholdsJson.readReferral(json);

    assertThat(back).isEqualTo(referral);
    assertThat(ThresholdsJson.writeReferral(back)).isEqualTo(json);
  }

  @Property(tries = 100)
  void evaluation_writeThenRead_isEqual(
      @ForAll("referrals") Referral referral, @ForAll("minutesLater") long minutes) throws Exception {
    Evaluation evaluation = EVALUATOR.evaluate(referral, Generators.adviceTime(referral).plus(Duration.ofMinutes(minutes)));
    Statistics.label("max tier").collect(evaluation.children().get(0).tierRange()
        .map(r -> r.max().number()).orElse(0));

    String json = ThresholdsJson.writeEvaluation(evaluation);
    Evaluation back = ThresholdsJson.readEvaluation(json);

    assertThat(back).isEqualTo(evaluation);
    assertThat(ThresholdsJson.writeEvaluation(back)).isEqualTo(json);
  }

  @Provide
  Arbitrary<Long> minutesLater() {
    return Arbitraries.longs().between(0, 3 * 24 * 60);
  }

  /** Evaluations the evaluator would not make: any text, any combination of optional values. */
  @Property(tries = 200)
  void generatedEvaluation_writeThenRead_isEqual(@ForAll("evaluations") Evaluation evaluation) throws Exception {
    Statistics.label("tier range").collect(evaluation.children().get(0).tierRange().isPresent());
    Statistics.label("advisory").collect(evaluation.advisory().equals(Evaluation.ADVISORY) ? "default" : "other");

    String json = ThresholdsJson.writeEvaluation(evaluation);
    Evaluation back = ThresholdsJson.readEvaluation(json);

    assertThat(back).isEqualTo(evaluation);
    assertThat(ThresholdsJson.writeEvaluation(back)).isEqualTo(json);
  }

  @Provide
  Arbitrary<Evaluation> evaluations() {
    return Generators.evaluations();
  }

  @Property(tries = 100)
  void childAssessment_roundTrips(@ForAll("assessments") ChildAssessment value) throws Exception {
    assertRoundTrip(value, ChildAssessment.class);
  }

  @Provide
  Arbitrary<ChildAssessment> assessments() {
    return Generators.assessments();
  }

  @Property(tries = 200)
  void reason_roundTrips(@ForAll("reasons") Reason value) throws Exception {
    Statistics.label("concern index").collect(value.concernIndex().isPresent());
    assertRoundTrip(value, Reason.class);
  }

  @Provide
  Arbitrary<Reason> reasons() {
    return Generators.reasons();
  }

  @Property(tries = 200)
  void action_roundTrips(@ForAll("actions") Action value) throws Exception {
    Statistics.label("ready").collect(value.ready());
    Statistics.label("contact").collect(value.contact().isPresent());
    assertRoundTrip(value, Action.class);
  }

  @Provide
  Arbitrary<Action> actions() {
    return Generators.actions();
  }

  @Property(tries = 200)
  void consentGuidance_roundTrips(@ForAll("guidance") ConsentGuidance value) throws Exception {
    assertRoundTrip(value, ConsentGuidance.class);
  }

  @Provide
  Arbitrary<ConsentGuidance> guidance() {
    return Generators.guidance();
  }

  // ---- policies and their parts ----------------------------------------------------------------

  @Property(tries = 100)
  void policy_writeThenRead_isEqual(@ForAll("policies") Policy policy) throws Exception {
    Statistics.label("escalation").collect(policy.indicators().stream().anyMatch(i -> i.escalatesTo().isPresent()));
    Statistics.label("named holidays").collect(policy.calendar().holidays().values().stream()
        .anyMatch(n -> !n.isEmpty()));
    Statistics.label("action rules").collect(policy.actionRules().size());
    Statistics.label("escalation").coverage(c -> c.check(true).count(n -> n > 0));

    String json = ThresholdsJson.writePolicy(policy);
    Policy back = ThresholdsJson.readPolicy(json);

    assertThat(back).isEqualTo(policy);
    assertThat(ThresholdsJson.writePolicy(back)).isEqualTo(json);
  }

  @Provide
  Arbitrary<Policy> policies() {
    return Generators.policies();
  }

  @Property(tries = 200)
  void indicator_roundTrips(@ForAll("indicators") Indicator value) throws Exception {
    Statistics.label("age condition").collect(value.age().isPresent());
    assertRoundTrip(value, Indicator.class);
  }

  @Provide
  Arbitrary<Indicator> indicators() {
    return Generators.indicators();
  }

  @Property(tries = 200)
  void actionRule_roundTrips(@ForAll("actionRules") ActionRule value) throws Exception {
    assertRoundTrip(value, ActionRule.class);
  }

  @Provide
  Arbitrary<ActionRule> actionRules() {
    return Generators.actionRules();
  }

  @Property(tries = 200)
  void trigger_roundTrips(@ForAll("triggers") Trigger value) throws Exception {
    Statistics.label("kind").collect(value.kind());
    Statistics.label("combined").collect(value.and().isPresent());
    Statistics.label("kind").coverage(c -> {
      for (Trigger.Kind k : Trigger.Kind.values()) {
        c.check(k).count(n -> n > 0);
      }
    });
    assertRoundTrip(value, Trigger.class);
  }

  @Provide
  Arbitrary<Trigger> triggers() {
    return Generators.triggers();
  }

  @Property(tries = 200)
  void timing_roundTrips(@ForAll("timings") Timing value) throws Exception {
    Statistics.label("kind").collect(value.kind());
    Statistics.label("kind").coverage(c -> {
      for (Timing.Kind k : Timing.Kind.values()) {
        c.check(k).count(n -> n > 0);
      }
    });
    assertRoundTrip(value, Timing.class);
  }

  @Provide
  Arbitrary<Timing> timings() {
    return Generators.timings();
  }

  @Property(tries = 200)
  void ageCondition_roundTrips(@ForAll("ageConditions") AgeCondition value) throws Exception {
    assertRoundTrip(value, AgeCondition.class);
  }

  @Provide
  Arbitrary<AgeCondition> ageConditions() {
    return Generators.ageConditions();
  }

  @Property(tries = 200)
  void citation_roundTrips(@ForAll("citations") Citation value) throws Exception {
    assertRoundTrip(value, Citation.class);
  }

  @Provide
  Arbitrary<Citation> citations() {
    return Generators.citations();
  }

  @Property(tries = 200)
  void contact_roundTrips(@ForAll("contacts") Contact value) throws Exception {
    Statistics.label("hours").collect(value.hours().map(ServiceHours::kind).map(Enum::name).orElse("none"));
    assertRoundTrip(value, Contact.class);
  }

  @Provide
  Arbitrary<Contact> contacts() {
    return Generators.contacts();
  }

  @Property(tries = 200)
  void serviceHours_roundTrip_inTheirTextForm(@ForAll("serviceHours") ServiceHours value) throws Exception {
    assertThat(PolicyCodec.hoursText(value)).isEqualTo(value.toText());
    assertThat(MAPPER.writeValueAsString(value)).isEqualTo("\"" + value.toText() + "\"");
    assertRoundTrip(value, ServiceHours.class);
  }

  @Provide
  Arbitrary<ServiceHours> serviceHours() {
    return Generators.serviceHours();
  }

  @Property(tries = 100)
  void tierDefinition_roundTrips(@ForAll("tierDefinitions") TierDefinition value) throws Exception {
    assertRoundTrip(value, TierDefinition.class);
  }

  @Provide
  Arbitrary<TierDefinition> tierDefinitions() {
    return Generators.tierDefinitions();
  }

  @Property(tries = 100)
  void consentRule_roundTrips(@ForAll("consentRules") ConsentRule value) throws Exception {
    assertRoundTrip(value, ConsentRule.class);
  }

  @Provide
  Arbitrary<ConsentRule> consentRules() {
    return Generators.consentRules();
  }

  @Property(tries = 100)
  void calendar_roundTrips(@ForAll("calendars") WorkingCalendar value) throws Exception {
    Statistics.label("named").collect(value.holidays().values().stream().anyMatch(n -> !n.isEmpty()));
    Statistics.label("holidays").collect(value.holidays().isEmpty() ? "none" : "some");
    assertRoundTrip(value, WorkingCalendar.class);
  }

  @Provide
  Arbitrary<WorkingCalendar> calendars() {
    return Generators.calendars();
  }

  // ---- completed forms -------------------------------------------------------------------------

  @Provide
  Arbitrary<net.jqwik.api.Tuple.Tuple2<io.thresholds.forms.FormSchema, io.thresholds.forms.FormData>> forms() {
    return FormGenerators.forms();
  }

  @Property(tries = 300)
  void form_writeThenRead_isEqual(@ForAll("forms")
      net.jqwik.api.Tuple.Tuple2<io.thresholds.forms.FormSchema, io.thresholds.forms.FormData> form) throws Exception {
    io.thresholds.forms.FormSchema schema = form.get1();
    io.thresholds.forms.FormData answers = form.get2();
    Statistics.label("form").collect(schema.id());
    Statistics.label("answers").collect(answers.fieldIds().isEmpty() ? "none" : answers.fieldIds().size() < 10 ? "some" : "many");

    String json = ThresholdsJson.writeForm(schema, answers);
    io.thresholds.forms.FormData back = ThresholdsJson.readForm(json, schema);

    assertThat(back).isEqualTo(answers);
    assertThat(ThresholdsJson.writeForm(schema, back)).isEqualTo(json);
    // The answers are the object of answers by field id that the command-line tool reads today.
    assertThat(Fixtures.tree(json).get("answers")).isEqualTo(MAPPER.valueToTree(answers.values()));
  }

  @Property(tries = 100)
  void formWithNotes_writeThenRead_isEqual(@ForAll("forms")
      net.jqwik.api.Tuple.Tuple2<io.thresholds.forms.FormSchema, io.thresholds.forms.FormData> form,
      @ForAll("notes") java.util.List<String> notes) throws Exception {
    io.thresholds.forms.prefill.PrefilledForm prefilled = io.thresholds.forms.prefill.PrefilledForm.builder()
        .schema(form.get1()).data(form.get2()).notes(notes).build();

    String json = ThresholdsJson.writeForm(prefilled);
    io.thresholds.forms.prefill.PrefilledForm back = ThresholdsJson.readPrefilledForm(json, form.get1());

    assertThat(back).isEqualTo(prefilled);
    assertThat(ThresholdsJson.writeForm(back)).isEqualTo(json);
  }

  @Provide
  Arbitrary<java.util.List<String>> notes() {
    return Generators.text().list().ofMaxSize(4);
  }
}
