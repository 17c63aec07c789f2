package io.thresholds.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.model.Adult;
import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.CaseHistory;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Household;
import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.model.Mobility;
import io.thresholds.core.model.OpenPlan;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Referrer;
import io.thresholds.core.model.Relationship;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.ActionKind;
import io.thresholds.core.policy.Modality;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.Policy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * City of London Thresholds Criteria, Section 47: "any suspicious injury or allegation involving a
 * child subject of a current child protection plan" (T4-S47-CP-PLAN-OR-LAC-INJURY), for a child
 * whose referral records an open child protection plan (vignettes V243, V244); and section 8:
 * stepping down follows sustained progress, so it is not suggested on a concern that may be that
 * criterion.
 */
class ChildProtectionPlanClauseTest {
  private static final Policy POLICY = Policies.cityOfLondon();
  private static final ThresholdEvaluator EVALUATOR = ThresholdEvaluator.of(POLICY);
  /** Tuesday 18 November 2025, 10:00 GMT. */
  private static final Instant TUE_10AM = Instant.parse("2025-11-18T10:00:00Z");
  private static final LocalDate TUE = LocalDate.of(2025, 11, 18);
  private static final IndicatorCode CP = IndicatorCode.of("T4-S47-CP-PLAN-OR-LAC-INJURY");
  private static final String SLAP = "T3-PAR-ASSAULT-NO-OR-MINOR-INJURY";
  private static final String EARLY_NEGLECT = "T2-PAR-EARLY-NEGLECT-SIGNS";
  private static final String SUSPECTED_SEXUAL_ABUSE = "T3-DEV-SUSPECTED-SEXUAL-ABUSE";
  private static final String CHRONIC_HEALTH = "T3-DEV-UNMANAGED-CHRONIC-HEALTH";

  private static Referral.Builder referral(int children, String code, SubjectKind subject) {
    Household.Builder h = Household.builder()
        .addAdults(Adult.builder().ref(Ref.of("a1")).relationship(Relationship.MOTHER).parentalResponsibility(true).build());
    Referral.Builder r = Referral.builder().ref(Ref.of("r1")).referrer(Referrer.of(AgencyType.SCHOOL)).madeAt(TUE_10AM);
    for (int i = 1; i <= children; i++) {
      h.addChildren(Child.builder().ref(Ref.of("c" + i)).dateOfBirth(TUE.minusYears(6 + i)).mobility(Mobility.MOBILE).build());
      r.addReferredChildren(Ref.of("c" + i));
    }
    return r.household(h.build())
        .addConcerns(Concern.of(code, subject, Ref.of(subject == SubjectKind.CHILD ? "c1" : "a1"), TUE));
  }

  private static CaseHistory plans(OpenPlan... plans) {
    return CaseHistory.builder().addOpenPlans(plans).build();
  }

  private static ChildAssessment assess(Policy policy, Referral r) {
    return ThresholdEvaluator.of(policy).evaluate(r, r.madeAt()).children().get(0);
  }

  private static ChildAssessment assess(Referral r) {
    return EVALUATOR.evaluate(r, r.madeAt()).children().get(0);
  }

  private static List<String> ids(ChildAssessment c) {
    return c.actions().stream().map(Action::ruleId).collect(Collectors.toList());
  }

  private static Action action(ChildAssessment c, String id) {
    return c.actions().stream().filter(a -> a.ruleId().equals(id)).findFirst().orElseThrow();
  }

  private static Reason reasonAbout(ChildAssessment c, IndicatorCode code) {
    return c.reasons().stream().filter(r -> r.indicator().equals(Optional.of(code))).findFirst().orElseThrow();
  }

  @Test
  void tier4_s47_allegationAboutAChildOnAProtectionPlan_isTheSection47CriterionFirmly() {
    ChildAssessment without = assess(referral(1, SLAP, SubjectKind.PARENT_CARER).build());
    ChildAssessment with = assess(referral(1, SLAP, SubjectKind.PARENT_CARER)
        .caseHistory(plans(OpenPlan.CHILD_PROTECTION)).build());
    assertThat(without.tierRange()).contains(TierRange.of(Tier.HIGH_OR_COMPLEX, Tier.HIGH_OR_COMPLEX));
    assertThat(with.tierRange()).contains(TierRange.of(Tier.ACUTE, Tier.ACUTE));
    assertThat(with.drivingIndicators()).contains(IndicatorCode.of(SLAP), CP);
    Reason r = reasonAbout(with, CP);
    assertThat(r.kind()).isEqualTo(ReasonKind.ESCALATED);
    assertThat(r.reportedAs()).contains(IndicatorCode.of(SLAP));
    assertThat(r.concernIndex()).hasValue(0);
    assertThat(r.citation().section()).contains("Section 47");
    assertThat(r.citation().reading()).isPresent();
    Action phone = action(with, "phone-referral-urgent");
    assertThat(phone.modality()).isEqualTo(Modality.MUST);
    assertThat(action(with, "written-referral").modality()).isEqualTo(Modality.MUST);
    assertThat(action(with, "strategy-discussion").modality()).isEqualTo(Modality.SHOULD);
    assertThat(ids(with)).doesNotContain("step-down", "early-help-referral", "universal-services");
  }

  @Test
  void tier4_s47_otherConcernAboutAChildOnAProtectionPlan_reachesTier4_toWeigh_andNoStepDown() {
    ChildAssessment without = assess(referral(1, EARLY_NEGLECT, SubjectKind.PARENT_CARER)
        .caseHistory(plans(OpenPlan.CHILD_IN_NEED)).build());
    ChildAssessment with = assess(referral(1, EARLY_NEGLECT, SubjectKind.PARENT_CARER)
        .caseHistory(plans(OpenPlan.CHILD_PROTECTION)).build());
    assertThat(without.tierRange()).contains(TierRange.of(Tier.ADDITIONAL_NEEDS, Tier.ADDITIONAL_NEEDS));
    assertThat(ids(without)).contains("step-down");
    assertThat(with.tierRange()).contains(TierRange.of(Tier.ADDITIONAL_NEEDS, Tier.ACUTE));
    assertThat(with.widenedBy()).containsExactly(Widening.CHILD_PROTECTION_PLAN);
    assertThat(with.drivingIndicators()).containsExactly(IndicatorCode.of(EARLY_NEGLECT));
    Reason r = reasonAbout(with, CP);
    assertThat(r.kind()).isEqualTo(ReasonKind.POSSIBLE_ESCALATION);
    assertThat(r.tier()).isEqualTo(Tier.ACUTE);
    assertThat(r.citation().section()).contains("Section 47");
    assertThat(action(with, "strategy-discussion").modality()).isEqualTo(Modality.CONSIDER);
    assertThat(action(with, "phone-referral-urgent").modality()).isEqualTo(Modality.CONSIDER);
    assertThat(ids(with)).doesNotContain("step-down");
    // Nothing the Tier 2 end advises goes.
    assertThat(action(with, "early-help-referral").modality()).isEqualTo(Modality.MUST);
  }

  @Test
  void tier4_s47_planRecordedForAHouseholdOfTwoChildren_mayBeTheOthersPlan_soTheAllegationIsToWeigh() {
    ChildAssessment c = assess(referral(2, SLAP, SubjectKind.PARENT_CARER)
        .caseHistory(plans(OpenPlan.CHILD_PROTECTION)).build());
    assertThat(c.tierRange()).contains(TierRange.of(Tier.HIGH_OR_COMPLEX, Tier.ACUTE));
    assertThat(c.widenedBy()).contains(Widening.CHILD_PROTECTION_PLAN);
    Reason r = reasonAbout(c, CP);
    assertThat(r.kind()).isEqualTo(ReasonKind.POSSIBLE_ESCALATION);
    assertThat(r.explanation()).contains("may be another child's");
    assertThat(action(c, "phone-referral").modality()).isEqualTo(Modality.MUST);
    assertThat(action(c, "strategy-discussion").modality()).isEqualTo(Modality.CONSIDER);
  }

  @Test
  void tier4_s47_theOtherChildOfTheHouseholdIs18_thePlanIsThisChilds_soTheAllegationIsTheCriterionFirmly() {
    Referral.Builder b = referral(1, SLAP, SubjectKind.PARENT_CARER).caseHistory(plans(OpenPlan.CHILD_PROTECTION));
    Referral one = b.build();
    Household h = Household.builder().from(one.household())
        .addChildren(Child.builder().ref(Ref.of("c2")).dateOfBirth(TUE.minusYears(19)).mobility(Mobility.MOBILE).build())
        .build();
    Referral adultSibling = b.household(h).addReferredChildren(Ref.of("c2")).build();
    ChildAssessment c = assess(adultSibling);
    assertThat(c.tierRange()).contains(TierRange.of(Tier.ACUTE, Tier.ACUTE));
    assertThat(reasonAbout(c, CP).kind()).isEqualTo(ReasonKind.ESCALATED);
    assertThat(reasonAbout(c, CP).explanation()).contains("only child under 18");
    // A sibling whose age is not known may be the child on the plan: the allegation stays to weigh.
    Household unknownAge = Household.builder().from(one.household())
        .addChildren(Child.builder().ref(Ref.of("c2")).ageUnknown(true).build()).build();
    ChildAssessment u = assess(b.household(unknownAge).build());
    assertThat(u.tierRange()).contains(TierRange.of(Tier.HIGH_OR_COMPLEX, Tier.ACUTE));
  }

  @Test
  void tier4_s47_childInNeedPlanOnly_changesNothing() {
    Referral none = referral(1, SLAP, SubjectKind.PARENT_CARER).build();
    ChildAssessment cin = assess(Referral.builder().from(none).caseHistory(plans(OpenPlan.CHILD_IN_NEED)).build());
    assertThat(cin.tierRange()).isEqualTo(assess(none).tierRange());
    assertThat(cin.drivingIndicators()).doesNotContain(CP);
  }

  @Test
  void tier4_s47_planButNoNeedConcernAboutTheChild_changesNothing() {
    Referral strength = referral(1, "T1-DEV-GOOD-ATTENDANCE", SubjectKind.CHILD).build();
    ChildAssessment with = assess(Referral.builder().from(strength).caseHistory(plans(OpenPlan.CHILD_PROTECTION)).build());
    assertThat(with.tierRange()).isEqualTo(assess(strength).tierRange());
    assertThat(with.widenedBy()).doesNotContain(Widening.CHILD_PROTECTION_PLAN);
  }

  @Test
  void tier4_s47_concernAlreadyFirmlyTier4_staysTier4_withTheCriterionAddedOnlyForAnAllegation() {
    ChildAssessment c = assess(referral(1, "T4-DEV-CRIMINAL-GANG-ACTIVITY", SubjectKind.CHILD)
        .caseHistory(plans(OpenPlan.CHILD_PROTECTION)).build());
    assertThat(c.tierRange()).contains(TierRange.of(Tier.ACUTE, Tier.ACUTE));
    assertThat(c.reasons()).noneMatch(r -> r.indicator().equals(Optional.of(CP)));
  }

  @Test
  void tier4_s47_developmentalConcern_reachesTier4_asAnyConcernAboutAChildOnAPlan() {
    ChildAssessment c = assess(referral(1, CHRONIC_HEALTH, SubjectKind.CHILD)
        .caseHistory(plans(OpenPlan.CHILD_PROTECTION)).build());
    assertThat(c.tierRange()).contains(TierRange.of(Tier.HIGH_OR_COMPLEX, Tier.ACUTE));
    assertThat(action(c, "phone-referral").modality()).isEqualTo(Modality.MUST);
  }

  @Test
  void tier4_s47_aPolicyWithoutTheSetting_assessesAsIfThereWereNoPlan() {
    Policy without = Policy.builder().from(POLICY).childProtectionPlanIndicator(Optional.empty())
        .childProtectionPlanCitation(Optional.empty()).childProtectionPlanAllegations(List.of()).build();
    ChildAssessment c = assess(without, referral(1, SLAP, SubjectKind.PARENT_CARER)
        .caseHistory(plans(OpenPlan.CHILD_PROTECTION)).build());
    assertThat(c.tierRange()).contains(TierRange.of(Tier.HIGH_OR_COMPLEX, Tier.HIGH_OR_COMPLEX));
    assertThat(c.widenedBy()).isEmpty();
  }

  @Test
  void tier4_s47_immediateDanger_999StaysFirst() {
    ChildAssessment c = assess(referral(1, SLAP, SubjectKind.PARENT_CARER).immediateDanger(true)
        .caseHistory(plans(OpenPlan.CHILD_PROTECTION)).build());
    assertThat(ids(c).get(0)).isEqualTo("call-999");
    assertThat(c.actions().get(0).kind()).isEqualTo(ActionKind.CALL_EMERGENCY_SERVICES);
  }

  /** The referral with its only child replaced by {@code child} (same reference c1). */
  private static Referral onlyChild(Referral.Builder r, Child.Builder child) {
    Referral built = r.build();
    Household h = Household.builder().from(built.household())
        .children(List.of(child.ref(Ref.of("c1")).build())).build();
    return Referral.builder().from(built).household(h).build();
  }

  @Test
  void tier4_s47_youngPersonAged18_isAnAdult_outOfScope_soThePlanChangesNothing() {
    Child.Builder adult = Child.builder().dateOfBirth(TUE.minusYears(18)).mobility(Mobility.MOBILE);
    ChildAssessment without = assess(onlyChild(referral(1, SLAP, SubjectKind.PARENT_CARER), adult));
    ChildAssessment with = assess(onlyChild(referral(1, SLAP, SubjectKind.PARENT_CARER)
        .caseHistory(plans(OpenPlan.CHILD_PROTECTION)), Child.builder().dateOfBirth(TUE.minusYears(18)).mobility(Mobility.MOBILE)));
    assertThat(with.tierRange()).isEmpty();
    assertThat(with.drivingIndicators()).isEmpty();
    assertThat(with.actions()).extracting(Action::kind).contains(ActionKind.ADULT_SERVICES);
    assertThat(with.actions()).isEqualTo(without.actions());
  }

  @Test
  void tier4_s47_unbornOnlyChild_allegationAboutTheParent_isTheCriterionFirmly() {
    ChildAssessment c = assess(onlyChild(referral(1, SLAP, SubjectKind.PARENT_CARER)
        .caseHistory(plans(OpenPlan.CHILD_PROTECTION)), Child.builder().expectedDateOfDelivery(TUE.plusMonths(2))));
    assertThat(c.age().unborn()).isTrue();
    assertThat(c.tierRange()).contains(TierRange.of(Tier.ACUTE, Tier.ACUTE));
    assertThat(c.drivingIndicators()).contains(CP);
  }

  @Test
  void tier4_s47_approximateAgeThatMayBe18_staysInScope_andTheOtherConcernReachesTier4() {
    Child.Builder maybeAdult = Child.builder().approximateAge(io.thresholds.core.model.ApproximateAge.of(17, 11)).mobility(Mobility.MOBILE);
    ChildAssessment without = assess(onlyChild(referral(1, EARLY_NEGLECT, SubjectKind.PARENT_CARER), maybeAdult));
    ChildAssessment with = assess(onlyChild(referral(1, EARLY_NEGLECT, SubjectKind.PARENT_CARER)
        .caseHistory(plans(OpenPlan.CHILD_PROTECTION)),
        Child.builder().approximateAge(io.thresholds.core.model.ApproximateAge.of(17, 11)).mobility(Mobility.MOBILE)));
    assertThat(with.tierRange()).isPresent();
    assertThat(with.tierRange().get().min()).isGreaterThanOrEqualTo(without.tierRange().get().min());
    assertThat(with.tierRange().get().max()).isEqualTo(Tier.ACUTE);
  }

  @Test
  void tier4_s47_strengthOnly_changesNothing() {
    ChildAssessment without = assess(referral(1, "T1-DEV-GOOD-ATTENDANCE", SubjectKind.CHILD).build());
    ChildAssessment with = assess(referral(1, "T1-DEV-GOOD-ATTENDANCE", SubjectKind.CHILD)
        .caseHistory(plans(OpenPlan.CHILD_PROTECTION)).build());
    assertThat(with.tierRange()).isEqualTo(without.tierRange());
    assertThat(with.widenedBy()).doesNotContain(Widening.CHILD_PROTECTION_PLAN);
    assertThat(with.drivingIndicators()).doesNotContain(CP);
  }

  @Test
  void tier4_s47_immediateDangerWithAnAllegation_999StaysFirstAndMust_andTheRangeIsFirmTier4() {
    ChildAssessment c = assess(referral(1, SUSPECTED_SEXUAL_ABUSE, SubjectKind.CHILD).immediateDanger(true)
        .caseHistory(plans(OpenPlan.CHILD_PROTECTION)).build());
    assertThat(ids(c).get(0)).isEqualTo("call-999");
    assertThat(c.actions().get(0).modality()).isEqualTo(Modality.MUST);
    assertThat(c.tierRange()).contains(TierRange.of(Tier.ACUTE, Tier.ACUTE));
  }

  @Test
  void tier4_s47_severalReferredChildren_anAllegationAboutOneChild_leavesTheOtherAsWithoutThePlan() {
    Evaluation without = EVALUATOR.evaluate(referral(2, SUSPECTED_SEXUAL_ABUSE, SubjectKind.CHILD).build(), TUE_10AM);
    Evaluation with = EVALUATOR.evaluate(referral(2, SUSPECTED_SEXUAL_ABUSE, SubjectKind.CHILD)
        .caseHistory(plans(OpenPlan.CHILD_PROTECTION)).build(), TUE_10AM);
    // c1: the plan may be a sibling's, so the allegation is to weigh (3-4), never lower.
    assertThat(with.children().get(0).tierRange()).contains(TierRange.of(Tier.HIGH_OR_COMPLEX, Tier.ACUTE));
    // c2: no concern about them; the plan alone changes nothing.
    assertThat(with.children().get(1).tierRange()).isEqualTo(without.children().get(1).tierRange());
    assertThat(with.children().get(1).drivingIndicators()).doesNotContain(CP);
  }

  @Test
  void tier4_s47_excludedSibling_staysExcluded_andTheReferredChildReachesTier4() {
    Referral r = referral(2, SLAP, SubjectKind.PARENT_CARER).referredChildren(List.of(Ref.of("c1")))
        .putExclusions(Ref.of("c2"), "lives with the other parent")
        .caseHistory(plans(OpenPlan.CHILD_PROTECTION)).build();
    Evaluation e = EVALUATOR.evaluate(r, TUE_10AM);
    assertThat(e.children()).hasSize(1);
    assertThat(e.children().get(0).tierRange()).contains(TierRange.of(Tier.HIGH_OR_COMPLEX, Tier.ACUTE));
    assertThat(e.exclusions()).hasSize(1);
    assertThat(e.exclusions().get(0).child()).isEqualTo(Ref.of("c2"));
  }
}
