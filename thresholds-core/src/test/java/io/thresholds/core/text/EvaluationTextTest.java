package io.thresholds.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Household;
import io.thresholds.core.model.PersonalDetails;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Referrer;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.Policy;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The practitioner's explanation as the CLI prints it, now public API of thresholds-core. */
class EvaluationTextTest {
  private static final Policy POLICY = Policies.cityOfLondon();
  private static final Instant MADE_AT = Instant.parse("2025-11-21T10:15:00Z");
  private static final Instant NOW = Instant.parse("2025-11-21T10:20:00Z");

  private static Referral.Builder referral(String indicator) {
    Ref child = Ref.of("pupil-4711");
    PersonalDetails personal = PersonalDetails.builder().forenames("Amara").surname("Okonkwo-Lewis")
        .nhsNumber("943 476 5919").postcode("EC2V 7HH").address("1 Guildhall Yard").build();
    return Referral.builder()
        .ref(Ref.of("referral-2025-0042"))
        .referrer(Referrer.builder().agencyType(AgencyType.SCHOOL).designatedSafeguardingLead(true).build())
        .madeAt(MADE_AT)
        .household(Household.builder()
            .addChildren(Child.builder().ref(child).personal(personal).dateOfBirth(LocalDate.of(2012, 9, 3)).build())
            .build())
        .addReferredChildren(child)
        .addConcerns(Concern.of(indicator, SubjectKind.CHILD, child, LocalDate.of(2025, 11, 20)));
  }

  private static Evaluation evaluate(Referral r) {
    return ThresholdEvaluator.of(POLICY).evaluate(r, NOW);
  }

  @Test
  void matrixTier3_persistentlyMissing_tierActionsReasonsAndAdvisory() {
    Referral r = referral("T3-FAM-PERSISTENTLY-MISSING").build();
    String text = EvaluationText.render(POLICY, r, evaluate(r));

    assertThat(text).contains("Referral referral-2025-0042, made Friday 21 November 2025 at 10:15 GMT.");
    assertThat(text).contains("pupil-4711").contains("Tier 3").contains("T3-FAM-PERSISTENTLY-MISSING");
    assertThat(text).contains(POLICY.tier(io.thresholds.core.model.Tier.of(3)).name());
    assertThat(text).containsIgnoringCase("professional");
    assertThat(text).endsWith("\n");
    assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
    assertThat(text).doesNotContain("999 now");
  }

  @Test
  void immediateDanger_call999_isTheFirstLine() {
    Referral r = referral("T3-FAM-PERSISTENTLY-MISSING").immediateDanger(true).build();
    String text = EvaluationText.render(POLICY, r, evaluate(r));
    assertThat(text.lines().findFirst()).hasValue("!! IMMEDIATE DANGER: call the police on 999 now, before anything else.");
  }

  @Test
  void personalDetails_neverShown() {
    Referral r = referral("T3-FAM-PERSISTENTLY-MISSING").build();
    String text = EvaluationText.render(POLICY, r, evaluate(r));
    assertThat(text).doesNotContain("Amara", "Okonkwo", "943 476 5919", "9434765919", "EC2V", "Guildhall",
        "2012-09-03", "3 September 2012");
  }

  @Test
  void sameArguments_sameText() {
    Referral r = referral("T3-FAM-PERSISTENTLY-MISSING").build();
    assertThat(EvaluationText.render(POLICY, r, evaluate(r))).isEqualTo(EvaluationText.render(POLICY, r, evaluate(r)));
  }

  @Test
  void anotherReferral_rejectedNamingReferral() {
    Referral r = referral("T3-FAM-PERSISTENTLY-MISSING").build();
    Referral other = Referral.builder().from(r).ref(Ref.of("referral-2025-0043")).build();
    InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
        () -> EvaluationText.render(POLICY, other, evaluate(r)));
    assertThat(e.field()).isEqualTo("referral");
  }

  @Test
  void anotherPolicyVersion_rejectedNamingPolicy() {
    Referral r = referral("T3-FAM-PERSISTENTLY-MISSING").build();
    Policy other = Policy.builder().from(POLICY).version(POLICY.version() + "-local").build();
    InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
        () -> EvaluationText.render(other, r, evaluate(r)));
    assertThat(e.field()).isEqualTo("policy");
  }
}
