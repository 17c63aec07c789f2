package io.thresholds.benchmarks;

import io.thresholds.dmn.DmnExporter;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.internal.io.ResourceFactory;

/**
 * The exported model loaded in one DMN engine configuration, evaluated the way a DMN user would
 * call it: once per concern, the four decisions (tier, MACE, Prevent, do not tell the family).
 */
abstract class DmnEngine {
  /** The engine configurations measured. */
  static final List<String> NAMES = List.of("camunda-feel-scala", "camunda-legacy-feel", "kie");

  /**
   * @param name one of {@link #NAMES}
   * @param xml the exported model
   * @return the model loaded in that engine
   */
  static DmnEngine load(String name, String xml) {
    return switch (name) {
      case "camunda-feel-scala" -> new Camunda(xml, false);
      case "camunda-legacy-feel" -> new Camunda(xml, true);
      case "kie" -> new Kie(xml);
      default -> throw new IllegalArgumentException("unknown engine " + name);
    };
  }

  /**
   * Evaluates the four decisions for one concern and raises {@code into[at..at+3]} to the results
   * (tier, then MACE, Prevent, do not tell the family).
   *
   * @param indicator the concern's indicator code
   * @param ageYears the child's age when it was observed, -1 before birth
   * @param mobility the child's mobility name
   * @param into the results so far
   * @param at where the child's four values start
   */
  abstract void evaluate(String indicator, int ageYears, String mobility, int[] into, int at);

  /** Camunda's DMN engine 7.24, default FEEL (FEEL Scala) or legacy FEEL. */
  static final class Camunda extends DmnEngine {
    private final org.camunda.bpm.dmn.engine.DmnEngine engine;
    private final DmnDecision[] decisions = new DmnDecision[4];

    Camunda(String xml, boolean legacy) {
      DefaultDmnEngineConfiguration config =
          (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      config.enableFeelLegacyBehavior(legacy);
      engine = config.buildEngine();
      List<DmnDecision> parsed = engine.parseDecisions(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
      for (DmnDecision d : parsed) {
        decisions[DmnExporter.DECISIONS.indexOf(d.getKey())] = d;
      }
    }

    @Override
    void evaluate(String indicator, int ageYears, String mobility, int[] into, int at) {
      Map<String, Object> variables = new HashMap<>(4);
      variables.put(DmnExporter.INPUT_INDICATOR, indicator);
      variables.put(DmnExporter.INPUT_AGE, ageYears);
      variables.put(DmnExporter.INPUT_MOBILITY, mobility);
      for (int k = 0; k < 4; k++) {
        DmnDecisionRuleResult r = engine.evaluateDecisionTable(decisions[k], variables).getSingleResult();
        if (r == null) {
          throw new IllegalStateException("no rule matched " + indicator);
        }
        into[at + k] = Math.max(into[at + k], ((Number) r.getSingleEntry()).intValue());
      }
    }
  }

  /** Apache KIE DMN 10.2, standalone runtime. */
  static final class Kie extends DmnEngine {
    private final DMNRuntime runtime;
    private final DMNModel model;

    Kie(String xml) {
      runtime = DMNRuntimeBuilder.fromDefaults().buildConfiguration()
          .fromResources(List.of(ResourceFactory.newReaderResource(new StringReader(xml), "UTF-8")
              .setSourcePath("thresholds.dmn")))
          .getOrElseThrow(e -> new IllegalStateException("KIE could not load the model", e));
      model = runtime.getModels().get(0);
    }

    @Override
    void evaluate(String indicator, int ageYears, String mobility, int[] into, int at) {
      DMNContext context = runtime.newContext();
      context.set(DmnExporter.INPUT_INDICATOR, indicator);
      context.set(DmnExporter.INPUT_AGE, ageYears);
      context.set(DmnExporter.INPUT_MOBILITY, mobility);
      DMNResult r = runtime.evaluateAll(model, context);
      for (int k = 0; k < 4; k++) {
        Object v = r.getDecisionResultByName(DmnExporter.DECISIONS.get(k)).getResult();
        if (v == null) {
          throw new IllegalStateException("no rule matched " + indicator);
        }
        into[at + k] = Math.max(into[at + k], ((BigDecimal) v).intValue());
      }
    }
  }
}
