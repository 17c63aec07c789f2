package io.thresholds.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invalid input: exit code 1, one clear line naming the file, field and line, no stack trace. */
class BadInputTest {
  @TempDir Path dir;

  private Cli evaluate(String json) throws Exception {
    Path f = dir.resolve("referral.json");
    Files.writeString(f, json);
    return Cli.run("evaluate", f.toString());
  }

  private static String sample01() throws Exception {
    return Files.readString(EvaluateCommandTest.sample("01"));
  }

  private static void assertInvalidInput(Cli r, String... fragments) {
    assertThat(r.exit).as(r.toString()).isEqualTo(1);
    assertThat(r.out).isEmpty();
    assertThat(r.err).startsWith("thresholds: ").contains(fragments);
    assertThat(r.err.strip()).as("one line").doesNotContain("\n");
    assertThat(r.err).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void malformedJson() throws Exception {
    Cli r = evaluate(sample01().replace("\"referredChildren\": [\"pupil-4471\"],", "\"referredChildren\": [\"pupil-4471\","));
    assertInvalidInput(r, "referral.json is not valid JSON (line 24, column");
  }

  @Test
  void unknownIndicatorCode_namesTheCodePathAndLine() throws Exception {
    Cli r = evaluate(sample01().replace("T2-FAM-YOUNG-CARER-NEEDS", "T2-FAM-NO-SUCH-INDICATOR"));
    assertInvalidInput(r, "invalid referral at concerns[0].indicator (line 27, column",
        "unknown indicator code T2-FAM-NO-SUCH-INDICATOR: not in the catalogue of policy city-of-london");
  }

  @Test
  void impossibleDateOfBirth_namesTheFieldButNotTheDate() throws Exception {
    Cli r = evaluate(sample01().replace("2015-03-09", "2015-02-29"));
    assertInvalidInput(r, "invalid referral at household.children[0].dateOfBirth (line 14,", "yyyy-MM-dd");
    assertThat(r.err).doesNotContain("2015-02-29");
  }

  @Test
  void ruleTheEvaluatorChecks_namesTheFieldAndLine() throws Exception {
    // T2-FAM-YOUNG-CARER-NEEDS is about the child, not a parent.
    Cli r = evaluate(sample01().replace("\"subject\": \"child\",\n      \"subjectRef\": \"pupil-4471\"",
        "\"subject\": \"parent-carer\",\n      \"subjectRef\": \"parent-1\""));
    assertInvalidInput(r, "the referral cannot be evaluated: at concerns[0].subject (line 28)", "T2-FAM-YOUNG-CARER-NEEDS");
  }

  @Test
  void brokenModelRule() throws Exception {
    Cli r = evaluate(sample01().replace("\"referredChildren\": [\"pupil-4471\"]", "\"referredChildren\": [\"pupil-9999\"]"));
    assertInvalidInput(r, "invalid referral (line", "referredChildren[0]: is not a child of the household");
  }

  @Test
  void emptyFile() throws Exception {
    assertInvalidInput(evaluate(""), "referral.json is empty: expected a thresholds/referral@1 JSON document");
    assertInvalidInput(evaluate("  \n"), "is empty");
  }

  @Test
  void directoryInsteadOfAFile() {
    assertInvalidInput(Cli.run("evaluate", dir.toString()), "it is a directory");
  }

  @Test
  void missingFile() {
    assertInvalidInput(Cli.run("evaluate", dir.resolve("nope.json").toString()), "nope.json: no such file");
  }

  @Test
  void notUtf8() throws Exception {
    Path f = dir.resolve("latin1.json");
    Files.write(f, new byte[] {'{', '"', (byte) 0xE9, '"', '}'});
    assertInvalidInput(Cli.run("evaluate", f.toString()), "is not UTF-8 text");
  }

  @Test
  void notAReferral() throws Exception {
    assertInvalidInput(evaluate("[1, 2, 3]"), "expected a JSON object");
    assertInvalidInput(evaluate("{\"format\":\"thresholds/evaluation@1\"}"), "at format", "unsupported format");
  }

  @Test
  void emptyStandardInput() {
    assertInvalidInput(Cli.runWithInput("", "evaluate", "-"), "standard input is empty");
  }
}
