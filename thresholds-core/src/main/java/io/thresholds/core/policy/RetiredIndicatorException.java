package io.thresholds.core.policy;

import io.thresholds.core.model.IndicatorCode;

/**
 * A concern names an indicator code that the policy has retired. The message names the
 * replacement, if any, and the policy that retired it.
 */
public class RetiredIndicatorException extends UnknownIndicatorException {
  private static final long serialVersionUID = 1L;

  private final String replacedBy;

  /**
   * @param retired the retirement record
   * @param policy the policy id and version
   */
  public RetiredIndicatorException(RetiredIndicator retired, String policy) {
    super(retired.code(), policy, "indicator " + retired.code() + " was retired by policy " + retired.retiredBy()
        + retired.replacedBy().map(r -> "; use " + r + " instead").orElse("; it has no replacement")
        + " (policy " + policy + "); a referral made before the change is evaluated under the version then in force");
    this.replacedBy = retired.replacedBy().map(IndicatorCode::value).orElse(null);
  }

  /** @return the replacement code, if any */
  public java.util.Optional<String> replacedBy() {
    return java.util.Optional.ofNullable(replacedBy);
  }
}
