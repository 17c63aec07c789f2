package io.thresholds.core.evaluation;

import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.Citation;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** One reason behind a child's result, with the policy citation that supports it. */
@Value.Immutable
public abstract class Reason {
  /** @return what kind of reason */
  public abstract ReasonKind kind();

  /** @return the indicator, for indicator-based reasons */
  public abstract Optional<IndicatorCode> indicator();

  /** @return the reported indicator it replaced, for {@link ReasonKind#ESCALATED} */
  public abstract Optional<IndicatorCode> reportedAs();

  /** @return the tier this reason supports */
  public abstract Tier tier();

  /** @return the index of the concern in the referral, where the reason comes from one */
  public abstract OptionalInt concernIndex();

  /** @return a plain-words explanation (no personal data) */
  public abstract String explanation();

  /** @return where the policy says so */
  public abstract Citation citation();

  /**
   * The builder of {@link Reason}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableReason.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }
}
