package io.thresholds.core.policy;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.model.IndicatorCode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A combination of needs that the document itself names at a higher tier: when members of at least
 * {@link #atLeast()} distinct areas are reported for a child, the higher-tier {@link
 * #indicator()} may apply and the range reaches its tier (for example parental domestic abuse,
 * substance misuse and mental ill health together at Tier 4).
 */
@Value.Immutable
public abstract class Combination {
  /** @return the combination's id, lower-case letters, digits and '-' */
  public abstract String id();

  /** @return the indicators that combine */
  public abstract List<IndicatorCode> members();

  /** @return how many members, from distinct areas of the matrix, must be reported; at least 2 */
  public abstract int atLeast();

  /** @return the higher-tier indicator the combination may amount to */
  public abstract IndicatorCode indicator();

  /** @return where the document names the combination */
  public abstract Citation citation();

  /**
   * The builder of {@link Combination}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableCombination.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    String f = "combinations[" + id() + "]";
    if (!Policy.ID.matcher(id()).matches()) {
      throw new InvalidValueException("combinations", "an id must be lower-case letters, digits and '-'");
    }
    if (atLeast() < 2 || atLeast() > members().size()) {
      throw new InvalidValueException(f + ".atLeast", "must be 2 or more and at most the number of members");
    }
    Set<IndicatorCode> seen = new HashSet<>();
    for (IndicatorCode c : members()) {
      if (!seen.add(c) || c.equals(indicator())) {
        throw new InvalidValueException(f + ".members", "names an indicator twice or the combination's own indicator");
      }
    }
  }

  @Override
  public String toString() {
    return "Combination[" + id() + ", " + atLeast() + " of " + members() + " -> " + indicator() + "]";
  }
}
