package io.thresholds.core.time;

import static io.thresholds.core.time.TestCalendars.LONDON;
import static io.thresholds.core.time.TestCalendars.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.ThresholdsException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {
  private static final ZoneId LONDON_ZONE = ZoneId.of("Europe/London");

  @Test
  void weekdaysAreWorkingDaysWeekendsAreNot() {
    assertThat(LONDON.isWorkingDay(date("2025-03-07"))).isTrue(); // Friday
    assertThat(LONDON.isWorkingDay(date("2025-03-08"))).isFalse(); // Saturday
    assertThat(LONDON.isWorkingDay(date("2025-03-09"))).isFalse(); // Sunday
    assertThat(LONDON.isWorkingDay(date("2025-03-10"))).isTrue(); // Monday
  }

  @Test
  void easter2025() {
    assertThat(LONDON.isWorkingDay(date("2025-04-17"))).isTrue(); // Maundy Thursday
    assertThat(LONDON.isWorkingDay(date("2025-04-18"))).isFalse(); // Good Friday
    assertThat(LONDON.isWorkingDay(date("2025-04-21"))).isFalse(); // Easter Monday
    assertThat(LONDON.isWorkingDay(date("2025-04-22"))).isTrue();
  }

  @Test
  void christmas2021BothDaysOnTheWeekendSoMondayAndTuesdayAreSubstitutes() {
    assertThat(LONDON.isWorkingDay(date("2021-12-24"))).isTrue(); // Friday
    assertThat(LONDON.isWorkingDay(date("2021-12-27"))).isFalse();
    assertThat(LONDON.isWorkingDay(date("2021-12-28"))).isFalse();
    assertThat(LONDON.isWorkingDay(date("2021-12-29"))).isTrue();
  }

  @Test
  void christmas2022OnSundaySoBoxingDayMondayAndSubstituteTuesday() {
    assertThat(LONDON.isWorkingDay(date("2022-12-23"))).isTrue();
    assertThat(LONDON.isWorkingDay(date("2022-12-26"))).isFalse();
    assertThat(LONDON.isWorkingDay(date("2022-12-27"))).isFalse();
    assertThat(LONDON.isWorkingDay(date("2022-12-28"))).isTrue();
  }

  @Test
  void nthWorkingDayAfterFridayIsMonday() {
    assertThat(LONDON.nthWorkingDayAfter(date("2025-03-07"), 1)).isEqualTo(date("2025-03-10"));
    assertThat(LONDON.nthWorkingDayAfter(date("2025-03-07"), 5)).isEqualTo(date("2025-03-14"));
  }

  @Test
  void nthWorkingDayAfterCrossesBankHolidayWeekends() {
    // Friday before the early May bank holiday Monday: the next working day is Tuesday.
    assertThat(LONDON.nthWorkingDayAfter(date("2025-05-02"), 1)).isEqualTo(date("2025-05-06"));
    // Thursday before Easter 2025: Good Friday, weekend, Easter Monday are skipped.
    assertThat(LONDON.nthWorkingDayAfter(date("2025-04-17"), 1)).isEqualTo(date("2025-04-22"));
    assertThat(LONDON.nthWorkingDayAfter(date("2025-04-17"), 3)).isEqualTo(date("2025-04-24"));
    // Christmas Eve 2021 (Friday): 25-28 are all non-working.
    assertThat(LONDON.nthWorkingDayAfter(date("2021-12-24"), 1)).isEqualTo(date("2021-12-29"));
    // Counting from a non-working day.
    assertThat(LONDON.nthWorkingDayAfter(date("2025-04-19"), 1)).isEqualTo(date("2025-04-22"));
  }

  @Test
  void nthWorkingDayAfterRejectsNBelowOne() {
    assertThatThrownBy(() -> LONDON.nthWorkingDayAfter(date("2025-03-07"), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LONDON.nthWorkingDayAfter(date("2025-03-07"), -3))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nextWorkingDayOnOrAfter() {
    assertThat(LONDON.nextWorkingDayOnOrAfter(date("2025-03-07"))).isEqualTo(date("2025-03-07"));
    assertThat(LONDON.nextWorkingDayOnOrAfter(date("2025-03-08"))).isEqualTo(date("2025-03-10"));
    assertThat(LONDON.nextWorkingDayOnOrAfter(date("2021-12-25"))).isEqualTo(date("2021-12-29"));
  }

  @Test
  void datesOutsideCoverageThrow() {
    assertThatThrownBy(() -> LONDON.isWorkingDay(date("2031-01-02")))
        .isInstanceOf(OutsideCalendarException.class)
        .isInstanceOf(ThresholdsException.class)
        .hasMessageContaining("2031-01-02")
        .hasMessageContaining("2018-01-01..2030-12-31");
    assertThatThrownBy(() -> LONDON.isWorkingDay(date("2017-12-29")))
        .isInstanceOfSatisfying(
            OutsideCalendarException.class,
            e -> assertThat(e.date()).isEqualTo(date("2017-12-29")));
    // The last covered day is fine, the day after is not known.
    assertThat(LONDON.isWorkingDay(date("2030-12-31"))).isTrue();
    assertThatThrownBy(() -> LONDON.nthWorkingDayAfter(date("2030-12-31"), 1))
        .isInstanceOfSatisfying(
            OutsideCalendarException.class,
            e -> assertThat(e.date()).isEqualTo(date("2031-01-01")));
    assertThatThrownBy(() -> LONDON.nthWorkingDayAfter(date("2030-12-20"), 10))
        .isInstanceOf(OutsideCalendarException.class);
    assertThatThrownBy(() -> LONDON.nthWorkingDayAfter(LocalDate.MAX, 1))
        .isInstanceOf(OutsideCalendarException.class);
    assertThatThrownBy(() -> LONDON.nextWorkingDayOnOrAfter(date("2031-06-02")))
        .isInstanceOf(OutsideCalendarException.class);
  }

  @Test
  void onlyTheDaysExaminedNeedToBeCovered() {
    // From 31 Dec 2017 the first day examined is 1 Jan 2018 (a bank holiday), then 2 Jan.
    assertThat(LONDON.nthWorkingDayAfter(date("2017-12-31"), 1)).isEqualTo(date("2018-01-02"));
    // From 29 Dec 2017 the first day examined, 30 Dec 2017, is unknown.
    assertThatThrownBy(() -> LONDON.nthWorkingDayAfter(date("2017-12-29"), 1))
        .isInstanceOf(OutsideCalendarException.class);
  }

  @Test
  void ofBuildsACalendarWithUnnamedHolidays() {
    Set<LocalDate> input = new HashSet<>(Set.of(date("2025-12-25"), date("2025-12-26")));
    WorkingCalendar calendar =
        WorkingCalendar.of(LONDON_ZONE, input, date("2025-01-01"), date("2025-12-31"));
    input.add(date("2025-12-24"));

    assertThat(calendar.holidays()).containsOnlyKeys(date("2025-12-25"), date("2025-12-26"));
    assertThat(calendar.holidays().values()).containsOnly("");
    assertThat(calendar.isWorkingDay(date("2025-12-24"))).isTrue();
    assertThat(calendar.isWorkingDay(date("2025-12-25"))).isFalse();
    assertThat(calendar.nthWorkingDayAfter(date("2025-12-24"), 1)).isEqualTo(date("2025-12-29"));
    assertThat(calendar)
        .hasToString("WorkingCalendar[Europe/London 2025-01-01..2025-12-31, 2 holidays]");
  }

  @Test
  void ofValidates() {
    assertThatThrownBy(
            () -> WorkingCalendar.of(LONDON_ZONE, Set.of(), date("2025-01-02"), date("2025-01-01")))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("coveredUntil"));
    assertThatThrownBy(
            () ->
                WorkingCalendar.of(
                    LONDON_ZONE,
                    Set.of(date("2026-01-01")),
                    date("2025-01-01"),
                    date("2025-12-31")))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.rule()).contains("within the coverage"));
    assertThatThrownBy(
            () ->
                WorkingCalendar.of(
                    LONDON_ZONE,
                    Set.of(date("2025-12-27")),
                    date("2025-01-01"),
                    date("2025-12-31")))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.rule()).contains("Saturday or Sunday"));
    // A one-day coverage is fine.
    assertThat(
            WorkingCalendar.of(LONDON_ZONE, Set.of(), date("2025-01-01"), date("2025-01-01"))
                .isWorkingDay(date("2025-01-01")))
        .isTrue();
  }

  @Test
  void holidaysAreUnmodifiable() {
    assertThatThrownBy(() -> LONDON.holidays().put(date("2025-03-07"), "x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> LONDON.holidays().headMap(date("2020-01-01")).clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equalityOverZoneCoverageAndHolidays() {
    Set<LocalDate> days = Set.of(date("2025-12-25"));
    LocalDate from = date("2025-01-01");
    LocalDate until = date("2025-12-31");
    WorkingCalendar a = WorkingCalendar.of(LONDON_ZONE, days, from, until);
    WorkingCalendar b = WorkingCalendar.of(LONDON_ZONE, days, from, until);
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a)
        .isNotEqualTo(
            WorkingCalendar.of(ZoneId.of("Europe/Paris"), days, from, until))
        .isNotEqualTo(WorkingCalendar.of(LONDON_ZONE, days, date("2024-01-01"), until))
        .isNotEqualTo(WorkingCalendar.of(LONDON_ZONE, Set.of(), from, until));
    assertThat(TestCalendars.load()).isEqualTo(LONDON).hasSameHashCodeAs(LONDON);
    // Names are part of the holidays: an unnamed copy is a different calendar.
    assertThat(
            WorkingCalendar.of(
                LONDON_ZONE,
                LONDON.holidays().keySet(),
                LONDON.coveredFrom(),
                LONDON.coveredUntil()))
        .isNotEqualTo(LONDON);
  }
}
