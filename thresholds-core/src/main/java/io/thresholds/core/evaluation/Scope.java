package io.thresholds.core.evaluation;

/** Whether the children's thresholds apply to a referred person. */
public enum Scope {
  /** A child under the adult age: the thresholds apply. */
  CHILD,
  /** An unborn child (by expected date of delivery): the thresholds apply. */
  UNBORN,
  /** At or over the adult age (18): outside the children's thresholds. */
  ADULT
}
