package io.thresholds.core.consent;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.internal.Bounds;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The recorded state of consent for a referral, with the facts each state needs: who gave or
 * withheld it and when; why it was not sought; who authorised sharing without it and on what legal
 * basis. The free-text legal basis is never shown in {@code toString()}.
 */
@Value.Immutable
public abstract class ConsentState {
  /** @return the status */
  public abstract ConsentStatus status();

  /** @return who gave, withheld or withdrew consent */
  public abstract Optional<ConsentGiver> by();

  /** @return how consent was given */
  public abstract Optional<ConsentForm> form();

  /** @return when the status was recorded */
  public abstract Optional<Instant> recordedAt();

  /** @return why consent was not sought ({@link ConsentStatus#NOT_SOUGHT_UNSAFE}) */
  public abstract Optional<NotSoughtReason> notSoughtReason();

  /** @return who authorised sharing without consent */
  public abstract Optional<Authoriser> authorisedBy();

  /** @return the recorded legal basis for sharing without consent; free text */
  @Value.Redacted
  public abstract Optional<String> legalBasis();

  /**
   * The builder of {@link ConsentState}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableConsentState.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return consent not yet sought */
  public static ConsentState notYetSought() {
    return builder().status(ConsentStatus.NOT_YET_SOUGHT).build();
  }

  /**
   * @param by who gave it
   * @param form how
   * @param at when
   * @return consent given
   */
  public static ConsentState given(ConsentGiver by, ConsentForm form, Instant at) {
    return builder().status(ConsentStatus.GIVEN).by(by).form(form).recordedAt(at).build();
  }

  /**
   * @param by who refused
   * @param at when
   * @return consent withheld
   */
  public static ConsentState withheld(ConsentGiver by, Instant at) {
    return builder().status(ConsentStatus.WITHHELD).by(by).recordedAt(at).build();
  }

  /**
   * @param reason why it was not sought
   * @param at when that was decided
   * @return consent deliberately not sought
   */
  public static ConsentState notSoughtUnsafe(NotSoughtReason reason, Instant at) {
    return builder()
        .status(ConsentStatus.NOT_SOUGHT_UNSAFE)
        .notSoughtReason(reason)
        .recordedAt(at)
        .build();
  }

  @Value.Check
  void check() {
    recordedAt().ifPresent(t -> Bounds.instant("consent.recordedAt", t));
    ConsentStatus s = status();
    boolean needsBy = s == ConsentStatus.GIVEN || s == ConsentStatus.WITHHELD || s == ConsentStatus.WITHDRAWN;
    require(needsBy == by().isPresent(), "consent.by", needsBy ? "is required when consent is " + s : "applies only to given, withheld or withdrawn consent");
    require((s == ConsentStatus.GIVEN) == form().isPresent(), "consent.form", s == ConsentStatus.GIVEN ? "is required when consent is given" : "applies only to given consent");
    require((s == ConsentStatus.NOT_YET_SOUGHT) != recordedAt().isPresent(), "consent.recordedAt",
        s == ConsentStatus.NOT_YET_SOUGHT ? "does not apply before consent is sought" : "is required when consent is " + s);
    require((s == ConsentStatus.NOT_SOUGHT_UNSAFE) == notSoughtReason().isPresent(), "consent.notSoughtReason", s == ConsentStatus.NOT_SOUGHT_UNSAFE ? "is required when consent was not sought" : "applies only when consent was not sought because it was unsafe");
    boolean shared = s == ConsentStatus.SHARED_WITHOUT_CONSENT;
    require(shared == authorisedBy().isPresent(), "consent.authorisedBy", shared ? "is required when sharing without consent" : "applies only to sharing without consent");
    require(shared == legalBasis().isPresent(), "consent.legalBasis", shared ? "is required when sharing without consent" : "applies only to sharing without consent");
    if (legalBasis().isPresent() && legalBasis().get().isBlank()) {
      throw new InvalidValueException("consent.legalBasis", "must not be blank");
    }
  }

  private static void require(boolean ok, String field, String rule) {
    if (!ok) {
      throw new InvalidValueException(field, rule);
    }
  }
}
