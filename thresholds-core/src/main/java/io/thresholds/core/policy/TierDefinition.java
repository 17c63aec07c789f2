package io.thresholds.core.policy;

import io.thresholds.core.internal.Bounds;
import io.thresholds.core.model.Tier;
import org.immutables.value.Value;

/** A tier as a partnership names and describes it. */
@Value.Immutable
public abstract class TierDefinition {
  /** @return the tier */
  public abstract Tier tier();

  /** @return the local name, e.g. "Additional needs (early help)" */
  public abstract String name();

  /** @return where the document defines it */
  public abstract Citation citation();

  /** @return a new builder */
  @Value.Check
  void check() {
    if (!Bounds.displayable(name())) {
      throw new io.thresholds.core.InvalidValueException("tiers[" + tier().number() + "].name", Indicator.NO_CONTROL_CHARACTERS);
    }
  }

  public static ImmutableTierDefinition.Builder builder() {
    return ImmutableTierDefinition.builder();
  }
}
