package io.thresholds.core.model;

import io.thresholds.core.InvalidValueException;
import org.immutables.value.Value;

/**
 * A child's age on a given day: unborn, or a number of completed years (years increase on the
 * birthday; someone born on 29 February gains a year on 1 March in other years, as in English law).
 * An age is not personal data on its own and may be shown.
 */
@Value.Immutable
public abstract class Age implements Comparable<Age> {
  /** The oldest age in years. */
  public static final int MAX_YEARS = 150;

  /** @return true before birth */
  @Value.Parameter
  public abstract boolean unborn();

  /** @return completed years; 0 for an unborn child */
  @Value.Parameter
  public abstract int years();

  /** @return the age of an unborn child */
  public static Age unbornChild() {
    return ImmutableAge.of(true, 0);
  }

  /**
   * @param years completed years, at least 0
   * @return that age
   */
  public static Age ofYears(int years) {
    return ImmutableAge.of(false, years);
  }

  @Value.Check
  void check() {
    if (years() < 0 || years() > 150) {
      throw new InvalidValueException("age.years", "must be 0 to 150");
    }
    if (unborn() && years() != 0) {
      throw new InvalidValueException("age.years", "must be 0 for an unborn child");
    }
  }

  @Override
  public int compareTo(Age other) {
    if (unborn() != other.unborn()) {
      return unborn() ? -1 : 1;
    }
    return Integer.compare(years(), other.years());
  }

  @Override
  public String toString() {
    return unborn() ? "unborn" : years() + "y";
  }
}
