package io.thresholds.core.model;

import io.thresholds.core.InvalidValueException;
import java.util.Optional;
import org.immutables.value.Value;

/** Who is making the referral. {@code toString()} shows the agency type only. */
@Value.Immutable
public abstract class Referrer {
  /** @return the kind of organisation */
  public abstract AgencyType agencyType();

  /**
   * @return the referrer's role in their own words, e.g. "Designated Safeguarding Lead"; free text,
   *     never shown in {@code toString()}
   */
  @Value.Redacted
  public abstract Optional<String> role();

  /** @return the referrer's position as a code, if given */
  public abstract Optional<ReferrerRole> position();

  /** @return true if the referrer is the designated safeguarding lead of their organisation */
  @Value.Default
  public boolean designatedSafeguardingLead() {
    return false;
  }

  /** @return the referrer's own details, if given */
  public abstract Optional<PersonalDetails> personal();

  /**
   * @return true if the referrer acts as a professional: the agency type is a professional one and
   *     the position, if given, too
   */
  @Value.Derived
  public boolean professional() {
    return agencyType().isProfessional() && position().map(ReferrerRole::isProfessional).orElse(true);
  }

  @Value.Check
  void check() {
    if (designatedSafeguardingLead() && !agencyType().isProfessional()) {
      throw new InvalidValueException("referrer.designatedSafeguardingLead", "needs a professional agency type");
    }
    if (position().isPresent() && position().get().isProfessional() != agencyType().isProfessional()) {
      throw new InvalidValueException("referrer.position", "does not match the agency type");
    }
    if (designatedSafeguardingLead() && position().isPresent()
        && position().get() != ReferrerRole.DESIGNATED_SAFEGUARDING_LEAD) {
      throw new InvalidValueException("referrer.position", "contradicts designatedSafeguardingLead");
    }
  }

  /**
   * The builder of {@link Referrer}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableReferrer.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @param agencyType the kind of organisation
   * @return a referrer with no further details
   */
  public static Referrer of(AgencyType agencyType) {
    return builder().agencyType(agencyType).build();
  }
}
