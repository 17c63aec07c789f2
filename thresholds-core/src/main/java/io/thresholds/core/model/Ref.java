package io.thresholds.core.model;

import io.thresholds.core.InvalidValueException;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A pseudonymous reference to a person or a referral, such as {@code child-1} or the MIS's own
 * opaque id. It must not be a name or any other personal value: it is shown in {@code toString()}
 * and in results. 1 to 64 characters of letters, digits, '.', '_' or '-'.
 */
@Value.Immutable
public abstract class Ref implements Comparable<Ref> {
  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._-]{1,64}");

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
    if (!FORM.matcher(value()).matches()) {
      throw new InvalidValueException("ref", "must be 1 to 64 letters, digits, '.', '_' or '-'");
    }
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
