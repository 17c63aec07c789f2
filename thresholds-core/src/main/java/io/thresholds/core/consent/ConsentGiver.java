package io.thresholds.core.consent;

/** Who may give (or withhold) consent. */
public enum ConsentGiver {
  /** A person with parental responsibility for the child. */
  PARENTAL_RESPONSIBILITY,
  /** The young person, where of sufficient age and understanding. */
  YOUNG_PERSON
}
