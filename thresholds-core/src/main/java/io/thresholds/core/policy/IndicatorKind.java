package io.thresholds.core.policy;

/** Whether an indicator describes a need or a strength. */
public enum IndicatorKind {
  /** A need or risk: it can raise the suggested tier. */
  NEED,
  /** A strength or protective factor (the Tier 1 descriptions): recorded, never lowers a tier. */
  STRENGTH
}
