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

  /**
   * The builder of {@link TierDefinition}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableTierDefinition.Builder {
    Builder() {}
  }

  /** @return a new builder */
  @Value.Check
  void check() {
    if (!Bounds.displayable(name())) {
      throw new io.thresholds.core.InvalidValueException("tiers[" + tier().number() + "].name", Indicator.NO_CONTROL_CHARACTERS);
    }
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }
}
