package io.thresholds.core.consent;

/** Where consent to refer and share information stands. */
public enum ConsentStatus {
  /** Consent has not been asked for yet. */
  NOT_YET_SOUGHT,
  /** Consent was given (verbally or in writing). */
  GIVEN,
  /** Consent was asked for and refused. */
  WITHHELD,
  /** Consent was given and later withdrawn. */
  WITHDRAWN,
  /**
   * Consent was deliberately not sought because asking would put the child at increased risk or
   * compromise a police investigation.
   */
  NOT_SOUGHT_UNSAFE,
  /** Information was shared without consent under a recorded legal basis, with authorisation. */
  SHARED_WITHOUT_CONSENT;

  /** @return true if this status lets an early-help referral go ahead */
  public boolean permitsConsentBasedReferral() {
    return this == GIVEN;
  }
}
