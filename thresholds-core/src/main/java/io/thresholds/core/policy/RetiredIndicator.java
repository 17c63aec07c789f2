package io.thresholds.core.policy;

import io.thresholds.core.model.IndicatorCode;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An indicator code that a policy no longer has, because a pack extending another retired it. A
 * referral naming it gets a {@link RetiredIndicatorException} naming the replacement, never a silent
 * drop; evaluate it under the version in force when it was made (see {@code PolicyHistory}).
 */
@Value.Immutable
public abstract class RetiredIndicator {
  /** @return the retired code */
  public abstract IndicatorCode code();

  /** @return the code that replaces it, if any */
  public abstract Optional<IndicatorCode> replacedBy();

  /** @return the id and version of the policy that retired it, e.g. {@code early-help-hub 1.0.0} */
  public abstract String retiredBy();

  /**
   * The builder of {@link RetiredIndicator}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableRetiredIndicator.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return "RetiredIndicator[" + code() + replacedBy().map(r -> " -> " + r).orElse("") + "]";
  }
}
