package io.thresholds.core.consent;

/**
 * Whether a young person is judged to be of sufficient age and understanding to decide about
 * consent themselves: a practitioner's stated judgement, never derived from an age. The City of
 * London document speaks of "young people themselves, if of sufficient age and understanding" and
 * states no age from which that holds, so the SDK asks for the judgement instead of guessing one.
 */
public enum Competence {
  /** Judged to be of sufficient age and understanding: the young person's own decision counts. */
  JUDGED_COMPETENT,
  /**
   * Judged not to be of sufficient age and understanding: their consent is not a valid consent;
   * their wishes and feelings are still recorded and weighed.
   */
  JUDGED_NOT_COMPETENT,
  /** Not assessed yet: their consent cannot be relied on until it is. */
  NOT_ASSESSED
}
