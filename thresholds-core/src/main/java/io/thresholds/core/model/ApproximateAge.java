package io.thresholds.core.model;

import io.thresholds.core.InvalidValueException;
import java.time.LocalDate;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * An approximate age, as the MARF allows ("date of birth or approximate age"): years, or years and
 * months, on the day the referral is made. It is an estimate, taken as accurate to its last stated
 * unit either way: "about 12" may be 11 to 13 completed years, "12 years 6 months" may be 12 years
 * 5 months to 12 years 7 months. (A reading of the SDK's own: the document gives no precision.)
 * Age conditions that the estimate straddles are treated as unknown, never guessed.
 */
@Value.Immutable
public abstract class ApproximateAge {
  /** The oldest approximate age accepted, in years. */
  public static final int MAX_YEARS = 25;

  /** @return completed years, 0 to {@link #MAX_YEARS} */
  @Value.Parameter
  public abstract int years();

  /** @return further months, 0 to 11, if stated */
  @Value.Parameter
  public abstract OptionalInt months();

  /**
   * @param years about this many years old
   * @return the approximate age
   */
  public static ApproximateAge ofYears(int years) {
    return ImmutableApproximateAge.of(years, OptionalInt.empty());
  }

  /**
   * @param years years
   * @param months and months, 0 to 11
   * @return the approximate age
   */
  public static ApproximateAge of(int years, int months) {
    return ImmutableApproximateAge.of(years, OptionalInt.of(months));
  }

  /**
   * @param day the day the age was stated for (the day the referral is made)
   * @return the latest possible date of birth: the youngest the child may be
   */
  public LocalDate latestBirth(LocalDate day) {
    if (months().isEmpty()) {
      return day.minusYears(Math.max(0, years() - 1));
    }
    return day.minusMonths(Math.max(0, 12L * years() + months().getAsInt() - 1));
  }

  /**
   * @param day the day the age was stated for (the day the referral is made)
   * @return the earliest possible date of birth: the oldest the child may be
   */
  public LocalDate earliestBirth(LocalDate day) {
    if (months().isEmpty()) {
      return day.minusYears(years() + 2L).plusDays(1);
    }
    return day.minusMonths(12L * years() + months().getAsInt() + 2).plusDays(1);
  }

  @Value.Check
  void check() {
    if (years() < 0 || years() > MAX_YEARS) {
      throw new InvalidValueException("approximateAge.years", "must be 0 to " + MAX_YEARS);
    }
    if (months().isPresent() && (months().getAsInt() < 0 || months().getAsInt() > 11)) {
      throw new InvalidValueException("approximateAge.months", "must be 0 to 11");
    }
  }

  @Override
  public String toString() {
    return "about " + years() + "y" + (months().isPresent() ? months().getAsInt() + "m" : "");
  }
}
