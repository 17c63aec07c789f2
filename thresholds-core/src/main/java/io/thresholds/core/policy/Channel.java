package io.thresholds.core.policy;

/** How an action is carried out. */
public enum Channel {
  /** A phone call. */
  PHONE,
  /** A form sent by secure (password-protected) email. */
  SECURE_EMAIL,
  /** A conversation or meeting. */
  CONVERSATION,
  /** Within the practitioner's own agency. */
  IN_AGENCY,
  /** Nothing to send: information for the referrer. */
  NONE
}
