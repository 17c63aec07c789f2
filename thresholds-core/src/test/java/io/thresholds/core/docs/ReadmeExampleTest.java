package io.thresholds.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.consent.ConsentRequirement;
import io.thresholds.core.evaluation.Action;
import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.evaluation.TierRange;
import io.thresholds.core.model.Adult;
import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.ApproximateAge;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Household;
import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Referrer;
import io.thresholds.core.model.Relationship;
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
  @Test
  void readmeEmbeddingExample_approximateAge_concernAboutOneChild_provisional() {
    Clock clock = Clock.fixed(Instant.parse("2025-11-21T10:20:00Z"), ZoneOffset.UTC);
    Ref child = Ref.of("pupil-4711");
    // --- begin README snippet 2 ---
    Ref baby = Ref.of("sibling-2");
    Ref mum = Ref.of("mum-1");
    Referral household = Referral.builder()
        .ref(Ref.of("referral-2025-0043"))
        .referrer(Referrer.of(AgencyType.SCHOOL))
        .madeAt(Instant.parse("2025-11-21T10:15:00Z"))
        .household(Household.builder()
            .addChildren(Child.builder().ref(child).dateOfBirth(LocalDate.of(2012, 9, 3)).build())
            .addChildren(Child.builder().ref(baby).approximateAge(ApproximateAge.of(0, 9)).build())
            .addAdults(Adult.builder().ref(mum).relationship(Relationship.MOTHER).parentalResponsibility(true).build())
            .build())
        .addReferredChildren(child, baby)
        .addConcerns(Concern.builder()
            .indicator(IndicatorCode.of("T3-PAR-ASSAULT-NO-OR-MINOR-INJURY"))
            .subject(SubjectKind.PARENT_CARER).subjectRef(mum)
            .addAboutChildren(baby)
            .observedOn(LocalDate.of(2025, 11, 20))
            .build())
        .build();
    Evaluation forHousehold = ThresholdEvaluator.of(Policies.cityOfLondon()).evaluate(household, Instant.now(clock));
    ChildAssessment b = forHousehold.child(baby).orElseThrow();
    // --- end README snippet 2 ---

    assertThat(b.tierRange()).contains(TierRange.of(Tier.HIGH_OR_COMPLEX, Tier.ACUTE));
    assertThat(b.provisional()).isTrue();
    assertThat(b.openFacts()).containsExactly(io.thresholds.core.evaluation.OpenFact.MOBILITY);
    assertThat(b.ageBasis()).isEqualTo(io.thresholds.core.evaluation.AgeBasis.APPROXIMATE);
    // The other child: no concern of their own, but the baby's concern reaches them (section 3).
    assertThat(forHousehold.child(child).orElseThrow().tierRange()).contains(TierRange.of(Tier.UNIVERSAL, Tier.ACUTE));
  }
}
