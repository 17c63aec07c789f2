package io.thresholds.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thresholds.core.ThresholdsException;
import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.Adult;
import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.CaseHistory;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Household;
import io.thresholds.core.model.Mobility;
import io.thresholds.core.model.OpenPlan;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Referrer;
import io.thresholds.core.model.Relationship;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.Indicator;
import io.thresholds.core.policy.IndicatorKind;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.Policy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Hostile checks of the child protection plan setting (Thresholds Criteria: Section 47, a child
 * subject of a current child protection plan), the needs-care-now flag (matrix Tier 3 General: no
 * available parent; Section 20; Appendix 1 MARF out of hours) and the evaluation@1 / @2 reader:
 * whatever policy@1 JSON the reader accepts evaluates without an internal error, bad settings are
 * typed errors naming the property and not the value, and every bundled referral's evaluation
 * reads back equal.
 */
class ChildProtectionPlanAndNoCarerJsonTest {
  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final Policy CITY = Policies.cityOfLondon();
  /** Tuesday 18 November 2025, 10:00 GMT, and Saturday 22 November 2025, 23:00 GMT. */
  private static final List<Instant> TIMES = List.of(Instant.parse("2025-11-18T10:00:00Z"),
      Instant.parse("2025-11-22T23:00:00Z"));

  private static ObjectNode cityTree() throws Exception {
    return (ObjectNode) PLAIN.readTree(ThresholdsJson.writePolicy(CITY));
  }

  private static Policy edited(Consumer<ObjectNode> edit) throws Exception {
    ObjectNode tree = cityTree();
    edit.accept(tree);
    return ThresholdsJson.readPolicy(tree.toString());
  }

  private static ObjectNode indicator(ObjectNode tree, String code) {
    for (JsonNode i : tree.path("indicators")) {
      if (i.path("code").asText().equals(code)) {
        return (ObjectNode) i;
      }
    }
    throw new AssertionError(code);
  }

  private static ObjectNode rule(ObjectNode tree, String id) {
    for (JsonNode r : tree.path("actionRules")) {
      if (r.path("id").asText().equals(id)) {
        return (ObjectNode) r;
      }
    }
    throw new AssertionError(id);
  }

  private static ArrayNode strings(String... values) {
    ArrayNode a = PLAIN.createArrayNode();
    for (String v : values) {
      a.add(v);
    }
    return a;
  }

  /** One referral per need indicator of the policy that a child may be the subject of, with and without a plan. */
  private static void evaluatesEveryChildConcern(Policy policy) throws Exception {
    ThresholdEvaluator evaluator = ThresholdEvaluator.of(policy);
    int evaluated = 0;
    for (Indicator i : policy.catalogue().values()) {
      if (!i.subjects().contains(SubjectKind.CHILD) || i.hasConditions()) {
        continue;
      }
      for (int children = 1; children <= 2; children++) {
        for (boolean plan : List.of(false, true)) {
          for (Instant at : TIMES) {
            Referral r = referral(i.code().value(), children, plan, at);
            Evaluation e = evaluator.evaluate(r, at);
            for (ChildAssessment c : e.children()) {
              assertThat(c.tierRange()).as(i.code().value()).isPresent();
            }
            assertThat(ThresholdsJson.readEvaluation(ThresholdsJson.writeEvaluation(e))).as(i.code().value()).isEqualTo(e);
            evaluated++;
          }
        }
      }
    }
    assertThat(evaluated).isGreaterThan(100);
  }

  private static Referral referral(String code, int children, boolean plan, Instant at) {
    LocalDate day = at.atZone(CITY.zone()).toLocalDate();
    Household.Builder h = Household.builder()
        .addAdults(Adult.builder().ref(Ref.of("a1")).relationship(Relationship.MOTHER).parentalResponsibility(true).build());
    Referral.Builder r = Referral.builder().ref(Ref.of("r1")).referrer(Referrer.of(AgencyType.SCHOOL)).madeAt(at);
    for (int i = 1; i <= children; i++) {
      h.addChildren(Child.builder().ref(Ref.of("c" + i)).dateOfBirth(day.minusYears(6 + i)).mobility(Mobility.MOBILE).build());
      r.addReferredChildren(Ref.of("c" + i));
    }
    if (plan) {
      r.caseHistory(CaseHistory.builder().addOpenPlans(OpenPlan.CHILD_PROTECTION).build());
    }
    return r.household(h.build()).addConcerns(Concern.of(code, SubjectKind.CHILD, Ref.of("c1"), day)).build();
  }

  /**
   * Needs-care-now on a Tier 1 strength, a Tier 2 and a Tier 4 row, and the no-carer rule triggered
   * by the flag alone: the reader accepts it, so every concern evaluates, in and out of office hours.
   */
  @Test
  void needsCareNow_onRowsOfAnyTier_andTheRuleOnTheFlagAlone_evaluates() throws Exception {
    Policy policy = edited(tree -> {
      indicator(tree, "T1-DEV-GOOD-ATTENDANCE").set("flags", strings("needs-care-now"));
      indicator(tree, "T2-PAR-EARLY-NEGLECT-SIGNS").set("flags", strings("needs-care-now"));
      indicator(tree, "T4-S47-CP-PLAN-OR-LAC-INJURY").set("flags", strings("s47", "needs-care-now"));
      ObjectNode trigger = (ObjectNode) rule(tree, "phone-referral-no-carer").get("trigger");
      trigger.remove("and");
    });
    evaluatesEveryChildConcern(policy);
  }

  /**
   * The Section 47 plan setting pointed elsewhere: a Tier 3 indicator with Tier 1 and Tier 2 need
   * allegations, or a Tier 4 indicator with every lower-tier need row of the catalogue as an
   * allegation. Accepted by the reader, so it evaluates.
   */
  @Test
  void s47_childProtectionPlanSetting_variantsTheReaderAccepts_evaluate() throws Exception {
    List<String> lowerNeeds = new ArrayList<>();
    List<String> tier12Needs = new ArrayList<>();
    for (Indicator i : CITY.catalogue().values()) {
      if (i.kind() == IndicatorKind.NEED && i.tier() != Tier.ACUTE) {
        lowerNeeds.add(i.code().value());
        if (i.tier().compareTo(Tier.HIGH_OR_COMPLEX) < 0) {
          tier12Needs.add(i.code().value());
        }
      }
    }
    evaluatesEveryChildConcern(edited(tree -> {
      tree.put("childProtectionPlanIndicator", "T3-PAR-NEGLECT-ALLEGATIONS");
      tree.set("childProtectionPlanAllegations", strings(tier12Needs.toArray(new String[0])));
    }));
    evaluatesEveryChildConcern(edited(tree ->
        tree.set("childProtectionPlanAllegations", strings(lowerNeeds.toArray(new String[0])))));
    evaluatesEveryChildConcern(edited(tree -> tree.set("childProtectionPlanAllegations", strings())));
  }

  /**
   * Bad settings: a strength as the indicator, an allegation of Tier 4, a strength or an unknown
   * code as an allegation, the citation without its section, allegations without the indicator.
   * Each is the reader's typed error (a mapping error located at the property) naming the property; the value (which may be anything a user typed) is
   * not in the message.
   */
  @Test
  void s47_childProtectionPlanSetting_bad_isATypedErrorNamingThePropertyNotTheValue() throws Exception {
    Map<String, Consumer<ObjectNode>> bad = Map.of(
        "childProtectionPlanIndicator", tree -> tree.put("childProtectionPlanIndicator", "T1-DEV-GOOD-ATTENDANCE"),
        "childProtectionPlanAllegations", tree -> tree.set("childProtectionPlanAllegations",
            strings("T4-FAM-FORCED-MARRIAGE")),
        "childProtectionPlanAllegations ", tree -> tree.set("childProtectionPlanAllegations",
            strings("T1-DEV-GOOD-ATTENDANCE")),
        "childProtectionPlanAllegations  ", tree -> tree.set("childProtectionPlanAllegations",
            strings("T3-JANE-DOE-2014-03-01")),
        "childProtectionPlanCitation", tree -> ((ObjectNode) tree.get("childProtectionPlanCitation")).remove("section"),
        "childProtectionPlanIndicator ", tree -> tree.remove("childProtectionPlanIndicator"));
    for (Map.Entry<String, Consumer<ObjectNode>> b : bad.entrySet()) {
      String field = b.getKey().trim();
      assertThatThrownBy(() -> edited(b.getValue())).as(b.getKey())
          .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class)
          .hasMessageContaining(field)
          .hasMessageNotContaining("JANE")
          .hasMessageNotContaining("GOOD-ATTENDANCE")
          .hasMessageNotContaining("FORCED-MARRIAGE");
    }
  }

  /**
   * Every bundled referral (test resources, vignettes, examples' samples, pack golden cases),
   * evaluated when made and three days later: written as JSON and read back, the evaluation is
   * equal, and writing it again gives the same text (evaluation@1 and @2 alike; the @1 reader's
   * refusal of the widening household never bites on what the SDK writes).
   */
  @Test
  void everyBundledReferralsEvaluation_roundTripsThroughJson_equal() throws Exception {
    int count = 0;
    for (Map.Entry<String, JsonNode> d : ReferralSchemas.bundled().entrySet()) {
      Policy policy = CITY;
      for (String id : Policies.embeddedIds()) {
        if (d.getKey().startsWith(id + "/")) {
          policy = Policies.embedded(id);
        }
      }
      Referral r = ThresholdsJson.readReferral(d.getValue().toString());
      Instant at = r.madeAt();
      for (Instant t : List.of(at, at.plus(Duration.ofDays(3)))) {
        Evaluation e;
        try {
          e = ThresholdEvaluator.of(policy).evaluate(r, t);
        } catch (ThresholdsException refused) {
          continue; // an indicator of another pack, a date outside the calendar
        }
        String json = ThresholdsJson.writeEvaluation(e);
        Evaluation back = ThresholdsJson.readEvaluation(json);
        assertThat(back).as(d.getKey()).isEqualTo(e);
        assertThat(ThresholdsJson.writeEvaluation(back)).as(d.getKey()).isEqualTo(json);
        count++;
      }
    }
    assertThat(count).isGreaterThan(300);
  }
}
