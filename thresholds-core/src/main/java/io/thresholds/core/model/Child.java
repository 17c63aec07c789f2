package io.thresholds.core.model;

import io.thresholds.core.InvalidValueException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A child (or unborn child) in the household. Exactly one of {@link #dateOfBirth()},
 * {@link #expectedDateOfDelivery()}, {@link #approximateAge()} and {@link #ageUnknown()} is set
 * (the MARF allows "date of birth or approximate age"). {@code toString()} shows the reference and
 * non-identifying facts only.
 */
@Value.Immutable
public abstract class Child {
  /** @return the pseudonymous reference */
  public abstract Ref ref();

  /** @return identifying details, if the caller has them */
  public abstract Optional<PersonalDetails> personal();

  /** @return the date of birth of a born child */
  @Value.Redacted
  public abstract Optional<LocalDate> dateOfBirth();

  /** @return the expected date of delivery of an unborn child */
  @Value.Redacted
  public abstract Optional<LocalDate> expectedDateOfDelivery();

  /**
   * @return the child's approximate age on the day the referral is made, when the date of birth is
   *     not known
   */
  public abstract Optional<ApproximateAge> approximateAge();

  /** @return true if nothing is known of the child's age (no date of birth, no estimate) */
  @Value.Default
  public boolean ageUnknown() {
    return false;
  }

  /** @return true if the child has a disability */
  @Value.Default
  public boolean disabled() {
    return false;
  }

  /**
   * @return true if it is not known whether the child has a disability; {@link #disabled()} is
   *     then false, and the evaluator treats the child as possibly disabled
   */
  @Value.Default
  public boolean disabilityUnknown() {
    return false;
  }

  /**
   * @return true if the needs arising from the child's disability have already been assessed by
   *     children's social care; a disabled child never assessed has a right to an assessment
   */
  @Value.Default
  public boolean disabilityNeedsAssessed() {
    return false;
  }

  /** @return true if the child has an Education, Health and Care plan */
  @Value.Default
  public boolean ehcPlan() {
    return false;
  }

  /** @return how mobile the child is */
  @Value.Default
  public Mobility mobility() {
    return Mobility.UNKNOWN;
  }

  /** @return school facts, if known */
  public abstract Optional<SchoolAttendance> school();

  /**
   * The builder of {@link Child}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableChild.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The child's age on a day, in completed years, or unborn.
   *
   * <p>For a child recorded by expected date of delivery the child is unborn before that date; on
   * or after it the age is counted from the expected date (an estimate).
   *
   * @param date the day
   * @return the age on that day
   * @throws InvalidValueException if the date of birth is after {@code date}, or the age is
   *     approximate or unknown (see {@link #hasExactAge()})
   */
  public Age ageOn(LocalDate date) {
    if (!hasExactAge()) {
      throw new InvalidValueException("children[" + ref() + "].dateOfBirth",
          "the age is approximate or unknown: there is no exact age");
    }
    if (dateOfBirth().isPresent()) {
      LocalDate dob = dateOfBirth().get();
      if (dob.isAfter(date)) {
        throw new InvalidValueException(
            "children[" + ref() + "].dateOfBirth", "is after the date the age is needed for");
      }
      return Age.ofYears(Period.between(dob, date).getYears());
    }
    LocalDate edd = expectedDateOfDelivery().orElseThrow();
    if (date.isBefore(edd)) {
      return Age.unbornChild();
    }
    return Age.ofYears(Period.between(edd, date).getYears());
  }

  /** @return true if the child is recorded by date of birth or expected date of delivery */
  public boolean hasExactAge() {
    return dateOfBirth().isPresent() || expectedDateOfDelivery().isPresent();
  }

  /**
   * The earliest date of birth the child may have, for a child whose age is approximate or unknown.
   *
   * @param referralDay the day the referral is made (the day an approximate age is stated for)
   * @return the earliest possible date of birth
   */
  public LocalDate earliestBirth(LocalDate referralDay) {
    return approximateAge().map(a -> a.earliestBirth(referralDay))
        .orElseGet(() -> dateOfBirth().orElseGet(() -> expectedDateOfDelivery()
            .orElseGet(() -> referralDay.minusYears(Age.MAX_YEARS).plusDays(1))));
  }

  /**
   * The latest date of birth the child may have, for a child whose age is approximate or unknown.
   *
   * @param referralDay the day the referral is made
   * @return the latest possible date of birth
   */
  public LocalDate latestBirth(LocalDate referralDay) {
    return approximateAge().map(a -> a.latestBirth(referralDay))
        .orElseGet(() -> dateOfBirth().orElseGet(() -> expectedDateOfDelivery().orElse(referralDay)));
  }

  /** @return true if the child is recorded by expected date of delivery rather than birth */
  public boolean recordedAsUnborn() {
    return expectedDateOfDelivery().isPresent();
  }

  @Value.Check
  void check() {
    int ages = (dateOfBirth().isPresent() ? 1 : 0) + (expectedDateOfDelivery().isPresent() ? 1 : 0)
        + (approximateAge().isPresent() ? 1 : 0) + (ageUnknown() ? 1 : 0);
    if (ages != 1) {
      throw new InvalidValueException("children[" + ref() + "]", approximateAge().isEmpty() && !ageUnknown()
          ? "needs exactly one of dateOfBirth and expectedDateOfDelivery"
          : "needs exactly one of dateOfBirth, expectedDateOfDelivery, approximateAge and ageUnknown");
    }
    if (disabilityUnknown() && disabled()) {
      throw new InvalidValueException(
          "children[" + ref() + "].disabilityUnknown", "cannot be true when disabled is true");
    }
    if (disabilityNeedsAssessed() && !disabled()) {
      throw new InvalidValueException(
          "children[" + ref() + "].disabilityNeedsAssessed", "needs disabled to be true");
    }
    if (recordedAsUnborn() && mobility().equals(Mobility.MOBILE)) {
      throw new InvalidValueException(
          "children[" + ref() + "].mobility", "an unborn child cannot be mobile");
    }
  }
}
