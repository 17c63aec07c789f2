package io.thresholds.core.consent;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.internal.Bounds;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.Citation;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/** A partnership's consent rule for one tier. */
@Value.Immutable
public abstract class ConsentRule {
  /** @return the tier */
  public abstract Tier tier();

  /** @return what is required */
  public abstract ConsentRequirement requirement();

  /** @return who may give consent at this tier */
  public abstract Set<ConsentGiver> givers();

  /** @return what to do if consent is withheld, in plain words */
  public abstract String ifWithheld();

  /** @return where the document says so */
  public abstract Citation citation();

  /**
   * @return what the policy says happens when the people asked disagree (a young person consents
   *     while a parent refuses, or the reverse), in plain words; absent when the policy says nothing
   */
  public abstract Optional<String> ifGiversDiffer();

  /** @return where the document says what {@link #ifGiversDiffer()} states, with the pack's reading */
  public abstract Optional<Citation> giversDifferCitation();

  /**
   * The builder of {@link ConsentRule}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableConsentRule.Builder {
    Builder() {}
  }

  @Value.Check
  void check() {
    if (!Bounds.displayable(ifWithheld())) {
      throw new InvalidValueException("consent[" + tier().number() + "].ifWithheld",
          "must not contain control characters (ESC, BEL, line breaks, ...) or bidirectional overrides");
    }
    if (ifGiversDiffer().isPresent() != giversDifferCitation().isPresent()) {
      throw new InvalidValueException("consent[" + tier().number() + "].ifGiversDiffer",
          "needs its section, and a section needs the text");
    }
    if (ifGiversDiffer().isPresent() && !Bounds.displayable(ifGiversDiffer().get())) {
      throw new InvalidValueException("consent[" + tier().number() + "].ifGiversDiffer",
          "must not contain control characters (ESC, BEL, line breaks, ...) or bidirectional overrides");
    }
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }
}
