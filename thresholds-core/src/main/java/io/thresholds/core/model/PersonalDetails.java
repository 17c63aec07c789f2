package io.thresholds.core.model;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Identifying details of a person, all optional. The SDK never needs them to evaluate a referral;
 * they are carried so that forms can be prefilled. {@code toString()} never shows them.
 */
@Value.Immutable
public abstract class PersonalDetails {
  /** @return given names */
  public abstract Optional<String> forenames();

  /** @return family name */
  public abstract Optional<String> surname();

  /** @return NHS number as entered (checked by the forms module) */
  public abstract Optional<String> nhsNumber();

  /** @return school Unique Pupil Number as entered */
  public abstract Optional<String> uniquePupilNumber();

  /** @return home address as free text */
  public abstract Optional<String> address();

  /** @return postcode as entered */
  public abstract Optional<String> postcode();

  /** @return gender as recorded */
  public abstract Optional<String> gender();

  /** @return ethnicity as recorded */
  public abstract Optional<String> ethnicity();

  /**
   * The builder of {@link PersonalDetails}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutablePersonalDetails.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return "PersonalDetails[redacted]";
  }
}
