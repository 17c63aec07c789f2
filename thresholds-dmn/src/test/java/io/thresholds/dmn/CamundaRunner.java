package io.thresholds.dmn;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/** Camunda's DMN engine 7.x, with its default FEEL engine (FEEL Scala) or the legacy one. */
final class CamundaRunner implements DmnRunner {
  private final String name;
  private final DmnEngine engine;
  private final DmnDecision tier;
  private final DmnDecision mace;
  private final DmnDecision prevent;
  private final DmnDecision doNotTellFamily;

  /**
   * Parses the model; it must hold exactly the four decisions, unchanged.
   *
   * @param xml the exported model
   * @param legacyFeel true for {@code enableFeelLegacyBehavior(true)}
   */
  CamundaRunner(String xml, boolean legacyFeel) {
    this.name = legacyFeel ? "Camunda 7.24 (legacy FEEL)" : "Camunda 7.24 (FEEL Scala)";
    DefaultDmnEngineConfiguration config =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    config.enableFeelLegacyBehavior(legacyFeel);
    this.engine = config.buildEngine();
    List<DmnDecision> decisions =
        engine.parseDecisions(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Map<String, DmnDecision> byKey = new HashMap<>();
    decisions.forEach(d -> byKey.put(d.getKey(), d));
    if (!byKey.keySet().equals(Set.copyOf(DmnExporter.DECISIONS))) {
      throw new IllegalStateException("unexpected decisions " + byKey.keySet());
    }
    this.tier = byKey.get(DmnExporter.DECISION_TIER);
    this.mace = byKey.get(DmnExporter.DECISION_MACE);
    this.prevent = byKey.get(DmnExporter.DECISION_PREVENT);
    this.doNotTellFamily = byKey.get(DmnExporter.DECISION_DO_NOT_TELL_FAMILY);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ConcernResult evaluate(ConcernInput input) {
    Map<String, Object> variables = new HashMap<>(4);
    variables.put(DmnExporter.INPUT_INDICATOR, input.indicator());
    variables.put(DmnExporter.INPUT_AGE, input.ageYears());
    variables.put(DmnExporter.INPUT_MOBILITY, input.mobility().name());
    return new ConcernResult(value(tier, variables), value(mace, variables), value(prevent, variables),
        value(doNotTellFamily, variables));
  }

  /** COLLECT MAX gives one entry, or no result when no rule matched (0 here). */
  private int value(DmnDecision decision, Map<String, Object> variables) {
    DmnDecisionRuleResult r = engine.evaluateDecisionTable(decision, variables).getSingleResult();
    if (r == null) {
      return 0;
    }
    Object v = r.getSingleEntry();
    return ((Number) v).intValue();
  }
}
