package io.thresholds.core.consent;

import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.Citation;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Consent advice for one child at one tier of its suggested range: what is needed and from whom,
 * whether consent may be sought and the family told, what to do if it is withheld, and whether the
 * recorded state already meets the rule.
 */
@Value.Immutable
public abstract class ConsentGuidance {
  /** @return the tier this guidance is for */
  public abstract Tier tier();

  /** @return the rule's requirement */
  public abstract ConsentRequirement requirement();

  /** @return who may give consent */
  public abstract Set<ConsentGiver> givers();

  /** @return true if consent may be sought (false when seeking it is unsafe by a driving indicator) */
  public abstract boolean maySeekConsent();

  /** @return true if the family may be told about the referral */
  public abstract boolean mayTellFamily();

  /** @return why consent may not be sought or the family not told, in plain words */
  public abstract List<String> restrictions();

  /** @return what to do if consent is withheld */
  public abstract String ifWithheld();

  /** @return whether the recorded consent state meets the rule */
  public abstract ConsentCheck check();

  /** @return what is missing, when not satisfied */
  public abstract Optional<String> missing();

  /** @return true if information must be shared to safeguard the child, whatever the consent */
  public abstract boolean mustShareToSafeguard();

  /** @return where the policy says so */
  public abstract Citation citation();

  /**
   * @return when each person's decision is recorded: the decisions that do not count at this tier
   *     and why (a young person not judged of sufficient age and understanding, a person whose
   *     consent the tier's rule does not take); empty otherwise
   */
  public abstract List<String> giverNotes();

  /**
   * @return when the people asked disagree (a young person consents while a parent refuses, or the
   *     reverse): who decided what, how the rule treats it, and what the policy says happens then
   */
  public abstract Optional<String> disagreement();

  /** @return where the policy says what happens when the people asked disagree, with its reading */
  public abstract Optional<Citation> disagreementCitation();

  /**
   * The builder of {@link ConsentGuidance}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableConsentGuidance.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }
}
