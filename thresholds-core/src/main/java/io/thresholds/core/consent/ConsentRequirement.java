package io.thresholds.core.consent;

/** What a tier's consent rule asks of the referrer. */
public enum ConsentRequirement {
  /** Consent is required to refer, assess and share; without it only single-agency help goes ahead. */
  REQUIRED,
  /** Seek consent unless doing so would place the child at further risk. */
  SEEK_UNLESS_UNSAFE,
  /** Consent is not required; obtain it if it is safe to do so. */
  NOT_REQUIRED_SEEK_IF_SAFE
}
