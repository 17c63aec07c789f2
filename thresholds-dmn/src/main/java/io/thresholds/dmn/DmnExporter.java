package io.thresholds.dmn;

import io.thresholds.core.model.Mobility;
import io.thresholds.core.policy.Indicator;
import io.thresholds.core.policy.Policy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Exports a policy's tier and pathway rules as a DMN 1.3 model, for teams that run their decisions
 * in a DMN engine. The model loads unchanged in Camunda's DMN engine (default FEEL and legacy FEEL)
 * and in Apache KIE DMN.
 *
 * <p>One evaluation of the model classifies <b>one concern</b> about a child; it has three inputs,
 * {@value #INPUT_INDICATOR} (the indicator code), {@value #INPUT_AGE} (the child's age in completed
 * years on the day the concern was observed, {@value #UNBORN_AGE} before birth) and
 * {@value #INPUT_MOBILITY} (a {@link Mobility} name), and four decisions, each a decision table
 * with hit policy COLLECT and aggregation MAX:
 *
 * <ul>
 *   <li>{@value #DECISION_TIER}: the tier (1 to 4) of the concern: the indicator's tier, or the
 *       higher tier of the indicator it escalates to when the child meets that indicator's age or
 *       mobility condition. An unknown code matches no rule (no result).
 *   <li>{@value #DECISION_MACE}: 2 refer to MACE, 1 consider it, 0 neither.
 *   <li>{@value #DECISION_PREVENT}: 1 if a Prevent referral applies, else 0.
 *   <li>{@value #DECISION_DO_NOT_TELL_FAMILY}: 1 if the family must not be told, else 0.
 * </ul>
 *
 * <p>The child's tier is the highest tier over the concerns that apply to the child (Tier 1 if
 * there are none), and each pathway the highest value: the same COLLECT MAX, one level up, which
 * the calling process does (DMN 1.3 decision tables cannot iterate over a list in every engine).
 * That tier equals the lower end of the SDK's tier range. What the model cannot express (the
 * range, immediate danger, consent, routes and deadlines) is listed in the module's README.
 *
 * <pre>{@code
 * String xml = DmnExporter.export(Policies.cityOfLondon());
 * }</pre>
 */
public final class DmnExporter {
  /** The input holding one concern's indicator code. */
  public static final String INPUT_INDICATOR = "indicator";
  /** The input holding the child's age in completed years when the concern was observed. */
  public static final String INPUT_AGE = "ageYears";
  /** The input holding the child's mobility, a {@link Mobility} name. */
  public static final String INPUT_MOBILITY = "mobility";
  /** The value of {@link #INPUT_AGE} for a child not yet born when the concern was observed. */
  public static final int UNBORN_AGE = -1;
  /** The decision giving the tier number of one concern. */
  public static final String DECISION_TIER = "tier";
  /** The decision giving the MACE pathway of one concern: 2 refer, 1 consider, 0 neither. */
  public static final String DECISION_MACE = "mace";
  /** The decision giving the Prevent pathway of one concern: 1 applies, 0 does not. */
  public static final String DECISION_PREVENT = "prevent";
  /** The decision saying whether the family must not be told: 1 must not, 0 no restriction. */
  public static final String DECISION_DO_NOT_TELL_FAMILY = "doNotTellFamily";
  /** The decisions of the model, in the order they are written. */
  public static final List<String> DECISIONS =
      List.of(DECISION_TIER, DECISION_MACE, DECISION_PREVENT, DECISION_DO_NOT_TELL_FAMILY);

  static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";
  static final String DMNDI = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
  static final String DC = "http://www.omg.org/spec/DMN/20180521/DC/";
  static final String DI = "http://www.omg.org/spec/DMN/20180521/DI/";
  private static final List<String> INPUTS = List.of(INPUT_INDICATOR, INPUT_AGE, INPUT_MOBILITY);
  // Diagram layout (DMNDI), in pixels: a row of decisions above a row of inputs.
  private static final int DECISION_Y = 80;
  private static final int DECISION_WIDTH = 180;
  private static final int DECISION_HEIGHT = 80;
  private static final int INPUT_Y = 300;
  private static final int INPUT_WIDTH = 140;
  private static final int INPUT_HEIGHT = 45;
  private static final int GAP = 40;

  private DmnExporter() {}

  /**
   * Exports a policy as a DMN 1.3 model (XML, UTF-8).
   *
   * @param policy the policy
   * @return the DMN XML document
   */
  public static String export(Policy policy) {
    Objects.requireNonNull(policy, "policy");
    XmlOut x = new XmlOut();
    x.start("definitions",
            "id", "thresholds-" + policy.id(),
            "name", policy.name() + " - Thresholds of Need " + policy.version(),
            "namespace", namespace(policy),
            "exporter", "thresholds-dmn")
        .namespace("", DMN)
        .namespace("dmndi", DMNDI)
        .namespace("dc", DC)
        .namespace("di", DI);
    x.element("description", "Policy " + policy.id() + " " + policy.version() + " (" + policy.documentTitle()
        + "), exported by thresholds-dmn. Evaluate once per concern that applies to the child; the"
        + " child's tier is the highest tier over those concerns (Tier 1 if none), each pathway the"
        + " highest value. Not expressed here: the suggested range (several needs together, mobility"
        + " not recorded, disability), immediate danger (call 999 first"
        + policy.immediateDangerTier().map(t -> "; Tier " + t.number()).orElse("")
        + "), indicators derived from school attendance, adult scope, consent, routes and deadlines.");
    inputData(x, INPUT_INDICATOR, "string", "The indicator code of one concern, from the policy's catalogue.");
    inputData(x, INPUT_AGE, "number", "The child's age in completed years on the day the concern was observed; "
        + UNBORN_AGE + " if the child was not yet born.");
    inputData(x, INPUT_MOBILITY, "string", "The child's mobility: " + String.join(", ", mobilityNames()) + ".");

    decision(x, DECISION_TIER,
        "The tier (1 to 4) of one concern: the indicator's tier, or the higher tier of the indicator it"
            + " escalates to when the child meets that indicator's age or mobility condition. An indicator"
            + " whose own age condition does not hold keeps its tier. An unknown code matches no rule.",
        "1,2,3,4", tierRows(policy));
    for (Pathway p : Pathway.values()) {
      decision(x, p.decision, p.description, p.outputValues, pathwayRows(policy, p));
    }
    diagram(x);
    return x.end().finish();
  }

  /** One rule of a decision table: the three input entries and the output. */
  private record Row(String description, String indicator, String age, String mobility, int output) {}

  private static List<Row> tierRows(Policy policy) {
    List<Row> rows = new ArrayList<>();
    for (Indicator i : policy.indicators()) {
      int fallback = fallbackTier(policy, i);
      if (fallback > 0) {
        // Reported with mobility unknown, a pre- or non-mobile criterion starts at the lower row that
        // escalates to it (the SDK's range then reaches the criterion's tier as its upper end).
        String unknown = quote(Mobility.UNKNOWN.name());
        String age = AgeTest.of(i);
        rows.add(new Row(describe(i), quote(i.code().value()), AgeTest.ANY, AgeTest.not(unknown), i.tier().number()));
        rows.add(new Row(describe(i), quote(i.code().value()), AgeTest.not(age), unknown, i.tier().number()));
        rows.add(new Row(i.code() + " with mobility unknown starts at Tier " + fallback, quote(i.code().value()),
            age, unknown, fallback));
      } else {
        rows.add(new Row(describe(i), quote(i.code().value()), AgeTest.ANY, AgeTest.ANY, i.tier().number()));
      }
      if (i.escalatesTo().isPresent()) {
        Indicator t = policy.require(i.escalatesTo().get());
        rows.add(new Row(escalation(i, t), quote(i.code().value()), AgeTest.of(t), mobilityTest(t),
            t.tier().number()));
      }
    }
    return rows;
  }

  /**
   * The tier a pre- or non-mobile criterion reported with mobility unknown starts at: the highest
   * tier of the unconditional indicators that escalate to it, or 0 when there is none (or one has
   * conditions of its own, which a row of this table does not model).
   */
  private static int fallbackTier(Policy policy, Indicator i) {
    if (!i.preOrNonMobileOnly() || i.age().isPresent()) {
      return 0;
    }
    int best = 0;
    for (Indicator source : policy.escalatingTo(i.code())) {
      if (source.hasConditions()) {
        return 0;
      }
      best = Math.max(best, source.tier().number());
    }
    return best;
  }

  /**
   * Rows with a non-zero value only, then a default row of 0. An escalating indicator whose own
   * value is higher than its target's keeps it only where the escalation does not apply (the
   * negated conditions, one row each: COLLECT MAX tolerates rows that overlap).
   */
  private static List<Row> pathwayRows(Policy policy, Pathway p) {
    List<Row> rows = new ArrayList<>();
    for (Indicator i : policy.indicators()) {
      int v = p.of(i);
      String code = quote(i.code().value());
      if (i.escalatesTo().isEmpty()) {
        if (v > 0) {
          rows.add(new Row(describe(i), code, AgeTest.ANY, AgeTest.ANY, v));
        }
        continue;
      }
      Indicator t = policy.require(i.escalatesTo().get());
      int vt = p.of(t);
      String age = AgeTest.of(t);
      String mobility = mobilityTest(t);
      if (v > 0 && v <= vt) {
        rows.add(new Row(describe(i), code, AgeTest.ANY, AgeTest.ANY, v));
      } else if (v > vt) {
        String unless = "unless it escalates to " + t.code() + ": ";
        if (!age.equals(AgeTest.ANY)) {
          rows.add(new Row(unless + describe(i), code, AgeTest.not(age), AgeTest.ANY, v));
        }
        if (!mobility.equals(AgeTest.ANY)) {
          rows.add(new Row(unless + describe(i), code, AgeTest.ANY, AgeTest.not(mobility), v));
        }
      }
      if (vt > 0) {
        rows.add(new Row(escalation(i, t), code, age, mobility, vt));
      }
    }
    rows.add(new Row("No concern of the policy's catalogue calls for this pathway.",
        AgeTest.ANY, AgeTest.ANY, AgeTest.ANY, 0));
    return rows;
  }

  private static void inputData(XmlOut x, String name, String type, String description) {
    x.start("inputData", "id", name, "name", name)
        .element("description", description)
        .empty("variable", "id", name + "-variable", "name", name, "typeRef", type)
        .end();
  }

  private static void decision(XmlOut x, String name, String description, String outputValues, List<Row> rows) {
    x.start("decision", "id", name, "name", name)
        .element("description", description)
        .empty("variable", "id", name + "-variable", "name", name, "typeRef", "number");
    for (String input : INPUTS) {
      x.start("informationRequirement", "id", name + "-requires-" + input)
          .empty("requiredInput", "href", "#" + input)
          .end();
    }
    x.start("decisionTable", "id", name + "-table", "hitPolicy", "COLLECT", "aggregation", "MAX",
        "outputLabel", name);
    for (String input : INPUTS) {
      String type = input.equals(INPUT_AGE) ? "number" : "string";
      x.start("input", "id", name + "-in-" + input, "label", input)
          .start("inputExpression", "id", name + "-in-" + input + "-expression", "typeRef", type)
          .element("text", input)
          .end();
      if (input.equals(INPUT_MOBILITY)) {
        x.start("inputValues", "id", name + "-in-" + input + "-values")
            .element("text", mobilityNames().stream().map(DmnExporter::quote).collect(Collectors.joining(",")))
            .end();
      }
      x.end();
    }
    x.start("output", "id", name + "-out", "name", name, "typeRef", "number")
        .start("outputValues", "id", name + "-out-values")
        .element("text", outputValues)
        .end()
        .end();
    int n = 0;
    for (Row r : rows) {
      String id = name + "-rule-" + (++n);
      x.start("rule", "id", id).element("description", r.description());
      entry(x, "inputEntry", id + "-" + INPUT_INDICATOR, r.indicator());
      entry(x, "inputEntry", id + "-" + INPUT_AGE, r.age());
      entry(x, "inputEntry", id + "-" + INPUT_MOBILITY, r.mobility());
      entry(x, "outputEntry", id + "-out", String.valueOf(r.output()));
      x.end();
    }
    x.end().end();
  }

  private static void entry(XmlOut x, String element, String id, String text) {
    x.start(element, "id", id).element("text", text).end();
  }

  /** A diagram (DMNDI) of the requirements graph, so that modelling tools show it: decisions above inputs. */
  private static void diagram(XmlOut x) {
    x.start("dmndi:DMNDI").start("dmndi:DMNDiagram", "id", "diagram", "name", "Thresholds of Need");
    for (int k = 0; k < DECISIONS.size(); k++) {
      shape(x, DECISIONS.get(k), decisionX(k), DECISION_Y, DECISION_WIDTH, DECISION_HEIGHT);
    }
    for (int k = 0; k < INPUTS.size(); k++) {
      shape(x, INPUTS.get(k), inputX(k), INPUT_Y, INPUT_WIDTH, INPUT_HEIGHT);
    }
    for (int d = 0; d < DECISIONS.size(); d++) {
      for (int i = 0; i < INPUTS.size(); i++) {
        String requirement = DECISIONS.get(d) + "-requires-" + INPUTS.get(i);
        x.start("dmndi:DMNEdge", "id", "edge-" + requirement, "dmnElementRef", requirement)
            .empty("di:waypoint", "x", String.valueOf(inputX(i) + INPUT_WIDTH / 2), "y", String.valueOf(INPUT_Y))
            .empty("di:waypoint", "x", String.valueOf(decisionX(d) + DECISION_WIDTH / 2),
                "y", String.valueOf(DECISION_Y + DECISION_HEIGHT))
            .end();
      }
    }
    x.end().end();
  }

  private static int decisionX(int k) {
    return GAP + k * (DECISION_WIDTH + GAP);
  }

  private static int inputX(int k) {
    int decisionsWidth = DECISIONS.size() * (DECISION_WIDTH + GAP) - GAP;
    int inputsWidth = INPUTS.size() * (INPUT_WIDTH + GAP) - GAP;
    return GAP + (decisionsWidth - inputsWidth) / 2 + k * (INPUT_WIDTH + GAP);
  }

  private static void shape(XmlOut x, String element, int left, int top, int width, int height) {
    x.start("dmndi:DMNShape", "id", "shape-" + element, "dmnElementRef", element)
        .empty("dc:Bounds", "height", String.valueOf(height), "width", String.valueOf(width),
            "x", String.valueOf(left), "y", String.valueOf(top))
        .end();
  }

  private static String describe(Indicator i) {
    return i.code() + " (Tier " + i.tier().number() + "): " + i.label() + ". " + i.citation().toText();
  }

  private static String escalation(Indicator from, Indicator to) {
    return from.code() + " escalates to " + to.code() + " (Tier " + to.tier().number() + ") when the child"
        + " meets its condition" + to.age().map(a -> ", age " + a.toText()).orElse("")
        + (to.preOrNonMobileOnly() ? ", pre- or non-mobile" : "") + ": " + to.label() + ". "
        + to.citation().toText();
  }

  private static String mobilityTest(Indicator target) {
    if (!target.preOrNonMobileOnly()) {
      return AgeTest.ANY;
    }
    return Arrays.stream(Mobility.values()).filter(Mobility::isPreOrNonMobile)
        .map(m -> quote(m.name())).collect(Collectors.joining(","));
  }

  private static List<String> mobilityNames() {
    return Arrays.stream(Mobility.values()).map(Mobility::name).collect(Collectors.toList());
  }

  private static String namespace(Policy policy) {
    return "urn:io.thresholds:policy:" + policy.id() + ":" + URLEncoder.encode(policy.version(), StandardCharsets.UTF_8);
  }

  /** A FEEL string literal; codes and enum names never hold a quote or a backslash. */
  static String quote(String s) {
    if (s.indexOf('"') >= 0 || s.indexOf('\\') >= 0) {
      throw new IllegalArgumentException("a code with a quote or backslash");
    }
    return "\"" + s + "\"";
  }
}
