package io.thresholds.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.model.AllocatedWorker;
import io.thresholds.core.model.CaseHistory;
import io.thresholds.core.model.OpenPlan;
import io.thresholds.core.model.PreviousReferral;
import io.thresholds.core.model.ProtectiveFact;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.ReferralOutcome;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.testing.ReferralDomain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;

/**
 * Issue 11: protective facts and the case's history never lower the suggested tier and never remove
 * an action (the only action that goes is the general escalation advice, replaced by the one that
 * counts from the recorded disagreement); immediate danger always comes first.
 */
@Domain(ReferralDomain.class)
@Domain(DomainContext.Global.class)
class CaseHistoryProperties {
  private static final ThresholdEvaluator EVALUATOR = ThresholdEvaluator.of(Policies.cityOfLondon());

  @Property(tries = 800)
  void addingProtectiveFacts_neverChangesTheRangeMinimumOrMaximum_norRemovesAnAction(
      @ForAll Referral referral, @ForAll Set<ProtectiveFact> facts) {
    Referral with = Referral.builder().from(referral).protectiveFacts(facts).build();
    Evaluation before = EVALUATOR.evaluate(referral, referral.madeAt());
    Evaluation after = EVALUATOR.evaluate(with, with.madeAt());
    for (int i = 0; i < before.children().size(); i++) {
      ChildAssessment b = before.children().get(i);
      ChildAssessment a = after.children().get(i);
      assertThat(a.tierRange()).isEqualTo(b.tierRange());
      assertThat(a.actions()).isEqualTo(b.actions());
      assertThat(a.reasons()).containsAll(b.reasons());
      long shown = a.reasons().stream().filter(r -> r.kind() == ReasonKind.PROTECTIVE).count();
      assertThat(shown).isEqualTo(a.tierRange().isPresent() ? facts.size() : 0);
    }
  }

  @Property(tries = 800)
  void addingCaseHistory_neverChangesTheRange_norRemovesAnAction_and999StaysFirst(
      @ForAll Referral referral, @ForAll Set<OpenPlan> plans, @ForAll Set<AllocatedWorker> workers,
      @ForAll boolean previous, @ForAll ReferralOutcome outcome, @ForAll @IntRange(min = 0, max = 4000) int daysBefore,
      @ForAll boolean disagreement, @ForAll @IntRange(min = -2000, max = 20000) int minutesBefore) {
    // A child protection plan may raise the range (Section 47 criteria): see the property below.
    Set<OpenPlan> noProtectionPlan = plans.stream().filter(p -> p != OpenPlan.CHILD_PROTECTION)
        .collect(Collectors.toSet());
    var h = CaseHistory.builder().openPlans(noProtectionPlan).allocatedWorkers(workers);
    if (previous) {
      h.previousReferral(PreviousReferral.builder()
          .madeOn(referral.madeAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().minusDays(daysBefore))
          .outcome(outcome).build());
    }
    if (disagreement) {
      h.hubDisagreementAt(referral.madeAt().minus(Duration.ofMinutes(minutesBefore)));
    }
    var b = Referral.builder().from(referral).caseHistory(h.build());
    if (previous) {
      b.repeatReferral(true);
    }
    Referral with = b.build();
    Evaluation before = EVALUATOR.evaluate(referral, referral.madeAt());
    Evaluation after = EVALUATOR.evaluate(with, with.madeAt());
    for (int i = 0; i < before.children().size(); i++) {
      ChildAssessment was = before.children().get(i);
      ChildAssessment now = after.children().get(i);
      assertThat(now.tierRange()).isEqualTo(was.tierRange());
      List<String> idsBefore = ids(was);
      List<String> idsAfter = ids(now);
      List<String> gone = new ArrayList<>(idsBefore);
      gone.removeAll(idsAfter);
      // Section 8: on an open child in need plan, "universal services meet the need" is not
      // advised (stepping down goes to early help first, when the allocated social worker decides);
      // it is the only action a statutory plan takes away, and it never held up a referral.
      if (gone.remove("universal-services")) {
        assertThat(noProtectionPlan).contains(OpenPlan.CHILD_IN_NEED);
        assertThat(was.tierRange().orElseThrow().min()).isEqualTo(io.thresholds.core.model.Tier.UNIVERSAL);
      }
      if (!gone.isEmpty()) {
        assertThat(gone).containsExactly("escalate-disagreement");
        assertThat(idsAfter).contains("escalate-recorded-disagreement");
      }
      Statistics.label("case-history actions").collect(
          idsAfter.contains("step-up"), idsAfter.contains("step-down"), !gone.isEmpty());
      if (with.immediateDanger()) {
        assertThat(idsAfter.get(0)).isEqualTo("call-999");
      }
    }
    Statistics.label("case-history actions").coverage(c -> {
      // The generators reach each rule: step-up, step-down, and the escalation that replaces the general one.
      for (int k = 0; k < 3; k++) {
        int at = k;
        c.checkQuery(values -> Boolean.TRUE.equals(values.get(at))).count(n -> n > 0);
      }
    });
  }

  /**
   * Section 47 criteria (any suspicious injury or allegation involving a child subject of a current
   * child protection plan): adding an open child protection plan to whatever the case history
   * records never lowers either end of the range and never removes a MUST action (by kind: the
   * urgent phone referral replaces the one at the Hub's next opening); 999 stays first.
   */
  @Property(tries = 800)
  void addingAChildProtectionPlan_neverLowersTheRange_norRemovesAMustAction(
      @ForAll Referral referral, @ForAll Set<OpenPlan> plans, @ForAll Set<AllocatedWorker> workers,
      @ForAll boolean allegation) {
    var base = Referral.builder().from(referral);
    if (allegation) {
      // A concern the City pack reads as an allegation, about the first referred child.
      base.addConcerns(io.thresholds.core.model.Concern.of("T3-DEV-SUSPECTED-SEXUAL-ABUSE",
          io.thresholds.core.model.SubjectKind.CHILD, referral.referredChildren().get(0),
          referral.madeAt().atZone(EVALUATOR.policy().zone()).toLocalDate()));
    }
    Set<OpenPlan> others = plans.stream().filter(p -> p != OpenPlan.CHILD_PROTECTION).collect(Collectors.toSet());
    Set<OpenPlan> withPlan = new java.util.HashSet<>(others);
    withPlan.add(OpenPlan.CHILD_PROTECTION);
    Referral without = base.caseHistory(CaseHistory.builder().openPlans(others).allocatedWorkers(workers).build()).build();
    Referral with = Referral.builder().from(without)
        .caseHistory(CaseHistory.builder().openPlans(withPlan).allocatedWorkers(workers).build()).build();
    Evaluation before = EVALUATOR.evaluate(without, without.madeAt());
    Evaluation after = EVALUATOR.evaluate(with, with.madeAt());
    for (int i = 0; i < before.children().size(); i++) {
      ChildAssessment was = before.children().get(i);
      ChildAssessment now = after.children().get(i);
      assertThat(now.tierRange().isPresent()).isEqualTo(was.tierRange().isPresent());
      if (was.tierRange().isPresent()) {
        assertThat(now.tierRange().get().min()).isGreaterThanOrEqualTo(was.tierRange().get().min());
        assertThat(now.tierRange().get().max()).isGreaterThanOrEqualTo(was.tierRange().get().max());
      }
      Set<io.thresholds.core.policy.ActionKind> mustAfter = now.actions().stream()
          .filter(a -> a.modality() == io.thresholds.core.policy.Modality.MUST).map(Action::kind).collect(Collectors.toSet());
      was.actions().stream().filter(a -> a.modality() == io.thresholds.core.policy.Modality.MUST)
          .forEach(a -> assertThat(mustAfter).as(a.ruleId()).contains(a.kind()));
      if (with.immediateDanger()) {
        assertThat(ids(now).get(0)).isEqualTo("call-999");
      }
      boolean firm = now.drivingIndicators().contains(EVALUATOR.policy().childProtectionPlanIndicator().orElseThrow());
      Statistics.label("child protection plan").collect(firm, now.widenedBy().contains(Widening.CHILD_PROTECTION_PLAN));
    }
    Statistics.label("child protection plan").coverage(c -> {
      c.checkQuery(values -> Boolean.TRUE.equals(values.get(0))).count(n -> n > 0);
      c.checkQuery(values -> Boolean.TRUE.equals(values.get(1))).count(n -> n > 0);
    });
  }

  /**
   * Law 9 with a child protection plan (Section 47 criteria; section 6, do not tell the family): the
   * plan may widen the range to Tier 4, and no guidance of the wider range allows telling the family
   * or seeking consent where a do-not-tell concern (FGM family history, Tier 3) drives it; a tier's
   * guidance that did not allow it before the plan does not allow it after.
   */
  @Property(tries = 600)
  void addingAChildProtectionPlan_neverAddsAdviceToTellTheFamily_whereDoNotTellApplies(
      @ForAll Referral referral, @ForAll boolean secret, @ForAll boolean allegation) {
    var base = Referral.builder().from(referral);
    java.time.LocalDate day = referral.madeAt().atZone(EVALUATOR.policy().zone()).toLocalDate();
    if (secret) {
      base.addConcerns(io.thresholds.core.model.Concern.of("T3-PAR-FGM-FAMILY-HISTORY",
          io.thresholds.core.model.SubjectKind.CHILD, referral.referredChildren().get(0), day));
    }
    if (allegation) {
      base.addConcerns(io.thresholds.core.model.Concern.of("T3-DEV-SUSPECTED-SEXUAL-ABUSE",
          io.thresholds.core.model.SubjectKind.CHILD, referral.referredChildren().get(0), day));
    }
    Set<OpenPlan> others = referral.caseHistory().openPlans().stream()
        .filter(p -> p != OpenPlan.CHILD_PROTECTION).collect(Collectors.toSet());
    Referral without = base.caseHistory(CaseHistory.builder().from(referral.caseHistory()).openPlans(others).build()).build();
    Set<OpenPlan> withPlan = new java.util.HashSet<>(others);
    withPlan.add(OpenPlan.CHILD_PROTECTION);
    Referral with = Referral.builder().from(without)
        .caseHistory(CaseHistory.builder().from(without.caseHistory()).openPlans(withPlan).build()).build();
    Evaluation before = EVALUATOR.evaluate(without, without.madeAt());
    Evaluation after = EVALUATOR.evaluate(with, with.madeAt());
    for (int i = 0; i < before.children().size(); i++) {
      ChildAssessment was = before.children().get(i);
      ChildAssessment now = after.children().get(i);
      boolean doNotTell = java.util.stream.Stream.concat(was.drivingIndicators().stream(), now.drivingIndicators().stream())
          .map(EVALUATOR.policy()::require)
          .anyMatch(ind -> ind.has(io.thresholds.core.policy.IndicatorFlag.DO_NOT_TELL_FAMILY));
      boolean planActed = now.reasons().stream()
          .anyMatch(r -> r.indicator().equals(EVALUATOR.policy().childProtectionPlanIndicator()));
      Statistics.label("do not tell, plan acted").collect(doNotTell, planActed);
      if (doNotTell) {
        assertThat(now.consent()).allSatisfy(g -> {
          assertThat(g.mayTellFamily()).as("Tier %s may tell the family", g.tier()).isFalse();
          assertThat(g.maySeekConsent()).as("Tier %s may seek consent", g.tier()).isFalse();
        });
      }
      for (io.thresholds.core.consent.ConsentGuidance g : was.consent()) {
        now.consent().stream().filter(n -> n.tier() == g.tier()).forEach(n -> {
          assertThat(n.mayTellFamily()).as("Tier %s may tell the family", g.tier()).isEqualTo(n.mayTellFamily() && g.mayTellFamily());
          assertThat(n.maySeekConsent()).as("Tier %s may seek consent", g.tier()).isEqualTo(n.maySeekConsent() && g.maySeekConsent());
        });
      }
      if (with.immediateDanger() && now.tierRange().isPresent()) {
        assertThat(ids(now).get(0)).isEqualTo("call-999");
        assertThat(now.actions().get(0).modality()).isEqualTo(io.thresholds.core.policy.Modality.MUST);
      }
    }
    Statistics.label("do not tell, plan acted").coverage(c ->
        c.checkQuery(values -> Boolean.TRUE.equals(values.get(0)) && Boolean.TRUE.equals(values.get(1))).count(n -> n > 0));
  }

  private static List<String> ids(ChildAssessment c) {
    return c.actions().stream().map(Action::ruleId).collect(Collectors.toList());
  }
}
