package io.thresholds.core.model;

/**
 * A protective fact the City of London Thresholds of Need document names (issue 11). Recorded
 * protective facts are shown as reasons of their own kind; they never lower the suggested range and
 * never remove an action. Where the range is a matter of judgement, they are shown as reasons to
 * consider its lower end. The citation of each is policy data ({@code protective.NAME.section}).
 */
public enum ProtectiveFact {
  /**
   * A parent or carer acts protectively (Thresholds of Need matrix, Tier 3, domestic abuse: "parents
   * willing and able to engage with services and to act protectively").
   */
  PARENT_ACTS_PROTECTIVELY,
  /**
   * The parents are willing and able to engage with services (Thresholds of Need matrix, Tier 3,
   * domestic abuse and parental substance misuse; the Tier 4 rows speak of parents "resistant to
   * engaging with services").
   */
  PARENTS_ENGAGE_WITH_SERVICES,
  /**
   * The family engages effectively in its early help plan (section 8, Stepping up: "To what extent
   * is the family engaging effectively in the plan?").
   */
  FAMILY_ENGAGES_WITH_PLAN
}
