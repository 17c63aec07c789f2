package io.thresholds.core.evaluation;

/**
 * Why a child's tier range reaches above its lower end: each value names the rule that widened it,
 * so a reader (and a researcher's table) can tell an honest judgement range from a guess.
 */
public enum Widening {
  /** A reported concern is one the document also places at a higher tier. */
  SAME_CONCERN_AT_HIGHER_TIER,
  /** Needs reported together are a combination the document places at a higher tier. */
  COMBINATION,
  /** Several needs at the highest tier found, counted as the policy says (e.g. across domains). */
  CUMULATIVE,
  /** A fact a higher-tier indicator needs is not recorded (e.g. mobility). */
  UNKNOWN_FACT,
  /** A concern was observed on the day an age condition changes. */
  AGE_BOUNDARY,
  /** The child is disabled (early help may be needed). */
  DISABILITY,
  /**
   * A concern about another child of the household reaches a higher tier: who the assessment
   * includes is the social work manager's decision, and most include every child.
   */
  HOUSEHOLD,
  /**
   * The referral records a child protection plan: a new concern about the child may be the
   * policy's indicator for a child on a plan (City of London: the Section 47 criterion of any
   * suspicious injury or allegation involving such a child). Arises only from {@code
   * thresholds/referral@2}'s case history.
   */
  CHILD_PROTECTION_PLAN
}
