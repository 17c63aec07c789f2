package io.thresholds.core.time;

import io.thresholds.core.InvalidValueException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a service (a phone line) is staffed, as data: either office hours on working days, or
 * out-of-hours cover for the rest of the time.
 *
 * <p>Times are wall-clock times in the {@link WorkingCalendar#zone() calendar's zone}, to the
 * minute. The service is open on a day from the first instant the zone's clock reads the opening
 * time to the first instant it reads the closing time. So across daylight-saving changes:
 *
 * <ul>
 *   <li>a time that does not exist that day (the spring gap) is reached at the first instant after
 *       the gap, when the clocks have gone forward;
 *   <li>a time that happens twice (the repeated autumn hour) is reached the first time; the
 *       service does not open or close again when the clock reads it a second time.
 * </ul>
 *
 * <p>Two services are not assumed to cover the whole day between them: with the City of London
 * policy, the Emergency Duty Team ({@code out-of-hours 17:00-08:30}) and the Hub ({@code office
 * 09:00-17:00}) are both closed from 08:30 to 09:00 on a working day, and {@link #isOpen} says so.
 */
public final class ServiceHours {
  /** The two shapes of service hours. */
  public enum Kind {
    /** Open on working days between two times of day: {@code office 09:00-17:00}. */
    OFFICE_HOURS,
    /**
     * Open all day on non-working days, and on working days before a morning time and from an
     * evening time: {@code out-of-hours 17:00-08:30}.
     */
    OUT_OF_HOURS
  }

  private static final Pattern TEXT =
      Pattern.compile("(office|out-of-hours) (\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");
  private static final String TEXT_RULE =
      "expected 'office HH:mm-HH:mm' or 'out-of-hours HH:mm-HH:mm' (times 00:00 to 23:59)";
  static final String OFFICE_ORDER_RULE = "office hours must open before they close";
  static final String OUT_OF_HOURS_ORDER_RULE =
      "out-of-hours evening start must be later than the morning end";
  static final String WHOLE_MINUTE_RULE = "must be a whole minute (no seconds)";

  private final Kind kind;
  private final LocalTime first;
  private final LocalTime second;

  private ServiceHours(Kind kind, LocalTime first, LocalTime second) {
    this.kind = kind;
    this.first = first;
    this.second = second;
  }

  /**
   * Office hours: open on working days from {@code opens} (inclusive) to {@code closes}
   * (exclusive), closed on weekends and bank holidays.
   *
   * @param opens the opening time, a whole minute
   * @param closes the closing time, a whole minute after {@code opens} on the same day
   * @return the service hours
   * @throws InvalidValueException if a time has seconds or {@code opens} is not before {@code
   *     closes}
   */
  public static ServiceHours officeHours(LocalTime opens, LocalTime closes) {
    wholeMinute(opens, "opens");
    wholeMinute(closes, "closes");
    if (!opens.isBefore(closes)) {
      throw new InvalidValueException("closes", OFFICE_ORDER_RULE);
    }
    return new ServiceHours(Kind.OFFICE_HOURS, opens, closes);
  }

  /**
   * Out-of-hours cover: open all day on non-working days, and on working days before {@code
   * morningEnd} (exclusive) and from {@code eveningStart} (inclusive). For example the Emergency
   * Duty Team: 17:00 to 08:30, weekends and public holidays.
   *
   * @param eveningStart the time cover starts on a working day's evening, a whole minute
   * @param morningEnd the time cover ends on a working day's morning, a whole minute before {@code
   *     eveningStart} ({@code 00:00} for no morning cover)
   * @return the service hours
   * @throws InvalidValueException if a time has seconds or {@code eveningStart} is not after {@code
   *     morningEnd}
   */
  public static ServiceHours outOfHours(LocalTime eveningStart, LocalTime morningEnd) {
    wholeMinute(eveningStart, "eveningStart");
    wholeMinute(morningEnd, "morningEnd");
    if (!eveningStart.isAfter(morningEnd)) {
      throw new InvalidValueException("eveningStart", OUT_OF_HOURS_ORDER_RULE);
    }
    return new ServiceHours(Kind.OUT_OF_HOURS, eveningStart, morningEnd);
  }

  private static void wholeMinute(LocalTime time, String field) {
    Objects.requireNonNull(time, field);
    if (time.getSecond() != 0 || time.getNano() != 0) {
      throw new InvalidValueException(field, WHOLE_MINUTE_RULE);
    }
  }

  /** @return whether these are office hours or out-of-hours cover */
  public Kind kind() {
    return kind;
  }

  /**
   * The first time of the text form: for {@link Kind#OFFICE_HOURS} the opening time, for {@link
   * Kind#OUT_OF_HOURS} the evening start.
   *
   * @return the first time
   */
  public LocalTime first() {
    return first;
  }

  /**
   * The second time of the text form: for {@link Kind#OFFICE_HOURS} the closing time, for {@link
   * Kind#OUT_OF_HOURS} the morning end.
   *
   * @return the second time
   */
  public LocalTime second() {
    return second;
  }

  /**
   * @param at the instant to ask about
   * @param calendar the working days, and the zone the times are in
   * @return whether the service is open at {@code at}
   * @throws OutsideCalendarException if the answer needs a day the calendar does not cover
   */
  public boolean isOpen(Instant at, WorkingCalendar calendar) {
    return containing(at, calendar).isPresent();
  }

  /**
   * The earliest instant at or after {@code at} when the service is open ({@code at} itself if it
   * is open then).
   *
   * @param at the instant to start from
   * @param calendar the working days, and the zone the times are in
   * @return the instant the service is next open
   * @throws OutsideCalendarException if the search needs a day the calendar does not cover
   */
  public Instant nextOpening(Instant at, WorkingCalendar calendar) {
    if (isOpen(at, calendar)) {
      return at;
    }
    for (LocalDate day = serviceDay(at, calendar); ; day = day.plusDays(1)) {
      for (Period period : periods(day, calendar)) {
        if (period.start().isAfter(at)) {
          return period.start();
        }
      }
    }
  }

  /**
   * The instant the current open period ends, if the service is open at {@code at}. Periods that
   * follow each other without a gap are one period: out-of-hours cover from Friday evening runs
   * through the weekend to Monday morning (or Tuesday morning after a bank holiday Monday).
   *
   * @param at the instant to ask about
   * @param calendar the working days, and the zone the times are in
   * @return the first instant after {@code at} when the service is closed, or empty if it is closed
   *     at {@code at}
   * @throws OutsideCalendarException if the answer needs a day the calendar does not cover
   */
  public Optional<Instant> closesAfter(Instant at, WorkingCalendar calendar) {
    Optional<Period> current = containing(at, calendar);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    Instant end = current.get().end();
    for (Optional<Period> next = containing(end, calendar);
        next.isPresent();
        next = containing(end, calendar)) {
      end = next.get().end();
    }
    return Optional.of(end);
  }

  /**
   * Parses the compact text form used in policy files: {@code office 09:00-17:00} (opens-closes)
   * or {@code out-of-hours 17:00-08:30} (eveningStart-morningEnd), times as 24-hour {@code HH:mm}.
   *
   * @param text the text form; leading and trailing white space is ignored
   * @param field the name of the field the text came from, for error messages
   * @return the service hours
   * @throws InvalidValueException naming {@code field}, if the text is malformed or the times are
   *     in the wrong order
   */
  public static ServiceHours parse(String text, String field) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(field, "field");
    Matcher m = TEXT.matcher(text.strip());
    if (!m.matches()) {
      throw new InvalidValueException(field, TEXT_RULE);
    }
    int h1 = Integer.parseInt(m.group(2));
    int m1 = Integer.parseInt(m.group(3));
    int h2 = Integer.parseInt(m.group(4));
    int m2 = Integer.parseInt(m.group(5));
    if (h1 > 23 || m1 > 59 || h2 > 23 || m2 > 59) {
      throw new InvalidValueException(field, TEXT_RULE);
    }
    LocalTime a = LocalTime.of(h1, m1);
    LocalTime b = LocalTime.of(h2, m2);
    try {
      return m.group(1).equals("office") ? officeHours(a, b) : outOfHours(a, b);
    } catch (InvalidValueException e) {
      throw new InvalidValueException(field, e.rule());
    }
  }

  /**
   * @return the compact text form, {@code office HH:mm-HH:mm} or {@code out-of-hours
   *     HH:mm-HH:mm}, which {@link #parse} reads back
   */
  public String toText() {
    return (kind == Kind.OFFICE_HOURS ? "office " : "out-of-hours ")
        + hhmm(first)
        + "-"
        + hhmm(second);
  }

  private static String hhmm(LocalTime time) {
    int h = time.getHour();
    int m = time.getMinute();
    return (h < 10 ? "0" : "") + h + (m < 10 ? ":0" : ":") + m;
  }

  /**
   * @param other the object to compare with
   * @return whether {@code other} has the same kind and times
   */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof ServiceHours)) {
      return false;
    }
    ServiceHours that = (ServiceHours) other;
    return kind == that.kind && first.equals(that.first) && second.equals(that.second);
  }

  /** @return a hash code consistent with {@link #equals(Object)} */
  @Override
  public int hashCode() {
    return Objects.hash(kind, first, second);
  }

  /** @return {@code ServiceHours[}the text form{@code ]} */
  @Override
  public String toString() {
    return "ServiceHours[" + toText() + "]";
  }

  // ---- interval arithmetic -------------------------------------------------------------------

  /** A half-open open period [start, end). */
  record Period(Instant start, Instant end) {
    boolean contains(Instant at) {
      return !at.isBefore(start) && at.isBefore(end);
    }
  }

  private Optional<Period> containing(Instant at, WorkingCalendar calendar) {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(calendar, "calendar");
    for (Period period : periods(serviceDay(at, calendar), calendar)) {
      if (period.contains(at)) {
        return Optional.of(period);
      }
    }
    return Optional.empty();
  }

  /** The open periods that start on {@code day}, in order; empty periods left out. */
  List<Period> periods(LocalDate day, WorkingCalendar calendar) {
    return day(day, calendar).periods;
  }

  // Every question about the hours (open? next opening?) asks the zone rules for the start of the
  // service day, the next day's start and each period's ends: several offset look-ups, each
  // computing the year's transitions, for every call. An evaluation asks about the same day many
  // times, so the answers for a day are kept in a small cache. Entries are immutable and replaced
  // whole: threads may race on a slot and at worst compute a day again.

  /**
   * Slots of the cache, a power of two; a day's slot is its epoch day modulo this. Enough for
   * about three years of days, so that a batch of referrals made over a year or two finds each
   * day's answers computed once (with 64 slots, most referrals of such a batch missed).
   */
  private static final int CACHED_DAYS = 1024;

  /** A day's service periods and bounds, for one calendar. */
  private static final class Day {
    final LocalDate day;
    final WorkingCalendar calendar;
    final Instant start;
    final Instant next;
    final List<Period> periods;

    Day(LocalDate day, WorkingCalendar calendar, Instant start, Instant next, List<Period> periods) {
      this.day = day;
      this.calendar = calendar;
      this.start = start;
      this.next = next;
      this.periods = periods;
    }
  }

  private final Day[] days = new Day[CACHED_DAYS];

  private Day day(LocalDate day, WorkingCalendar calendar) {
    int slot = (int) (day.toEpochDay() & (CACHED_DAYS - 1));
    Day cached = days[slot];
    if (cached != null && cached.calendar == calendar && cached.day.equals(day)) {
      return cached;
    }
    ZoneId zone = calendar.zone();
    Day computed = new Day(day, calendar, reach(day, LocalTime.MIDNIGHT, zone),
        reach(day.plusDays(1), LocalTime.MIDNIGHT, zone), List.copyOf(computePeriods(day, calendar)));
    days[slot] = computed;
    return computed;
  }

  /**
   * The service day containing an instant, as {@link #serviceDay(Instant, ZoneId)}: the day whose
   * bounds contain it (days do not overlap), looked up among the cached days near its UTC date
   * first (no zone is more than a day from UTC).
   */
  private LocalDate serviceDay(Instant at, WorkingCalendar calendar) {
    long utcDay = Math.floorDiv(at.getEpochSecond(), 86_400L);
    for (long d = utcDay - 1; d <= utcDay + 1; d++) {
      Day cached = days[(int) (d & (CACHED_DAYS - 1))];
      if (cached != null && cached.calendar == calendar && cached.day.toEpochDay() == d
          && !at.isBefore(cached.start) && at.isBefore(cached.next)) {
        return cached.day;
      }
    }
    return serviceDay(at, calendar.zone());
  }

  private List<Period> computePeriods(LocalDate day, WorkingCalendar calendar) {
    ZoneId zone = calendar.zone();
    boolean working = calendar.isWorkingDay(day);
    List<Period> result = new ArrayList<>(2);
    if (kind == Kind.OFFICE_HOURS) {
      if (working) {
        add(result, reach(day, first, zone), reach(day, second, zone));
      }
    } else {
      Instant dayStart = reach(day, LocalTime.MIDNIGHT, zone);
      Instant nextDayStart = reach(day.plusDays(1), LocalTime.MIDNIGHT, zone);
      if (working) {
        add(result, dayStart, reach(day, second, zone));
        add(result, reach(day, first, zone), nextDayStart);
      } else {
        add(result, dayStart, nextDayStart);
      }
    }
    return result;
  }

  private static void add(List<Period> periods, Instant start, Instant end) {
    if (start.isBefore(end)) {
      periods.add(new Period(start, end));
    }
  }

  /**
   * The day whose open periods can contain {@code at}: the day that has started (its clock has
   * read 00:00) and whose next day has not. Almost always the local date of {@code at}.
   */
  static LocalDate serviceDay(Instant at, ZoneId zone) {
    LocalDate day = LocalDate.ofInstant(at, zone);
    while (at.isBefore(reach(day, LocalTime.MIDNIGHT, zone))) {
      day = day.minusDays(1);
    }
    while (!at.isBefore(reach(day.plusDays(1), LocalTime.MIDNIGHT, zone))) {
      day = day.plusDays(1);
    }
    return day;
  }

  /**
   * The first instant at which the clock in {@code zone} reads {@code time} on {@code day} or has
   * passed it: the instant itself for a normal time, the earlier of the two for a time in a
   * repeated hour, and the end of the gap (the transition) for a time the clocks skip.
   */
  static Instant reach(LocalDate day, LocalTime time, ZoneId zone) {
    LocalDateTime local = day.atTime(time);
    ZoneRules rules = zone.getRules();
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (offsets.isEmpty()) {
      return rules.getTransition(local).getInstant();
    }
    Instant earliest = local.toInstant(offsets.get(0));
    for (ZoneOffset offset : offsets) {
      Instant candidate = local.toInstant(offset);
      if (candidate.isBefore(earliest)) {
        earliest = candidate;
      }
    }
    return earliest;
  }
}
