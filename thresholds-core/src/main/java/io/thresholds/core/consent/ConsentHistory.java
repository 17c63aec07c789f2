package io.thresholds.core.consent;

import io.thresholds.core.InvalidValueException;
import java.time.Instant;
import java.util.List;
import org.immutables.value.Value;

/**
 * The recorded consent states of a referral, oldest first. Transitions that make no sense are
 * rejected: consent cannot be withdrawn before it was given, "not yet sought" cannot follow any
 * other state, consent that was given is withdrawn (not withheld), and entries are in time order.
 * Consent may be given after it was withheld or withdrawn (a family may change its mind). While
 * consent is in force (given and not withdrawn), "not sought because unsafe" and "shared without
 * consent" make no sense and are rejected: record sharing with a {@link SharingRecord} instead. So
 * the latest entry is always the consent in force.
 */
@Value.Immutable
public abstract class ConsentHistory {
  /** @return the states, oldest first; empty when nothing has been recorded */
  public abstract List<ConsentState> entries();

  /** @return an empty history */
  public static ConsentHistory empty() {
    return builder().build();
  }

  /**
   * @param entries the states, oldest first
   * @return the history
   * @throws InvalidValueException naming the entry whose transition makes no sense
   */
  public static ConsentHistory of(ConsentState... entries) {
    return builder().addEntries(entries).build();
  }

  /**
   * The builder of {@link ConsentHistory}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableConsentHistory.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the latest state, or "not yet sought" when nothing is recorded */
  public ConsentState current() {
    return entries().isEmpty() ? ConsentState.notYetSought() : entries().get(entries().size() - 1);
  }

  /**
   * @param at an instant
   * @return the state in force at that instant: the latest entry recorded at or before it
   */
  public ConsentState at(Instant at) {
    ConsentState in = ConsentState.notYetSought();
    for (ConsentState s : entries()) {
      if (s.recordedAt().isPresent() && !s.recordedAt().get().isAfter(at)) {
        in = s;
      }
    }
    return in;
  }

  /**
   * @param next a further state
   * @return this history with the state appended, checked
   */
  public ConsentHistory then(ConsentState next) {
    return builder().from(this).addEntries(next).build();
  }

  @Value.Check
  void check() {
    ConsentStatus consentBearing = null;
    Instant last = null;
    for (int i = 0; i < entries().size(); i++) {
      ConsentState s = entries().get(i);
      String field = "consentHistory[" + i + "]";
      ConsentStatus status = s.status();
      if (status == ConsentStatus.NOT_YET_SOUGHT) {
        if (i > 0) {
          throw new InvalidValueException(field, "consent cannot return to not yet sought");
        }
        if (entries().size() > 1) {
          throw new InvalidValueException(field, "record only what happened: drop the not-yet-sought entry");
        }
        continue;
      }
      Instant t = s.recordedAt().orElseThrow();
      if (last != null && t.isBefore(last)) {
        throw new InvalidValueException(field + ".recordedAt", "entries must be in time order");
      }
      last = t;
      if (status == ConsentStatus.WITHDRAWN && consentBearing != ConsentStatus.GIVEN) {
        throw new InvalidValueException(field, "consent can be withdrawn only after it was given");
      }
      if (status == ConsentStatus.WITHHELD && consentBearing == ConsentStatus.GIVEN) {
        throw new InvalidValueException(field, "consent that was given is withdrawn, not withheld");
      }
      if ((status == ConsentStatus.SHARED_WITHOUT_CONSENT || status == ConsentStatus.NOT_SOUGHT_UNSAFE)
          && consentBearing == ConsentStatus.GIVEN) {
        throw new InvalidValueException(field, "consent is in force: record the sharing with a sharing record");
      }
      if (status == ConsentStatus.GIVEN || status == ConsentStatus.WITHHELD
          || status == ConsentStatus.WITHDRAWN) {
        consentBearing = status;
      }
    }
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("ConsentHistory[");
    for (int i = 0; i < entries().size(); i++) {
      b.append(i == 0 ? "" : ", ").append(entries().get(i).status());
    }
    return b.append(']').toString();
  }
}
