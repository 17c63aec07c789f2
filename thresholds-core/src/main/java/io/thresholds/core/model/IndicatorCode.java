package io.thresholds.core.model;

import io.thresholds.core.InvalidValueException;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * The stable code of an indicator in a policy's catalogue, such as
 * {@code T4-S47-PREGNANCY-UNDER-13}: upper-case letters and digits in hyphen-separated parts, at
 * most 48 characters.
 */
@Value.Immutable
public abstract class IndicatorCode implements Comparable<IndicatorCode> {
  private static final Pattern FORM = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");

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
    if (value().length() > 48 || !FORM.matcher(value()).matches()) {
      throw new InvalidValueException(
          "indicator", "must be upper-case letters and digits in hyphen-separated parts, at most 48");
    }
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
