package io.thresholds.core.policy;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.model.Age;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * An age condition of an indicator in completed years, inclusive at both ends, either end open:
 * "under 13" is {@code ..12}, "over 13 but under 16" is {@code 13..15}, "under five" is {@code ..4}.
 * An unborn child matches only when {@link #includesUnborn()} is set.
 */
@Value.Immutable
public abstract class AgeCondition {
  /** @return the lowest matching age in completed years, if bounded below */
  public abstract OptionalInt minYears();

  /** @return the highest matching age in completed years, if bounded above */
  public abstract OptionalInt maxYears();

  /** @return true if an unborn child also matches */
  @Value.Default
  public boolean includesUnborn() {
    return false;
  }

  /**
   * The builder of {@link AgeCondition}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableAgeCondition.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @param age an age
   * @return true if the age meets this condition
   */
  public boolean matches(Age age) {
    if (age.unborn()) {
      return includesUnborn();
    }
    return (minYears().isEmpty() || age.years() >= minYears().getAsInt())
        && (maxYears().isEmpty() || age.years() <= maxYears().getAsInt());
  }

  /**
   * Parses the text form {@code MIN..MAX} with an optional {@code +unborn} suffix.
   *
   * @param text the text, e.g. {@code ..12} or {@code ..0+unborn}
   * @param field the field name for errors
   * @return the condition
   */
  public static AgeCondition parse(String text, String field) {
    String t = text.trim();
    boolean unborn = t.endsWith("+unborn");
    if (unborn) {
      t = t.substring(0, t.length() - "+unborn".length());
    }
    int dots = t.indexOf("..");
    if (dots < 0 || t.indexOf("..", dots + 2) >= 0) {
      throw new InvalidValueException(field, "an age condition is MIN..MAX in years, either end optional");
    }
    AgeCondition.Builder b = builder().includesUnborn(unborn);
    String lo = t.substring(0, dots);
    String hi = t.substring(dots + 2);
    if (!lo.isEmpty()) {
      b.minYears(years(lo, field));
    }
    if (!hi.isEmpty()) {
      b.maxYears(years(hi, field));
    }
    try {
      return b.build();
    } catch (InvalidValueException e) {
      throw new InvalidValueException(field, e.rule());
    }
  }

  private static int years(String s, String field) {
    if (!s.matches("[0-9]{1,3}")) {
      throw new InvalidValueException(field, "ages are whole years 0 to 999");
    }
    return Integer.parseInt(s);
  }

  /** @return the text form, the inverse of {@link #parse(String, String)} */
  public String toText() {
    return (minYears().isPresent() ? String.valueOf(minYears().getAsInt()) : "")
        + ".."
        + (maxYears().isPresent() ? String.valueOf(maxYears().getAsInt()) : "")
        + (includesUnborn() ? "+unborn" : "");
  }

  @Value.Check
  void check() {
    if (minYears().isEmpty() && maxYears().isEmpty()) {
      throw new InvalidValueException("age", "an age condition needs at least one bound");
    }
    if (minYears().isPresent() && maxYears().isPresent() && minYears().getAsInt() > maxYears().getAsInt()) {
      throw new InvalidValueException("age", "the lower bound is above the upper bound");
    }
  }

  @Override
  public String toString() {
    return toText();
  }
}
