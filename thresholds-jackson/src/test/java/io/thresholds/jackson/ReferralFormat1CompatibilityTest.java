package io.thresholds.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.Referral;
import io.thresholds.core.policy.Policies;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Compatibility of {@code thresholds/referral@1} (issue 11): every {@code @1} referral this project
 * ships (the JSON fixtures, the 132 vignettes and the CLI samples) still reads, and evaluates to
 * the same result as before the {@code @2} facts were added. The baseline file holds, per document,
 * a SHA-256 of its evaluation written as JSON with only the {@code evaluation@1} properties; it was
 * recorded by this test on main before any issue 11 change ({@code -Dthresholds.compat.record=true}
 * rewrites it, which is only ever right on that code).
 */
class ReferralFormat1CompatibilityTest {
  private static final Path BASELINE =
      Path.of("src/test/resources/io/thresholds/jackson/compat/referral1-evaluations.sha256");
  private static final List<Path> ROOTS = List.of(
      Path.of("src/test/resources/io/thresholds/jackson"), Path.of("../thresholds-examples/samples"));
  /** Properties an evaluation gained after {@code @1}: left out of the digest. */
  static final List<String> NEW_ASSESSMENT_PROPERTIES =
      List.of("ageBasis", "oldestAge", "openFacts", "provisional", "exclusionsDecidedBy");
  /**
   * Properties an exclusion gained after {@code @1} (issue 11, who decides exclusions): the policy
   * says the Social Work Manager decides, so every exclusion of the City pack now carries who
   * decides, the document's words, the citation and the household concerns that apply to the child
   * too. Left out of the digest; the child and the reason are unchanged.
   */
  static final List<String> NEW_EXCLUSION_PROPERTIES =
      List.of("decidedBy", "explanation", "citation", "sharedConcerns");
  private static final ThresholdEvaluator EVALUATOR = ThresholdEvaluator.of(Policies.cityOfLondon());

  /**
   * Deliberate changes of advice since the baseline, made by a policy or evaluator change (never by
   * the format): one line per document, {@code digest<TAB>document<TAB>the change that made it}.
   * {@code -Dthresholds.compat.change="what changed"} appends the documents whose digest now differs,
   * with that text, so every change of advice to a {@code @1} document is named and reviewed.
   */
  private static final Path CHANGES =
      Path.of("src/test/resources/io/thresholds/jackson/compat/referral1-evaluation-changes.tsv");

  @Test
  void everyReferral1Document_readsAndEvaluatesAsBefore() throws Exception {
    Map<String, String> now = digests();
    assertThat(now).hasSizeGreaterThanOrEqualTo(4 + 132 + 12);
    if (Boolean.getBoolean("thresholds.compat.record")) {
      StringBuilder out = new StringBuilder();
      now.forEach((k, v) -> out.append(v).append("  ").append(k).append('\n'));
      Files.writeString(BASELINE, out.toString(), StandardCharsets.UTF_8);
    }
    Map<String, String> before = new TreeMap<>();
    for (String line : Files.readAllLines(BASELINE, StandardCharsets.UTF_8)) {
      int sp = line.indexOf("  ");
      before.put(line.substring(sp + 2), line.substring(0, sp));
    }
    Map<String, String> changed = new TreeMap<>();
    List<String> lines = Files.exists(CHANGES) ? Files.readAllLines(CHANGES, StandardCharsets.UTF_8) : List.of();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", 3);
      assertThat(f).as("digest, document and change: " + line).hasSize(3);
      assertThat(f[2]).as("the change is named").isNotBlank();
      changed.put(f[1], f[0]); // a later line for the same document wins
    }
    String change = System.getProperty("thresholds.compat.change", "");
    if (!change.isBlank()) {
      StringBuilder out = new StringBuilder();
      now.forEach((k, v) -> {
        if (!v.equals(changed.getOrDefault(k, before.get(k)))) {
          out.append(v).append('\t').append(k).append('\t').append(change.strip()).append('\n');
          changed.put(k, v);
        }
      });
      Files.writeString(CHANGES, out.toString(), StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
    Map<String, String> expected = new TreeMap<>(before);
    changed.forEach((k, v) -> {
      if (expected.containsKey(k)) {
        expected.put(k, v);
      }
    });
    assertThat(now).isEqualTo(expected);
  }

  /**
   * The format guarantee on its own, whatever the policy says: every {@code @1} document relabelled
   * {@code referral@2} reads to the same referral and evaluates to the same result.
   */
  @Test
  void everyReferral1Document_meansTheSameAsReferral2() throws Exception {
    int n = 0;
    for (Map.Entry<String, JsonNode> d : documents().entrySet()) {
      Referral one = ThresholdsJson.readReferral(d.getValue().toString());
      ObjectNode two = d.getValue().deepCopy();
      two.put("format", "thresholds/referral@2");
      Referral other = ThresholdsJson.readReferral(two.toString());
      assertThat(other).as(d.getKey()).isEqualTo(one);
      assertThat(ThresholdsJson.writeEvaluation(EVALUATOR.evaluate(other, other.madeAt())))
          .as(d.getKey()).isEqualTo(ThresholdsJson.writeEvaluation(EVALUATOR.evaluate(one, one.madeAt())));
      n++;
    }
    assertThat(n).isGreaterThanOrEqualTo(4 + 132 + 12);
  }

  private static Map<String, String> digests() throws Exception {
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> d : documents().entrySet()) {
      Referral r = ThresholdsJson.readReferral(d.getValue().toString());
      Evaluation e = EVALUATOR.evaluate(r, r.madeAt());
      out.put(d.getKey(), sha256(format1(e)));
    }
    return out;
  }

  /** Every {@code referral@1} document bundled with the project, by file and position. */
  private static Map<String, JsonNode> documents() {
    return Fixtures.documents(ROOTS, n -> "thresholds/referral@1".equals(n.path("format").asText()));
  }

  /** The evaluation as JSON with only the properties {@code evaluation@1} has. */
  static String format1(Evaluation e) {
    JsonNode tree = Fixtures.tree(ThresholdsJson.writeEvaluation(e));
    ((ObjectNode) tree).remove("format");
    for (JsonNode child : tree.path("children")) {
      for (Iterator<String> it = child.fieldNames(); it.hasNext(); ) {
        if (NEW_ASSESSMENT_PROPERTIES.contains(it.next())) {
          it.remove();
        }
      }
    }
    ((ObjectNode) tree).remove("exclusionsDecidedBy");
    for (JsonNode x : tree.path("exclusions")) {
      ((ObjectNode) x).remove(NEW_EXCLUSION_PROPERTIES);
    }
    return tree.toString();
  }

  private static String sha256(String s) throws Exception {
    return HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }
}
