package io.thresholds.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.Month;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The local times written in deadlines and notes ("Sat 5 Dec 2026 09:00") are written field by
 * field for speed; they must read exactly as the formatter writes them, for every day of every
 * month, every time of day, and years outside four digits.
 */
class LocalTimeTextProperties {
  @Property(tries = 3000)
  void writtenFieldByField_readsAsTheFormatterWritesIt(
      @ForAll @IntRange(min = -20000, max = 20000) int year,
      @ForAll @IntRange(min = 0, max = 365) int dayOfYear,
      @ForAll @IntRange(min = 0, max = 1439) int minuteOfDay) {
    LocalDateTime t = LocalDateTime.of(year, Month.JANUARY, 1, 0, 0)
        .plusDays(dayOfYear).plusMinutes(minuteOfDay);
    assertThat(ActionPlanner.local(t)).isEqualTo(ActionPlanner.localByFormatter(t));
  }

  @Example
  void everyMonthAndDayName_readsAsTheFormatterWritesIt() {
    LocalDateTime t = LocalDateTime.of(2026, Month.JANUARY, 1, 9, 5);
    for (int d = 0; d < 366; d++, t = t.plusDays(1).plusMinutes(7)) {
      assertThat(ActionPlanner.local(t)).isEqualTo(ActionPlanner.localByFormatter(t));
    }
    assertThat(ActionPlanner.local(LocalDateTime.of(2026, Month.SEPTEMBER, 7, 8, 30)))
        .isEqualTo(ActionPlanner.localByFormatter(LocalDateTime.of(2026, Month.SEPTEMBER, 7, 8, 30)))
        .startsWith("Mon 7 Sep");
  }
}
