package io.thresholds.core.policy;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.model.IndicatorCode;
import java.util.List;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * One indicator mapped to national census codes: the candidate "factors identified at the end of
 * assessment" and, for Tier 4, the candidate child protection categories of abuse. The mapping is a
 * reading of the policy pack, not of the thresholds document; {@link #reading()} says what it is
 * based on, and why when there is no code.
 */
@Value.Immutable
public abstract class CensusMapping {
  private static final Pattern FACTOR = Pattern.compile("[1-9][0-9]?[A-F]?");

  /** @return the indicator */
  public abstract IndicatorCode indicator();

  /** @return candidate factor codes such as {@code 3B}, in the pack's order; empty when none applies */
  public abstract List<String> factors();

  /** @return candidate categories of abuse (Tier 4 indicators only); empty when none applies */
  public abstract List<ChildProtectionCategory> categories();

  /** @return true if every code and its meaning is confirmed by the code list's public source */
  public abstract boolean confirmed();

  /** @return the reading behind the mapping, and why there is no code when there is none */
  public abstract String reading();

  /**
   * The builder of {@link CensusMapping}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableCensusMapping.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    for (String f : factors()) {
      if (!FACTOR.matcher(f).matches()) {
        throw new InvalidValueException("census[" + indicator() + "].factors", "must be census codes such as 3B or 20");
      }
    }
    if (factors().stream().distinct().count() != factors().size()
        || categories().stream().distinct().count() != categories().size()) {
      throw new InvalidValueException("census[" + indicator() + "]", "lists a code twice");
    }
    if (reading().isBlank()) {
      throw new InvalidValueException("census[" + indicator() + "].reading", "must not be blank");
    }
  }
}
