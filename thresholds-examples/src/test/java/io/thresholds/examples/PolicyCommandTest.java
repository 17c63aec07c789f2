package io.thresholds.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.Policy;
import io.thresholds.jackson.ThresholdsJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code thresholds policy export [--out FILE]} and {@code thresholds policy validate FILE}. */
class PolicyCommandTest {
  private static final Policy CITY = Policies.cityOfLondon();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static void assertInvalidInput(Cli r, String... fragments) {
    assertThat(r.exit).as(r.toString()).isEqualTo(1);
    assertThat(r.out).isEmpty();
    assertThat(r.err).startsWith("thresholds: ").contains(fragments);
    assertThat(r.err.strip()).as("one line").doesNotContain("\n");
    assertThat(r.err).doesNotContain("\tat ").doesNotContain("Exception");
  }

  private Path exported() throws Exception {
    Path f = dir.resolve("policy.json");
    Files.writeString(f, ThresholdsJson.writePolicy(CITY));
    return f;
  }

  /** The exported policy with one change, written indented (one property a line) as a file. */
  private Path edited(java.util.function.Consumer<ObjectNode> edit) throws Exception {
    ObjectNode policy = (ObjectNode) JSON.readTree(ThresholdsJson.writePolicy(CITY));
    edit.accept(policy);
    Path f = dir.resolve("edited.json");
    Files.writeString(f, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(policy));
    return f;
  }

  private static int lineOf(Path file, String fragment) throws Exception {
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(fragment)) {
        return i + 1;
      }
    }
    throw new AssertionError(fragment);
  }

  @Test
  void export_writesTheEmbeddedPolicy_whichReadsBackEqual() throws Exception {
    Cli r = Cli.run("policy", "export");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.err).isEmpty();
    assertThat(r.out).isEqualTo(ThresholdsJson.writePolicy(CITY));
    assertThat(ThresholdsJson.readPolicy(r.out)).isEqualTo(CITY);
  }

  @Test
  void export_toAFile() throws Exception {
    Path out = dir.resolve("city.json");
    Cli r = Cli.run("policy", "export", "--out", out.toString());
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).isEqualTo("thresholds policy export: wrote policy city-of-london " + CITY.version() + " to " + out + ".\n");
    assertThat(Files.readString(out)).isEqualTo(ThresholdsJson.writePolicy(CITY));
    assertInvalidInput(Cli.run("policy", "export", "--out", dir.toString()), "it is a directory");
  }

  @Test
  void validate_theExportedPolicy_summarisesIt() throws Exception {
    Cli r = Cli.run("policy", "validate", exported().toString());
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.err).isEmpty();
    assertThat(r.out).contains("policy.json: a valid thresholds/policy@1 policy, the same as the embedded City of London policy.")
        .contains("  id:            city-of-london")
        .contains("  version:       " + CITY.version())
        .contains("  indicators:    " + CITY.indicators().size() + " in " + CITY.domains().size() + " domains (Tier 1: ")
        .contains("  consent rules: 4")
        .contains("  action rules:  " + CITY.actionRules().size())
        .contains("  contacts:      " + CITY.contacts().size() + " (hub, edt")
        .contains("referral route: hub in office hours, edt out of hours")
        .contains("  calendar:      " + CITY.calendar().coveredFrom() + " to " + CITY.calendar().coveredUntil()
            + " (Europe/London), " + CITY.calendar().holidays().size() + " bank holidays");
  }

  @Test
  void validate_anEditedPolicy_isValid_butNotTheEmbeddedOne() throws Exception {
    Cli r = Cli.run("policy", "validate", edited(p -> p.put("version", "2.0.0-draft")).toString());
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("a valid thresholds/policy@1 policy.").doesNotContain("the same as")
        .contains("  version:       2.0.0-draft");
  }

  @Test
  void validate_fromStandardInput() {
    Cli r = Cli.runWithInput(ThresholdsJson.writePolicy(CITY), "policy", "validate", "-");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).startsWith("standard input: a valid thresholds/policy@1 policy");
  }

  @Test
  void brokenRule_anActionRuleNamingAContactThatDoesNotExist_givesThePathLineAndRule() throws Exception {
    Path f = edited(p -> ((ObjectNode) p.get("actionRules").get(3)).put("contact", "nobody"));
    assertInvalidInput(Cli.run("policy", "validate", f.toString()),
        "edited.json: invalid policy at actionRules[3].contact (line " + lineOf(f, "\"nobody\"") + ", column",
        "names a contact that does not exist");
  }

  @Test
  void brokenRule_aRouteToAnUnknownContact() throws Exception {
    Path f = edited(p -> p.put("inHoursRoute", "nobody"));
    assertInvalidInput(Cli.run("policy", "validate", f.toString()),
        "invalid policy at inHoursRoute (line " + lineOf(f, "\"inHoursRoute\"") + ", column", "names a contact that does not exist");
  }

  @Test
  void brokenValue_aTierOutOfRange() throws Exception {
    Path f = edited(p -> ((ObjectNode) p.get("indicators").get(5)).put("tier", 7));
    assertInvalidInput(Cli.run("policy", "validate", f.toString()),
        "invalid policy at indicators[5].tier (line", "expected a whole number from 1 to 4");
  }

  @Test
  void malformedJson_givesTheLine() throws Exception {
    Path f = dir.resolve("cut.json");
    Files.writeString(f, ThresholdsJson.writePolicy(CITY).substring(0, 300));
    assertInvalidInput(Cli.run("policy", "validate", f.toString()), "cut.json is not valid JSON (line");
  }

  @Test
  void aReferralIsNotAPolicy() throws Exception {
    assertInvalidInput(Cli.run("policy", "validate", EvaluateCommandTest.sample("01").toString()),
        "invalid policy at format (line 2", "unsupported format");
  }

  @Test
  void unreadableFiles() throws Exception {
    // A directory is a policy pack: an empty one is missing its policy.properties.
    assertInvalidInput(Cli.run("policy", "validate", dir.toString()), "invalid policy pack " + dir
        + ": policy pack file policy.properties: missing");
    assertInvalidInput(Cli.run("policy", "validate", dir.resolve("nope.json").toString()), "nope.json: no such file");
    Path empty = dir.resolve("empty.json");
    Files.writeString(empty, "");
    assertInvalidInput(Cli.run("policy", "validate", empty.toString()), "empty.json is empty: expected a thresholds/policy@1 JSON document");
  }

  @Test
  void usageErrors_exit2() {
    Cli none = Cli.run("policy");
    assertThat(none.exit).isEqualTo(2);
    assertThat(none.err).contains("Missing required subcommand: export, validate, diff, impact, test or init");
    assertThat(Cli.run("policy", "validate").exit).isEqualTo(2);
    assertThat(Cli.run("policy", "import").exit).isEqualTo(2);
  }
}
