package io.thresholds.core.evaluation;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.model.Tier;
import org.immutables.value.Value;

/**
 * A suggested tier range, lowest to highest. The document's indicators are examples that need
 * professional judgement, so where it leaves room the range is honest about it (for example two
 * Tier 2 needs together: 2 to 3).
 */
@Value.Immutable
public abstract class TierRange {
  /** @return the lowest tier suggested */
  @Value.Parameter
  public abstract Tier min();

  /** @return the highest tier suggested */
  @Value.Parameter
  public abstract Tier max();

  /**
   * @param min lowest
   * @param max highest
   * @return the range
   */
  public static TierRange of(Tier min, Tier max) {
    return ImmutableTierRange.of(min, max);
  }

  /**
   * @param tier a tier
   * @return true if the tier is within the range
   */
  public boolean contains(Tier tier) {
    return tier.compareTo(min()) >= 0 && tier.compareTo(max()) <= 0;
  }

  /** @return true if the range is a single tier */
  public boolean isSingle() {
    return min() == max();
  }

  @Value.Check
  void check() {
    if (min().compareTo(max()) > 0) {
      throw new InvalidValueException("tierRange", "min must not be above max");
    }
  }

  @Override
  public String toString() {
    return isSingle() ? "Tier " + min().number() : "Tier " + min().number() + "-" + max().number();
  }
}
