package io.thresholds.core.evaluation;

/** What a child's age in an assessment rests on. */
public enum AgeBasis {
  /** A date of birth or an expected date of delivery. */
  EXACT,
  /** An approximate age: {@link ChildAssessment#age()} is the youngest it may be, {@link ChildAssessment#oldestAge()} the oldest. */
  APPROXIMATE,
  /** Not known: {@link ChildAssessment#age()} is 0 years and there is no oldest age. */
  UNKNOWN
}
