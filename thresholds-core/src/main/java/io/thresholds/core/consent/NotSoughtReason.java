package io.thresholds.core.consent;

/** Why consent was deliberately not sought. */
public enum NotSoughtReason {
  /** Seeking consent would place the child at increased risk of harm. */
  INCREASED_RISK_TO_CHILD,
  /** Seeking consent could compromise a police investigation. */
  COMPROMISE_POLICE_INVESTIGATION
}
