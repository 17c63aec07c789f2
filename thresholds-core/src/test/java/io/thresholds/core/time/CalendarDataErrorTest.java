package io.thresholds.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.thresholds.core.ThresholdsException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Each malformed bank-holiday file is rejected with the source, the line and the rule. */
class CalendarDataErrorTest {
  private static final String HEAD =
      "# a comment\n# coverage: 2025-01-01..2025-12-31\ndate\tname\n";

  private static WorkingCalendar parse(String text) {
    return WorkingCalendar.parse(new StringReader(text), ZoneId.of("Europe/London"), "test.tsv");
  }

  private static void assertError(String text, int line, String rule) {
    assertThatThrownBy(() -> parse(text))
        .isInstanceOfSatisfying(
            CalendarDataException.class,
            e -> {
              assertThat(e.line()).isEqualTo(line);
              assertThat(e.sourceName()).isEqualTo("test.tsv");
              assertThat(e.rule()).contains(rule);
              assertThat(e.getMessage()).startsWith("test.tsv line " + line + ": ").contains(rule);
            })
        .isInstanceOf(ThresholdsException.class);
  }

  @Test
  void aValidFileParses() {
    WorkingCalendar calendar =
        parse("\uFEFF" + HEAD + "2025-12-25\tChristmas Day\r\n\n2025-12-26\tBoxing Day\r\n");
    assertThat(calendar.coveredFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
    assertThat(calendar.coveredUntil()).isEqualTo(LocalDate.of(2025, 12, 31));
    assertThat(calendar.holidays())
        .containsExactly(
            entry(LocalDate.of(2025, 12, 25), "Christmas Day"),
            entry(LocalDate.of(2025, 12, 26), "Boxing Day"));
  }

  @Test
  void duplicateDate() {
    assertError(
        HEAD + "2025-12-25\tChristmas Day\n2025-12-26\tBoxing Day\n2025-12-25\tAgain\n",
        6,
        "duplicate date (first listed on line 4)");
  }

  @Test
  void badDates() {
    assertError(HEAD + "2025-02-30\tNo such day\n", 4, "bad date");
    assertError(HEAD + "25/12/2025\tChristmas Day\n", 4, "bad date");
    assertError(HEAD + "2025-12-25\tChristmas Day\n2025-1-2\tShort\n", 5, "bad date");
    assertError(HEAD + "\tNo date\n", 4, "bad date");
  }

  @Test
  void weekendBankHolidayIsAnError() {
    // 2022-12-25 was a Sunday: the file must list the substitute, not the day itself.
    String head = "# coverage: 2022-01-01..2022-12-31\ndate\tname\n";
    assertError(head + "2022-12-25\tChristmas Day\n", 3, "Saturday or Sunday");
    assertError(head + "2022-12-24\tChristmas Eve\n", 3, "Saturday or Sunday");
  }

  @Test
  void missingCoverageLine() {
    assertError("# just a comment\ndate\tname\n2025-12-25\tChristmas Day\n", 2, "missing coverage");
    assertError("", 1, "missing coverage");
    assertError("# only\n# comments\n", 3, "missing coverage");
  }

  @Test
  void badCoverageLines() {
    assertError("# coverage: 2025-01-01 to 2025-12-31\ndate\tname\n", 1, "bad coverage line");
    assertError("# coverage: 2025-12-31..2025-01-01\ndate\tname\n", 1, "bad coverage line");
    assertError(
        "# coverage: 2025-01-01..2025-12-31\n# coverage: 2025-01-01..2026-12-31\n",
        2,
        "duplicate coverage line (first on line 1)");
    assertError(HEAD + "# coverage: 2025-01-01..2025-12-31\n", 4, "before the header");
  }

  @Test
  void dateOutsideCoverage() {
    assertError(HEAD + "2026-01-01\tNew Year's Day\n", 4, "outside coverage");
    assertError(HEAD + "2024-12-25\tChristmas Day\n", 4, "outside coverage");
  }

  @Test
  void headerAndFieldErrors() {
    assertError("# coverage: 2025-01-01..2025-12-31\ndate,name\n", 2, "bad header");
    assertError(
        "# coverage: 2025-01-01..2025-12-31\n# header missing\n", 3, "missing header line");
    assertError(HEAD + "2025-12-25\n", 4, "two tab-separated fields");
    assertError(HEAD + "2025-12-25\tChristmas Day\textra\n", 4, "two tab-separated fields");
    assertError(HEAD + "2025-12-25\t  \n", 4, "missing holiday name");
  }

  @Test
  void unreadableSource() {
    Reader failing =
        new Reader() {
          @Override
          public int read(char[] buffer, int offset, int length) throws IOException {
            throw new IOException("disk on fire");
          }

          @Override
          public void close() {}
        };
    assertThatThrownBy(
            () -> WorkingCalendar.parse(failing, ZoneId.of("Europe/London"), "broken.tsv"))
        .isInstanceOfSatisfying(
            CalendarDataException.class,
            e -> {
              assertThat(e.line()).isZero();
              assertThat(e.getMessage()).startsWith("broken.tsv: ");
            })
        .hasCauseInstanceOf(IOException.class);
  }
}
