package io.thresholds.core.model;

/**
 * The outcome of an earlier referral, as listed in section 3 (How to make a referral: "There could
 * be a number of outcomes to the referral").
 */
public enum ReferralOutcome {
  /** Information passed straight to an allocated early help or social worker and their manager. */
  PASSED_TO_ALLOCATED_WORKER,
  /** Allocation to Early Help for assessment and early intervention. */
  EARLY_HELP,
  /** The child appeared to be a Child in Need: a social worker for a Child and Family Assessment. */
  CHILD_AND_FAMILY_ASSESSMENT,
  /** Concerns about significant harm requiring a strategy discussion. */
  STRATEGY_DISCUSSION,
  /** The Tier 2-4 threshold was not met: no further action (perhaps advice or signposting). */
  NO_FURTHER_ACTION,
  /** The referrer does not know the outcome. */
  UNKNOWN
}
