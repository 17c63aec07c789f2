package io.thresholds.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.consent.ConsentRequirement;
import io.thresholds.core.evaluation.Action;
import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.evaluation.TierRange;
import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Household;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Referrer;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.ActionKind;
import io.thresholds.core.policy.Policies;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The README's embedding example, compiled and checked so the documentation cannot drift. */
class ReadmeExampleTest {
  @Test
  void readmeEmbeddingExample_matrixTier3_persistentlyMissing() {
    Clock fixed = Clock.fixed(Instant.parse("2025-11-21T10:20:00Z"), ZoneOffset.UTC);
    // --- begin README snippet ---
    Ref child = Ref.of("pupil-4711");
    Referral referral = Referral.builder()
        .ref(Ref.of("referral-2025-0042"))
        .referrer(Referrer.builder().agencyType(AgencyType.SCHOOL).designatedSafeguardingLead(true).build())
        .madeAt(Instant.parse("2025-11-21T10:15:00Z"))
        .household(Household.builder()
            .addChildren(Child.builder().ref(child).dateOfBirth(LocalDate.of(2012, 9, 3)).build())
            .build())
        .addReferredChildren(child)
        .addConcerns(Concern.of("T3-FAM-PERSISTENTLY-MISSING", SubjectKind.CHILD, child, LocalDate.of(2025, 11, 20)))
        .build();

    Clock clock = fixed;                                    // the README: Clock.systemUTC()
    Evaluation result = ThresholdEvaluator.of(Policies.cityOfLondon()).evaluate(referral, Instant.now(clock));
    ChildAssessment a = result.children().get(0);
    // --- end README snippet ---

    // Persistently missing (Tier 3) is the same concern as frequently missing (Tier 4).
    assertThat(a.tierRange()).contains(TierRange.of(Tier.HIGH_OR_COMPLEX, Tier.ACUTE));
    assertThat(a.actions()).extracting(Action::kind).containsSubsequence(
        ActionKind.PHONE_REFERRAL, ActionKind.WRITTEN_REFERRAL, ActionKind.MACE_REFERRAL,
        ActionKind.EDUCATION_SERVICE_REFERRAL, ActionKind.CHASE_FEEDBACK);
    Action phone = a.actions().stream().filter(x -> x.kind() == ActionKind.PHONE_REFERRAL).findFirst().orElseThrow();
    assertThat(phone.contact().orElseThrow().id()).isEqualTo("hub");
    assertThat(phone.due().orElseThrow().dueBy()).isEqualTo(Instant.parse("2025-11-21T10:20:00Z"));
    Action marf = a.actions().stream().filter(x -> x.kind() == ActionKind.WRITTEN_REFERRAL).findFirst().orElseThrow();
    assertThat(marf.due().orElseThrow().dueBy()).isEqualTo(Instant.parse("2025-11-22T10:20:00Z"));
    assertThat(a.consent()).first()
        .satisfies(g -> assertThat(g.requirement()).isEqualTo(ConsentRequirement.SEEK_UNLESS_UNSAFE));
    assertThat(result.advisory()).contains("professional");
  }
}
