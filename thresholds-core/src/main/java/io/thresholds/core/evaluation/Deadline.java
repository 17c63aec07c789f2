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

  private static final String DONE_PREFIX = "made at ";
  private static final String DONE_SUFFIX = " (recorded)";

  /**
   * A step the referral records as already done (for example the phone referral), at that time.
   *
   * @param at when it was done
   * @param when that time in the policy's local words
   * @return the deadline, met at {@code at}
   */
  public static Deadline recordedDone(Instant at, String when) {
    return of(at, DONE_PREFIX + when + DONE_SUFFIX);
  }

  /** @return true if the step is recorded as already done ({@link #recordedDone}), also after JSON */
  public boolean isRecordedDone() {
    return basis().startsWith(DONE_PREFIX) && basis().endsWith(DONE_SUFFIX);
  }
}
