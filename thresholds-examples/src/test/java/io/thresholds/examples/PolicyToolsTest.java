package io.thresholds.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.policy.Policies;
import io.thresholds.jackson.ThresholdsJson;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --policy}, {@code policy diff}, {@code impact}, {@code test} and {@code init}, on the City
 * pack and a copy of it with known rows edited.
 */
class PolicyToolsTest {
  private static final String CITY = "/io/thresholds/core/policy/city-of-london/";
  private static final String VERSION = Policies.cityOfLondon().version();

  @TempDir Path dir;
  Path edited;

  @BeforeEach
  void editedCopyOfTheCityPack() throws Exception {
    edited = Files.createDirectories(dir.resolve("edited"));
    for (String f : List.of("policy.properties", "indicators.tsv", "actions.tsv", "bank-holidays.tsv")) {
      try (InputStream in = Policies.class.getResourceAsStream(CITY + f)) {
        Files.copy(in, edited.resolve(f));
      }
    }
    edit("policy.properties", "policy.version = ", l -> "policy.version = 9.9.9");
    edit("policy.properties", "contact.hub.phones = ", l -> "contact.hub.phones = 020 0000 0000");
    edit("policy.properties", "contact.edt.hours = ", l -> "contact.edt.hours = out-of-hours 18:00-08:30");
    edit("policy.properties", "consent.2.requirement = ", l -> "consent.2.requirement = SEEK_UNLESS_UNSAFE");
    // Tier 2-3 -> 3: a young carer's needs (the indicator of sample 01; young carers are also listed at Tier 3).
    edit("indicators.tsv", "T2-FAM-YOUNG-CARER-NEEDS\t", l -> l.replaceFirst("\t2\t", "\t3\t"));
    edit("indicators.tsv", "T2-DEV-OCCASIONALLY-MISSING\t", l -> l.replace("\tREFER_MACE\t", "\tCONSIDER_MACE\t"));
    edit("actions.tsv", "written-referral\t", l -> l.replace("after:phone-referral+PT24H", "after:phone-referral+PT48H"));
  }

  private void edit(String file, String prefix, java.util.function.UnaryOperator<String> change) throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(edited.resolve(file), StandardCharsets.UTF_8));
    int hits = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        String changed = change.apply(lines.get(i));
        assertThat(changed).as("edit of " + prefix).isNotEqualTo(lines.get(i));
        lines.set(i, changed);
        hits++;
      }
    }
    assertThat(hits).as(prefix).isEqualTo(1);
    Files.write(edited.resolve(file), lines, StandardCharsets.UTF_8);
  }

  @Test
  void diff_reportsExactlyTheEditedRows() {
    Cli r = Cli.run("policy", "diff", "city-of-london", edited.toString());
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).isEqualTo(String.join("\n",
        "Policy diff: city-of-london " + VERSION + " -> city-of-london 9.9.9: 7 changes",
        "",
        "policy (1)",
        "  ~ version changed: " + VERSION + " -> 9.9.9",
        "",
        "indicators (2)",
        "  ~ T2-DEV-OCCASIONALLY-MISSING re-flagged: REFER_MACE -> CONSIDER_MACE",
        "  ~ T2-FAM-YOUNG-CARER-NEEDS re-tiered: 2 -> 3",
        "",
        "timescales (1)",
        "  ~ written-referral.timing changed: after:phone-referral+PT24H -> after:phone-referral+PT48H",
        "",
        "contacts (1)",
        "  ~ hub.phones changed: 020 7332 1620,020 7332 3394,020 7332 3621 -> 020 0000 0000",
        "",
        "hours (1)",
        "  ~ edt.hours changed: out-of-hours 17:00-08:30 -> out-of-hours 18:00-08:30",
        "",
        "consent (1)",
        "  ~ consent.2.requirement changed: REQUIRED -> SEEK_UNLESS_UNSAFE",
        ""));
  }

  @Test
  void diff_json_countsEachKindOfChange() {
    Cli r = Cli.run("policy", "diff", "--json", "city-of-london", edited.toString());
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("\"format\" : \"thresholds/policy-diff@1\"")
        .contains("\"indicators re-tiered\" : 1").contains("\"indicators re-flagged\" : 1")
        .contains("\"timescales changed\" : 1").contains("\"hours changed\" : 1")
        .contains("\"item\" : \"T2-FAM-YOUNG-CARER-NEEDS\"");
  }

  @Test
  void diff_ofTheSamePolicy_isEmpty() {
    Cli r = Cli.run("policy", "diff", "city-of-london", "city-of-london");
    assertThat(r.out).isEqualTo("Policy diff: city-of-london " + VERSION + " -> city-of-london " + VERSION + ": 0 changes\n");
  }

  @Test
  void impact_countsChildrenWhoseRangeRouteOrConsentAdviceChange() throws Exception {
    Path referrals = dir.resolve("referrals.jsonl");
    List<String> lines = new ArrayList<>();
    for (String s : List.of("01", "02", "07")) {
      lines.add(ThresholdsJson.writeReferral(ThresholdsJson.readReferral(Files.readString(EvaluateCommandTest.sample(s))))
          .replace("\n", ""));
    }
    Files.write(referrals, lines, StandardCharsets.UTF_8);
    Cli r = Cli.run("policy", "impact", "city-of-london", edited.toString(), referrals.toString());
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).isEqualTo(String.join("\n",
        "Policy impact: city-of-london " + VERSION + " -> city-of-london 9.9.9 on 3 referrals, 3 children,"
            + " each as of when the referral was made.",
        "  tier range changed:     1",
        "  route changed:          0",
        "  consent advice changed: 1",
        "",
        "Tier range transitions (OLD -> NEW: children)",
        "  2-3 -> 3: 1",
        "",
        "Examples (referral/child)",
        "  consent advice: SCH-2025-0118/pupil-4471",
        "  range 2-3 -> 3: SCH-2025-0118/pupil-4471",
        ""));
  }

  @Test
  void test_theEmbeddedPacksPassTheirGoldenCases() {
    for (String id : List.of("city-of-london", "early-help-hub")) {
      Cli r = Cli.run("policy", "test", id);
      assertThat(r.exit).as(r.toString()).isZero();
      assertThat(r.out).contains("golden cases pass.").doesNotContain("FAIL");
    }
  }

  @Test
  void test_aGoldenCaseThatNoLongerHolds_failsNamingTheDifference() throws Exception {
    Files.createDirectories(edited.resolve("golden"));
    Files.copy(EvaluateCommandTest.sample("01"), edited.resolve("golden/01.json"));
    Files.writeString(edited.resolve("golden.tsv"), "case\treferral\tat\tchild\trange\tactions\n"
        + "young-carer\tgolden/01.json\t-\tpupil-4471\t2\tearly-help-referral\n");
    Cli r = Cli.run("policy", "test", edited.toString());
    assertThat(r.exit).isEqualTo(1);
    assertThat(r.out).contains("FAIL young-carer").contains("range: expected 2, got 3")
        .contains("policy city-of-london 9.9.9: 0 of 1 golden cases pass.");
  }

  @Test
  void init_writesAnOverlayThatLoads_andValidates() {
    Path pack = dir.resolve("our-borough");
    Cli r = Cli.run("policy", "init", "--extends", "city-of-london", pack.toString());
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("wrote an overlay pack our-borough extending city-of-london " + VERSION);
    Cli v = Cli.run("policy", "validate", pack.toString());
    assertThat(v.exit).as(v.toString()).isZero();
    assertThat(v.out).contains(": a valid policy pack").contains("  extends:       city-of-london " + VERSION);
    assertThat(Cli.run("policy", "init", "--extends", "city-of-london", pack.toString()).exit).isEqualTo(1);
  }

  @Test
  void policyOption_evaluatesWithTheOtherPartnershipsContacts() {
    Cli r = Cli.run("evaluate", "--policy", "early-help-hub", "samples/early-help-hub/01-tier4-significant-harm-office-hours.json");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("(policy early-help-hub 1.0.0, extending city-of-london " + VERSION + ")")
        .contains("Children Specialist Services MASH, phone 020 8871 6622")
        .doesNotContain("020 7332 3621").doesNotContain("Children and Families Hub,");
    Cli json = Cli.run("evaluate", "--json", "--policy", "early-help-hub",
        "samples/early-help-hub/02-tier2-early-help.json");
    assertThat(json.out).contains("\"policyId\" : \"early-help-hub\"");
  }

  @Test
  void policyOption_onIndicatorsAndBatch_andABrokenOverlayNamesFileAndLine() throws Exception {
    assertThat(Cli.run("indicators", "--policy", edited.toString(), "--tier", "3").out).contains("T2-FAM-YOUNG-CARER-NEEDS")
        .contains("(policy city-of-london 9.9.9)");
    Path jsonl = dir.resolve("one.jsonl");
    Files.writeString(jsonl, ThresholdsJson.writeReferral(ThresholdsJson.readReferral(
        Files.readString(EvaluateCommandTest.sample("01")))).replace("\n", "") + "\n");
    Cli batch = Cli.run("batch", "--policy", "early-help-hub", jsonl.toString());
    assertThat(batch.exit).as(batch.toString()).isZero();
    assertThat(batch.out).contains("\"policyId\":\"early-help-hub\"");
    Path broken = Files.createDirectories(dir.resolve("broken"));
    Files.writeString(broken.resolve("policy.properties"), "policy.id = broken\npolicy.version = 1\npolicy.name = b\n"
        + "policy.document = b\npolicy.extends = city-of-london\nretire.contact.hub = -\n");
    Cli r = Cli.run("evaluate", "--policy", broken.toString(), EvaluateCommandTest.sample("01").toString());
    assertThat(r.exit).isEqualTo(1);
    assertThat(r.err).contains("policy pack file policy.properties line 6 (retire.contact.hub): retires contact hub, but");
  }
}
