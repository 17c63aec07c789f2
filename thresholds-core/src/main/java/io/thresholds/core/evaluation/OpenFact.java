package io.thresholds.core.evaluation;

/**
 * A fact the result depends on that the referral does not settle. A result with any open fact is
 * provisional: recording the fact settles it (and may move the tier range).
 */
public enum OpenFact {
  /** The child's date of birth: the age is approximate or unknown and an age condition (or adulthood) depends on it. */
  DATE_OF_BIRTH,
  /** When the event happened: it was observed on the day an age condition changes. */
  EVENT_DATE,
  /** The child's mobility: an indicator about a pre- or non-mobile child depends on it. */
  MOBILITY,
  /** Whether the child is disabled. */
  DISABILITY
}
