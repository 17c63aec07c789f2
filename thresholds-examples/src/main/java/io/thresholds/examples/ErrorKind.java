package io.thresholds.examples;

import java.util.Locale;

/** Why a line of a batch gave an error record rather than an evaluation. */
enum ErrorKind {
  /** The line is empty or only white space. */
  EMPTY_LINE,
  /** The line is longer than {@code --max-line-length}; it was skipped unread. */
  LINE_TOO_LONG,
  /** The line is not UTF-8 text. */
  NOT_UTF8,
  /** The line is not JSON (a missing bracket, an unquoted word, a repeated key). */
  MALFORMED_JSON,
  /** A concern names an indicator code that is not in the policy's catalogue. */
  UNKNOWN_INDICATOR,
  /** JSON, but not a valid {@code thresholds/referral@1} document (a field the path names). */
  INVALID_REFERRAL,
  /** A valid document the evaluator refuses (a rule of the policy, a date outside its calendar). */
  CANNOT_EVALUATE,
  /** A bug in the SDK or the tool: please report it. */
  INTERNAL_ERROR;

  /** @return the name in records and summaries: lower case with '-', as in the JSON format */
  String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
