package io.thresholds.core.evaluation;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.consent.ConsentState;
import io.thresholds.core.model.Referral;
import io.thresholds.core.policy.Policy;
import java.time.Instant;
import java.util.List;

/**
 * The times of a referral and of the advice checked against a policy before the evaluator does any
 * arithmetic with them: the referral is made, and the advice given, within the days the policy's
 * working calendar covers (deadlines and routes need those days); and no consent decision is
 * recorded after the time of the advice.
 *
 * <p>A consent decision recorded after {@code at} would not be known when the advice is given.
 * Leaving it out silently would advise seeking a consent the referral says was already refused or
 * given; so it is refused with the field named. Consent recorded after {@code madeAt} but not after
 * {@code at} is the referral's later history and is used: a referral is re-evaluated as consent is
 * sought. This is an evaluator check, not a rule of the model, because it depends on {@code at}.
 */
final class TimeChecks {
  private final Instant coveredFrom;
  private final Instant coveredUntil;
  private final String coverage;

  TimeChecks(Policy policy) {
    // Policy validation keeps the coverage within 1900..9999, so these conversions cannot overflow.
    this.coveredFrom = policy.calendar().coveredFrom().atStartOfDay(policy.zone()).toInstant();
    this.coveredUntil = policy.calendar().coveredUntil().plusDays(1).atStartOfDay(policy.zone()).toInstant();
    this.coverage = "is outside the days the policy's working calendar covers, "
        + policy.calendar().coveredFrom() + ".." + policy.calendar().coveredUntil() + " (" + policy.zone() + ")";
  }

  void check(Referral referral, Instant at) {
    covered("madeAt", referral.madeAt());
    if (referral.phoneReferralMadeAt().isPresent()) {
      covered("phoneReferralMadeAt", referral.phoneReferralMadeAt().get());
    }
    covered("at", at);
    List<ConsentState> entries = referral.consentHistory().entries();
    for (int i = 0; i < entries.size(); i++) {
      if (isAfter(entries.get(i), at)) { // the field named only on failure: no string per entry
        notAfter("consentHistory[" + i + "].recordedAt", entries.get(i), at);
      }
    }
    if (entries.isEmpty()) {
      notAfter("consent.recordedAt", referral.consent(), at);
    }
    for (int i = 0; i < referral.consentByGiver().size(); i++) {
      java.util.Optional<Instant> t = referral.consentByGiver().get(i).recordedAt();
      if (t.isPresent() && t.get().isAfter(at)) {
        throw new InvalidValueException("consentByGiver[" + i + "].recordedAt",
            "is after the time of the advice: a consent decision must be recorded by then (evaluate at or after it)");
      }
    }
  }

  private static boolean isAfter(ConsentState s, Instant at) {
    return s.recordedAt().isPresent() && s.recordedAt().get().isAfter(at);
  }

  private void covered(String field, Instant t) {
    if (t.isBefore(coveredFrom) || !t.isBefore(coveredUntil)) {
      throw new InvalidValueException(field, coverage);
    }
  }

  private static void notAfter(String field, ConsentState s, Instant at) {
    if (s.recordedAt().isPresent() && s.recordedAt().get().isAfter(at)) {
      throw new InvalidValueException(field,
          "is after the time of the advice: a consent decision must be recorded by then (evaluate at or after it)");
    }
  }
}
