package io.thresholds.core.model;

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

  /** @return true if the referrer is the designated safeguarding lead of their organisation */
  @Value.Default
  public boolean designatedSafeguardingLead() {
    return false;
  }

  /** @return the referrer's own details, if given */
  public abstract Optional<PersonalDetails> personal();

  /** @return true if the referrer acts as a professional (derived from the agency type) */
  @Value.Derived
  public boolean professional() {
    return agencyType().isProfessional();
  }

  /** @return a new builder */
  public static ImmutableReferrer.Builder builder() {
    return ImmutableReferrer.builder();
  }

  /**
   * @param agencyType the kind of organisation
   * @return a referrer with no further details
   */
  public static Referrer of(AgencyType agencyType) {
    return builder().agencyType(agencyType).build();
  }
}
