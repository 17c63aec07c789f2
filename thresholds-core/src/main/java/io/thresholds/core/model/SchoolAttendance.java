package io.thresholds.core.model;

import io.thresholds.core.InvalidValueException;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** What a school or the local authority knows about a child's education. */
@Value.Immutable
public abstract class SchoolAttendance {
  /** @return true if the child is on the roll of a state or independent school */
  public abstract boolean onRoll();

  /** @return true if the child is home educated (elective home education) */
  @Value.Default
  public boolean homeEducated() {
    return false;
  }

  /** @return attendance over the current year as a whole percentage, if known */
  public abstract OptionalInt attendancePercent();

  /**
   * The builder of {@link SchoolAttendance}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableSchoolAttendance.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    if (attendancePercent().isPresent()
        && (attendancePercent().getAsInt() < 0 || attendancePercent().getAsInt() > 100)) {
      throw new InvalidValueException("school.attendancePercent", "must be 0 to 100");
    }
    if (onRoll() && homeEducated()) {
      throw new InvalidValueException("school.homeEducated", "a child on a school roll is not home educated");
    }
    if (!onRoll() && attendancePercent().isPresent()) {
      throw new InvalidValueException("school.attendancePercent", "needs the child to be on a school roll");
    }
  }
}
