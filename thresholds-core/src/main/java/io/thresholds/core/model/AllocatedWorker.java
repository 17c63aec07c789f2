package io.thresholds.core.model;

/**
 * A worker already allocated to the family, by kind only (never a name): "If there is already an
 * allocated early help or social worker involved with the family, your information will be passed
 * straight to them and their manager" (section 3, How to make a referral).
 */
public enum AllocatedWorker {
  /** An early help worker (for example the lead professional of an Early Help Assessment). */
  EARLY_HELP_WORKER,
  /** A social worker. */
  SOCIAL_WORKER
}
