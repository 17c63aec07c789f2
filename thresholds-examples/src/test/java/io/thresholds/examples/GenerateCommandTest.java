package io.thresholds.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.consent.Competence;
import io.thresholds.core.consent.ConsentGiver;
import io.thresholds.core.consent.ConsentStatus;
import io.thresholds.core.consent.GiverConsent;
import io.thresholds.core.evaluation.Action;
import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.Scope;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.AllocatedWorker;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.OpenPlan;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.ActionKind;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.Policy;
import io.thresholds.jackson.ThresholdsJson;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code thresholds generate}: valid, deterministic, realistic referrals about no one. */
class GenerateCommandTest {
  private static final Policy POLICY = Policies.cityOfLondon();
  private static final int N = 3000;
  private static List<String> lines = List.of();

  @TempDir Path dir;

  @BeforeAll
  static void generate() {
    Cli r = Cli.run("generate", String.valueOf(N), "--seed", "11");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.err).isEmpty();
    lines = r.out.lines().collect(java.util.stream.Collectors.toList());
  }

  @Test
  void everyReferralIsValid_andEvaluatesWithoutError() throws Exception {
    assertThat(lines).hasSize(N);
    ThresholdEvaluator evaluator = ThresholdEvaluator.of(POLICY);
    for (int i = 0; i < N; i++) {
      Referral r = ThresholdsJson.readReferral(new StringReader(lines.get(i)), POLICY);
      assertThat(r.ref().value()).isEqualTo("syn-11-" + (i + 1));
      assertThat(evaluator.evaluate(r, r.madeAt()).children()).isNotEmpty();
    }
  }

  @Test
  void noPersonalDetailsAndNoFreeTextButTheFixedExclusionReasons() {
    for (String l : lines) {
      assertThat(l).doesNotContain("\"personal\"").doesNotContain("\"note\"").doesNotContain("\"role\"")
          .doesNotContain("\"description\"");
    }
  }

  @Test
  void theSameSeedGivesTheSameFile_whateverTheThreads_andALongerFileExtendsAShorterOne() throws Exception {
    Path one = dir.resolve("one.jsonl");
    Path four = dir.resolve("four.jsonl");
    assertThat(Cli.run("generate", "2100", "--seed", "11", "--threads", "1", "--out", one.toString()).exit).isZero();
    assertThat(Cli.run("generate", "2100", "--seed", "11", "--threads", "4", "--out", four.toString()).exit).isZero();
    assertThat(Files.readAllLines(four)).isEqualTo(Files.readAllLines(one)).isEqualTo(lines.subList(0, 2100));
    assertThat(Cli.run("generate", "5", "--seed", "12").out.lines()).doesNotContainAnyElementsOf(lines);
  }

  @Test
  void theDistribution_mostTier1And2_fewTier4_someUnbornSeveralChildrenEveryConsentStateOutOfHours() throws Exception {
    ThresholdEvaluator evaluator = ThresholdEvaluator.of(POLICY);
    Map<Tier, Integer> tiers = new EnumMap<>(Tier.class);
    Set<ConsentStatus> consent = EnumSet.noneOf(ConsentStatus.class);
    int children = 0;
    int unborn = 0;
    int severalChildren = 0;
    int outOfHours = 0;
    int bankHoliday = 0;
    int danger = 0;
    int mace = 0;
    int prevent = 0;
    int adults = 0;
    for (String l : lines) {
      Referral r = ThresholdsJson.readReferral(l);
      Evaluation e = evaluator.evaluate(r, r.madeAt());
      for (ChildAssessment c : e.children()) {
        children++;
        c.tierRange().ifPresent(t -> tiers.merge(t.min(), 1, Integer::sum));
        unborn += c.scope() == Scope.UNBORN ? 1 : 0;
        adults += c.scope() == Scope.ADULT ? 1 : 0;
      }
      severalChildren += r.household().children().size() >= 3 ? 1 : 0;
      consent.add(r.consent().status());
      ZonedDateTime t = r.madeAt().atZone(POLICY.zone());
      boolean workingDay = POLICY.calendar().isWorkingDay(t.toLocalDate());
      boolean office = !t.toLocalTime().isBefore(LocalTime.of(9, 0)) && t.toLocalTime().isBefore(LocalTime.of(17, 0));
      outOfHours += workingDay && office ? 0 : 1;
      bankHoliday += !workingDay && t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY ? 1 : 0;
      danger += r.immediateDanger() ? 1 : 0;
      List<Action> actions = e.children().stream().flatMap(c -> c.actions().stream()).collect(java.util.stream.Collectors.toList());
      mace += actions.stream().anyMatch(a -> a.kind() == ActionKind.MACE_REFERRAL) ? 1 : 0;
      prevent += actions.stream().anyMatch(a -> a.kind() == ActionKind.PREVENT_REFERRAL) ? 1 : 0;
    }
    double t1 = share(tiers.get(Tier.UNIVERSAL), children);
    double t2 = share(tiers.get(Tier.ADDITIONAL_NEEDS), children);
    double t3 = share(tiers.get(Tier.HIGH_OR_COMPLEX), children);
    double t4 = share(tiers.get(Tier.ACUTE), children);
    assertThat(t1 + t2).as("Tier 1-2").isBetween(0.60, 0.80);
    assertThat(t3).as("Tier 3").isBetween(0.12, 0.28);
    assertThat(t4).as("Tier 4").isBetween(0.04, 0.12);
    assertThat(share(unborn, children)).as("unborn").isBetween(0.02, 0.08);
    assertThat(share(adults, children)).as("18 or over").isBetween(0.0005, 0.01);
    assertThat(share(severalChildren, N)).as("3 or more children").isBetween(0.15, 0.30);
    assertThat(consent).containsExactlyInAnyOrder(ConsentStatus.values());
    assertThat(share(outOfHours, N)).as("out of the Hub's hours").isBetween(0.20, 0.40);
    assertThat(bankHoliday).as("on a bank holiday").isPositive();
    assertThat(share(danger, N)).as("immediate danger").isBetween(0.015, 0.05);
    // Issue 10: exploitation, trafficking and grooming at Tier 4 refer to MACE too, and MACE is to
    // consider where a concern is also listed at a tier that refers.
    assertThat(share(mace, N)).as("MACE").isBetween(0.01, 0.10);
    assertThat(share(prevent, N)).as("Prevent").isBetween(0.003, 0.03);
  }

  /** Issue 11: a realistic share of what referrers do not know, and of concerns about one child. */
  @Test
  void theDistribution_approximateAndUnknownAges_unknownDisability_concernsAboutOneChild_phoneMade() throws Exception {
    ThresholdEvaluator evaluator = ThresholdEvaluator.of(POLICY);
    int children = 0;
    int excluded = 0;
    int excludedApproximate = 0;
    int excludedUnknown = 0;
    int referred = 0;
    int referredApproximate = 0;
    int referredUnknown = 0;
    int disabilityUnknown = 0;
    int householdConcerns = 0;
    int aboutOneChild = 0;
    int phoneMade = 0;
    int provisional = 0;
    int format2 = 0;
    for (String l : lines) {
      Referral r = ThresholdsJson.readReferral(l);
      format2 += l.contains("\"thresholds/referral@2\"") ? 1 : 0;
      for (Child c : r.household().children()) {
        children++;
        disabilityUnknown += c.disabilityUnknown() ? 1 : 0;
        if (c.recordedAsUnborn()) {
          continue;
        }
        if (r.referredChildren().contains(c.ref())) {
          referred++;
          referredApproximate += c.approximateAge().isPresent() ? 1 : 0;
          referredUnknown += c.ageUnknown() ? 1 : 0;
        } else {
          excluded++;
          excludedApproximate += c.approximateAge().isPresent() ? 1 : 0;
          excludedUnknown += c.ageUnknown() ? 1 : 0;
        }
      }
      for (Concern c : r.concerns()) {
        if (c.subject() != SubjectKind.CHILD && r.referredChildren().size() >= 2) {
          householdConcerns++;
          aboutOneChild += c.aboutChildren().isEmpty() ? 0 : 1;
        }
      }
      phoneMade += r.phoneReferralMadeAt().isPresent() ? 1 : 0;
      Evaluation e = evaluator.evaluate(r, r.madeAt());
      provisional += e.children().stream().anyMatch(ChildAssessment::provisional) ? 1 : 0;
    }
    System.out.printf("generate %d --seed 11: excluded children's age approximate %.3f, unknown %.3f; referred"
        + " approximate %.3f; disability not known %.3f; household concerns about one child %.3f; phone referral"
        + " made %d; provisional %.3f; referral@2 %.3f%n", N, share(excludedApproximate, excluded),
        share(excludedUnknown, excluded), share(referredApproximate, referred), share(disabilityUnknown, children),
        share(aboutOneChild, householdConcerns), phoneMade, share(provisional, N), share(format2, N));
    assertThat(share(excludedApproximate, excluded)).as("excluded: approximate age").isBetween(0.20, 0.40);
    assertThat(share(excludedUnknown, excluded)).as("excluded: age unknown").isBetween(0.05, 0.16);
    assertThat(share(referredApproximate, referred)).as("referred: approximate age").isBetween(0.02, 0.10);
    assertThat(referredUnknown).as("a referred child's age is known at least approximately").isZero();
    assertThat(share(disabilityUnknown, children)).as("disability not known").isBetween(0.015, 0.05);
    assertThat(share(aboutOneChild, householdConcerns)).as("household concerns about one child").isBetween(0.12, 0.28);
    assertThat(phoneMade).as("phone referral already made").isPositive();
    assertThat(share(provisional, N)).as("referrals with a provisional result").isBetween(0.01, 0.30);
    assertThat(share(format2, N)).as("written as referral@2").isBetween(0.30, 0.65);
  }

  /**
   * Issue 11 follow-up: consent per person (parents who disagree, an unnamed parent elsewhere, the
   * young person with each competence judgement) and the case's history (each open plan and kind of
   * worker, previous referrals, a Hub disagreement) are generated, and the evaluator acts on them.
   */
  @Test
  void theDistribution_consentPerPerson_andCaseHistory_areGenerated_andEvaluated() throws Exception {
    ThresholdEvaluator evaluator = ThresholdEvaluator.of(POLICY);
    int perPerson = 0;
    int parentsDisagree = 0;
    int unnamedParent = 0;
    int guidanceDisagreement = 0;
    Map<Competence, Integer> competence = new EnumMap<>(Competence.class);
    Map<OpenPlan, Integer> plans = new EnumMap<>(OpenPlan.class);
    Map<AllocatedWorker, Integer> workers = new EnumMap<>(AllocatedWorker.class);
    int history = 0;
    int previous = 0;
    int hubDisagreement = 0;
    Map<String, Integer> historyActions = new java.util.TreeMap<>();
    Set<String> historyRules = Set.of("step-up", "step-down", "allocated-worker", "escalate-recorded-disagreement");
    for (String l : lines) {
      Referral r = ThresholdsJson.readReferral(l);
      Evaluation e = evaluator.evaluate(r, r.madeAt());
      List<GiverConsent> givers = r.consentByGiver();
      if (!givers.isEmpty()) {
        perPerson++;
        assertThat(l).contains("\"thresholds/referral@2\"");
        assertThat(r.consent().status()).isEqualTo(ConsentStatus.NOT_YET_SOUGHT);
        Set<ConsentStatus> parentDecisions = EnumSet.noneOf(ConsentStatus.class);
        for (GiverConsent g : givers) {
          if (g.giver() == ConsentGiver.PARENTAL_RESPONSIBILITY) {
            parentDecisions.add(g.status());
            unnamedParent += g.person().isEmpty() ? 1 : 0;
          } else {
            competence.merge(g.competence().orElseThrow(), 1, Integer::sum);
            assertThat(g.person()).contains(r.referredChildren().get(0));
          }
        }
        parentsDisagree += parentDecisions.size() > 1 ? 1 : 0;
        guidanceDisagreement += e.children().stream().flatMap(c -> c.consent().stream())
            .anyMatch(g -> g.disagreement().isPresent()) ? 1 : 0;
      }
      if (!r.caseHistory().isEmpty()) {
        history++;
        assertThat(l).contains("\"caseHistory\"");
        r.caseHistory().openPlans().forEach(p -> plans.merge(p, 1, Integer::sum));
        r.caseHistory().allocatedWorkers().forEach(w -> workers.merge(w, 1, Integer::sum));
        if (r.caseHistory().previousReferral().isPresent()) {
          previous++;
          assertThat(r.repeatReferral()).isTrue();
        }
        hubDisagreement += r.caseHistory().hubDisagreementAt().isPresent() ? 1 : 0;
      }
      // The City pack's rules that only the case's history triggers
      e.children().stream().flatMap(c -> c.actions().stream()).map(Action::ruleId).distinct()
          .filter(historyRules::contains).forEach(k -> historyActions.merge(k, 1, Integer::sum));
      if (r.caseHistory().isEmpty()) {
        assertThat(e.children().stream().flatMap(c -> c.actions().stream()).map(Action::ruleId))
            .as("without a case history").doesNotContainAnyElementsOf(historyRules);
      }
    }
    System.out.printf("generate %d --seed 11: consent per person %d (parents disagree %d, a parent elsewhere %d,"
        + " young person %s, guidance names a disagreement %d); case history %d (plans %s, workers %s, previous"
        + " referral %d, Hub disagreement %d; actions %s)%n", N, perPerson, parentsDisagree, unnamedParent,
        competence, guidanceDisagreement, history, plans, workers, previous, hubDisagreement, historyActions);
    assertThat(share(perPerson, N)).as("consent recorded per person").isBetween(0.08, 0.20);
    assertThat(parentsDisagree).as("parents who disagree").isGreaterThanOrEqualTo(10);
    assertThat(unnamedParent).as("a parent with parental responsibility living elsewhere").isPositive();
    assertThat(competence).as("the young person, with each judgement").containsOnlyKeys(Competence.values());
    assertThat(guidanceDisagreement).as("guidance that names a disagreement").isPositive();
    assertThat(share(history, N)).as("a case history").isBetween(0.10, 0.30);
    assertThat(plans).as("each open plan").containsOnlyKeys(OpenPlan.values());
    assertThat(workers).as("each allocated worker").containsOnlyKeys(AllocatedWorker.values());
    assertThat(previous).as("a previous referral").isGreaterThanOrEqualTo(30);
    assertThat(hubDisagreement).as("a Hub decision disagreed with").isPositive();
    assertThat(historyActions).as("step up, step down, allocated worker and escalation advised")
        .containsOnlyKeys(historyRules);
    assertThat(historyActions.get("escalate-recorded-disagreement")).as("escalation of each recorded disagreement")
        .isEqualTo(hubDisagreement);
  }

  /**
   * Every generated referral validates against the JSON Schema of its format, and the evaluation the
   * SDK writes for it (when made) against the schema of the evaluation's format.
   */
  @Test
  void everyReferralAndItsEvaluation_validateAgainstThePublishedSchemas() throws Exception {
    com.networknt.schema.SchemaRegistry registry = com.networknt.schema.SchemaRegistry
        .withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_2020_12);
    Map<String, com.networknt.schema.Schema> schemas = new java.util.HashMap<>();
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    ThresholdEvaluator evaluator = ThresholdEvaluator.of(POLICY);
    Map<String, Integer> formats = new java.util.TreeMap<>();
    for (String l : lines) {
      Referral r = ThresholdsJson.readReferral(l);
      String evaluation = ThresholdsJson.writeEvaluation(evaluator.evaluate(r, r.madeAt()));
      for (String doc : List.of(l, evaluation)) {
        com.fasterxml.jackson.databind.JsonNode tree = json.readTree(doc);
        String format = tree.path("format").asText();
        formats.merge(format, 1, Integer::sum);
        com.networknt.schema.Schema schema = schemas.computeIfAbsent(format,
            f -> registry.getSchema(ThresholdsJson.jsonSchema(f)));
        assertThat(schema.validate(tree, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true))))
            .as("%s of %s", format, r.ref()).isEmpty();
      }
    }
    System.out.printf("generate %d --seed 11, validated against the JSON Schemas: %s%n", N, formats);
    assertThat(formats).containsOnlyKeys("thresholds/referral@1", "thresholds/referral@2",
        "thresholds/evaluation@1", "thresholds/evaluation@2");
  }

  private static double share(Integer count, int of) {
    return count == null ? 0 : (double) count / of;
  }

  @Test
  void badInput() throws Exception {
    assertThat(Cli.run("generate", "-1").exit).isEqualTo(2);
    assertThat(Cli.run("generate", "ten").exit).isEqualTo(2);
    assertThat(Cli.run("generate").err).contains("Missing required parameter: 'N'");
    assertThat(Cli.run("generate", "3", "--seed", "x").exit).isEqualTo(2);
    Cli zero = Cli.run("generate", "0");
    assertThat(zero.exit).isZero();
    assertThat(zero.out).isEmpty();
    Cli directory = Cli.run("generate", "3", "--out", dir.toString());
    assertThat(directory.exit).isEqualTo(1);
    assertThat(directory.err).contains("cannot write " + dir + ": it is a directory");
    Cli noParent = Cli.run("generate", "3", "--out", dir.resolve("no/such/dir.jsonl").toString());
    assertThat(noParent.exit).isEqualTo(1);
    assertThat(noParent.err).contains("its directory does not exist");
  }
}
