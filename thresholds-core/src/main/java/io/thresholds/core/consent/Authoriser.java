package io.thresholds.core.consent;

/** Who authorised sharing information without consent. */
public enum Authoriser {
  /** The organisation's designated safeguarding lead. */
  DESIGNATED_SAFEGUARDING_LEAD,
  /** The practitioner's line manager. */
  LINE_MANAGER
}
