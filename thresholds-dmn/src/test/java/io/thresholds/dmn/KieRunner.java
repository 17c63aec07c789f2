package io.thresholds.dmn;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.internal.io.ResourceFactory;

/** Apache KIE DMN 10.x, standalone (no KIE container). */
final class KieRunner implements DmnRunner {
  private final DMNRuntime runtime;
  private final DMNModel model;

  /**
   * Compiles the model; it must compile without an error or a warning.
   *
   * @param xml the exported model
   */
  KieRunner(String xml) {
    this.runtime = DMNRuntimeBuilder.fromDefaults().buildConfiguration()
        .fromResources(List.of(ResourceFactory.newReaderResource(new StringReader(xml), "UTF-8")
            .setSourcePath("thresholds.dmn")))
        .getOrElseThrow(e -> new IllegalStateException("KIE could not load the model", e));
    this.model = runtime.getModels().get(0);
    if (!model.getMessages().isEmpty()) {
      throw new IllegalStateException("KIE reports " + model.getMessages());
    }
  }

  /** @return the compiled model */
  DMNModel model() {
    return model;
  }

  @Override
  public String name() {
    return "Apache KIE DMN 10.2";
  }

  @Override
  public ConcernResult evaluate(ConcernInput input) {
    DMNContext context = runtime.newContext();
    context.set(DmnExporter.INPUT_INDICATOR, input.indicator());
    context.set(DmnExporter.INPUT_AGE, input.ageYears());
    context.set(DmnExporter.INPUT_MOBILITY, input.mobility().name());
    DMNResult r = runtime.evaluateAll(model, context);
    if (r.hasErrors()) {
      throw new IllegalStateException("KIE: " + r.getMessages());
    }
    return new ConcernResult(value(r, DmnExporter.DECISION_TIER), value(r, DmnExporter.DECISION_MACE),
        value(r, DmnExporter.DECISION_PREVENT), value(r, DmnExporter.DECISION_DO_NOT_TELL_FAMILY));
  }

  private static int value(DMNResult r, String decision) {
    DMNDecisionResult d = r.getDecisionResultByName(decision);
    Object v = d.getResult();
    return v == null ? 0 : ((BigDecimal) v).intValueExact();
  }
}
