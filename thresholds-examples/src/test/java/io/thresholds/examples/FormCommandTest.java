package io.thresholds.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thresholds.forms.Forms;
import io.thresholds.forms.ReferralForm;
import io.thresholds.forms.jsonschema.JsonSchemaExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code thresholds form marf|mace|prevent --schema | --prefill REFERRAL | --validate FILE}. */
class FormCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static void assertInvalidInput(Cli r, String... fragments) {
    assertThat(r.exit).as(r.toString()).isEqualTo(1);
    assertThat(r.out).isEmpty();
    assertThat(r.err).startsWith("thresholds: ").contains(fragments);
    assertThat(r.err.strip()).as("one line").doesNotContain("\n");
    assertThat(r.err).doesNotContain("\tat ").doesNotContain("Exception");
  }

  private Path write(String name, String content) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, content);
    return f;
  }

  // ---- --schema ---------------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(ReferralForm.class)
  void schema_isTheExportersJsonSchema202012(ReferralForm form) throws Exception {
    Cli r = Cli.run("form", form.id(), "--schema");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.err).isEmpty();
    JsonNode schema = JSON.readTree(r.out);
    assertThat(schema.get("$schema").asText()).isEqualTo(JsonSchemaExporter.DIALECT);
    assertThat(schema).isEqualTo(JSON.readTree(JsonSchemaExporter.export(Forms.cityOfLondon().form(form).orElseThrow())));
  }

  @Test
  void schema_formNameInAnyCase_andToAFile() throws Exception {
    Path out = dir.resolve("marf.schema.json");
    Cli r = Cli.run("form", "MARF", "--schema", "--out", out.toString());
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("wrote the JSON Schema to " + out);
    assertThat(JSON.readTree(out.toFile()).get("title").asText()).isEqualTo("Multi-Agency Referral Form");
  }

  // ---- --prefill --------------------------------------------------------------------------------

  /**
   * Sample 01 with a need the document places at Tier 2 only: the young carer of sample 01 is listed
   * at Tier 2 and Tier 3 (a 2-3 range), so the early help path is shown on a firm Tier 2.
   */
  private Path firmTier2() throws Exception {
    Path p = dir.resolve("firm-tier2.json");
    Files.writeString(p, Files.readString(EvaluateCommandTest.sample("01"))
        .replace("T2-FAM-YOUNG-CARER-NEEDS", "T2-DEV-DEVELOPMENT-CONCERNS"));
    return p;
  }

  @Test
  void prefill_marf_earlyHelpWithWrittenConsent_printsTheAnswers_andWhatIsLeft() throws Exception {
    Cli r = Cli.run("form", "marf", "--prefill", firmTier2().toString());
    assertThat(r.exit).as(r.toString()).isZero();
    JsonNode answers = JSON.readTree(r.out);
    assertThat(answers.get("referralType.service").asText()).isEqualTo("EARLY_HELP");
    assertThat(answers.get("referralType.newOrRepeat").asText()).isEqualTo("NEW");
    assertThat(answers.get("referrer.date").asText()).isEqualTo("2025-11-18");
    assertThat(answers.get("consent.parentalConsent").asText()).isEqualTo("WRITTEN");
    assertThat(answers.get("worries.needs").asText()).contains("Physical and emotional development").contains("City of London Thresholds of Need");
    assertThat(r.err)
        .startsWith("thresholds form marf: a draft Multi-Agency Referral Form for child pupil-4471 of referral SCH-2025-0118 (Tier 2; the advice calls for it).")
        .contains("a professional decides")
        .contains("The advice: MUST: Complete the Multi-Agency Referral Form")
        .contains("  - The narrative questions")
        .contains("Required and not yet answered (")
        .contains("agency.involvement")
        .contains("thresholds form marf --validate FILE")
        .doesNotContain("HV000001");
  }

  @Test
  void prefill_thenComplete_thenValidate_roundTrips() throws Exception {
    Cli prefilled = Cli.run("form", "marf", "--prefill", EvaluateCommandTest.sample("01").toString());
    ObjectNode form = (ObjectNode) JSON.readTree(prefilled.out);
    Path draft = write("draft.json", prefilled.out);
    Cli draftCheck = Cli.run("form", "marf", "--validate", draft.toString(), "--today", "2025-11-18");
    assertThat(draftCheck.exit).isEqualTo(1);
    assertThat(draftCheck.out).contains("agency.involvement: required: ").doesNotContain("Young carer");

    form.put("referrer.name", "A Teacher").put("referrer.agency", "A primary school")
        .put("referrer.phone", "020 7946 0000").put("referrer.email", "dsl@example.org")
        .put("child.forenames", "Alex").put("child.surname", "Example")
        .put("agency.involvement", "Known to the school since reception.").put("agency.earlyHelpAssessment", "NO")
        .put("worries.pastHarm", "None known.").put("worries.futureRisk", "Falling behind at school.")
        .put("workingWell.strengths", "A loving mother.").put("nextSteps.goals", "Attendance above 95%.")
        .put("nextSteps.plan", "Young carers' group.").put("signatures.referrer", "A Teacher")
        .put("consent.parentsViewed", "YES").put("consent.how", "In a meeting at school.");
    ObjectNode mother = (ObjectNode) form.get("household.members").get(0);
    mother.put("surname", "Example").put("forename", "Sam");
    Cli valid = Cli.run("form", "marf", "--validate", write("done.json", form.toString()).toString(), "--today", "2025-11-18");
    assertThat(valid.exit).as(valid.toString()).isZero();
    assertThat(valid.out).contains("done.json: a valid marf form (Multi-Agency Referral Form, version")
        .contains("checked on 2025-11-18");
  }

  @Test
  void prefill_formTheAdviceDoesNotCallFor_isRefused_unlessForced() throws Exception {
    String sample = EvaluateCommandTest.sample("01").toString();
    assertInvalidInput(Cli.run("form", "prevent", "--prefill", sample),
        "the advice for child pupil-4471 (Tier 2-3) does not call for the prevent form: no Prevent referral is advised",
        "use --force");
    Cli forced = Cli.run("form", "prevent", "--prefill", sample, "--force");
    assertThat(forced.exit).as(forced.toString()).isZero();
    assertThat(forced.err).contains("prefilled with --force: the advice does not call for it");
    assertThat(JSON.readTree(forced.out).get("dates.referred").asText()).isEqualTo("2025-11-18");
  }

  @Test
  void prefill_mace_leavesTheSafeguardRiskFactorsToTheProfessional() throws Exception {
    Cli r = Cli.run("form", "mace", "--prefill", EvaluateCommandTest.sample("06").toString());
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(JSON.readTree(r.out).has("riskFactors.safeguard")).isFalse();
    assertThat(r.err).contains("riskFactors.safeguard: mark the SAFEGUARD risk factors").contains("riskFactors.safeguard");
  }

  @Test
  void prefill_prevent_forARadicalisationReferral() throws Exception {
    Cli r = Cli.run("form", "prevent", "--prefill", EvaluateCommandTest.sample("07").toString());
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(JSON.readTree(r.out).get("concern.description").asText()).isNotBlank();
  }

  @Test
  void prefill_householdOfSeveralChildren_namesTheOthers_andChildChoosesOne() throws Exception {
    String sample = EvaluateCommandTest.sample("05").toString();
    Cli first = Cli.run("form", "marf", "--prefill", sample);
    assertThat(first.exit).as(first.toString()).isZero();
    assertThat(first.err).contains("for child c-middle").contains("run with --child c-youngest");
    Cli second = Cli.run("form", "marf", "--prefill", sample, "--child", "c-youngest");
    assertThat(second.exit).as(second.toString()).isZero();
    assertThat(second.err).contains("for child c-youngest").contains("run with --child c-middle");
    assertInvalidInput(Cli.run("form", "marf", "--prefill", sample, "--child", "c-eldest"),
        "child c-eldest is not referred (referred: c-middle, c-youngest)");
  }

  @Test
  void prefill_toAFile_putsTheNotesOnStandardOutput() throws Exception {
    Path out = dir.resolve("marf.json");
    Cli r = Cli.run("form", "marf", "--prefill", firmTier2().toString(), "--out", out.toString());
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.err).isEmpty();
    assertThat(r.out).contains(", written to " + out).contains("Required and not yet answered");
    assertThat(JSON.readTree(out.toFile()).get("referralType.service").asText()).isEqualTo("EARLY_HELP");
  }

  @Test
  void prefill_fromStandardInput() throws Exception {
    Cli r = Cli.runWithInput(Files.readString(EvaluateCommandTest.sample("02")), "form", "marf", "--prefill", "-");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(JSON.readTree(r.out).get("referralType.service").asText()).isEqualTo("CHILDRENS_SOCIAL_CARE");
  }

  @Test
  void prefill_badReferrals() throws Exception {
    String sample = Files.readString(EvaluateCommandTest.sample("01"));
    assertInvalidInput(Cli.run("form", "marf", "--prefill", write("broken.json", sample.substring(0, 200)).toString()),
        "broken.json is not valid JSON (line");
    assertInvalidInput(Cli.run("form", "marf", "--prefill",
        write("code.json", sample.replace("T2-FAM-YOUNG-CARER-NEEDS", "T2-FAM-NO-SUCH-INDICATOR")).toString()),
        "invalid referral at concerns[0].indicator (line 27", "unknown indicator code T2-FAM-NO-SUCH-INDICATOR");
    assertInvalidInput(Cli.run("form", "marf", "--prefill", dir.toString()), "it is a directory; give a referral JSON file");
    assertInvalidInput(Cli.run("form", "marf", "--prefill", dir.resolve("nope.json").toString()), "nope.json: no such file");
    assertInvalidInput(Cli.run("form", "marf", "--prefill", write("empty.json", "").toString()),
        "empty.json is empty: expected a thresholds/referral@1 JSON document");
  }

  // ---- --validate -------------------------------------------------------------------------------

  @Test
  void validate_unknownFieldIds_areNamed_butAKeyHoldingPersonalDataIsNot() throws Exception {
    Path f = write("form.json", "{\n  \"referralType.service\": \"EARLY_HELP\",\n  \"child.nickname\": \"Ally\",\n"
        + "  \"Jane Smith\": \"x\",\n  \"child.nhsNumber\": \"1234567890\"\n}\n");
    Cli r = Cli.run("form", "marf", "--validate", f.toString(), "--today", "2025-11-21");
    assertThat(r.exit).as(r.toString()).isEqualTo(1);
    assertThat(r.err).isEmpty();
    assertThat(r.out).startsWith(f + ": ").contains(" problems in the marf form (checked on 2025-11-21):")
        .contains("  child.nickname (line 3): unknown-field: ")
        .contains("  child.nhsNumber (line 5): nhs-number: ")
        .contains("<unknown field>")
        .contains("  referrer.name: required: ")
        .doesNotContain("Jane Smith").doesNotContain("Ally").doesNotContain("1234567890");
  }

  @Test
  void validate_json_listsTheViolationsWithLines() throws Exception {
    Path f = write("form.json", "{\n  \"riskFactors.safeguard\": [\"GANGS_AND_CRIME\", \"NO_SUCH_FACTOR\"]\n}");
    Cli r = Cli.run("form", "mace", "--validate", f.toString(), "--today", "2025-11-21", "--json");
    assertThat(r.exit).as(r.toString()).isEqualTo(1);
    JsonNode result = JSON.readTree(r.out);
    assertThat(result.get("form").asText()).isEqualTo("mace");
    assertThat(result.get("valid").asBoolean()).isFalse();
    assertThat(result.get("checkedOn").asText()).isEqualTo("2025-11-21");
    JsonNode notAnOption = null;
    for (JsonNode v : result.get("violations")) {
      if (v.get("code").asText().equals("not-an-option")) {
        notAnOption = v;
      }
    }
    assertThat(notAnOption).isNotNull();
    assertThat(notAnOption.get("field").asText()).isEqualTo("riskFactors.safeguard[1]");
    assertThat(notAnOption.get("line").asInt()).isEqualTo(2);
  }

  @Test
  void validate_aDateInTheFuture_dependsOnToday() throws Exception {
    Path f = write("form.json", "{\"dates.referred\": \"2025-12-01\"}");
    Cli before = Cli.run("form", "prevent", "--validate", f.toString(), "--today", "2025-11-21");
    assertThat(before.out).contains("dates.referred (line 1): future-date: ");
    Cli after = Cli.run("form", "prevent", "--validate", f.toString(), "--today", "2025-12-02");
    assertThat(after.out).doesNotContain("dates.referred (line 1)");
  }

  @Test
  void validate_malformedJson_givesTheLine_butNoInput() throws Exception {
    Cli r = Cli.run("form", "marf", "--validate", write("form.json", "{\n  \"child.surname\": Smith\n}").toString());
    assertInvalidInput(r, "form.json is not valid JSON (line 2, column");
    assertThat(r.err).doesNotContain("Smith");
  }

  @Test
  void validate_aFieldGivenTwice() throws Exception {
    assertInvalidInput(Cli.run("form", "marf", "--validate",
        write("form.json", "{\"child.surname\": \"a\", \"child.surname\": \"b\"}").toString()), "a field id is given twice");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[1, 2]", "\"marf\"", "null", "42"})
  void validate_notAnObject(String json) throws Exception {
    assertInvalidInput(Cli.run("form", "marf", "--validate", write("form.json", json).toString()),
        "expected a JSON object of answers by field id (see thresholds form marf --schema)");
  }

  @Test
  void validate_unreadableFiles() throws Exception {
    assertInvalidInput(Cli.run("form", "marf", "--validate", dir.toString()), "it is a directory; give a completed form as a JSON file");
    assertInvalidInput(Cli.run("form", "marf", "--validate", dir.resolve("nope.json").toString()), "nope.json: no such file");
    assertInvalidInput(Cli.run("form", "marf", "--validate", write("empty.json", " \n").toString()),
        "empty.json is empty: expected a JSON object of answers by field id");
    assertInvalidInput(Cli.runWithInput("", "form", "marf", "--validate", "-"), "standard input is empty");
  }

  // ---- usage ------------------------------------------------------------------------------------

  @Test
  void usageErrors_exit2() throws Exception {
    assertThat(Cli.run("form", "marf").exit).isEqualTo(2);
    assertThat(Cli.run("form", "--schema").exit).isEqualTo(2);
    assertThat(Cli.run("form", "marf", "--schema", "--validate", "x.json").exit).isEqualTo(2);
    Cli unknown = Cli.run("form", "mase", "--schema");
    assertThat(unknown.exit).isEqualTo(2);
    assertThat(unknown.err).contains("'mase' is not a form: use marf, mace or prevent");
    assertThat(Cli.run("form", "marf", "--schema", "--child", "c1").err).contains("--child goes with --prefill");
    assertThat(Cli.run("form", "marf", "--schema", "--today", "2025-01-01").exit).isEqualTo(2);
    assertThat(Cli.run("form", "marf", "--validate", "x.json", "--today", "2025-02-30").exit).isEqualTo(2);
    assertThat(Cli.run("form", "marf", "--validate", "x.json", "--out", "y.json").exit).isEqualTo(2);
    assertThat(Cli.run("form", "marf", "--prefill", EvaluateCommandTest.sample("01").toString(), "--child", "not a ref!").exit)
        .isEqualTo(2);
  }

  /** {@code --prefill R --out R} replaced the referral with the drafted form, exit code 0. */
  @Test
  void prefill_outIsTheReferralOrThePolicyFile_isAUsageError_andKeepsIt() throws Exception {
    Path referral = firmTier2();
    String text = Files.readString(referral);
    Cli r = Cli.run("form", "marf", "--prefill", referral.toString(), "--out", referral.toString());
    assertThat(r.exit).as(r.toString()).isEqualTo(2);
    assertThat(r.err).contains("--out is the referral file");
    assertThat(Files.readString(referral)).isEqualTo(text);
    Path policy = dir.resolve("policy.json");
    assertThat(Cli.run("policy", "export", "--out", policy.toString()).exit).isZero();
    String policyText = Files.readString(policy);
    Cli s = Cli.run("form", "marf", "--schema", "--policy", policy.toString(), "--out", policy.toString());
    assertThat(s.exit).as(s.toString()).isEqualTo(2);
    assertThat(s.err).contains("--out is the policy file");
    assertThat(Files.readString(policy)).isEqualTo(policyText);
    Cli g = Cli.run("generate", "2", "--policy", policy.toString(), "--out", policy.toString());
    assertThat(g.exit).as(g.toString()).isEqualTo(2);
    assertThat(g.err).contains("--out is the policy file");
    assertThat(Files.readString(policy)).isEqualTo(policyText);
  }

  @Test
  void help_namesTheNewSubcommands() {
    Cli r = Cli.run("--help");
    assertThat(r.out).contains("form").contains("policy");
  }
}
