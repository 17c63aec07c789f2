package io.thresholds.core.testing;

import io.thresholds.core.time.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * When a referral is made, relative to the City of London services: the Hub is staffed 09:00-17:00
 * on working days, the Emergency Duty Team 17:00-08:30 and all of weekends and bank holidays, and
 * nobody from 08:30 to 09:00 on a working day. Classified here from first principles (day of week,
 * bank-holiday list, wall-clock time), independently of {@code ServiceHours}.
 */
public enum TimeClass {
  /** A working day, 09:00 to 16:59: the Hub is open. */
  OFFICE_HOURS,
  /** A working day, 08:30 to 08:59: neither service is staffed. */
  GAP_0830_TO_0900,
  /** A working day, before 08:30 or from 17:00: the Emergency Duty Team. */
  EVENING_OR_NIGHT,
  /** Saturday or Sunday: the Emergency Duty Team. */
  WEEKEND,
  /** A bank holiday on a weekday: the Emergency Duty Team. */
  BANK_HOLIDAY;

  private static final LocalTime EDT_MORNING_END = LocalTime.of(8, 30);
  private static final LocalTime HUB_OPENS = LocalTime.of(9, 0);
  private static final LocalTime HUB_CLOSES = LocalTime.of(17, 0);

  /** @return true if the Emergency Duty Team covers this time */
  public boolean outOfHours() {
    return this == EVENING_OR_NIGHT || this == WEEKEND || this == BANK_HOLIDAY;
  }

  /**
   * @param t an instant
   * @param calendar the working calendar (its zone is used)
   * @return the class of that instant
   */
  public static TimeClass of(Instant t, WorkingCalendar calendar) {
    ZonedDateTime z = t.atZone(calendar.zone());
    LocalDate day = z.toLocalDate();
    LocalTime time = z.toLocalTime();
    if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      return WEEKEND;
    }
    if (calendar.holidays().containsKey(day)) {
      return BANK_HOLIDAY;
    }
    if (time.isBefore(EDT_MORNING_END) || !time.isBefore(HUB_CLOSES)) {
      return EVENING_OR_NIGHT;
    }
    return time.isBefore(HUB_OPENS) ? GAP_0830_TO_0900 : OFFICE_HOURS;
  }
}
