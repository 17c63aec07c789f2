package io.thresholds.core.time;

import static io.thresholds.core.time.TestCalendars.LONDON;
import static io.thresholds.core.time.TestCalendars.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The embedded England and Wales bank-holiday data, checked against an independent computation of
 * the standing rules; every difference is one of the explained special days.
 */
class BankHolidayDataTest {

  @Test
  void loadsFromTheClasspathWithItsCoverage() {
    assertThat(LONDON.zone()).isEqualTo(ZoneId.of("Europe/London"));
    assertThat(LONDON.coveredFrom()).isEqualTo(date("2018-01-01"));
    assertThat(LONDON.coveredUntil()).isEqualTo(date("2030-12-31"));
    assertThat(LONDON.holidays()).hasSize(107);
    assertThat(LONDON)
        .hasToString("WorkingCalendar[Europe/London 2018-01-01..2030-12-31, 107 holidays]");
  }

  @Test
  void eightHolidaysInEveryNormalYear() {
    Map<Integer, Long> perYear =
        LONDON.holidays().keySet().stream()
            .collect(
                Collectors.groupingBy(LocalDate::getYear, TreeMap::new, Collectors.counting()));
    Map<Integer, Long> expected = new TreeMap<>();
    for (int year = 2018; year <= 2030; year++) {
      expected.put(year, 8L);
    }
    // 2020: early May holiday moved (VE Day), still 8.
    // 2022: spring holiday moved to 2 June, plus Platinum Jubilee (3 June) and the State Funeral.
    expected.put(2022, 10L);
    // 2023: plus the Coronation of King Charles III.
    expected.put(2023, 9L);
    assertThat(perYear).isEqualTo(expected);
  }

  @Test
  void everyHolidayIsAWeekdayWithAName() {
    assertThat(LONDON.holidays())
        .allSatisfy(
            (day, name) -> {
              assertThat(day.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
              assertThat(name).isNotBlank();
            });
  }

  @Test
  void rawFileListsEachDateOnceInOrderWithTheRequiredComments() throws IOException {
    List<String> lines = new ArrayList<>();
    try (Reader reader = TestCalendars.openResource();
        BufferedReader buffered = new BufferedReader(reader)) {
      buffered.lines().forEach(lines::add);
    }
    assertThat(lines).contains("# coverage: 2018-01-01..2030-12-31", "date\tname");
    assertThat(lines.stream().filter(l -> l.startsWith("#")))
        .anyMatch(l -> l.contains("gov.uk/bank-holidays"))
        .anyMatch(l -> l.contains("standing rules"));
    List<String> dates =
        lines.stream()
            .filter(l -> !l.startsWith("#") && !l.isBlank() && !l.equals("date\tname"))
            .map(l -> l.substring(0, l.indexOf('\t')))
            .collect(Collectors.toList());
    assertThat(dates).hasSize(107).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void matchesTheStandingRulesExceptTheExplainedSpecialDays() {
    Set<LocalDate> expected = new TreeSet<>();
    for (int year = 2018; year <= 2030; year++) {
      expected.addAll(standingRules(year));
    }
    // 2020: the early May bank holiday moved from Monday 4 May to Friday 8 May (VE Day 75).
    assertThat(expected.remove(date("2020-05-04"))).isTrue();
    expected.add(date("2020-05-08"));
    // 2022: the spring bank holiday moved from Monday 30 May to Thursday 2 June, and Friday
    // 3 June was added, for the Platinum Jubilee; Monday 19 September: State Funeral.
    assertThat(expected.remove(date("2022-05-30"))).isTrue();
    expected.addAll(Set.of(date("2022-06-02"), date("2022-06-03"), date("2022-09-19")));
    // 2023: Monday 8 May, Coronation of King Charles III.
    expected.add(date("2023-05-08"));

    assertThat(LONDON.holidays().keySet()).containsExactlyElementsOf(expected);
  }

  @Test
  void easterAlgorithmAgreesWithKnownDates() {
    assertThat(easterSunday(2008)).isEqualTo(date("2008-03-23"));
    assertThat(easterSunday(2019)).isEqualTo(date("2019-04-21"));
    assertThat(easterSunday(2024)).isEqualTo(date("2024-03-31"));
    assertThat(easterSunday(2025)).isEqualTo(date("2025-04-20"));
    assertThat(easterSunday(2038)).isEqualTo(date("2038-04-25"));
  }

  @Test
  void namedHolidaysIncludingSubstitutesAndSpecialDays() {
    assertThat(LONDON.holidays())
        .contains(
            entry(date("2025-04-18"), "Good Friday"),
            entry(date("2025-04-21"), "Easter Monday"),
            entry(date("2020-05-08"), "Early May bank holiday (VE day)"),
            entry(date("2020-12-28"), "Boxing Day (substitute day)"),
            entry(date("2021-12-27"), "Christmas Day (substitute day)"),
            entry(date("2021-12-28"), "Boxing Day (substitute day)"),
            entry(date("2022-01-03"), "New Year's Day (substitute day)"),
            entry(date("2022-06-02"), "Spring bank holiday"),
            entry(date("2022-06-03"), "Platinum Jubilee bank holiday"),
            entry(date("2022-09-19"), "Bank Holiday for the State Funeral of Queen Elizabeth II"),
            entry(date("2022-12-26"), "Boxing Day"),
            entry(date("2022-12-27"), "Christmas Day (substitute day)"),
            entry(date("2023-05-08"), "Bank holiday for the coronation of King Charles III"))
        .doesNotContainKeys(
            date("2021-12-25"), date("2022-12-25"), date("2020-05-04"), date("2022-05-30"));
  }

  @Test
  void substituteDaysAreNamedAsSuch() {
    LONDON
        .holidays()
        .forEach(
            (day, name) -> {
              boolean fixedDate =
                  (day.getMonth() == Month.JANUARY && day.getDayOfMonth() == 1)
                      || (day.getMonth() == Month.DECEMBER && day.getDayOfMonth() >= 25);
              if (fixedDate) {
                boolean onItsOwnDate =
                    (name.startsWith("New Year") && day.getDayOfMonth() == 1)
                        || (name.startsWith("Christmas") && day.getDayOfMonth() == 25)
                        || (name.startsWith("Boxing") && day.getDayOfMonth() == 26);
                assertThat(name.endsWith("(substitute day)"))
                    .as("%s %s", day, name)
                    .isEqualTo(!onItsOwnDate);
              }
            });
  }

  // ---- an independent statement of the rules ----------------------------------------------

  private static Set<LocalDate> standingRules(int year) {
    Set<LocalDate> days = new TreeSet<>();
    days.add(nextWeekday(LocalDate.of(year, 1, 1)));
    LocalDate easter = easterSunday(year);
    days.add(easter.minusDays(2));
    days.add(easter.plusDays(1));
    days.add(LocalDate.of(year, 5, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
    days.add(LocalDate.of(year, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
    days.add(LocalDate.of(year, 8, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
    // Christmas and Boxing Day: each on its own date if a weekday, else the next free weekday.
    LocalDate christmas = LocalDate.of(year, 12, 25);
    LocalDate boxing = LocalDate.of(year, 12, 26);
    for (LocalDate day : List.of(christmas, boxing)) {
      if (!isWeekend(day)) {
        days.add(day);
      }
    }
    for (LocalDate day : List.of(christmas, boxing)) {
      if (isWeekend(day)) {
        LocalDate substitute = day;
        while (isWeekend(substitute) || days.contains(substitute)) {
          substitute = substitute.plusDays(1);
        }
        days.add(substitute);
      }
    }
    return days;
  }

  private static LocalDate nextWeekday(LocalDate day) {
    LocalDate result = day;
    while (isWeekend(result)) {
      result = result.plusDays(1);
    }
    return result;
  }

  private static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  /** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }
}
