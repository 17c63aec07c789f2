package io.thresholds.core.policy;

import io.thresholds.core.ThresholdsException;
import io.thresholds.core.model.IndicatorCode;

/** A concern names an indicator code that the policy's catalogue does not have. */
public class UnknownIndicatorException extends ThresholdsException {
  private static final long serialVersionUID = 1L;

  private final String code;

  /**
   * @param code the unknown code (codes are not personal data)
   * @param policy the policy id and version
   */
  public UnknownIndicatorException(IndicatorCode code, String policy) {
    super("indicator " + code + " is not in the catalogue of policy " + policy);
    this.code = code.value();
  }

  /**
   * @param code the code (codes are not personal data)
   * @param policy the policy id and version
   * @param message the message
   */
  protected UnknownIndicatorException(IndicatorCode code, String policy, String message) {
    super(message);
    this.code = code.value();
  }

  /** @return the unknown code */
  public String code() {
    return code;
  }
}
