package io.thresholds.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.model.Adult;
import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Household;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Referrer;
import io.thresholds.core.model.Relationship;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.Policy;
import io.thresholds.core.policy.PolicyHistory;
import io.thresholds.core.policy.RetiredIndicatorException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Versions in force by date, and the Early Help Hub pack evaluating with its own front door. */
class VersionedPolicyTest {
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final Policy V2026 = Policies.fromClasspath(VersionedPolicyTest.class.getClassLoader(), "packs/family-help");
  private static final Policy V2027 = Policies.fromClasspath(VersionedPolicyTest.class.getClassLoader(), "packs/family-help-v2");

  private static Instant london(String t) {
    return LocalDateTime.parse(t).atZone(LONDON).toInstant();
  }

  private static Referral referral(Instant madeAt, String code) {
    Child c = Child.builder().ref(Ref.of("c1")).dateOfBirth(LocalDate.of(2015, 3, 1)).build();
    Adult mum = Adult.builder().ref(Ref.of("mum")).relationship(Relationship.MOTHER).parentalResponsibility(true).build();
    return Referral.builder()
        .ref(Ref.of("r1"))
        .referrer(Referrer.of(AgencyType.SCHOOL))
        .madeAt(madeAt)
        .household(Household.builder().addChildren(c).addAdults(mum).build())
        .addReferredChildren(c.ref())
        .addConcerns(Concern.of(code, SubjectKind.CHILD, Ref.of("c1"), madeAt.atZone(LONDON).toLocalDate()))
        .build();
  }

  private static Action action(Evaluation e, String ruleId) {
    return e.children().get(0).actions().stream().filter(a -> a.ruleId().equals(ruleId)).findFirst().orElseThrow();
  }

  @Test
  void history_answersWhichVersionWasInForce() {
    PolicyHistory h = PolicyHistory.of(List.of(V2027, V2026));
    assertThat(h.versions()).containsExactly(V2026, V2027);
    assertThat(h.find(london("2026-03-31T23:59"))).isEmpty();
    assertThat(h.at(london("2026-04-01T00:00"))).isSameAs(V2026);
    assertThat(h.at(london("2027-03-31T23:59"))).isSameAs(V2026);
    assertThat(h.at(london("2027-04-01T00:00"))).isSameAs(V2027);
    assertThatThrownBy(() -> h.at(london("2025-01-01T10:00"))).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("no version of policy family-help-test is in force");
  }

  @Test
  void history_refusesMixedPoliciesAndDuplicateStarts() {
    assertThatThrownBy(() -> PolicyHistory.of(List.of(V2026, Policies.cityOfLondon())))
        .hasMessageContaining("same policy id");
    assertThatThrownBy(() -> PolicyHistory.of(List.of())).hasMessageContaining("at least one");
  }

  @Test
  void referralMadeBeforeAChange_isEvaluatedUnderTheOldVersion_unlessTheCallerAsks() {
    VersionedEvaluator ev = VersionedEvaluator.of(PolicyHistory.of(List.of(V2026, V2027)));
    Referral before = referral(london("2027-03-30T10:00"), "T4-S47-SERIOUS-INJURY-OR-SEXUAL-ABUSE");
    Instant now = london("2027-04-06T10:00");
    Evaluation asMade = ev.evaluate(before, now);
    assertThat(asMade.policyVersion()).isEqualTo("2026.1");
    assertThat(action(asMade, "phone-referral-urgent").contact().orElseThrow().phones()).containsExactly("020 0000 0000");
    Evaluation asNow = ev.evaluate(before, now, now);
    assertThat(asNow.policyVersion()).isEqualTo("2027.1");
    assertThat(action(asNow, "phone-referral-urgent").contact().orElseThrow().phones()).containsExactly("020 0000 0001");
  }

  @Test
  void retiredIndicator_inAnOldReferral_isAClearErrorUnderTheVersionThatRetiredIt() {
    Referral old = referral(london("2025-06-03T10:00"), "T2-DEV-OCCASIONALLY-MISSING");
    assertThat(ThresholdEvaluator.of(Policies.cityOfLondon()).evaluate(old, old.madeAt()).children().get(0)
        .tierRange()).isPresent();
    assertThatThrownBy(() -> ThresholdEvaluator.of(V2026).evaluate(old, old.madeAt()))
        .isInstanceOf(RetiredIndicatorException.class)
        .hasMessageContaining("use T2-FH-MISSING-EPISODES instead");
  }

  @Test
  void familyHelp_childProtection_routesToTheMultiAgencyTeam() {
    Referral r = referral(london("2026-06-02T10:00"), "T4-S47-SERIOUS-INJURY-OR-SEXUAL-ABUSE");
    Evaluation e = ThresholdEvaluator.of(V2026).evaluate(r, r.madeAt());
    assertThat(e.children().get(0).tierRange().orElseThrow().min()).isEqualTo(Tier.ACUTE);
    assertThat(action(e, "phone-referral-urgent").contact().orElseThrow().name()).isEqualTo("Multi-Agency Child Protection Team");
    assertThat(V2026.service(e.children().get(0).tierRange().orElseThrow().min()).orElseThrow().name())
        .isEqualTo("Multi-agency child protection");
  }

  @Test
  void earlyHelpHub_significantHarm_immediateReferralToTheMash() {
    Policy hub = Policies.embedded("early-help-hub");
    Referral r = referral(london("2025-11-18T10:00"), "T4-S47-SERIOUS-INJURY-OR-SEXUAL-ABUSE");
    Evaluation e = ThresholdEvaluator.of(hub).evaluate(r, r.madeAt());
    assertThat(e.policyId()).isEqualTo("early-help-hub");
    Action urgent = action(e, "phone-referral-urgent");
    assertThat(urgent.modality()).isEqualTo(io.thresholds.core.policy.Modality.MUST);
    assertThat(urgent.contact().orElseThrow().phones()).containsExactly("020 8871 6622");
    Action written = action(e, "written-referral");
    assertThat(written.description()).contains("within 24 hours").contains("Early Help Assessment");
    assertThat(written.due().orElseThrow().toString()).isNotEmpty();
  }

  @Test
  void earlyHelpHub_outOfHours_namesNoCityNumber() {
    Policy hub = Policies.embedded("early-help-hub");
    Referral r = referral(london("2025-11-18T22:00"), "T4-S47-SERIOUS-INJURY-OR-SEXUAL-ABUSE");
    Evaluation e = ThresholdEvaluator.of(hub).evaluate(r, r.madeAt());
    assertThat(action(e, "phone-referral-urgent").contact().orElseThrow().id()).isEqualTo("out-of-hours");
    assertThat(action(e, "phone-referral-urgent").contact().orElseThrow().phones()).isEmpty();
    assertThat(e.children().get(0).actions()).allSatisfy(a -> a.contact().ifPresent(
        c -> assertThat(c.phones()).doesNotContain("020 8356 2346", "020 7332 3621")));
  }
}
