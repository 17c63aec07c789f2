package io.thresholds.core.policy;

import io.thresholds.core.internal.Bounds;
import io.thresholds.core.InvalidValueException;
import io.thresholds.core.time.ServiceHours;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/** A service a referrer contacts: the Hub, the Emergency Duty Team, the police, the Prevent team. */
@Value.Immutable
public abstract class Contact {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,31}");

  /** @return the contact's id within the policy, e.g. {@code hub} */
  public abstract String id();

  /** @return the service's name */
  public abstract String name();

  /** @return phone numbers, as published */
  public abstract List<String> phones();

  /** @return the (secure) email address forms are sent to */
  public abstract Optional<String> email();

  /** @return when the service is staffed; absent means at any time */
  public abstract Optional<ServiceHours> hours();

  /**
   * The builder of {@link Contact}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableContact.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    if (!ID.matcher(id()).matches()) {
      throw new InvalidValueException("contacts[" + id() + "].id", "must be lower-case letters, digits and '-', at most 32");
    }
    if (name().isBlank()) {
      throw new InvalidValueException("contacts[" + id() + "].name", "must not be blank");
    }
    if (phones().stream().anyMatch(String::isBlank)) {
      throw new InvalidValueException("contacts[" + id() + "].phones", "must not hold a blank number");
    }
    if (email().isPresent() && email().get().isBlank()) {
      throw new InvalidValueException("contacts[" + id() + "].email", "must not be blank");
    }
    if (!Bounds.displayable(name())) {
      throw new InvalidValueException("contacts[" + id() + "].name", Indicator.NO_CONTROL_CHARACTERS);
    }
    if (!phones().stream().allMatch(Bounds::displayable)) {
      throw new InvalidValueException("contacts[" + id() + "].phones", Indicator.NO_CONTROL_CHARACTERS);
    }
    if (!email().map(Bounds::displayable).orElse(true)) {
      throw new InvalidValueException("contacts[" + id() + "].email", Indicator.NO_CONTROL_CHARACTERS);
    }
  }

  @Override
  public String toString() {
    return "Contact[" + id() + "]";
  }
}
