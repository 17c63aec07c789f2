package io.thresholds.core.model;

/** How an adult in the household is related to the referred children. */
public enum Relationship {
  /** Mother, birth or adoptive. */
  MOTHER,
  /** Father, birth or adoptive. */
  FATHER,
  /** Step-parent. */
  STEP_PARENT,
  /** A parent's partner who is not a step-parent. */
  PARENTS_PARTNER,
  /** Grandparent. */
  GRANDPARENT,
  /** Another relative (aunt, uncle, adult sibling, cousin). */
  OTHER_RELATIVE,
  /** Foster carer, including a private foster carer. */
  FOSTER_CARER,
  /** Legal guardian or special guardian. */
  GUARDIAN,
  /** Lodger or other unrelated adult. */
  UNRELATED_ADULT,
  /** Any other relationship. */
  OTHER
}
