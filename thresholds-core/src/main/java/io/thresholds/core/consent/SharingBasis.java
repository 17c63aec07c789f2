package io.thresholds.core.consent;

/** The legal basis on which information was shared. */
public enum SharingBasis {
  /** With the consent in force when it was shared. */
  CONSENT,
  /**
   * Without consent, to safeguard a child at risk of significant harm (where there is a clear risk
   * of significant harm, information must be shared).
   */
  SAFEGUARDING_SIGNIFICANT_HARM,
  /** Without consent, on another recorded legal basis. */
  OTHER_LEGAL_BASIS
}
