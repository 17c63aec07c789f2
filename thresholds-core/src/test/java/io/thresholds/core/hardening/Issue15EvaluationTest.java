package io.thresholds.core.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.consent.ConsentForm;
import io.thresholds.core.consent.ConsentGiver;
import io.thresholds.core.consent.ConsentState;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Household;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Referrer;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.Policy;
import io.thresholds.core.policy.Timing;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for issue 15, defects 1 and 2: whatever the model accepts evaluates or is
 * refused with a typed error naming the field, before any arithmetic on out-of-range times; a
 * policy that validates never overflows.
 */
class Issue15EvaluationTest {
  private static final Policy POLICY = Policies.cityOfLondon();
  private static final ThresholdEvaluator EVALUATOR = ThresholdEvaluator.of(POLICY);
  private static final Instant MADE = Instant.parse("2025-11-18T10:00:00Z");

  private static Child born(String ref, LocalDate dob) {
    return Child.builder().ref(Ref.of(ref)).dateOfBirth(dob).build();
  }

  private static Child unborn(String ref, LocalDate edd) {
    return Child.builder().ref(Ref.of(ref)).expectedDateOfDelivery(edd).build();
  }

  /** A Tier 4 referral (a serious risk to the child) made at {@code madeAt} about one child. */
  private static Referral tier4(Instant madeAt, Child child) {
    return Referral.builder()
        .ref(Ref.of("r1"))
        .referrer(Referrer.of(AgencyType.SCHOOL))
        .madeAt(madeAt)
        .household(Household.builder().addChildren(child).build())
        .addReferredChildren(child.ref())
        .addConcerns(Concern.of("T4-FAM-SERIOUS-RISK-INDIVIDUAL", SubjectKind.CHILD, child.ref(),
            LocalDate.of(2025, 11, 17)))
        .build();
  }

  private static InvalidValueException invalid(Runnable r) {
    InvalidValueException e = catchThrowableOfType(InvalidValueException.class, r::run);
    assertThat(e).as("expected InvalidValueException").isNotNull();
    return e;
  }

  // ---- defect 1: times out of range ---------------------------------------------------------------

  @Test
  void madeAtAtTheStartOfTheInstantRange_isRefusedNamingMadeAt() {
    InvalidValueException e = invalid(() -> tier4(Instant.parse("-999999999-01-01T00:00:00Z"),
        born("c1", LocalDate.of(2015, 1, 1))));
    assertThat(e.field()).isEqualTo("madeAt");
  }

  @Test
  void madeAtBeyondYear9999_isRefusedNamingMadeAt() {
    InvalidValueException e = invalid(() -> tier4(Instant.parse("+1000000000-12-31T23:59:59Z"),
        born("c1", LocalDate.of(2015, 1, 1))));
    assertThat(e.field()).isEqualTo("madeAt");
  }

  @Test
  void unbornChildAndFarFutureAdvice_isRefusedNamingAt_beforeAnyArithmetic() {
    Referral r = tier4(MADE, unborn("c1", LocalDate.of(2026, 2, 1)));
    InvalidValueException e = invalid(() -> EVALUATOR.evaluate(r, Instant.parse("+999999999-12-31T12:00:00Z")));
    assertThat(e.field()).isEqualTo("at");
    assertThat(e.rule()).contains("2018-01-01..2030-12-31");
  }

  @Test
  void madeAtOutsideTheCalendar_isRefusedNamingMadeAt() {
    Referral r = tier4(Instant.parse("2035-01-01T10:00:00Z"), born("c1", LocalDate.of(2025, 1, 1)));
    InvalidValueException e = invalid(() -> EVALUATOR.evaluate(r, r.madeAt()));
    assertThat(e.field()).isEqualTo("madeAt");
  }

  @Test
  void excludedChildBornYearsAfterTheReferral_isRefusedNamingTheDateOfBirth() {
    Child referred = born("c1", LocalDate.of(2015, 1, 1));
    Child excluded = born("c2", LocalDate.of(2031, 6, 1));
    InvalidValueException e = invalid(() -> Referral.builder()
        .ref(Ref.of("r1"))
        .referrer(Referrer.of(AgencyType.SCHOOL))
        .madeAt(MADE)
        .household(Household.builder().addChildren(referred, excluded).build())
        .addReferredChildren(referred.ref())
        .putExclusions(excluded.ref(), "lives with the other parent")
        .build());
    assertThat(e.field()).isEqualTo("household.children[1].dateOfBirth");
    assertThat(e.getMessage()).doesNotContain("2031");
  }

  @Test
  void childBornTheDayAfterTheReferralInUtc_isAccepted_forZonesAheadOfUtc() {
    Referral r = tier4(MADE, born("c1", LocalDate.of(2015, 1, 1)));
    assertThat(Referral.builder().from(r)
        .household(Household.builder().addChildren(born("c1", LocalDate.of(2025, 11, 19))).build())
        .concerns(java.util.List.of())
        .build().household().children()).hasSize(1);
  }

  @Test
  void consentRecordedAfterTheTimeOfTheAdvice_isRefusedNamingConsentRecordedAt() {
    Referral r = Referral.builder().from(tier4(MADE, born("c1", LocalDate.of(2015, 1, 1))))
        .consent(ConsentState.given(ConsentGiver.PARENTAL_RESPONSIBILITY, ConsentForm.WRITTEN, MADE.plusSeconds(3600)))
        .build();
    InvalidValueException e = invalid(() -> EVALUATOR.evaluate(r, r.madeAt()));
    assertThat(e.field()).isEqualTo("consent.recordedAt");
    // Evaluated once the decision is recorded, it is used.
    assertThat(EVALUATOR.evaluate(r, MADE.plusSeconds(3600)).children()).hasSize(1);
  }

  @Test
  void consentRecordedBeforeYear1900_isRefused() {
    InvalidValueException e = invalid(() -> ConsentState.given(
        ConsentGiver.PARENTAL_RESPONSIBILITY, ConsentForm.WRITTEN, Instant.parse("-999999999-01-01T00:00:00Z")));
    assertThat(e.field()).isEqualTo("consent.recordedAt");
  }

  // ---- defect 2: timings a policy cannot mean -------------------------------------------------------

  @Test
  void afterTimingOfMillionsOfYears_failsValidation() {
    InvalidValueException e = invalid(() -> Timing.parse("after:phone-referral+PT2562047788015215H", "timing"));
    assertThat(e.field()).isEqualTo("timing");
    assertThat(e.rule()).contains("26 weeks");
  }

  @Test
  void workingDaysOfIntMax_failsValidation() {
    InvalidValueException e = invalid(() -> Timing.parse("working-days:2147483647", "timing"));
    assertThat(e.rule()).contains("130 working days");
  }

  @Test
  void longestTimingsAllowed_parse() {
    assertThat(Timing.parse("after:phone-referral+PT4368H", "t").duration()).contains(Timing.MAX_DURATION);
    assertThat(Timing.parse("working-days:130", "t").workingDays()).hasValue(Timing.MAX_WORKING_DAYS);
  }
}
