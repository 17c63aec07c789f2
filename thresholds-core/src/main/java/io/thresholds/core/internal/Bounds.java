package io.thresholds.core.internal;

import io.thresholds.core.InvalidValueException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The range of times and dates any value of the model may hold, checked before any arithmetic on
 * them: from 1900-01-01 to 9999-12-30 (UTC). Every instant in the range has a local date in every
 * time zone and a four-digit year, so converting, formatting and adding the bounded durations of a
 * policy never overflow. A policy narrows this further to its calendar's coverage.
 */
public final class Bounds {
  /** The earliest day a date of the model may be. */
  public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

  /** The latest day a date of the model may be. */
  public static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 30);

  /** The earliest instant, the start of {@link #EARLIEST_DATE} in UTC. */
  public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

  /** The latest instant, the end of {@link #LATEST_DATE} in UTC. */
  public static final Instant LATEST = Instant.parse("9999-12-30T23:59:59.999999999Z");

  /** The rule broken by a time outside the range, as it appears in messages. */
  public static final String RULE = "must be from 1900-01-01 to 9999-12-30";

  private Bounds() {}

  /**
   * @param field the field, for the error
   * @param t an instant
   * @return {@code t}
   * @throws InvalidValueException naming {@code field} if {@code t} is outside the range
   */
  public static Instant instant(String field, Instant t) {
    if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
      throw new InvalidValueException(field, RULE);
    }
    return t;
  }

  /**
   * @param field the field, for the error
   * @param d a date
   * @return {@code d}
   * @throws InvalidValueException naming {@code field} if {@code d} is outside the range
   */
  public static LocalDate date(String field, LocalDate d) {
    if (d.isBefore(EARLIEST_DATE) || d.isAfter(LATEST_DATE)) {
      throw new InvalidValueException(field, RULE);
    }
    return d;
  }

  /**
   * Whether a text may be shown on a terminal or page as it is: no control characters (C0, DEL,
   * C1: ESC, BEL, line breaks, ...) and no bidirectional overrides or isolates, which reorder what
   * a reader sees.
   *
   * @param s a text
   * @return true if it holds none of them
   */
  public static boolean displayable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
          || c == '\u2028' || c == '\u2029') {
        return false;
      }
    }
    return true;
  }
}
