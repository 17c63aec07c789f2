package io.thresholds.core.model;

import io.thresholds.core.InvalidValueException;
import org.immutables.value.Value;

/**
 * A pseudonymous reference to a person or a referral, such as {@code child-1} or the MIS's own
 * opaque id. It must not be a name or any other personal value: it is shown in {@code toString()}
 * and in results. 1 to 64 characters of letters, digits, '.', '_' or '-'.
 */
@Value.Immutable
public abstract class Ref implements Comparable<Ref> {

  /** @return the reference text */
  @Value.Parameter
  public abstract String value();

  /**
   * @param value the reference text
   * @return a reference
   * @throws InvalidValueException if the text is not a valid reference
   */
  public static Ref of(String value) {
    return ImmutableRef.of(value);
  }

  @Value.Check
  void check() {
    if (!wellFormed(value())) {
      throw new InvalidValueException("ref", "must be 1 to 64 letters, digits, '.', '_' or '-'");
    }
  }

  /** Same as the pattern {@code [A-Za-z0-9._-]{1,64}}, without a regex (refs are read in bulk). */
  private static boolean wellFormed(String v) {
    int n = v.length();
    if (n < 1 || n > 64) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = v.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int compareTo(Ref other) {
    return value().compareTo(other.value());
  }

  @Override
  public String toString() {
    return value();
  }
}
