package io.thresholds.core.evaluation;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.model.Ref;
import io.thresholds.core.policy.Citation;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A child of the household not referred, with the stated reason (free text, not in toString).
 *
 * <p>Where the policy says who decides whether each child is included (City of London: the Social
 * Work Manager), the exclusion is the referrer's <em>proposal</em>: {@link #decidedBy()}, the
 * document's words and its citation say so, and {@link #sharedConcerns()} lists the reported
 * concerns about the household or a parent that apply to this child too, so that leaving the child
 * out of the referral never hides them.
 */
@Value.Immutable
public abstract class Exclusion {
  /** @return the child's reference */
  @Value.Parameter
  public abstract Ref child();

  /** @return the stated reason */
  @Value.Parameter
  @Value.Redacted
  public abstract String reason();

  /**
   * @return who decides whether the child is included, when the policy says (the exclusion is then
   *     proposed by the referrer, not settled)
   */
  public abstract Optional<String> decidedBy();

  /** @return what the policy says about including the children, with {@link #decidedBy()} */
  public abstract Optional<String> explanation();

  /** @return where the policy says so, with {@link #decidedBy()} */
  public abstract Optional<Citation> citation();

  /**
   * @return the indicators of the reported concerns about the household or a parent or carer that
   *     are about the whole household, so about this child too, in the referral's order without
   *     repeats
   */
  public abstract List<IndicatorCode> sharedConcerns();

  /**
   * The builder of {@link Exclusion}: a setter per attribute, {@code from(value)} to start from an
   * existing value; {@code build()} checks the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableExclusion.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @param child the child
   * @param reason the reason
   * @return the exclusion, as stated by the referrer
   */
  public static Exclusion of(Ref child, String reason) {
    return ImmutableExclusion.of(child, reason);
  }

  /** @return true if the exclusion is the referrer's proposal, for {@link #decidedBy()} to decide */
  public boolean proposed() {
    return decidedBy().isPresent();
  }

  @Value.Check
  void check() {
    if (decidedBy().isPresent() != explanation().isPresent()
        || decidedBy().isPresent() != citation().isPresent()) {
      throw new InvalidValueException("exclusions.decidedBy",
          "decidedBy, explanation and citation go together");
    }
    List<IndicatorCode> shared = sharedConcerns();
    for (int i = 1; i < shared.size(); i++) {
      if (shared.subList(0, i).contains(shared.get(i))) {
        throw new InvalidValueException("exclusions.sharedConcerns", "lists an indicator twice");
      }
    }
  }
}
