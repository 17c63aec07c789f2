package io.thresholds.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.thresholds.core.policy.Policies;
import io.thresholds.examples.service.EvaluationService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's leak sweep over the tool's message channels: every sample referral with, at every
 * position, a personal value written in place of the value, or an unknown key that is a name added
 * to the object. Every document goes through {@code batch} (error records and standard error) and
 * the HTTP service's problem documents; none may show the planted value or key.
 */
class ChannelLeakSweepTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PERSONAL = "Qzpersonal Jane Smith";
  private static final String KEY = "Qzunknown Jane Smith";

  @TempDir Path dir;

  /** Every document of the sweep: each position of each sample, changed one way at a time. */
  private static List<String> documents() throws Exception {
    List<String> out = new ArrayList<>();
    List<Path> samples;
    try (var files = Files.list(Path.of("samples"))) {
      samples = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    for (Path sample : samples) {
      JsonNode root = JSON.readTree(Files.readString(sample));
      List<List<Object>> positions = new ArrayList<>();
      walk(root, new ArrayList<>(), positions);
      for (List<Object> at : positions) {
        JsonNode changed = root.deepCopy();
        JsonNode node = find(changed, at);
        if (node instanceof ObjectNode) {
          ((ObjectNode) node).put(KEY, 1);
          out.add(changed.toString());
        }
        if (!at.isEmpty()) {
          JsonNode again = root.deepCopy();
          JsonNode parent = find(again, at.subList(0, at.size() - 1));
          Object last = at.get(at.size() - 1);
          if (parent instanceof ObjectNode) {
            ((ObjectNode) parent).set((String) last, TextNode.valueOf(PERSONAL));
          } else {
            ((ArrayNode) parent).set((Integer) last, TextNode.valueOf(PERSONAL));
          }
          out.add(again.toString());
        }
      }
    }
    return out;
  }

  private static void walk(JsonNode n, List<Object> at, List<List<Object>> out) {
    out.add(List.copyOf(at));
    if (n.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        List<Object> next = new ArrayList<>(at);
        next.add(e.getKey());
        walk(e.getValue(), next, out);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        List<Object> next = new ArrayList<>(at);
        next.add(i);
        walk(n.get(i), next, out);
      }
    }
  }

  private static JsonNode find(JsonNode root, List<Object> at) {
    JsonNode n = root;
    for (Object step : at) {
      n = step instanceof String ? n.get((String) step) : n.get((Integer) step);
    }
    return n;
  }

  private static boolean leaks(String s) {
    return s.contains("Qzpersonal") || s.contains("Qzunknown") || s.contains("Jane") || s.contains("Smith");
  }

  @Test
  void noPlantedValueOrKey_inBatchErrorRecords_standardError_orProblemDocuments() throws Exception {
    List<String> docs = documents();
    assertThat(docs).hasSizeGreaterThan(300);
    Path in = Files.write(dir.resolve("sweep.jsonl"), docs);
    Cli batch = Cli.run("batch", in.toString(), "--errors-only", "--progress", "none");
    assertThat(batch.exit).as(batch.err).isIn(0, ThresholdsCommand.INVALID_INPUT);
    int records = 0;
    List<String> leaked = new ArrayList<>();
    for (String line : batch.out.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      records++;
      assertThat(JSON.readTree(line).get("kind").asText()).isNotEqualTo("internal-error");
      if (leaks(line)) {
        leaked.add(line);
      }
    }
    if (leaks(batch.err)) {
      leaked.add(batch.err);
    }
    EvaluationService service = new EvaluationService(Policies.cityOfLondon(),
        Clock.fixed(Instant.parse("2025-11-21T19:30:00Z"), ZoneOffset.UTC));
    int problems = 0;
    for (String d : docs) {
      EvaluationService.Response r = service.evaluate(d);
      if (r.status() != 200) {
        problems++;
        if (leaks(r.body())) {
          leaked.add(r.body());
        }
      }
    }
    System.out.println("leak sweep: " + docs.size() + " documents, " + records + " batch error records, "
        + problems + " problem documents, " + leaked.size() + " leaks");
    assertThat(leaked).isEmpty();
    assertThat(records).isGreaterThan(docs.size() / 2);
  }
}
