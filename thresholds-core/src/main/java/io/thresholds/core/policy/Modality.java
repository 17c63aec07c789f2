package io.thresholds.core.policy;

/** How firmly the policy advises an action. */
public enum Modality {
  /** The policy says it must be done. */
  MUST,
  /** The policy says it should normally be done. */
  SHOULD,
  /** For the professional to consider; it applies if their judgement places the child there. */
  CONSIDER
}
