package io.thresholds.core.evaluation;

import io.thresholds.core.model.Referral;
import io.thresholds.core.policy.Policy;
import java.time.Instant;

/**
 * Evaluates referrals against one policy. Instances are immutable, thread-safe and cheap to share.
 *
 * <pre>{@code
 * ThresholdEvaluator evaluator = ThresholdEvaluator.of(Policies.cityOfLondon());
 * Evaluation result = evaluator.evaluate(referral, Instant.now(clock));
 * }</pre>
 */
public interface ThresholdEvaluator {
  /**
   * @param policy the policy to evaluate against
   * @return an evaluator for it
   */
  static ThresholdEvaluator of(Policy policy) {
    return new DefaultThresholdEvaluator(policy);
  }

  /** @return the policy */
  Policy policy();

  /**
   * Evaluates a referral as of a given time. Pure: reads no clock, no files, no environment.
   *
   * @param referral the referral
   * @param at the time the advice is for (routes and deadlines depend on it)
   * @return the result
   * @throws io.thresholds.core.InvalidValueException if the referral breaks a rule of the policy
   *     (e.g. a concern about a subject the indicator does not allow, or observed after {@code at}),
   *     if {@code madeAt} or {@code at} is outside the days the policy's working calendar covers
   *     (field {@code madeAt} or {@code at}; checked before any other use of them), or if a consent
   *     decision is recorded after {@code at} (field {@code consent.recordedAt} or {@code
   *     consentHistory[i].recordedAt}: it would not be known when the advice is given)
   * @throws io.thresholds.core.policy.UnknownIndicatorException if a concern names an unknown code
   * @throws io.thresholds.core.time.OutsideCalendarException if a deadline falls outside the
   *     policy's bank-holiday calendar
   */
  Evaluation evaluate(Referral referral, Instant at);
}
