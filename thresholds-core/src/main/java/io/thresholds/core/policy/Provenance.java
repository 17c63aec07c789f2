package io.thresholds.core.policy;

/**
 * Where an item of a policy (a tier name, contact, consent rule, indicator, action rule...) comes
 * from. {@link Policy#provenance()} lists every item that is not {@link #STATED}.
 */
public enum Provenance {
  /** The pack's own source document states it (the default). */
  STATED,
  /**
   * The pack extends another and did not override the item: it is the base pack's, because the
   * pack's own document is silent on it.
   */
  INHERITED,
  /**
   * A reading of the pack's authors that the document does not state (for example service hours a
   * page does not give), declared with a {@code basis.ITEM = assumed} key.
   */
  ASSUMED
}
