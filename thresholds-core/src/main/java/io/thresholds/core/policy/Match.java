package io.thresholds.core.policy;

/** The outcome of checking a condition against what is recorded about a child. */
public enum Match {
  /** The condition holds. */
  YES,
  /** The condition does not hold. */
  NO,
  /** A fact the condition needs is not recorded. */
  UNKNOWN
}
