package io.thresholds.core.consent;

/** How consent was given. */
public enum ConsentForm {
  /** Said aloud, in person or by phone. */
  VERBAL,
  /** In writing or signed on the form. */
  WRITTEN
}
