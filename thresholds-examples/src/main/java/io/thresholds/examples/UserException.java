package io.thresholds.examples;

/**
 * Invalid input the user can fix: the message says which file, field and line, and never quotes a
 * personal value. The tool prints it without a stack trace and exits with 1.
 */
final class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserException(String message) {
    super(message, null, false, false);
  }
}
