package io.thresholds.core.time;

import io.thresholds.core.ThresholdsException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A date outside the period a {@link WorkingCalendar} covers was needed. Bank holidays outside the
 * covered period are unknown, so the calendar refuses to guess; extend the data instead.
 */
public class OutsideCalendarException extends ThresholdsException {
  private static final long serialVersionUID = 1L;

  /** The date that was needed. */
  private final LocalDate date;

  OutsideCalendarException(LocalDate date, LocalDate coveredFrom, LocalDate coveredUntil) {
    super(
        "date "
            + Objects.requireNonNull(date, "date")
            + " is outside the working calendar's coverage "
            + coveredFrom
            + ".."
            + coveredUntil);
    this.date = date;
  }

  /** @return the date that was needed but is not covered */
  public LocalDate date() {
    return date;
  }
}
