package io.thresholds.core;

/**
 * Root of every exception the SDK throws on purpose.
 *
 * <p>Messages name the field and the rule that failed, never the personal value that was given:
 * they are safe to log. Catch this type to handle any SDK error in one place; catch a subclass
 * for a specific kind.
 */
public class ThresholdsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message a description naming the field and rule, never a personal value
   */
  public ThresholdsException(String message) {
    super(message);
  }

  /**
   * @param message a description naming the field and rule, never a personal value
   * @param cause the underlying cause
   */
  public ThresholdsException(String message, Throwable cause) {
    super(message, cause);
  }
}
