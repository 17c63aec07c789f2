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
    var h = CaseHistory.builder().openPlans(plans).allocatedWorkers(workers);
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

  private static List<String> ids(ChildAssessment c) {
    return c.actions().stream().map(Action::ruleId).collect(Collectors.toList());
  }
}
