package io.thresholds.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thresholds.core.evaluation.Action;
import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.evaluation.TierRange;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.Policy;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A partnership's policy as one JSON file: the embedded City of London policy exported and read
 * back is equal, and editing the file changes the advice as the edit says.
 */
class PolicyJsonTest {
  private static final String GOLDEN = "policy-city-of-london.json";
  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final Policy CITY = Policies.cityOfLondon();

  @Test
  void cityOfLondon_exportedAndReadBack_isEqual() throws Exception {
    String json = ThresholdsJson.writePolicy(CITY);
    Policy back = ThresholdsJson.readPolicy(json);
    assertThat(back).isEqualTo(CITY);
    assertThat(back.calendar().holidays()).isEqualTo(CITY.calendar().holidays());
    assertThat(back.calendar().holidays().get(java.time.LocalDate.of(2025, 12, 25))).isEqualTo("Christmas Day");
  }

  /**
   * Matrix Tier 3 "No available parent and child is in need of accommodation" (vignette V208): the
   * flag's wire name is {@code needs-care-now}, written on the indicator and in the action rule's
   * trigger, and read back to the same policy.
   */
  @Test
  void tier3_noAvailableParent_needsCareNow_wireName() throws Exception {
    JsonNode tree = PLAIN.readTree(ThresholdsJson.writePolicy(CITY));
    JsonNode row = null;
    for (JsonNode i : tree.path("indicators")) {
      if (i.path("code").asText().equals("T3-PAR-NO-PARENT-NEEDS-ACCOMMODATION")) {
        row = i;
      }
    }
    assertThat(row).isNotNull();
    assertThat(row.path("flags").toString()).isEqualTo("[\"needs-care-now\"]");
    JsonNode rule = null;
    for (JsonNode r : tree.path("actionRules")) {
      if (r.path("id").asText().equals("phone-referral-no-carer")) {
        rule = r;
      }
    }
    assertThat(rule).isNotNull();
    assertThat(rule.toString()).contains("\"flag\":\"needs-care-now\"");
    String edited = tree.toString().replace("\"needs-care-now\"", "\"NEEDS_CARE_NOW\"");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ThresholdsJson.readPolicy(edited))
        .hasMessageContaining("flag");
  }

  /**
   * The fixture is the export of the embedded policy. When the embedded policy pack changes, this
   * fails naming the first line that differs and writes the new export to target/; review it and
   * copy it over the fixture.
   */
  @Test
  void overlayPacks_exportedAndReadBack_areEqual_withProvenanceServicesRetirementsAndDates() throws Exception {
    Policy hub = io.thresholds.core.policy.Policies.embedded("early-help-hub");
    assertThat(ThresholdsJson.readPolicy(ThresholdsJson.writePolicy(hub))).isEqualTo(hub);
    String hubJson = ThresholdsJson.writePolicy(hub);
    assertThat(hubJson).contains("\"extendsPolicy\": \"city-of-london").contains("\"contact.mash.hours\": \"assumed\"");
    Policy familyHelp = io.thresholds.core.policy.Policies.fromClasspath(PolicyJsonTest.class.getClassLoader(),
        "packs/family-help");
    String json = ThresholdsJson.writePolicy(familyHelp);
    assertThat(json).contains("\"effectiveFrom\": \"2026-04-01\"").contains("\"services\"")
        .contains("\"retiredIndicators\"");
    assertThat(ThresholdsJson.readPolicy(json)).isEqualTo(familyHelp);
  }

  @Test
  void cityOfLondon_exported_isTheGoldenFixture() throws Exception {
    String actual = ThresholdsJson.writePolicy(CITY);
    String expected = Fixtures.text(GOLDEN);
    if (!actual.equals(expected)) {
      Path out = Path.of("target", GOLDEN);
      Files.writeString(out, actual);
      String[] a = actual.split("\n", -1);
      String[] e = expected.split("\n", -1);
      int line = 0;
      while (line < Math.min(a.length, e.length) && a[line].equals(e[line])) {
        line++;
      }
      fail(GOLDEN + " is not the export of the embedded policy; first difference on line " + (line + 1)
          + ":\n  fixture: " + (line < e.length ? e[line] : "(end)")
          + "\n  export:  " + (line < a.length ? a[line] : "(end)")
          + "\nAfter review, copy " + out + " to src/test/resources/io/thresholds/jackson/.");
    }
  }

  @Test
  void goldenFixture_readsTheSameFromEveryKindOfSource() throws Exception {
    String json = Fixtures.text(GOLDEN);
    Policy fromString = ThresholdsJson.readPolicy(json);
    assertThat(ThresholdsJson.readPolicy(new StringReader(json))).isEqualTo(fromString);
    assertThat(ThresholdsJson.readPolicy(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(fromString);
    assertThat(ThresholdsJson.newMapper().readValue(json, Policy.class)).isEqualTo(fromString);
    assertThat(fromString.indicators()).hasSizeGreaterThan(200);
  }

  @Test
  void writtenPolicy_isIndented_startsWithItsFormat_andEndsWithALineBreak() {
    String json = ThresholdsJson.writePolicy(CITY);
    assertThat(json).startsWith("{\n  \"format\": \"thresholds/policy@1\",\n  \"id\": \"city-of-london\",");
    assertThat(json).endsWith("}\n").doesNotContain("\r");
    assertThat(json).contains("\"subjects\": [ \"parent-carer\" ]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"referral-full.json", "referral-not-sought.json", "referral-minimal.json"})
  void policyReadFromJson_givesTheSameEvaluations(String fixture) throws Exception {
    Referral referral = ThresholdsJson.readReferral(Fixtures.text(fixture));
    Policy fromJson = ThresholdsJson.readPolicy(ThresholdsJson.writePolicy(CITY));
    for (Instant at : new Instant[] {referral.madeAt(), Instant.parse("2025-12-25T10:00:00Z"),
        Instant.parse("2026-03-30T08:45:00Z")}) {
      assertThat(ThresholdEvaluator.of(fromJson).evaluate(referral, at))
          .isEqualTo(ThresholdEvaluator.of(CITY).evaluate(referral, at));
    }
  }

  // ---- an edited policy pack changes the advice --------------------------------------------------

  /** The minimal referral: a parent's substance use (Tier 2), Friday 21 November 2025, 19:00. */
  private static Evaluation evaluateMinimal(Policy policy) throws Exception {
    Referral referral = ThresholdsJson.readReferral(Fixtures.text("referral-minimal.json"));
    return ThresholdEvaluator.of(policy).evaluate(referral, referral.madeAt());
  }

  /** The exported City of London policy, edited as a partnership would edit its file, and read back. */
  private static Policy edited(Consumer<ObjectNode> edit) throws Exception {
    ObjectNode tree = (ObjectNode) PLAIN.readTree(ThresholdsJson.writePolicy(CITY));
    edit.accept(tree);
    return ThresholdsJson.readPolicy(PLAIN.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
  }

  private static ObjectNode element(ObjectNode tree, String array, String key, String value) {
    for (JsonNode n : tree.get(array)) {
      if (n.get(key).asText().equals(value)) {
        return (ObjectNode) n;
      }
    }
    throw new AssertionError("no " + array + " with " + key + " " + value);
  }

  private static Action action(Evaluation e, String ruleId) {
    ChildAssessment child = e.children().get(0);
    return child.actions().stream().filter(a -> a.ruleId().equals(ruleId)).findFirst()
        .orElseThrow(() -> new AssertionError("no action " + ruleId + " in " + child.actions()));
  }

  @Test
  void editedHubPhoneNumber_isTheNumberTheAdviceGives() throws Exception {
    assertThat(action(evaluateMinimal(CITY), "early-help-referral").contact().orElseThrow().phones())
        .startsWith("020 7332 3621");

    Policy policy = edited(tree -> {
      ArrayNode phones = element(tree, "contacts", "id", "hub").putArray("phones");
      phones.add("020 7946 0000");
    });

    assertThat(policy.contact("hub").orElseThrow().phones()).containsExactly("020 7946 0000");
    assertThat(action(evaluateMinimal(policy), "early-help-referral").contact().orElseThrow().phones())
        .containsExactly("020 7946 0000");
  }

  @Test
  void editedIndicatorTier_changesTheSuggestedTierAndTheActions() throws Exception {
    Evaluation before = evaluateMinimal(CITY);
    assertThat(before.children().get(0).tierRange()).contains(TierRange.of(Tier.ADDITIONAL_NEEDS, Tier.ADDITIONAL_NEEDS));
    assertThat(before.children().get(0).actions()).noneMatch(a -> a.ruleId().equals("phone-referral"));

    Policy policy = edited(tree -> element(tree, "indicators", "code", "T2-PAR-PARENTAL-SUBSTANCE-USE").put("tier", 3));

    Evaluation after = evaluateMinimal(policy);
    assertThat(after.children().get(0).tierRange()).contains(TierRange.of(Tier.HIGH_OR_COMPLEX, Tier.HIGH_OR_COMPLEX));
    // Friday 19:00 is outside the Hub's hours: the phone referral is due when it next opens, Monday 09:00.
    assertThat(action(after, "phone-referral").due().orElseThrow().dueBy())
        .isEqualTo(Instant.parse("2025-11-24T09:00:00Z"));
  }

  @Test
  void editedHubHours_moveTheDeadline() throws Exception {
    Policy tier3 = edited(tree -> element(tree, "indicators", "code", "T2-PAR-PARENTAL-SUBSTANCE-USE").put("tier", 3));
    Policy lateHub = edited(tree -> {
      element(tree, "indicators", "code", "T2-PAR-PARENTAL-SUBSTANCE-USE").put("tier", 3);
      element(tree, "contacts", "id", "hub").put("hours", "office 08:00-20:00");
    });

    assertThat(action(evaluateMinimal(tier3), "phone-referral").due().orElseThrow().dueBy())
        .isEqualTo(Instant.parse("2025-11-24T09:00:00Z"));
    // Open until 20:00 on Friday: due at once.
    assertThat(action(evaluateMinimal(lateHub), "phone-referral").due().orElseThrow().dueBy())
        .isEqualTo(Instant.parse("2025-11-21T19:00:00Z"));
  }

  @Test
  void editedPolicyVersion_isRecordedInTheEvaluation() throws Exception {
    Policy policy = edited(tree -> tree.put("version", "1.0.1-local"));
    assertThat(evaluateMinimal(policy).policyVersion()).isEqualTo("1.0.1-local");
    assertThat(policy).isNotEqualTo(CITY);
  }
}
