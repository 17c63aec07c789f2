package io.thresholds.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.Policies;
import io.thresholds.jackson.ThresholdsJson;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code thresholds batch}: one result per line, in order; bad lines become error records. */
class BatchCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ThresholdEvaluator EVALUATOR = ThresholdEvaluator.of(Policies.cityOfLondon());

  @TempDir Path dir;

  /** The twelve samples, one per line. */
  static List<String> samples = new ArrayList<>();
  static String sample01;

  @BeforeAll
  static void compactSamples() throws Exception {
    samples = new ArrayList<>();
    for (Path p : (Iterable<Path>) EvaluateCommandTest.samples()::iterator) {
      samples.add(ThresholdsJson.writeReferral(ThresholdsJson.readReferral(Files.readString(p))));
    }
    sample01 = samples.get(0);
  }

  /** Bad lines by line number (from 1), each with the kind of error record it must give. */
  private static final Map<Integer, String> BAD = new TreeMap<>(Map.of(
      2, "malformed-json",
      4, "unknown-indicator",
      5, "invalid-referral",
      7, "cannot-evaluate",
      9, "empty-line",
      10, "not-utf8",
      12, "line-too-long",
      13, "malformed-json"));

  private static byte[] bad(int line) {
    switch (line) {
      case 2:
        return sample01.replace("\"note\":\"Often late", "\"note\":Often late").getBytes(StandardCharsets.UTF_8);
      case 4:
        return sample01.replace("T2-FAM-YOUNG-CARER-NEEDS", "T2-FAM-NO-SUCH-INDICATOR").getBytes(StandardCharsets.UTF_8);
      case 5:
        return sample01.replace("2015-03-09", "2015-02-29").getBytes(StandardCharsets.UTF_8);
      case 7:
        return sample01.replace("\"subject\":\"child\",\"subjectRef\":\"pupil-4471\"",
            "\"subject\":\"parent-carer\",\"subjectRef\":\"parent-1\"").getBytes(StandardCharsets.UTF_8);
      case 9:
        return "   ".getBytes(StandardCharsets.UTF_8);
      case 10:
        return new byte[] {'{', '"', (byte) 0xE9, '"', '}'};
      case 12:
        return ("{\"format\":\"thresholds/referral@1\",\"ref\":\"" + "x".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8);
      case 13:
        return sample01.substring(0, sample01.indexOf("looks after") + 5).getBytes(StandardCharsets.UTF_8);
      default:
        throw new AssertionError(line);
    }
  }

  /** The good lines of {@link #mixed()} by line number. */
  private final Map<Integer, String> good = new TreeMap<>();

  /** 14 lines: the samples in order, with the bad lines of {@link #BAD} among them. */
  private Path mixed() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int next = 0;
    for (int line = 1; line <= 14; line++) {
      if (BAD.containsKey(line)) {
        b.write(bad(line));
      } else {
        good.put(line, samples.get(next++));
        b.write(good.get(line).getBytes(StandardCharsets.UTF_8));
      }
      b.write('\n');
    }
    Path f = dir.resolve("mixed.jsonl");
    Files.write(f, b.toByteArray());
    return f;
  }

  private static Evaluation expected(String referralJson) throws Exception {
    Referral r = ThresholdsJson.readReferral(referralJson);
    return EVALUATOR.evaluate(r, r.madeAt());
  }

  @Test
  void everyLineGivesOneResult_inOrder_badLinesAsErrorRecords() throws Exception {
    Path in = mixed();
    Path out = dir.resolve("out.jsonl");
    Cli r = Cli.run("batch", in.toString(), "--out", out.toString(), "--max-line-length", "4096", "--progress", "none");

    assertThat(r.exit).as(r.toString()).isEqualTo(1);
    List<String> results = Files.readAllLines(out);
    assertThat(results).hasSize(14);
    for (int line = 1; line <= 14; line++) {
      String result = results.get(line - 1);
      if (BAD.containsKey(line)) {
        JsonNode record = JSON.readTree(result);
        assertThat(record.get("format").asText()).isEqualTo("thresholds/batch-error@1");
        assertThat(record.get("line").asInt()).isEqualTo(line);
        assertThat(record.get("kind").asText()).as("line %d", line).isEqualTo(BAD.get(line));
        assertThat(record.get("message").asText()).isNotBlank();
      } else {
        assertThat(ThresholdsJson.readEvaluation(result)).isEqualTo(expected(good.get(line)));
      }
    }
    // Errors name the path and column, never the personal value.
    JsonNode unknown = JSON.readTree(results.get(3));
    assertThat(unknown.get("path").asText()).isEqualTo("concerns[0].indicator");
    assertThat(unknown.get("column").asInt()).isPositive();
    assertThat(unknown.get("message").asText()).contains("unknown indicator code T2-FAM-NO-SUCH-INDICATOR");
    JsonNode invalid = JSON.readTree(results.get(4));
    assertThat(invalid.get("path").asText()).isEqualTo("household.children[0].dateOfBirth");
    JsonNode cannot = JSON.readTree(results.get(6));
    assertThat(cannot.get("referral").asText()).isEqualTo("SCH-2025-0118");
    assertThat(cannot.get("path").asText()).isEqualTo("concerns[0].subject");
    assertThat(JSON.readTree(results.get(11)).get("message").asText()).contains(bad(12).length + " bytes");
    String all = String.join("\n", results) + r.err + r.out;
    assertThat(all).doesNotContain("2015-02-29").doesNotContain("Often").doesNotContain("looks after");

    // Each bad line is reported on standard error with its number; the summary goes to stdout.
    assertThat(r.err).contains("thresholds: " + in + " line 2: malformed-json (column")
        .contains("line 4: unknown-indicator at concerns[0].indicator (column")
        .contains("line 12: line-too-long")
        .contains("8 of 14 lines gave error records");
    assertThat(r.out).contains("Summary of " + in + ": 14 lines, 6 referrals evaluated, 8 error records.")
        .containsPattern("malformed-json +2 ")
        .containsPattern("unknown-indicator +1 ")
        .containsPattern("empty-line +1 ")
        .containsPattern("not-utf8 +1 ")
        .containsPattern("line-too-long +1 ");
  }

  @Test
  void theSummaryCountsChildrenByTier_andReferralsByPathway() throws Exception {
    Path in = dir.resolve("samples.jsonl");
    Files.write(in, samples);
    Cli r = Cli.run("batch", in.toString(), "--errors-only", "--progress", "none");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).as("errors only, and there are none").isEmpty();

    Map<Tier, Integer> byTier = new EnumMap<>(Tier.class);
    int mace = 0;
    int prevent = 0;
    for (String s : samples) {
      Evaluation e = expected(s);
      for (ChildAssessment c : e.children()) {
        c.tierRange().ifPresent(t -> byTier.merge(t.min(), 1, Integer::sum));
      }
      mace += e.children().stream().anyMatch(c -> c.actions().stream().anyMatch(a -> a.kind().name().equals("MACE_REFERRAL"))) ? 1 : 0;
      prevent += e.children().stream().anyMatch(c -> c.actions().stream().anyMatch(a -> a.kind().name().equals("PREVENT_REFERRAL"))) ? 1 : 0;
    }
    assertThat(mace).isPositive();
    assertThat(prevent).isPositive();
    String summary = r.err;
    assertThat(summary).contains("Summary of " + in + ": " + samples.size() + " lines, " + samples.size() + " referrals evaluated, 0 error records.");
    for (Tier t : Tier.values()) {
      assertThat(summary).containsPattern("Tier " + t.number() + " [^\n]* " + byTier.getOrDefault(t, 0) + " +[0-9.]+%");
    }
    assertThat(summary).containsPattern("mace-referral +" + mace + " ").containsPattern("prevent-referral +" + prevent + " ");
    assertThat(summary).containsPattern("out of scope \\(aged 18 or over\\) +1 ");
    assertThat(summary).contains("Error records by kind:\n  (none)").contains("Took ");
  }

  @Test
  void theOutputIsTheSame_withOneThreadOrSeveral() throws Exception {
    Path in = dir.resolve("generated.jsonl");
    assertThat(Cli.run("generate", "1500", "--seed", "9", "--out", in.toString()).exit).isZero();
    Files.writeString(in, "not json\n", java.nio.file.StandardOpenOption.APPEND);
    Path one = dir.resolve("one.jsonl");
    Path three = dir.resolve("three.jsonl");
    Cli a = Cli.run("batch", in.toString(), "--out", one.toString(), "--threads", "1", "--progress", "none");
    Cli b = Cli.run("batch", in.toString(), "--out", three.toString(), "--threads", "3", "--progress", "none");
    assertThat(a.exit).isEqualTo(1);
    assertThat(Files.readAllLines(three)).hasSize(1501).isEqualTo(Files.readAllLines(one));
    assertThat(b.out.replaceAll("Took .*", "")).isEqualTo(a.out.replaceAll("Took .*", ""));
    assertThat(Files.readAllLines(three).get(1500)).contains("\"line\":1501,\"kind\":\"malformed-json\"");
  }

  @Test
  void toStandardOutput_theSummaryGoesToStandardError() throws Exception {
    Path in = dir.resolve("two.jsonl");
    Files.writeString(in, samples.get(0) + "\r\n" + samples.get(1)); // CRLF, no final newline
    Cli r = Cli.run("batch", in.toString(), "--progress", "none");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out.split("\n")).hasSize(2);
    assertThat(ThresholdsJson.readEvaluation(r.out.split("\n")[1])).isEqualTo(expected(samples.get(1)));
    assertThat(r.err).contains("Summary of " + in + ": 2 lines, 2 referrals evaluated");
  }

  @Test
  void standardInput_withAByteOrderMark() throws Exception {
    Cli r = Cli.runWithInput("\uFEFF" + samples.get(0) + "\n", "batch", "-", "--progress", "none");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(ThresholdsJson.readEvaluation(r.out.strip())).isEqualTo(expected(samples.get(0)));
    assertThat(r.err).contains("Summary of standard input: 1 line, 1 referral evaluated, 0 error records.");
  }

  @Test
  void errorsOnly_writesTheErrorRecordsAlone() throws Exception {
    Path in = mixed();
    Cli r = Cli.run("batch", in.toString(), "--errors-only", "--max-line-length", "4096", "--progress", "none");
    assertThat(r.exit).isEqualTo(1);
    List<String> lines = r.out.lines().collect(java.util.stream.Collectors.toList());
    assertThat(lines).hasSize(BAD.size()).allMatch(l -> l.startsWith("{\"format\":\"thresholds/batch-error@1\""));
    List<Integer> numbers = new ArrayList<>();
    for (String l : lines) {
      numbers.add(JSON.readTree(l).get("line").asInt());
    }
    assertThat(numbers).containsExactlyElementsOf(BAD.keySet());
  }

  @Test
  void aHugeLine_isAnErrorRecord_notAnOutOfMemoryError() throws Exception {
    long huge = 64L * 1024 * 1024; // 64 MiB on one line, streamed, never held
    InputStream in = new SequenceInputStream(new LineReaderTest.Repeat(huge, "\n"),
        new java.io.ByteArrayInputStream((samples.get(0) + "\n").getBytes(StandardCharsets.UTF_8)));
    Cli r = Cli.runWithInput(in, "batch", "-", "--progress", "none");
    assertThat(r.exit).isEqualTo(1);
    String[] out = r.out.split("\n");
    assertThat(out).hasSize(2);
    assertThat(out[0]).contains("\"line\":1,\"kind\":\"line-too-long\"").contains(huge + " bytes");
    assertThat(ThresholdsJson.readEvaluation(out[1])).isEqualTo(expected(samples.get(0)));
  }

  @Test
  void progressLines_onStandardError() throws Exception {
    Path in = dir.resolve("generated.jsonl");
    assertThat(Cli.run("generate", "2500", "--out", in.toString()).exit).isZero();
    Cli r = Cli.run("batch", in.toString(), "--errors-only", "--progress", "lines", "--progress-every", "0");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.err).contains("thresholds batch: 1,000 lines, 0 error records, ")
        .contains("thresholds batch: 2,500 lines, 0 error records, 100% of the input");
  }

  @Test
  void emptyFile_isInvalidInput() throws Exception {
    Path in = dir.resolve("empty.jsonl");
    Files.writeString(in, "");
    Cli r = Cli.run("batch", in.toString());
    assertThat(r.exit).isEqualTo(1);
    assertThat(r.err).isEqualTo("thresholds: " + in + " is empty: expected one thresholds/referral@1 document per line\n");
    assertThat(Cli.runWithInput("", "batch", "-").err).contains("standard input is empty");
  }

  @Test
  void aDirectoryInsteadOfAFile_isInvalidInput() throws Exception {
    Cli r = Cli.run("batch", dir.toString());
    assertThat(r.exit).isEqualTo(1);
    assertThat(r.err).contains("cannot read " + dir + ": it is a directory");
    Path in = dir.resolve("one.jsonl");
    Files.writeString(in, samples.get(0) + "\n");
    Cli out = Cli.run("batch", in.toString(), "--out", dir.toString());
    assertThat(out.exit).isEqualTo(1);
    assertThat(out.err).contains("cannot write " + dir + ": it is a directory");
  }

  @Test
  void missingFile_isInvalidInput() {
    Cli r = Cli.run("batch", dir.resolve("nope.jsonl").toString());
    assertThat(r.exit).isEqualTo(1);
    assertThat(r.err).contains("nope.jsonl: no such file").doesNotContain("Exception");
  }

  @Test
  void usageErrors() throws Exception {
    Path in = dir.resolve("one.jsonl");
    Files.writeString(in, samples.get(0) + "\n");
    assertThat(Cli.run("batch").err).contains("Missing required parameter: 'IN.jsonl|-'");
    assertThat(Cli.run("batch", in.toString(), "--out", in.toString()).err).contains("--out is the input file");
    assertThat(Files.readString(in)).isEqualTo(samples.get(0) + "\n");
    assertThat(Cli.run("batch", in.toString(), "--threads", "0").exit).isEqualTo(2);
    assertThat(Cli.run("batch", in.toString(), "--max-line-length", "5000000").exit).isEqualTo(2);
    Cli progress = Cli.run("batch", in.toString(), "--progress", "sometimes");
    assertThat(progress.exit).isEqualTo(2);
    assertThat(progress.err).contains("'sometimes' is not one of auto, bar, lines, none");
  }
}
