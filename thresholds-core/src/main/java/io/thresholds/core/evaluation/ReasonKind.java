package io.thresholds.core.evaluation;

/** Why a reason appears in a result. */
public enum ReasonKind {
  /** A reported concern matched a need indicator, which sets the lower end of the range. */
  INDICATOR,
  /**
   * A reported concern was replaced by a higher-tier indicator because the child meets its
   * condition; or (a child on a child protection plan) the policy's indicator for such a child
   * applies as well as the concern's own.
   */
  ESCALATED,
  /** An indicator derived from recorded facts (school attendance, missing education). */
  DERIVED,
  /** Several needs at the highest tier found: the range reaches one tier higher. */
  CUMULATIVE,
  /** A higher-tier indicator may apply but a fact it needs is not recorded (e.g. mobility). */
  POSSIBLE_ESCALATION,
  /** The indicator's age or mobility condition does not hold; kept at its tier for review. */
  CONDITION_NOT_MET,
  /** The document places the reported concern at a higher tier as well: the range reaches it. */
  LISTED_AT_HIGHER_TIER,
  /** Needs reported together are a combination the document places at a higher tier. */
  COMBINATION,
  /** The referral reports immediate danger. */
  IMMEDIATE_DANGER,
  /** The child is disabled. */
  DISABILITY,
  /** A strength or protective factor (Tier 1 description); it never lowers the range. */
  STRENGTH,
  /** No need was reported: why the range is Tier 1. */
  NO_NEED_REPORTED,
  /** The person is outside the children's thresholds. */
  OUT_OF_SCOPE,
  /**
   * A protective fact the referral records (a parent acting protectively, engagement with services
   * or with the plan). It never lowers the range; where the range is a matter of judgement it is a
   * reason to consider the lower end.
   */
  PROTECTIVE,
  /**
   * A concern reported about another child of the household reaches a higher tier: the social work
   * manager decides which children the assessment includes, and most include all of them, so the
   * range reaches that tier. Written only in {@code evaluation@2}.
   */
  HOUSEHOLD
}
