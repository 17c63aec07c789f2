package io.thresholds.core.time;

import io.thresholds.core.InvalidValueException;
import java.io.Reader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Immutable set of working days for one time zone: Monday to Friday, except the bank holidays
 * listed for the covered period.
 *
 * <p>The calendar only knows the period it covers ({@link #coveredFrom()} to {@link
 * #coveredUntil()}, both inclusive). Any question that needs a day outside that period throws
 * {@link OutsideCalendarException}: bank holidays are announced, not computed, so the calendar
 * never guesses.
 *
 * <p>The England and Wales data embedded for the City of London policy is the classpath resource
 * {@code /io/thresholds/core/policy/city-of-london/bank-holidays.tsv}, read with {@link
 * #parse(Reader, ZoneId, String)}.
 */
public final class WorkingCalendar {
  private final ZoneId zone;
  private final LocalDate coveredFrom;
  private final LocalDate coveredUntil;
  private final SortedMap<LocalDate, String> holidays;

  private WorkingCalendar(
      ZoneId zone,
      LocalDate coveredFrom,
      LocalDate coveredUntil,
      TreeMap<LocalDate, String> holidays) {
    this.zone = zone;
    this.coveredFrom = coveredFrom;
    this.coveredUntil = coveredUntil;
    this.holidays = Collections.unmodifiableSortedMap(holidays);
  }

  /**
   * Reads a bank-holiday file.
   *
   * <p>Format (UTF-8 text, one record a line): comment lines start with {@code #}; one of them,
   * before the header, must be {@code # coverage: yyyy-mm-dd..yyyy-mm-dd} (both ends inclusive).
   * Then the header line {@code date<TAB>name}, then one line per bank holiday: an ISO date, a
   * tab, a non-blank name. Blank lines are ignored. Every bank holiday must fall on a weekday
   * inside the coverage and be listed once; when a holiday falls on a weekend, the file lists its
   * substitute weekday instead.
   *
   * @param tsv the text; read to the end but not closed
   * @param zone the time zone the working days are observed in (for example {@code
   *     Europe/London})
   * @param sourceName a name for the source, used in error messages (for example the file name)
   * @return the calendar
   * @throws CalendarDataException if the data breaks any rule above (the message names the source,
   *     the line and the rule) or cannot be read
   */
  public static WorkingCalendar parse(Reader tsv, ZoneId zone, String sourceName) {
    Objects.requireNonNull(tsv, "tsv");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(sourceName, "sourceName");
    CalendarTsv.Result result = CalendarTsv.read(tsv, sourceName);
    return new WorkingCalendar(
        zone, result.coveredFrom(), result.coveredUntil(), new TreeMap<>(result.holidays()));
  }

  /**
   * Builds a calendar from a set of bank holidays (their names are empty).
   *
   * @param zone the time zone the working days are observed in
   * @param holidays the bank holidays in the covered period, each a weekday within the coverage
   * @param coveredFrom the first day covered (inclusive)
   * @param coveredUntil the last day covered (inclusive), not before {@code coveredFrom}
   * @return the calendar
   * @throws InvalidValueException if the coverage is reversed, or a holiday falls outside it or
   *     on a Saturday or Sunday
   */
  public static WorkingCalendar of(
      ZoneId zone, Set<LocalDate> holidays, LocalDate coveredFrom, LocalDate coveredUntil) {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(holidays, "holidays");
    Objects.requireNonNull(coveredFrom, "coveredFrom");
    Objects.requireNonNull(coveredUntil, "coveredUntil");
    if (coveredUntil.isBefore(coveredFrom)) {
      throw new InvalidValueException("coveredUntil", "must not be before coveredFrom");
    }
    TreeMap<LocalDate, String> map = new TreeMap<>();
    for (LocalDate day : holidays) {
      Objects.requireNonNull(day, "holidays element");
      if (day.isBefore(coveredFrom) || day.isAfter(coveredUntil)) {
        throw new InvalidValueException("holidays", "every holiday must be within the coverage");
      }
      if (isWeekend(day)) {
        throw new InvalidValueException(
            "holidays", "a bank holiday must not fall on a Saturday or Sunday");
      }
      map.put(day, "");
    }
    return new WorkingCalendar(zone, coveredFrom, coveredUntil, map);
  }

  /** @return the time zone the working days are observed in */
  public ZoneId zone() {
    return zone;
  }

  /** @return the first day the calendar covers (inclusive) */
  public LocalDate coveredFrom() {
    return coveredFrom;
  }

  /** @return the last day the calendar covers (inclusive) */
  public LocalDate coveredUntil() {
    return coveredUntil;
  }

  /**
   * @return the bank holidays, in date order, with their names (names are empty for a calendar
   *     built with {@link #of}); unmodifiable
   */
  public SortedMap<LocalDate, String> holidays() {
    return holidays;
  }

  /**
   * @param date a day within the coverage
   * @return whether {@code date} is a working day: Monday to Friday and not a bank holiday
   * @throws OutsideCalendarException if {@code date} is outside the coverage
   */
  public boolean isWorkingDay(LocalDate date) {
    Objects.requireNonNull(date, "date");
    if (date.isBefore(coveredFrom) || date.isAfter(coveredUntil)) {
      throw new OutsideCalendarException(date, coveredFrom, coveredUntil);
    }
    return !isWeekend(date) && !holidays.containsKey(date);
  }

  /**
   * The {@code n}-th working day strictly after {@code date}: with {@code n = 1} from a Friday
   * this is the Monday, or the Tuesday if that Monday is a bank holiday. {@code date} itself need
   * not be a working day, nor be covered; every day examined after it must be.
   *
   * @param date the day to count from (not counted)
   * @param n how many working days to count, at least 1
   * @return the {@code n}-th working day after {@code date}
   * @throws IllegalArgumentException if {@code n < 1}
   * @throws OutsideCalendarException if the count runs outside the coverage
   */
  public LocalDate nthWorkingDayAfter(LocalDate date, int n) {
    Objects.requireNonNull(date, "date");
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1");
    }
    LocalDate day = date;
    int remaining = n;
    while (remaining > 0) {
      day = dayAfter(day);
      if (isWorkingDay(day)) {
        remaining--;
      }
    }
    return day;
  }

  /**
   * @param date a day within the coverage
   * @return {@code date} if it is a working day, otherwise the first working day after it
   * @throws OutsideCalendarException if the search runs outside the coverage
   */
  public LocalDate nextWorkingDayOnOrAfter(LocalDate date) {
    Objects.requireNonNull(date, "date");
    LocalDate day = date;
    while (!isWorkingDay(day)) {
      day = dayAfter(day);
    }
    return day;
  }

  private LocalDate dayAfter(LocalDate day) {
    if (!day.isBefore(coveredUntil)) {
      // also keeps LocalDate.MAX from overflowing
      throw new OutsideCalendarException(
          day.equals(LocalDate.MAX) ? day : day.plusDays(1), coveredFrom, coveredUntil);
    }
    return day.plusDays(1);
  }

  private static boolean isWeekend(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
  }

  /**
   * Two calendars are equal when they have the same zone, the same coverage and the same holidays
   * with the same names.
   *
   * @param other the object to compare with
   * @return whether {@code other} is an equal calendar
   */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof WorkingCalendar)) {
      return false;
    }
    WorkingCalendar that = (WorkingCalendar) other;
    return zone.equals(that.zone)
        && coveredFrom.equals(that.coveredFrom)
        && coveredUntil.equals(that.coveredUntil)
        && holidays.equals(that.holidays);
  }

  /** @return a hash code consistent with {@link #equals(Object)} */
  @Override
  public int hashCode() {
    return Objects.hash(zone, coveredFrom, coveredUntil, holidays);
  }

  /**
   * @return a short description, such as {@code WorkingCalendar[Europe/London
   *     2018-01-01..2030-12-31, 107 holidays]}
   */
  @Override
  public String toString() {
    return "WorkingCalendar["
        + zone
        + " "
        + coveredFrom
        + ".."
        + coveredUntil
        + ", "
        + holidays.size()
        + " holidays]";
  }

  /** Saturday or Sunday; shared with the parser. */
  static boolean weekend(LocalDate day) {
    return isWeekend(day);
  }
}
