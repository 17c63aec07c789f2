package io.thresholds.core.model;

/**
 * A plan open for a child of the household when the referral is made (issue 11, the case's
 * history). The names follow the City of London Thresholds of Need document.
 */
public enum OpenPlan {
  /**
   * An Early Help Assessment with a Team Around the Family and an Early Help Outcomes Plan (Tier 2;
   * section 7). Stepping up from it is decided by its lead professional (section 8).
   */
  EARLY_HELP,
  /** A multi-agency Child in Need plan under Section 17 (Tier 3). */
  CHILD_IN_NEED,
  /** A Child Protection Plan (Tier 4). */
  CHILD_PROTECTION;

  /** @return true for the statutory plans (child in need, child protection) */
  public boolean statutory() {
    return this != EARLY_HELP;
  }
}
