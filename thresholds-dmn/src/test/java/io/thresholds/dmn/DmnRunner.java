package io.thresholds.dmn;

/** One DMN engine configuration running the exported model. */
interface DmnRunner {
  /** @return a short name for reports, e.g. "Camunda (legacy FEEL)" */
  String name();

  /**
   * Evaluates the four decisions for one concern.
   *
   * @param input the concern
   * @return the decisions' values
   */
  ConcernResult evaluate(ConcernInput input);
}
