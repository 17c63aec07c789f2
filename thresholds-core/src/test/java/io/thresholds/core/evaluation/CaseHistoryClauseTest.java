package io.thresholds.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.AllocatedWorker;
import io.thresholds.core.model.CaseHistory;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Household;
import io.thresholds.core.model.OpenPlan;
import io.thresholds.core.model.PreviousReferral;
import io.thresholds.core.model.ProtectiveFact;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.ReferralOutcome;
import io.thresholds.core.model.Referrer;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.ActionKind;
import io.thresholds.core.policy.Modality;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.Policy;
import io.thresholds.core.text.EvaluationText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: the case's history (open plans, an allocated worker, a previous referral, a disagreement
 * with a Hub decision) and protective facts, each pinned to the clause of the City of London
 * Thresholds of Need document it follows. None of them changes the tier range or removes 999, the
 * phone referral or the strategy discussion.
 */
class CaseHistoryClauseTest {
  private static final Policy POLICY = Policies.cityOfLondon();
  private static final ThresholdEvaluator EVALUATOR = ThresholdEvaluator.of(POLICY);
  /** Tuesday 18 November 2025, 10:00 GMT. */
  private static final Instant TUE_10AM = Instant.parse("2025-11-18T10:00:00Z");
  private static final LocalDate TUE = LocalDate.of(2025, 11, 18);
  private static final String T2 = "T2-DEV-BEREAVED";
  private static final String T3 = "T3-DEV-UNMANAGED-CHRONIC-HEALTH";
  private static final String T4 = "T4-DEV-CRIMINAL-GANG-ACTIVITY";

  private static Referral.Builder referral(String code) {
    return Referral.builder().ref(Ref.of("r1")).referrer(Referrer.of(AgencyType.SCHOOL)).madeAt(TUE_10AM)
        .household(Household.builder()
            .addChildren(Child.builder().ref(Ref.of("c1")).dateOfBirth(TUE.minusYears(14)).build()).build())
        .addReferredChildren(Ref.of("c1"))
        .addConcerns(Concern.of(code, SubjectKind.CHILD, Ref.of("c1"), TUE));
  }

  private static ChildAssessment assess(Referral r) {
    return EVALUATOR.evaluate(r, r.madeAt()).children().get(0);
  }

  private static ChildAssessment assess(String code, CaseHistory history) {
    return assess(referral(code).caseHistory(history).build());
  }

  private static List<String> ids(ChildAssessment c) {
    return c.actions().stream().map(Action::ruleId).collect(Collectors.toList());
  }

  private static Action action(ChildAssessment c, String id) {
    return c.actions().stream().filter(a -> a.ruleId().equals(id)).findFirst().orElseThrow();
  }

  private static CaseHistory plan(OpenPlan p) {
    return CaseHistory.builder().addOpenPlans(p).build();
  }

  // ---- 8 Stepping up and stepping down -----------------------------------------------------------

  @Test
  void steppingUp_earlyHelpPlanAtTier3_leadProfessionalReviewsThePlan_beforeThePhoneReferral() {
    ChildAssessment without = assess(referral(T3).build());
    ChildAssessment with = assess(T3, plan(OpenPlan.EARLY_HELP));
    assertThat(with.tierRange()).isEqualTo(without.tierRange());
    assertThat(without.tierRange().orElseThrow().min()).isEqualTo(Tier.HIGH_OR_COMPLEX);
    Action stepUp = action(with, "step-up");
    assertThat(stepUp.kind()).isEqualTo(ActionKind.STEP_UP);
    assertThat(stepUp.modality()).isEqualTo(Modality.SHOULD);
    assertThat(stepUp.description()).contains("lead professional").contains("Team Around the Family");
    assertThat(stepUp.citation().section()).contains("Stepping up");
    assertThat(stepUp.citation().reading()).isPresent();
    assertThat(ids(with)).containsSubsequence("step-up", "phone-referral", "written-referral");
    assertThat(ids(with)).containsAll(ids(without));
  }

  @Test
  void steppingUp_immediateDanger_999AndTheUrgentPhoneReferralComeFirst() {
    ChildAssessment c = assess(referral(T4).immediateDanger(true).caseHistory(plan(OpenPlan.EARLY_HELP)).build());
    assertThat(ids(c).get(0)).isEqualTo("call-999");
    assertThat(ids(c)).containsSubsequence("call-999", "phone-referral-urgent", "step-up", "strategy-discussion");
    assertThat(action(c, "step-up").description()).contains("do not wait for the review");
  }

  @Test
  void steppingUp_earlyHelpPlanAtTier2_noStepUp() {
    assertThat(ids(assess(T2, plan(OpenPlan.EARLY_HELP)))).doesNotContain("step-up");
  }

  @Test
  void steppingDown_statutoryPlanAndTier2Concerns_toConsider_decidedByTheAllocatedSocialWorker() {
    // A child protection plan: a new concern may be the Section 47 criterion, so the range reaches
    // Tier 4 and stepping down is not suggested (ChildProtectionPlanClauseTest).
    for (OpenPlan p : List.of(OpenPlan.CHILD_IN_NEED)) {
      ChildAssessment without = assess(referral(T2).build());
      ChildAssessment with = assess(T2, plan(p));
      assertThat(with.tierRange()).isEqualTo(without.tierRange());
      Action down = action(with, "step-down");
      assertThat(down.kind()).isEqualTo(ActionKind.STEP_DOWN);
      assertThat(down.modality()).isEqualTo(Modality.CONSIDER);
      assertThat(down.description()).contains("allocated social worker").contains("never closes or lowers a plan");
      assertThat(ids(with)).containsAll(ids(without));
    }
  }

  @Test
  void section8_steppingDown_statutoryPlanAndOnlyStrengths_notStraightToUniversalServices() {
    // V322: a child on a child in need plan now thriving at school. Section 8 steps a child down from
    // statutory services to early help for a period, then to universal services, and the allocated
    // social worker decides: "universal services meet the need" would contradict the open plan.
    for (OpenPlan p : List.of(OpenPlan.CHILD_IN_NEED, OpenPlan.CHILD_PROTECTION)) {
      ChildAssessment thriving = assess(referral("T1-DEV-GOOD-ATTENDANCE").caseHistory(plan(p)).build());
      assertThat(thriving.tierRange()).contains(TierRange.of(Tier.UNIVERSAL, Tier.UNIVERSAL));
      assertThat(ids(thriving)).as(p.name()).doesNotContain("universal-services").contains("step-down");
      Reason none = thriving.reasons().stream().filter(r -> r.kind() == ReasonKind.NO_NEED_REPORTED)
          .findFirst().orElseThrow();
      assertThat(none.explanation()).contains("open child in need or child protection plan")
          .contains("early help first").doesNotContain("universal services meet it");
    }
    // Without a statutory plan (none recorded, or an early help plan) the advice is as before.
    for (CaseHistory h : List.of(CaseHistory.builder().build(), plan(OpenPlan.EARLY_HELP))) {
      ChildAssessment thriving = assess(referral("T1-DEV-GOOD-ATTENDANCE").caseHistory(h).build());
      assertThat(ids(thriving)).contains("universal-services").doesNotContain("step-down");
      assertThat(action(thriving, "universal-services").citation().toText()).contains("reading:");
    }
  }

  @Test
  void steppingDown_notShown_whenTheRangeReachesTier3() {
    assertThat(ids(assess(T3, plan(OpenPlan.CHILD_PROTECTION)))).doesNotContain("step-down");
    assertThat(ids(assess(T2, plan(OpenPlan.EARLY_HELP)))).doesNotContain("step-down");
  }

  // ---- 3 How to make a referral: outcomes -----------------------------------------------------

  @Test
  void referralOutcomes_allocatedWorker_informationPassedStraightToThemAndTheirManager() {
    for (AllocatedWorker w : AllocatedWorker.values()) {
      ChildAssessment without = assess(referral(T4).build());
      ChildAssessment with = assess(T4, CaseHistory.builder().addAllocatedWorkers(w).build());
      assertThat(with.tierRange()).isEqualTo(without.tierRange());
      Action a = action(with, "allocated-worker");
      assertThat(a.kind()).isEqualTo(ActionKind.ALLOCATED_WORKER_REVIEW);
      assertThat(a.description()).contains("their manager");
      assertThat(ids(with)).containsSubsequence("phone-referral-urgent", "written-referral", "strategy-discussion",
          "allocated-worker");
    }
  }

  // ---- Appendix 2 Escalation Policy ---------------------------------------------------------------

  @Test
  void appendix2_1_4_disagreement_resolvedWithinOneWorkingWeek_countedFromTheRecordedDisagreement() {
    Instant arose = Instant.parse("2025-11-18T09:00:00Z");
    ChildAssessment c = assess(T3, CaseHistory.builder().hubDisagreementAt(arose).build());
    assertThat(ids(c)).doesNotContain("escalate-disagreement").contains("escalate-recorded-disagreement");
    Action e = action(c, "escalate-recorded-disagreement");
    assertThat(e.kind()).isEqualTo(ActionKind.ESCALATE_DISAGREEMENT);
    // Five working days after Tuesday 18 November: Tuesday 25 November, by the close of office hours.
    assertThat(e.due()).hasValueSatisfying(d -> {
      assertThat(d.dueBy()).isEqualTo(Instant.parse("2025-11-25T17:00:00Z"));
      assertThat(d.basis()).contains("disagreement with the Hub decision");
    });
    assertThat(e.citation().reading()).hasValueSatisfying(r -> assertThat(r).contains("five working days"));
  }

  @Test
  void appendix2_1_4_disagreementAtTier1_stillEscalated() {
    ChildAssessment c = assess(referral(T2).concerns(List.of()).caseHistory(
        CaseHistory.builder().hubDisagreementAt(TUE_10AM).build()).build());
    assertThat(c.tierRange().orElseThrow().max()).isEqualTo(Tier.UNIVERSAL);
    assertThat(ids(c)).contains("escalate-recorded-disagreement");
  }

  @Test
  void appendix2_disagreementRecordedAfterTheAdvice_isNotYetKnown_theGeneralAdviceStays() {
    Referral r = referral(T3).caseHistory(CaseHistory.builder()
        .hubDisagreementAt(TUE_10AM.plusSeconds(3600)).build()).build();
    ChildAssessment c = EVALUATOR.evaluate(r, TUE_10AM).children().get(0);
    assertThat(ids(c)).contains("escalate-disagreement").doesNotContain("escalate-recorded-disagreement");
    assertThat(action(c, "escalate-disagreement").due()).isEmpty();
  }

  @Test
  void appendix2_1_4_disagreementOutsideTheCalendar_isATypedError_notAGuess() {
    Referral r = referral(T3).caseHistory(CaseHistory.builder()
        .hubDisagreementAt(Instant.parse("1990-01-02T10:00:00Z")).build()).build();
    assertThatThrownBy(() -> EVALUATOR.evaluate(r, r.madeAt()))
        .isInstanceOf(io.thresholds.core.time.OutsideCalendarException.class);
  }

  @Test
  void appendix2_2_5_childProtectionPlan_theIndependentReviewingOfficerMustBeNotified() {
    ChildAssessment c = assess(T4, CaseHistory.builder().addOpenPlans(OpenPlan.CHILD_PROTECTION)
        .hubDisagreementAt(TUE_10AM).build());
    Action iro = action(c, "escalate-disagreement-iro");
    assertThat(iro.modality()).isEqualTo(Modality.MUST);
    assertThat(iro.description()).contains("Independent Reviewing Officer");
    assertThat(iro.citation().section()).contains("2.5");
    assertThat(ids(assess(T4, CaseHistory.builder().hubDisagreementAt(TUE_10AM).build())))
        .doesNotContain("escalate-disagreement-iro");
  }

  // ---- Appendix 1 MARF: referral type ------------------------------------------------------------

  @Test
  void marf_referralType_aPreviousReferralMakesItARepeatReferral() {
    Referral r = referral(T3).caseHistory(CaseHistory.builder().previousReferral(PreviousReferral.builder()
        .madeOn(TUE.minusMonths(5)).outcome(ReferralOutcome.NO_FURTHER_ACTION).build()).build()).build();
    assertThat(r.repeatReferral()).isTrue();
    assertThat(referral(T3).build().repeatReferral()).isFalse();
    assertThat(referral(T3).repeatReferral(true).build().repeatReferral()).isTrue();
    String text = EvaluationText.render(POLICY, r, EVALUATOR.evaluate(r, r.madeAt())).replace('\n', ' ');
    assertThat(text).contains("Referral type on the form: repeat referral (previous referral made on 2025-06-18,"
        + " outcome: no further action).");
  }

  @Test
  void marf_referralType_previousReferralButMarkedNew_isAnError_namingTheField() {
    var b = referral(T3).repeatReferral(false).caseHistory(CaseHistory.builder()
        .previousReferral(PreviousReferral.builder().madeOn(TUE.minusDays(3)).build()).build());
    assertThatThrownBy(b::build).isInstanceOf(InvalidValueException.class)
        .hasFieldOrPropertyWithValue("field", "repeatReferral");
  }

  @Test
  void previousReferral_afterThisReferral_isAnError_namingTheField() {
    var b = referral(T3).caseHistory(CaseHistory.builder()
        .previousReferral(PreviousReferral.builder().madeOn(TUE.plusDays(2)).build()).build());
    assertThatThrownBy(b::build).isInstanceOf(InvalidValueException.class)
        .hasFieldOrPropertyWithValue("field", "caseHistory.previousReferral.madeOn");
  }

  @Test
  void caseHistory_toString_showsCodesOnly() {
    CaseHistory h = CaseHistory.builder().addOpenPlans(OpenPlan.EARLY_HELP)
        .addAllocatedWorkers(AllocatedWorker.SOCIAL_WORKER).build();
    assertThat(h.toString()).contains("EARLY_HELP").contains("SOCIAL_WORKER");
    assertThat(CaseHistory.none().isEmpty()).isTrue();
    assertThat(h.isEmpty()).isFalse();
  }

  // ---- Another borough: the Early Help Hub pack ---------------------------------------------------

  @Test
  void earlyHelpHub_caseHistoryRules_nameNoCityContact_andAreMarkedAssumed() {
    Policy hub = Policies.embedded("early-help-hub");
    Referral r = referral(T3).caseHistory(CaseHistory.builder().addOpenPlans(OpenPlan.EARLY_HELP)
        .addAllocatedWorkers(AllocatedWorker.EARLY_HELP_WORKER).hubDisagreementAt(TUE_10AM).build()).build();
    ChildAssessment c = ThresholdEvaluator.of(hub).evaluate(r, r.madeAt()).children().get(0);
    assertThat(ids(c)).contains("step-up", "escalate-recorded-disagreement").doesNotContain("allocated-worker");
    for (Action a : c.actions()) {
      assertThat(a.description()).as(a.ruleId()).doesNotContain("Children and Families Hub")
          .doesNotContain("chscp@hackney.gov.uk");
    }
    assertThat(action(c, "escalate-recorded-disagreement").contact()).isEmpty();
    assertThat(action(c, "escalate-recorded-disagreement").due()).isPresent();
    assertThat(hub.provenanceOf("action.step-up")).isEqualTo(io.thresholds.core.policy.Provenance.ASSUMED);
  }

  // ---- Protective facts ---------------------------------------------------------------------------

  @Test
  void matrixTier3_domesticAbuse_parentActsProtectively_shownAsAProtectiveReason_rangeUnchanged() {
    ChildAssessment without = assess(referral(T3).build());
    ChildAssessment with = assess(referral(T3).addProtectiveFacts(ProtectiveFact.PARENT_ACTS_PROTECTIVELY,
        ProtectiveFact.PARENTS_ENGAGE_WITH_SERVICES).build());
    assertThat(with.tierRange()).isEqualTo(without.tierRange());
    assertThat(with.actions()).isEqualTo(without.actions());
    List<Reason> protective = with.reasons().stream().filter(r -> r.kind() == ReasonKind.PROTECTIVE)
        .collect(Collectors.toList());
    assertThat(protective).hasSize(2);
    assertThat(protective.get(0).explanation()).contains("acts protectively").contains("never lowers");
    assertThat(protective.get(0).citation().section()).contains("Tier 3").contains("Domestic abuse");
    assertThat(protective.get(0).citation().reading()).isPresent();
    assertThat(protective.get(1).citation().section()).contains("Parental substance misuse");
  }

  @Test
  void thresholdsMatrix_judgement_protectiveFactIsAReasonToConsiderTheLowerEnd_neverBelowIt() {
    // Immediate danger with a Tier 3 need: Tier 4 at least; a protective fact changes nothing.
    Referral r = referral(T3).addProtectiveFacts(ProtectiveFact.FAMILY_ENGAGES_WITH_PLAN).immediateDanger(true).build();
    ChildAssessment c = assess(r);
    assertThat(c.tierRange().orElseThrow().min()).isEqualTo(Tier.ACUTE);
    assertThat(ids(c).get(0)).isEqualTo("call-999");
    Reason p = c.reasons().stream().filter(x -> x.kind() == ReasonKind.PROTECTIVE).findFirst().orElseThrow();
    assertThat(p.explanation()).contains("Immediate danger comes first");
    assertThat(p.citation().section()).contains("Stepping up");
  }

  @Test
  void protectiveFacts_textShowsThemUnderWhatIsWorkingWell() {
    Referral r = referral(T2).addProtectiveFacts(ProtectiveFact.PARENTS_ENGAGE_WITH_SERVICES).build();
    String text = EvaluationText.render(POLICY, r, EVALUATOR.evaluate(r, r.madeAt()));
    assertThat(text).contains("WHAT IS WORKING WELL (protective facts; they never lower the suggested tier)");
    assertThat(text).contains("The parents are willing and able to engage with services");
    assertThat(text.indexOf("WHY")).isLessThan(text.indexOf("WHAT IS WORKING WELL"));
  }
}
