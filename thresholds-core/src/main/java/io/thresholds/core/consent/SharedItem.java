package io.thresholds.core.consent;

/** What was shared. */
public enum SharedItem {
  /** The multi-agency referral form. */
  REFERRAL_FORM,
  /** The child's identifying details. */
  CHILD_DETAILS,
  /** The concerns observed. */
  CONCERNS,
  /** An assessment, such as the Early Help Assessment. */
  ASSESSMENT,
  /** Household and family details. */
  FAMILY_DETAILS,
  /** Something else (described in the record's description). */
  OTHER
}
