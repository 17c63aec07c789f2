package io.thresholds.core.model;

/** Whom an observed concern is about. */
public enum SubjectKind {
  /** The referred child. */
  CHILD,
  /** A parent or carer of the child. */
  PARENT_CARER,
  /** Another member of the household (an adult, or another child). */
  HOUSEHOLD_MEMBER
}
