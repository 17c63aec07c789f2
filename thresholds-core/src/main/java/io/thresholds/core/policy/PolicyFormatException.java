package io.thresholds.core.policy;

import io.thresholds.core.ThresholdsException;

/** A policy pack could not be read: a file is missing, or a line breaks the format. */
public class PolicyFormatException extends ThresholdsException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message names the file, line and rule
   * @param cause the underlying cause, if any
   */
  public PolicyFormatException(String message, Throwable cause) {
    super(message, cause);
  }

  /** @param message names the file, line and rule */
  public PolicyFormatException(String message) {
    super(message);
  }
}
