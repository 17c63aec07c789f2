package io.thresholds.core.model;

import io.thresholds.core.InvalidValueException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A child (or unborn child) in the household. Exactly one of {@link #dateOfBirth()} and
 * {@link #expectedDateOfDelivery()} is set. {@code toString()} shows the reference and
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

  /** @return true if the child has a disability */
  @Value.Default
  public boolean disabled() {
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
   * @throws InvalidValueException if the date of birth is after {@code date}
   */
  public Age ageOn(LocalDate date) {
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

  /** @return true if the child is recorded by expected date of delivery rather than birth */
  public boolean recordedAsUnborn() {
    return expectedDateOfDelivery().isPresent();
  }

  @Value.Check
  void check() {
    if (dateOfBirth().isPresent() == expectedDateOfDelivery().isPresent()) {
      throw new InvalidValueException(
          "children[" + ref() + "]", "needs exactly one of dateOfBirth and expectedDateOfDelivery");
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
