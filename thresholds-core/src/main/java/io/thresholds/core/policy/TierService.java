package io.thresholds.core.policy;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.model.Tier;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A service that a partnership runs across one or more adjacent tiers, e.g. "Family Help" across
 * Tiers 2 and 3 (the Families First Partnership programme merges targeted early help and child in
 * need support). The engine keeps its four numbered tiers; the pack names them and groups them.
 */
@Value.Immutable
public abstract class TierService {
  /** @return the service's id within the policy, e.g. {@code family-help} */
  public abstract String id();

  /** @return the service's name, e.g. "Family Help" */
  public abstract String name();

  /** @return the adjacent tiers the service spans */
  public abstract Set<Tier> tiers();

  /** @return where the document defines it */
  public abstract Citation citation();

  /**
   * The builder of {@link TierService}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableTierService.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    String f = "services[" + id() + "]";
    if (!id().matches("[a-z][a-z0-9-]{0,31}")) {
      throw new InvalidValueException(f + ".id", "must be lower-case letters, digits and '-', at most 32");
    }
    if (name().isBlank()) {
      throw new InvalidValueException(f + ".name", "must not be blank");
    }
    if (tiers().isEmpty()) {
      throw new InvalidValueException(f + ".tiers", "must name at least one tier");
    }
    int lo = tiers().stream().mapToInt(Tier::number).min().orElseThrow();
    int hi = tiers().stream().mapToInt(Tier::number).max().orElseThrow();
    if (hi - lo + 1 != tiers().size()) {
      throw new InvalidValueException(f + ".tiers", "must be adjacent tiers");
    }
  }

  @Override
  public String toString() {
    return "TierService[" + id() + "]";
  }
}
