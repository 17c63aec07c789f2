package io.thresholds.dmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.thresholds.core.policy.Indicator;
import io.thresholds.core.policy.IndicatorFlag;
import io.thresholds.core.policy.IndicatorKind;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.Policy;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The shape of the exported City of London model. */
class DmnExporterTest {
  private static final Policy POLICY = Policies.cityOfLondon();
  private static final String XML = DmnExporter.export(POLICY);

  @Test
  void export_isValidAgainstTheDmn13Schema() throws Exception {
    URL xsd = getClass().getResource("/org/omg/spec/DMN/20191111/DMN13.xsd");
    assertThat(xsd).as("DMN 1.3 schema (kie-dmn-xsd-resources)").isNotNull();
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.newSchema(xsd).newValidator().validate(new StreamSource(new StringReader(XML)));
  }

  @Test
  void export_isDeterministic_andNamesThePolicyAndVersion() {
    assertThat(DmnExporter.export(Policies.cityOfLondon())).isEqualTo(XML);
    assertThat(XML).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .contains("namespace=\"urn:io.thresholds:policy:city-of-london:1.0.0\"",
            "xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\"");
  }

  @Test
  void export_rejectsNull() {
    assertThatNullPointerException().isThrownBy(() -> DmnExporter.export(null));
  }

  @Test
  void decisions_areFourCollectMaxTables_overTheThreeInputs() throws Exception {
    Document d = parse();
    NodeList decisions = d.getElementsByTagNameNS(DmnExporter.DMN, "decision");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < decisions.getLength(); i++) {
      Element decision = (Element) decisions.item(i);
      names.add(decision.getAttribute("name"));
      Element table = (Element) decision.getElementsByTagNameNS(DmnExporter.DMN, "decisionTable").item(0);
      assertThat(table.getAttribute("hitPolicy")).isEqualTo("COLLECT");
      assertThat(table.getAttribute("aggregation")).isEqualTo("MAX");
      assertThat(table.getElementsByTagNameNS(DmnExporter.DMN, "input").getLength()).isEqualTo(3);
      assertThat(table.getElementsByTagNameNS(DmnExporter.DMN, "output").getLength()).isEqualTo(1);
    }
    assertThat(names).containsExactlyElementsOf(DmnExporter.DECISIONS);
    List<String> inputs = new ArrayList<>();
    NodeList data = d.getElementsByTagNameNS(DmnExporter.DMN, "inputData");
    for (int i = 0; i < data.getLength(); i++) {
      inputs.add(((Element) data.item(i)).getAttribute("name"));
    }
    assertThat(inputs).containsExactly(DmnExporter.INPUT_INDICATOR, DmnExporter.INPUT_AGE, DmnExporter.INPUT_MOBILITY);
  }

  /**
   * Tier rows: one per catalogue entry, with its tier and citation, plus one per escalation, plus two
   * for each pre- or non-mobile criterion that starts at a lower row when mobility is unknown.
   */
  @Test
  void tierTable_hasOneRowPerIndicator_andOnePerEscalation() throws Exception {
    Element tier = table(parse(), DmnExporter.DECISION_TIER);
    NodeList rules = tier.getElementsByTagNameNS(DmnExporter.DMN, "rule");
    long escalations = POLICY.indicators().stream().filter(i -> i.escalatesTo().isPresent()).count();
    long fallbacks = POLICY.indicators().stream()
        .filter(i -> i.preOrNonMobileOnly() && !POLICY.escalatingTo(i.code()).isEmpty()).count();
    assertThat(fallbacks).isEqualTo(1);
    assertThat(XML).contains("T4-DEV-PRE-MOBILE-INJURY with mobility unknown starts at Tier 3");
    assertThat(rules.getLength()).isEqualTo(POLICY.indicators().size() + (int) escalations + 2 * (int) fallbacks);
    for (Indicator i : POLICY.indicators()) {
      String row = "<text>\"" + i.code() + "\"</text>";
      assertThat(XML).contains(row);
      assertThat(XML).contains("<description>" + i.code() + " (Tier " + i.tier().number() + "): ");
    }
  }

  @Test
  void tier4_s47_pregnancyUnder13_isTheEscalationOfTheTier3Row_atAges0To12() {
    assertThat(XML).contains("T3-DEV-PREGNANT-OR-UNSAFE-RELATIONSHIP-13-15 escalates to"
        + " T4-FAM-UNDER-13-PREGNANT-OR-SEXUALLY-ACTIVE (Tier 4)");
    assertThat(XML).contains("<text>[0..12]</text>");
  }

  @Test
  void pathwayTables_haveARowPerFlaggedNeed_andADefaultOfZero() throws Exception {
    Document d = parse();
    // One row per flagged need, one per escalation to a flagged target, and the default row.
    assertThat(rows(d, DmnExporter.DECISION_PREVENT))
        .isEqualTo(count(IndicatorFlag.PREVENT) + escalationsTo(IndicatorFlag.PREVENT) + 1);
    assertThat(rows(d, DmnExporter.DECISION_DO_NOT_TELL_FAMILY))
        .isEqualTo(count(IndicatorFlag.DO_NOT_TELL_FAMILY) + escalationsTo(IndicatorFlag.DO_NOT_TELL_FAMILY) + 1);
    assertThat(rows(d, DmnExporter.DECISION_MACE))
        .isEqualTo(count(IndicatorFlag.REFER_MACE) + count(IndicatorFlag.CONSIDER_MACE)
            + escalationsTo(IndicatorFlag.REFER_MACE) + 1);
  }

  /** Escalating indicators whose target has the flag (the City pack's sources carry none of their own). */
  private static long escalationsTo(IndicatorFlag flag) {
    return POLICY.indicators().stream().filter(i -> i.escalatesTo().isPresent())
        .filter(i -> !i.has(flag) && POLICY.require(i.escalatesTo().get()).has(flag)).count();
  }

  private static long count(IndicatorFlag flag) {
    return POLICY.indicators().stream().filter(i -> i.kind() == IndicatorKind.NEED && i.has(flag)).count();
  }

  private static int rows(Document d, String decision) {
    return table(d, decision).getElementsByTagNameNS(DmnExporter.DMN, "rule").getLength();
  }

  private static Element table(Document d, String decision) {
    NodeList decisions = d.getElementsByTagNameNS(DmnExporter.DMN, "decision");
    for (int i = 0; i < decisions.getLength(); i++) {
      Element e = (Element) decisions.item(i);
      if (e.getAttribute("name").equals(decision)) {
        return (Element) e.getElementsByTagNameNS(DmnExporter.DMN, "decisionTable").item(0);
      }
    }
    throw new AssertionError(decision);
  }

  private static Document parse() throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(XML)));
  }
}
