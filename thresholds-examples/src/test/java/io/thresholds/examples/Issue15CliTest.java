package io.thresholds.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression tests for issue 15 on the command line: each from the issue's reproducer. */
class Issue15CliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static String sample() throws Exception {
    return Files.readString(Path.of("samples", "01-tier2-school-consent-given.json")).strip();
  }

  private static String compact(String json) throws Exception {
    return JSON.writeValueAsString(JSON.readTree(json));
  }

  @Test
  void evaluate_madeAtInYearMinusOneBillion_isInvalidInput_notAnInternalError() throws Exception {
    ObjectNode r = (ObjectNode) JSON.readTree(sample());
    r.put("madeAt", "-999999999-01-01T00:00:00Z");
    Path f = Files.writeString(dir.resolve("r.json"), r.toString());
    Cli c = Cli.run("evaluate", f.toString());
    assertThat(c.exit).as(c.toString()).isEqualTo(ThresholdsCommand.INVALID_INPUT);
    assertThat(c.err).contains("madeAt");
  }

  @Test
  void evaluate_unknownKeyThatIsAName_isNotEchoed() throws Exception {
    Path f = Files.writeString(dir.resolve("r.json"), "{\"format\":\"thresholds/referral@1\",\"Jane Smith\":1}");
    Cli c = Cli.run("evaluate", f.toString());
    assertThat(c.exit).as(c.toString()).isEqualTo(ThresholdsCommand.INVALID_INPUT);
    assertThat(c.out + c.err).doesNotContain("Jane").doesNotContain("Smith");
  }

  @Test
  void batch_unknownKeyAndTrailingJson_giveRecordsWithoutTheKey_andTrailingIsMalformedJson() throws Exception {
    String good = compact(sample());
    String lines = "{\"format\":\"thresholds/referral@1\",\"Jane Smith\":1}\n"
        + good + "{\"Jane\":1}\n"
        + good.replace("2025-11-", "9999-11-").replace("\"madeAt\":\"9999", "\"madeAt\":\"+999999999") + "\n";
    Path in = Files.writeString(dir.resolve("in.jsonl"), lines);
    Cli c = Cli.run("batch", in.toString(), "--progress", "none");
    assertThat(c.exit).as(c.toString()).isEqualTo(ThresholdsCommand.INVALID_INPUT);
    assertThat(c.out + c.err).doesNotContain("Jane").doesNotContain("Smith");
    String[] records = c.out.split("\n");
    assertThat(JSON.readTree(records[0]).get("kind").asText()).isEqualTo("invalid-referral");
    assertThat(JSON.readTree(records[0]).get("path").asText()).isEqualTo("<unknown field>");
    assertThat(JSON.readTree(records[1]).get("kind").asText()).isEqualTo("malformed-json");
    assertThat(JSON.readTree(records[2]).get("kind").asText()).isNotEqualTo("internal-error");
  }

  /** Defect 6: 16,000 household rows with a violation each; every violation keeps its line. */
  @Test
  void formValidate_manyViolations_eachWithItsLine() throws Exception {
    StringBuilder b = new StringBuilder("{\n  \"household.members\": [\n");
    int rows = 16_000;
    for (int i = 0; i < rows; i++) {
      b.append("    {\"surname\": 42}").append(i + 1 < rows ? ",\n" : "\n");
    }
    b.append("  ]\n}\n");
    Path f = Files.writeString(dir.resolve("form.json"), b);
    Cli c = Cli.run("form", "marf", "--validate", f.toString(), "--today", "2025-11-21", "--json");
    assertThat(c.exit).as(c.err).isEqualTo(ThresholdsCommand.INVALID_INPUT);
    JsonNode result = JSON.readTree(c.out);
    Map<String, Integer> lines = new java.util.HashMap<>();
    for (JsonNode v : (ArrayNode) result.get("violations")) {
      if (v.has("line")) {
        lines.put(v.get("field").asText(), v.get("line").asInt());
      }
    }
    assertThat(lines).containsEntry("household.members[0].surname", 3)
        .containsEntry("household.members[15999].surname", 3 + 15_999);
  }
}
