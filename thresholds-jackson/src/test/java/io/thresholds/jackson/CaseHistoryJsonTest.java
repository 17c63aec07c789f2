package io.thresholds.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.thresholds.core.evaluation.Action;
import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.ReasonKind;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.AllocatedWorker;
import io.thresholds.core.model.OpenPlan;
import io.thresholds.core.model.ProtectiveFact;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.ReferralOutcome;
import io.thresholds.core.policy.Policies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: the case's history and protective facts in {@code thresholds/referral@2}, and the
 * reasons and actions they give in {@code thresholds/evaluation@2}.
 */
class CaseHistoryJsonTest {
  private static final Path STEP_UP = Path.of("../thresholds-examples/samples/16-early-help-plan-step-up.json");
  private static final Path DISAGREEMENT =
      Path.of("../thresholds-examples/samples/15-child-protection-plan-disagreement.json");
  private static final ThresholdEvaluator EVALUATOR = ThresholdEvaluator.of(Policies.cityOfLondon());
  private static final String MINIMAL = Fixtures.text("referral-minimal.json").strip().replace("referral@1", "referral@2");

  private static String with(String history) {
    return MINIMAL.substring(0, MINIMAL.length() - 1) + "," + history + "}";
  }

  private static JsonMappingException error(String json) {
    JsonMappingException e = catchThrowableOfType(JsonMappingException.class, () -> ThresholdsJson.readReferral(json));
    assertThat(e).as("expected a JsonMappingException").isNotNull();
    return e;
  }

  private static String ids(ChildAssessment c) {
    return c.actions().stream().map(Action::ruleId).collect(Collectors.joining(","));
  }

  @Test
  void steppingUp_sample_readsAndAdvisesTheLeadProfessionalsReview() throws Exception {
    Referral r = ThresholdsJson.readReferral(Files.readString(STEP_UP));
    assertThat(r.caseHistory().openPlans()).containsExactly(OpenPlan.EARLY_HELP);
    assertThat(r.caseHistory().allocatedWorkers()).containsExactly(AllocatedWorker.EARLY_HELP_WORKER);
    assertThat(r.caseHistory().previousReferral()).hasValueSatisfying(p -> {
      assertThat(p.madeOn()).isEqualTo(LocalDate.of(2025, 5, 12));
      assertThat(p.outcome()).isEqualTo(ReferralOutcome.EARLY_HELP);
    });
    assertThat(r.repeatReferral()).isTrue();
    assertThat(r.protectiveFacts()).containsExactlyInAnyOrder(ProtectiveFact.PARENTS_ENGAGE_WITH_SERVICES,
        ProtectiveFact.FAMILY_ENGAGES_WITH_PLAN);
    Evaluation e = EVALUATOR.evaluate(r, r.madeAt());
    ChildAssessment c = e.children().get(0);
    assertThat(ids(c)).contains("step-up,phone-referral").contains("allocated-worker");
    assertThat(c.reasons()).filteredOn(x -> x.kind() == ReasonKind.PROTECTIVE).hasSize(2);

    String json = ThresholdsJson.writeEvaluation(e);
    assertThat(Fixtures.tree(json).path("format").asText()).isEqualTo("thresholds/evaluation@2");
    assertThat(json).contains("\"kind\":\"protective\"").contains("\"kind\":\"step-up\"");
    assertThat(ThresholdsJson.readEvaluation(json)).isEqualTo(e);
    assertThatThrownBy(() -> ThresholdsJson.readEvaluation(json.replace("evaluation@2", "evaluation@1")))
        .isInstanceOf(JsonMappingException.class).hasMessageContaining("protective");
  }

  @Test
  void appendix2_sample_childProtectionPlan_disagreement_escalationWithADeadline_andNoStepDown() throws Exception {
    Referral r = ThresholdsJson.readReferral(Files.readString(DISAGREEMENT));
    assertThat(r.caseHistory().hubDisagreementAt()).contains(Instant.parse("2025-11-17T16:00:00Z"));
    Evaluation e = EVALUATOR.evaluate(r, r.madeAt());
    ChildAssessment c = e.children().get(0);
    // Section 47 criteria: a new concern about a child on a child protection plan may be a Section 47
    // matter, so the range reaches Tier 4 and stepping down (Tier 2 at most) is not suggested.
    assertThat(c.widenedBy()).contains(io.thresholds.core.evaluation.Widening.CHILD_PROTECTION_PLAN);
    assertThat(ids(c)).doesNotContain("step-down").contains("escalate-recorded-disagreement")
        .contains("escalate-disagreement-iro").doesNotContain("escalate-disagreement,");
    String json = ThresholdsJson.writeEvaluation(e);
    assertThat(Fixtures.tree(json).path("format").asText()).isEqualTo("thresholds/evaluation@2");
    assertThat(json).contains("\"child-protection-plan\"");
    assertThat(ThresholdsJson.readEvaluation(json)).isEqualTo(e);
    Action escalate = c.actions().stream().filter(a -> a.ruleId().equals("escalate-recorded-disagreement"))
        .findFirst().orElseThrow();
    // Monday 17 November 16:00 + five working days: Monday 24 November, 17:00 GMT.
    assertThat(escalate.due()).hasValueSatisfying(d -> assertThat(d.dueBy()).isEqualTo(Instant.parse("2025-11-24T17:00:00Z")));
  }

  @Test
  void referral2_caseHistory_readThenWrite_givesTheSameReferral() throws Exception {
    for (Path p : new Path[] {STEP_UP, DISAGREEMENT}) {
      Referral r = ThresholdsJson.readReferral(Files.readString(p));
      String written = ThresholdsJson.writeReferral(r);
      assertThat(Fixtures.tree(written).path("format").asText()).isEqualTo("thresholds/referral@2");
      assertThat(ThresholdsJson.readReferral(written)).isEqualTo(r);
    }
    // The same document is bundled with the jackson test resources.
    assertThat(ThresholdsJson.readReferral(Fixtures.text("referral-case-history.json")))
        .isEqualTo(ThresholdsJson.readReferral(Files.readString(DISAGREEMENT)));
  }

  @Test
  void referral1_withCaseHistoryOrProtectiveFacts_isRefusedNamingTheProperty() {
    for (String extra : new String[] {"\"caseHistory\":{\"openPlans\":[\"early-help\"]}",
        "\"protectiveFacts\":[\"parent-acts-protectively\"]"}) {
      String json = with(extra).replace("referral@2", "referral@1");
      JsonMappingException e = error(json);
      assertThat(e.getMessage()).contains(extra.substring(1, extra.indexOf('"', 1))).contains("thresholds/referral@2");
    }
  }

  @Test
  void caseHistory_unknownKey_isATypedErrorWithItsPath_neverTheName() {
    JsonMappingException e = error(with("\"caseHistory\":{\"socialWorkerName\":\"Ann\"}"));
    assertThat(e).isInstanceOf(UnrecognizedPropertyException.class);
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("caseHistory.<unknown field>");
    assertThat(e.getMessage()).doesNotContain("socialWorkerName").doesNotContain("Ann");
  }

  @Test
  void caseHistory_wrongTypes_areTypedErrorsNamingTheField_neverTheValue() {
    assertThat(ThresholdsJson.pathOf(error(with("\"caseHistory\":{\"openPlans\":\"early-help\"}"))))
        .startsWith("caseHistory.openPlans");
    JsonMappingException plan = error(with("\"caseHistory\":{\"openPlans\":[\"secret-plan\"]}"));
    assertThat(ThresholdsJson.pathOf(plan)).isEqualTo("caseHistory.openPlans[0]");
    assertThat(plan.getMessage()).doesNotContain("secret-plan").contains("early-help, child-in-need, child-protection");
    assertThat(ThresholdsJson.pathOf(error(with("\"caseHistory\":{\"hubDisagreementAt\":\"yesterday\"}"))))
        .isEqualTo("caseHistory.hubDisagreementAt");
    assertThat(ThresholdsJson.pathOf(error(with("\"caseHistory\":{\"previousReferral\":{\"outcome\":\"early-help\"}}"))))
        .startsWith("caseHistory.previousReferral");
    assertThat(ThresholdsJson.pathOf(error(with(
        "\"caseHistory\":{\"previousReferral\":{\"madeOn\":\"2025-01-01\",\"outcome\":\"closed\"}}"))))
        .isEqualTo("caseHistory.previousReferral.outcome");
    assertThat(ThresholdsJson.pathOf(error(with("\"protectiveFacts\":[\"parent-acts-protectively\",\"parent-acts-protectively\"]"))))
        .isEqualTo("protectiveFacts[1]");
    assertThat(ThresholdsJson.pathOf(error(with("\"protectiveFacts\":[true]")))).isEqualTo("protectiveFacts[0]");
  }

  @Test
  void marf_previousReferralButMarkedNew_isATypedErrorNamingRepeatReferral() throws Exception {
    JsonMappingException e = error(with(
        "\"repeatReferral\":false,\"caseHistory\":{\"previousReferral\":{\"madeOn\":\"2025-01-01\"}}"));
    assertThat(e.getMessage()).contains("repeatReferral");
    Referral r = ThresholdsJson.readReferral(with("\"caseHistory\":{\"previousReferral\":{\"madeOn\":\"2025-01-01\"}}"));
    assertThat(r.repeatReferral()).isTrue();
    assertThat(r.caseHistory().previousReferral().orElseThrow().outcome()).isEqualTo(ReferralOutcome.UNKNOWN);
    assertThat(r.household().child(Ref.of("c1"))).isPresent();
  }
}
