package io.thresholds.core.time;

import io.thresholds.core.ThresholdsException;
import java.util.Objects;

/**
 * A working-calendar data file is malformed: the message names the source, the line and the rule
 * that was broken, for example {@code bank-holidays.tsv line 42: duplicate date (first listed on
 * line 17)}.
 */
public class CalendarDataException extends ThresholdsException {
  private static final long serialVersionUID = 1L;

  /** The name of the data source. */
  private final String sourceName;
  /** The 1-based line number, 0 if none. */
  private final int line;
  /** The rule that was broken. */
  private final String rule;

  CalendarDataException(String sourceName, int line, String rule) {
    super(
        Objects.requireNonNull(sourceName, "sourceName")
            + " line "
            + line
            + ": "
            + Objects.requireNonNull(rule, "rule"));
    this.sourceName = sourceName;
    this.line = line;
    this.rule = rule;
  }

  CalendarDataException(String sourceName, String rule, Throwable cause) {
    super(
        Objects.requireNonNull(sourceName, "sourceName")
            + ": "
            + Objects.requireNonNull(rule, "rule"),
        cause);
    this.sourceName = sourceName;
    this.line = 0;
    this.rule = rule;
  }

  /** @return the name of the data source, as given to the parser */
  public String sourceName() {
    return sourceName;
  }

  /**
   * @return the 1-based line number the error was found on, or 0 when the error is not tied to a
   *     line (the source could not be read)
   */
  public int line() {
    return line;
  }

  /** @return the rule that was broken, without the source name and line number */
  public String rule() {
    return rule;
  }
}
