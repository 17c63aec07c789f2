package io.thresholds.core.model;

import io.thresholds.core.internal.Bounds;
import java.time.LocalDate;
import org.immutables.value.Value;

/**
 * An earlier referral about the same children: when it was made and its outcome. Recording one
 * makes this a repeat referral (the MARF's "New Referral / Repeat Referral").
 */
@Value.Immutable
public abstract class PreviousReferral {
  /** @return the day the earlier referral was made */
  public abstract LocalDate madeOn();

  /** @return its outcome, {@link ReferralOutcome#UNKNOWN} if not known */
  @Value.Default
  public ReferralOutcome outcome() {
    return ReferralOutcome.UNKNOWN;
  }

  /**
   * The builder of {@link PreviousReferral}: a setter per attribute; {@code build()} checks the
   * invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutablePreviousReferral.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    Bounds.date("madeOn", madeOn());
  }
}
