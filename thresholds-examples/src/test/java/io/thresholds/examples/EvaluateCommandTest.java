package io.thresholds.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.Referral;
import io.thresholds.core.policy.Policies;
import io.thresholds.jackson.ThresholdsJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EvaluateCommandTest {
  static final Path SAMPLES = Path.of("samples");

  static Stream<Path> samples() throws Exception {
    try (Stream<Path> files = Files.list(SAMPLES)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().collect(Collectors.toList()).stream();
    }
  }

  static Path sample(String prefix) throws Exception {
    return samples().filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
  }

  @Test
  void samples_areNamedNnShortName_andThereAreAtLeastSix() throws Exception {
    List<String> names = samples().map(p -> p.getFileName().toString()).collect(Collectors.toList());
    assertThat(names).hasSizeGreaterThanOrEqualTo(6).allMatch(n -> n.matches("\\d\\d-[a-z0-9]+(-[a-z0-9]+)*\\.json"));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everySample_evaluatesWithoutError(Path sample) {
    Cli r = Cli.run("evaluate", sample.toString());
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.err).isEmpty();
    assertThat(r.out).contains("WHAT TO DO, IN ORDER").contains("WHY").contains(Evaluation.ADVISORY.substring(0, 40));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everySample_evaluatesToJsonThatReadsBack(Path sample) throws Exception {
    Cli r = Cli.run("evaluate", "--json", sample.toString());
    assertThat(r.exit).as(r.toString()).isZero();
    Evaluation printed = ThresholdsJson.readEvaluation(r.out);
    Referral referral = ThresholdsJson.readReferral(Files.readString(sample));
    assertThat(printed).isEqualTo(ThresholdEvaluator.of(Policies.cityOfLondon()).evaluate(referral, referral.madeAt()));
  }

  @Test
  void immediateDanger_friday2000_says999First_thenTheEmergencyDutyTeam() throws Exception {
    Cli r = Cli.run("evaluate", sample("02").toString());
    assertThat(r.exit).isZero();
    String flat = r.out.replaceAll("\\s+", " ");
    assertThat(r.out).startsWith("!! IMMEDIATE DANGER: call the police on 999");
    assertThat(r.out.indexOf("999")).isLessThan(r.out.indexOf("Emergency Duty Team"));
    assertThat(r.out).contains("  1. MUST: call the police on 999.");
    assertThat(flat).contains("Contact: Emergency Duty Team, phone 020 8356 2346 or 020 8356 2710, email duty@hackney.gov.uk");
    assertThat(flat).contains("When: by Fri 21 Nov 2025, 20:00 GMT (immediately).");
    assertThat(r.out).contains("CHILD child-a, aged 6: Tier 4 - Acute needs (significant harm, s47)");
    assertThat(r.out).contains("Source: City of London Thresholds of Need, 3 How to make a referral");
  }

  @Test
  void forcedMarriage_warnsNotToTellTheFamily_atTheTop() throws Exception {
    Cli r = Cli.run("evaluate", sample("03").toString());
    assertThat(r.out).startsWith("!! Do not discuss the referral with the family (T4-FAM-FORCED-MARRIAGE).");
    assertThat(r.out).contains("May tell the family: no.").contains("BST");
  }

  @Test
  void householdOfThree_showsTheExcludedChildWithTheReason() throws Exception {
    Cli r = Cli.run("evaluate", sample("05").toString());
    assertThat(r.out).contains("CHILD c-middle").contains("CHILD c-youngest").doesNotContain("CHILD c-eldest");
    assertThat(r.out.replaceAll("\\s+", " ")).contains("NOT REFERRED").contains("c-eldest: Aged 17 and at a residential college");
  }

  @Test
  void mace_refersToThePanel() throws Exception {
    assertThat(Cli.run("evaluate", sample("06").toString()).out.replaceAll("\\s+", " "))
        .contains("MUST: refer to the Multi-Agency Child Exploitation (MACE) panel.");
  }

  @Test
  void boxingDay_phoneReferralWaitsForTheHubAfterTheBankHoliday() throws Exception {
    assertThat(Cli.run("evaluate", sample("09").toString()).out.replaceAll("\\s+", " "))
        .contains("When: by Mon 29 Dec 2025, 09:00 GMT");
  }

  @Test
  void at_localTime_isEuropeLondon_andChangesTheRoute() throws Exception {
    Cli r = Cli.run("evaluate", "--at", "2025-11-24T10:00", sample("02").toString());
    assertThat(r.exit).as(r.toString()).isZero();
    String flat = r.out.replaceAll("\\s+", " ");
    assertThat(flat).contains("Advice as at Monday 24 November 2025 at 10:00 GMT");
    assertThat(flat).contains("Contact: Children and Families Hub");
  }

  @Test
  void at_instantWithOffset() throws Exception {
    Cli r = Cli.run("evaluate", "--json", "--at", "2025-11-24T10:00:00+01:00", sample("02").toString());
    assertThat(ThresholdsJson.readEvaluation(r.out).evaluatedAt()).isEqualTo(Instant.parse("2025-11-24T09:00:00Z"));
  }

  @Test
  void at_beforeTheReferral_isAUsageError() throws Exception {
    Cli r = Cli.run("evaluate", "--at", "2025-01-01T00:00:00Z", sample("02").toString());
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("--at is before the referral was made");
  }

  @Test
  void at_unparseable_isAUsageError() throws Exception {
    Cli r = Cli.run("evaluate", "--at", "next tuesday", sample("02").toString());
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("--at").contains("neither an ISO-8601 instant");
  }

  @Test
  void standardInput() throws Exception {
    Cli r = Cli.runWithInput(Files.readString(sample("01")), "evaluate", "-");
    assertThat(r.exit).as(r.toString()).isZero();
    // A young carer: listed at Tier 2 and Tier 3 (group young-carer), so a matter of judgement.
    assertThat(r.out).contains("CHILD pupil-4471, aged 10: Tier 2 to 3");
  }
}
