package io.thresholds.forms;

import io.thresholds.core.ThresholdsException;

/** A form pack could not be read: a file is missing, or a line breaks the format of FORMS.md. */
public class FormFormatException extends ThresholdsException {
  private static final long serialVersionUID = 1L;

  /** @param message names the file, line and rule */
  public FormFormatException(String message) {
    super(message);
  }

  /**
   * @param message names the file, line and rule
   * @param cause the underlying cause
   */
  public FormFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
