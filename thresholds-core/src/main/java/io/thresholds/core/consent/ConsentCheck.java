package io.thresholds.core.consent;

/** Whether the recorded consent state meets a tier's consent rule. */
public enum ConsentCheck {
  /** The recorded state meets the rule: the referral can go ahead on consent grounds. */
  SATISFIED,
  /** The recorded state does not meet the rule yet; see what is missing. */
  NOT_SATISFIED,
  /** Consent is not required at this tier; it is still good practice to seek it where safe. */
  NOT_REQUIRED
}
