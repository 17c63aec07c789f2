package io.thresholds.core.model;

import io.thresholds.core.InvalidValueException;
import org.immutables.value.Value;

/**
 * The stable code of an indicator in a policy's catalogue, such as
 * {@code T4-S47-PREGNANCY-UNDER-13}: upper-case letters and digits in hyphen-separated parts, at
 * most 48 characters.
 */
@Value.Immutable
public abstract class IndicatorCode implements Comparable<IndicatorCode> {

  /** @return the code text */
  @Value.Parameter
  public abstract String value();

  /**
   * @param value the code text
   * @return the code
   * @throws InvalidValueException if the text is not a well-formed code
   */
  public static IndicatorCode of(String value) {
    return ImmutableIndicatorCode.of(value);
  }

  @Value.Check
  void check() {
    if (!wellFormed(value())) {
      throw new InvalidValueException(
          "indicator", "must be upper-case letters and digits in hyphen-separated parts, at most 48");
    }
  }

  /**
   * Same as {@code [A-Z][A-Z0-9]*(-[A-Z0-9]+)*} of at most 48 characters, without a regex (codes
   * are read in bulk).
   */
  private static boolean wellFormed(String v) {
    int n = v.length();
    if (n < 1 || n > 48 || v.charAt(0) < 'A' || v.charAt(0) > 'Z' || v.charAt(n - 1) == '-') {
      return false;
    }
    for (int i = 1; i < n; i++) {
      char c = v.charAt(i);
      if (c == '-') {
        if (v.charAt(i - 1) == '-') {
          return false;
        }
      } else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int compareTo(IndicatorCode other) {
    return value().compareTo(other.value());
  }

  @Override
  public String toString() {
    return value();
  }
}
