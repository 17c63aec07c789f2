package io.thresholds.core.policy;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.internal.Bounds;
import org.immutables.value.Value;

/**
 * Who decides whether a child of the household the referrer proposes to leave out is included, and
 * what the document says about it. The City of London document: when there is more than one child
 * in the household, the Social Work Manager decides whether to include any or all of them; most
 * assessments include all; the reasons for excluding any are made clear to the referrer. A
 * referral's exclusions are then proposals, not settled.
 */
@Value.Immutable
public abstract class ExclusionRule {
  /** @return who decides, e.g. "the Social Work Manager" */
  public abstract String decidedBy();

  /** @return what the document says about including the children, in plain words */
  public abstract String explanation();

  /** @return where the document says so */
  public abstract Citation citation();

  /**
   * The builder of {@link ExclusionRule}: a setter per attribute, {@code from(value)} to start from
   * an existing value; {@code build()} checks the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableExclusionRule.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    if (!Bounds.displayable(decidedBy()) || decidedBy().isBlank()) {
      throw new InvalidValueException("rules.exclusions.decided-by",
          "must not be blank or contain control characters (ESC, BEL, line breaks, ...) or bidirectional overrides");
    }
    if (!Bounds.displayable(explanation()) || explanation().isBlank()) {
      throw new InvalidValueException("rules.exclusions.explanation",
          "must not be blank or contain control characters (ESC, BEL, line breaks, ...) or bidirectional overrides");
    }
  }
}
