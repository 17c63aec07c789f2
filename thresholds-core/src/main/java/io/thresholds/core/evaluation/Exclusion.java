package io.thresholds.core.evaluation;

import io.thresholds.core.model.Ref;
import org.immutables.value.Value;

/** A child of the household not referred, with the stated reason (free text, not in toString). */
@Value.Immutable
public abstract class Exclusion {
  /** @return the child's reference */
  @Value.Parameter
  public abstract Ref child();

  /** @return the stated reason */
  @Value.Parameter
  @Value.Redacted
  public abstract String reason();

  /**
   * @param child the child
   * @param reason the reason
   * @return the exclusion
   */
  public static Exclusion of(Ref child, String reason) {
    return ImmutableExclusion.of(child, reason);
  }
}
