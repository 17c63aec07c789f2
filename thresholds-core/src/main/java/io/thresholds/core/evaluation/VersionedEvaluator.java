package io.thresholds.core.evaluation;

import io.thresholds.core.model.Referral;
import io.thresholds.core.policy.Policy;
import io.thresholds.core.policy.PolicyHistory;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates referrals under the version of a policy in force when each referral was made (its
 * {@link Referral#madeAt()}), unless the caller names another instant. The {@link Evaluation}
 * records the policy id and version used. Immutable and thread-safe.
 *
 * <pre>{@code
 * VersionedEvaluator evaluator = VersionedEvaluator.of(PolicyHistory.of(List.of(v1, v2)));
 * Evaluation asMade = evaluator.evaluate(referral, now);                // version in force at madeAt
 * Evaluation asNow = evaluator.evaluate(referral, now, now);            // today's version instead
 * }</pre>
 */
public final class VersionedEvaluator {
  private final PolicyHistory history;
  private final Map<String, ThresholdEvaluator> byVersion = new ConcurrentHashMap<>();

  private VersionedEvaluator(PolicyHistory history) {
    this.history = history;
  }

  /**
   * @param history the versions
   * @return an evaluator over them
   */
  public static VersionedEvaluator of(PolicyHistory history) {
    return new VersionedEvaluator(Objects.requireNonNull(history, "history"));
  }

  /** @return the versions */
  public PolicyHistory history() {
    return history;
  }

  /**
   * Evaluates under the version in force when the referral was made.
   *
   * @param referral the referral
   * @param at the time the advice is for
   * @return the result, recording the version used
   * @throws io.thresholds.core.InvalidValueException if no version was in force when it was made
   */
  public Evaluation evaluate(Referral referral, Instant at) {
    return evaluate(referral, at, referral.madeAt());
  }

  /**
   * Evaluates under the version in force at {@code policyAt}, e.g. {@code at} to apply today's
   * policy to an old referral.
   *
   * @param referral the referral
   * @param at the time the advice is for
   * @param policyAt the instant whose version applies
   * @return the result, recording the version used
   * @throws io.thresholds.core.InvalidValueException if no version was in force at {@code policyAt}
   */
  public Evaluation evaluate(Referral referral, Instant at, Instant policyAt) {
    Policy policy = history.at(policyAt);
    return byVersion.computeIfAbsent(policy.version(), v -> ThresholdEvaluator.of(policy)).evaluate(referral, at);
  }

  @Override
  public String toString() {
    return "VersionedEvaluator[" + history.id() + "]";
  }
}
