package io.thresholds.core.evaluation;

import java.time.Instant;
import org.immutables.value.Value;

/** When an action is due, and the rule that sets it. */
@Value.Immutable
public abstract class Deadline {
  /** @return the instant the action is due by */
  @Value.Parameter
  public abstract Instant dueBy();

  /** @return the rule in plain words, e.g. "within 24 hours of the phone referral" */
  @Value.Parameter
  public abstract String basis();

  /**
   * @param dueBy the instant
   * @param basis the rule
   * @return the deadline
   */
  public static Deadline of(Instant dueBy, String basis) {
    return ImmutableDeadline.of(dueBy, basis);
  }
}
