package io.thresholds.core.consent;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.internal.Bounds;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A record that information was shared: what, with whom, for what purpose, on which legal basis,
 * when, and (when without consent) who authorised it. Free-text fields never appear in
 * {@code toString()}.
 */
@Value.Immutable
public abstract class SharingRecord {
  /** @return what was shared, at least one item */
  public abstract Set<SharedItem> items();

  /** @return a description of what was shared; free text */
  @Value.Redacted
  public abstract Optional<String> description();

  /** @return the organisation shared with, e.g. "Children and Families Hub"; free text */
  @Value.Redacted
  public abstract String sharedWith();

  /** @return why it was shared; free text */
  @Value.Redacted
  public abstract String purpose();

  /** @return the legal basis */
  public abstract SharingBasis basis();

  /** @return when it was shared */
  public abstract Instant sharedAt();

  /** @return who authorised sharing without consent */
  public abstract Optional<Authoriser> authorisedBy();

  /** @return the recorded legal basis in words, required unless shared with consent; free text */
  @Value.Redacted
  public abstract Optional<String> legalBasis();

  /**
   * The builder of {@link SharingRecord}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableSharingRecord.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @param history the consent history of the referral
   * @return true if the record is consistent with the consent in force when the information was shared
   */
  public boolean consistentWith(ConsentHistory history) {
    return basis() != SharingBasis.CONSENT
        || history.at(sharedAt()).status() == ConsentStatus.GIVEN;
  }

  /**
   * @param state the only consent state recorded
   * @return true if the record is consistent with it: shared on consent only if consent was given
   *     at or before the time of sharing
   */
  public boolean consistentWith(ConsentState state) {
    return basis() != SharingBasis.CONSENT
        || (state.status() == ConsentStatus.GIVEN && !state.recordedAt().orElseThrow().isAfter(sharedAt()));
  }

  @Value.Check
  void check() {
    Bounds.instant("sharing.sharedAt", sharedAt());
    if (items().isEmpty()) {
      throw new InvalidValueException("sharing.items", "must name at least one item");
    }
    if (sharedWith().isBlank() || purpose().isBlank()) {
      throw new InvalidValueException("sharing", "sharedWith and purpose must not be blank");
    }
    boolean withoutConsent = basis() != SharingBasis.CONSENT;
    if (withoutConsent != authorisedBy().isPresent()) {
      throw new InvalidValueException("sharing.authorisedBy",
          withoutConsent ? "sharing without consent needs an authoriser" : "applies only to sharing without consent");
    }
    if (withoutConsent != legalBasis().isPresent()
        || legalBasis().map(String::isBlank).orElse(false)) {
      throw new InvalidValueException("sharing.legalBasis",
          withoutConsent ? "sharing without consent needs a recorded legal basis" : "applies only to sharing without consent");
    }
  }
}
