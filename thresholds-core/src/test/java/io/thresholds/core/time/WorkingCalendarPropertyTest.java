package io.thresholds.core.time;

import static io.thresholds.core.time.TestCalendars.LONDON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.time.api.Dates;

class WorkingCalendarPropertyTest {

  /** Dates far enough inside the coverage that 30 working days later is still covered. */
  @Provide
  Arbitrary<LocalDate> coveredDates() {
    return Dates.dates().between(LocalDate.of(2018, 1, 1), LocalDate.of(2030, 10, 31));
  }

  @Property
  void nthWorkingDayAfterIsAWorkingDayStrictlyAfterWithExactlyNWorkingDaysCounted(
      @ForAll("coveredDates") LocalDate date, @ForAll @IntRange(min = 1, max = 30) int n) {
    LocalDate result = LONDON.nthWorkingDayAfter(date, n);
    assertThat(result).isAfter(date);
    assertThat(LONDON.isWorkingDay(result)).isTrue();
    // No working day was skipped: (date, result] holds exactly n of them.
    int count = 0;
    for (LocalDate day = date.plusDays(1); !day.isAfter(result); day = day.plusDays(1)) {
      if (LONDON.isWorkingDay(day)) {
        count++;
      }
    }
    assertThat(count).isEqualTo(n);
  }

  @Property
  void nthWorkingDayAfterIsStrictlyIncreasingInN(
      @ForAll("coveredDates") LocalDate date, @ForAll @IntRange(min = 1, max = 29) int n) {
    LocalDate nth = LONDON.nthWorkingDayAfter(date, n);
    LocalDate next = LONDON.nthWorkingDayAfter(date, n + 1);
    assertThat(next).isAfter(nth);
    assertThat(next).isEqualTo(LONDON.nthWorkingDayAfter(nth, 1));
  }

  @Property
  void nextWorkingDayOnOrAfterIsTheFirstWorkingDayFromDate(
      @ForAll("coveredDates") LocalDate date) {
    LocalDate result = LONDON.nextWorkingDayOnOrAfter(date);
    assertThat(result).isAfterOrEqualTo(date);
    assertThat(LONDON.isWorkingDay(result)).isTrue();
    for (LocalDate day = date; day.isBefore(result); day = day.plusDays(1)) {
      assertThat(LONDON.isWorkingDay(day)).as("%s", day).isFalse();
    }
    // A working day is its own next working day; otherwise it is the first after the day before.
    assertThat(result)
        .isEqualTo(
            LONDON.isWorkingDay(date) ? date : LONDON.nthWorkingDayAfter(date.minusDays(1), 1));
  }

  @Property
  void weekendsAndListedHolidaysAreTheOnlyNonWorkingDays(@ForAll("coveredDates") LocalDate date) {
    boolean weekend = date.getDayOfWeek().getValue() >= 6;
    assertThat(LONDON.isWorkingDay(date))
        .isEqualTo(!weekend && !LONDON.holidays().containsKey(date));
  }

  @Property
  void nBelowOneIsRejected(
      @ForAll("coveredDates") LocalDate date, @ForAll @IntRange(min = -1000, max = 0) int n) {
    assertThatThrownBy(() -> LONDON.nthWorkingDayAfter(date, n))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
