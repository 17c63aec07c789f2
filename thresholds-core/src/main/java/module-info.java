/**
 * thresholds-core: the immutable domain model, the partnership policy as data (with the City of
 * London / City and Hackney policy embedded), consent rules, working-day arithmetic and the
 * explainable threshold evaluator. It has no runtime dependencies.
 */
module io.thresholds.core {
  requires static org.immutables.value.annotations;
  requires static org.jspecify;

  exports io.thresholds.core;
  exports io.thresholds.core.model;
  exports io.thresholds.core.policy;
  exports io.thresholds.core.consent;
  exports io.thresholds.core.time;
  exports io.thresholds.core.evaluation;
  exports io.thresholds.core.text;
}
