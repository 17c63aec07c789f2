package io.thresholds.core.policy;

import static io.thresholds.core.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thresholds.core.consent.ConsentRule;
import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.model.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The consistency rules of {@link Policy}, each broken once on a copy of the City of London policy. */
class PolicyTest {
  private static final Policy BASE = Policies.cityOfLondon();

  private static Policy.Builder copy() {
    return Policy.builder().from(BASE);
  }

  private static <T> List<T> plus(List<T> list, T extra) {
    List<T> out = new ArrayList<>(list);
    out.add(extra);
    return out;
  }

  private static Indicator indicator(String code) {
    return BASE.require(IndicatorCode.of(code));
  }

  private static List<Indicator> replacing(Indicator replacement) {
    List<Indicator> out = new ArrayList<>();
    for (Indicator i : BASE.indicators()) {
      out.add(i.code().equals(replacement.code()) ? replacement : i);
    }
    return out;
  }

  private static ActionRule action(String id) {
    return BASE.actionRules().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void policy_copyOfEmbedded_valid() {
    assertThat(copy().build()).isEqualTo(BASE);
  }

  @Test
  void id_malformed_rejected() {
    assertInvalid("policy.id", () -> copy().id("City of London").build());
  }

  @Test
  void version_blank_rejected() {
    assertInvalid("policy.version", () -> copy().version(" ").build());
  }

  @Test
  void tiers_definedTwice_rejected() {
    assertInvalid("tiers", () -> copy().addTiers(BASE.tier(Tier.UNIVERSAL)).build());
  }

  @Test
  void tiers_missingOne_rejected() {
    assertInvalid("tiers", () -> copy().tiers(BASE.tiers().subList(0, 3)).build());
  }

  @Test
  void consent_definedTwice_rejected() {
    assertInvalid("consent", () -> copy().addConsentRules(BASE.consentRule(Tier.ACUTE)).build());
  }

  @Test
  void consent_missingOne_rejected() {
    List<ConsentRule> three = BASE.consentRules().subList(1, 4);
    assertInvalid("consent", () -> copy().consentRules(three).build());
  }

  @Test
  void indicators_codeUsedTwice_rejected() {
    Indicator dup = indicator("T2-DEV-BEREAVED");
    assertInvalid("indicators[T2-DEV-BEREAVED]", () -> copy().addIndicators(dup).build());
  }

  @Test
  void indicators_undeclaredDomain_rejected() {
    Indicator i = IndicatorTest.need("T2-NEW", Tier.ADDITIONAL_NEEDS).domain("NOT_DECLARED").build();
    assertInvalid("indicators[T2-NEW].domain", () -> copy().addIndicators(i).build());
  }

  @Test
  void indicators_newIndicatorInDeclaredDomain_valid() {
    Indicator i = IndicatorTest.need("T2-NEW", Tier.ADDITIONAL_NEEDS).build();
    assertThat(copy().addIndicators(i).build().indicator(IndicatorCode.of("T2-NEW"))).contains(i);
  }

  @Test
  void escalatesTo_missingTarget_rejected() {
    Indicator i = Indicator.builder().from(indicator("T3-DEV-PREGNANT-OR-UNSAFE-RELATIONSHIP-13-15"))
        .escalatesTo(IndicatorCode.of("T4-DOES-NOT-EXIST")).build();
    assertInvalid("indicators[T3-DEV-PREGNANT-OR-UNSAFE-RELATIONSHIP-13-15].escalatesTo",
        () -> copy().indicators(replacing(i)).build());
  }

  @Test
  void escalatesTo_sameTier_rejected() {
    Indicator i = Indicator.builder().from(indicator("T3-DEV-PREGNANT-OR-UNSAFE-RELATIONSHIP-13-15"))
        .escalatesTo(IndicatorCode.of("T3-DEV-EHC-PLAN")).build();
    assertInvalid("indicators[T3-DEV-PREGNANT-OR-UNSAFE-RELATIONSHIP-13-15].escalatesTo",
        () -> copy().indicators(replacing(i)).build());
  }

  @Test
  void escalatesTo_lowerTier_rejected() {
    Indicator i = Indicator.builder().from(indicator("T3-DEV-PREGNANT-OR-UNSAFE-RELATIONSHIP-13-15"))
        .escalatesTo(IndicatorCode.of("T2-DEV-YOUNG-PARENT-UNDER-16")).build();
    assertInvalid("indicators[T3-DEV-PREGNANT-OR-UNSAFE-RELATIONSHIP-13-15].escalatesTo",
        () -> copy().indicators(replacing(i)).build());
  }

  @Test
  void escalatesTo_targetWithoutCondition_rejected() {
    Indicator i = Indicator.builder().from(indicator("T3-DEV-PREGNANT-OR-UNSAFE-RELATIONSHIP-13-15"))
        .escalatesTo(IndicatorCode.of("T4-FAM-GROOMING")).build();
    assertInvalid("indicators[T3-DEV-PREGNANT-OR-UNSAFE-RELATIONSHIP-13-15].escalatesTo",
        () -> copy().indicators(replacing(i)).build());
  }

  @Test
  void escalatesTo_higherTierWithMobilityCondition_valid() {
    Indicator i = Indicator.builder().from(indicator("T3-DEV-PREGNANT-OR-UNSAFE-RELATIONSHIP-13-15"))
        .escalatesTo(IndicatorCode.of("T4-DEV-PRE-MOBILE-INJURY")).build();
    assertThat(copy().indicators(replacing(i)).build().indicators()).contains(i);
  }

  @Test
  void contacts_idUsedTwice_rejected() {
    Contact again = Contact.builder().id("hub").name("Another hub").build();
    assertInvalid("contacts[hub]", () -> copy().addContacts(again).build());
  }

  @Test
  void contacts_reservedRouteId_rejected() {
    Contact route = Contact.builder().id(ActionRule.ROUTE).name("Route").build();
    assertInvalid("contacts[route]", () -> copy().addContacts(route).build());
  }

  @Test
  void routes_inHoursNamesMissingContact_rejected() {
    assertInvalid("routes", () -> copy().inHoursRoute("nowhere").build());
  }

  @Test
  void routes_outOfHoursNamesMissingContact_rejected() {
    assertInvalid("routes", () -> copy().outOfHoursRoute("nowhere").build());
  }

  @Test
  void routes_contactWithoutHours_rejected() {
    assertInvalid("contacts[police].hours", () -> copy().inHoursRoute("police").build());
  }

  @Test
  void actions_idUsedTwice_rejected() {
    assertInvalid("actions[monitor]", () -> copy().addActionRules(action("monitor")).build());
  }

  @Test
  void actions_contactMissing_rejected() {
    ActionRule a = ActionRuleTest.rule("new-rule").contact("nowhere").build();
    assertInvalid("actions[new-rule].contact", () -> copy().addActionRules(a).build());
  }

  @Test
  void actions_contactRoute_valid() {
    ActionRule a = ActionRuleTest.rule("new-rule").contact(ActionRule.ROUTE).build();
    assertThat(copy().addActionRules(a).build().actionRules()).endsWith(a);
  }

  @Test
  void actions_timingCountsFromUnknownAction_rejected() {
    ActionRule a = ActionRuleTest.rule("new-rule").timing(Timing.parse("after:nothing+PT1H", "t")).build();
    assertInvalid("actions[new-rule].timing", () -> copy().addActionRules(a).build());
  }

  @Test
  void actions_timingCountsFromLaterAction_rejected() {
    List<ActionRule> rules = new ArrayList<>(BASE.actionRules());
    ActionRule written = action("written-referral");
    rules.remove(written);
    rules.add(rules.indexOf(action("phone-referral")), written); // now before phone-referral
    assertInvalid("actions[written-referral].timing", () -> copy().actionRules(rules).build());
  }

  @Test
  void actions_timingCountsFromEarlierAction_valid() {
    ActionRule a = ActionRuleTest.rule("new-rule").timing(Timing.parse("working-days:2@monitor", "t")).build();
    assertThat(copy().addActionRules(a).build().actionRules()).endsWith(a);
  }

  @Test
  void actions_supersedesUnknown_rejected() {
    ActionRule a = ActionRuleTest.rule("new-rule").supersedes("nothing").build();
    assertInvalid("actions[new-rule].supersedes", () -> copy().addActionRules(a).build());
  }

  @Test
  void actions_supersedesItself_rejected() {
    ActionRule a = ActionRuleTest.rule("new-rule").supersedes("new-rule").build();
    assertInvalid("actions[new-rule].supersedes", () -> copy().addActionRules(a).build());
  }

  @Test
  void actions_supersedesAnotherRule_valid() {
    ActionRule a = ActionRuleTest.rule("new-rule").supersedes("call-999").build();
    assertThat(copy().addActionRules(a).build().actionRules()).endsWith(a);
  }

  @Test
  void actions_firstNotEmergencyCall_rejected() {
    List<ActionRule> rules = new ArrayList<>(BASE.actionRules());
    ActionRule first = rules.remove(0);
    rules.add(1, first);
    assertInvalid("actions", () -> copy().actionRules(rules).build());
  }

  @Test
  void actions_empty_rejected() {
    assertInvalid("actions", () -> copy().actionRules(List.of()).build());
  }

  @Test
  void actions_firstEmergencyCallOnlyShould_rejected() {
    List<ActionRule> rules = new ArrayList<>(BASE.actionRules());
    rules.set(0, ActionRule.builder().from(rules.get(0)).modality(Modality.SHOULD).build());
    assertInvalid("actions", () -> copy().actionRules(rules).build());
  }

  @Test
  void actions_firstEmergencyCallNotOnImmediateDanger_rejected() {
    List<ActionRule> rules = new ArrayList<>(BASE.actionRules());
    rules.set(0, ActionRule.builder().from(rules.get(0)).trigger(Trigger.parse("tier>=4", "t")).build());
    assertInvalid("actions", () -> copy().actionRules(rules).build());
  }

  @Test
  void adultAge_zero_rejected() {
    assertInvalid("policy", () -> copy().adultAge(0).build());
  }

  @Test
  void cumulativeCount_one_rejected() {
    assertInvalid("policy", () -> copy().cumulativeCount(1).build());
  }

  @Test
  void adultAgeAndCumulativeCount_minimums_valid() {
    Policy p = copy().adultAge(1).cumulativeCount(2).build();
    assertThat(p.adultAge()).isEqualTo(1);
  }

  @Test
  void derivations_lowAttendanceIndicatorMissing_rejected() {
    assertInvalid("derivations", () -> copy().lowAttendanceIndicator(IndicatorCode.of("T2-NOPE")).build());
  }

  @Test
  void derivations_missingEducationIndicatorMissing_rejected() {
    assertInvalid("derivations", () -> copy().missingEducationIndicator(IndicatorCode.of("T2-NOPE")).build());
  }

  @Test
  void childProtectionPlan_cityNamesTheSection47Criterion_withItsReading() {
    assertThat(BASE.childProtectionPlanIndicator()).contains(IndicatorCode.of("T4-S47-CP-PLAN-OR-LAC-INJURY"));
    assertThat(BASE.childProtectionPlanAllegations()).contains(IndicatorCode.of("T3-PAR-ASSAULT-NO-OR-MINOR-INJURY"))
        .doesNotContain(IndicatorCode.of("T2-PAR-EARLY-NEGLECT-SIGNS"));
    assertThat(BASE.childProtectionPlanCitation().orElseThrow().section()).contains("Section 47");
    assertThat(BASE.childProtectionPlanCitation().orElseThrow().reading()).isPresent();
  }

  @Test
  void childProtectionPlan_indicatorNotInTheCatalogue_rejected() {
    assertInvalid("childProtectionPlanIndicator",
        () -> copy().childProtectionPlanIndicator(IndicatorCode.of("T4-NOPE")).build());
  }

  @Test
  void childProtectionPlan_indicatorWithAnAgeCondition_rejected() {
    assertInvalid("childProtectionPlanIndicator",
        () -> copy().childProtectionPlanIndicator(IndicatorCode.of("T4-DEV-PRE-MOBILE-INJURY")).build());
  }

  @Test
  void childProtectionPlan_indicatorWithoutCitation_rejected() {
    assertInvalid("childProtectionPlanCitation", () -> copy().childProtectionPlanCitation(Optional.empty()).build());
  }

  @Test
  void childProtectionPlan_allegationNotBelowTheIndicatorsTier_rejected() {
    assertInvalid("childProtectionPlanAllegations",
        () -> copy().addChildProtectionPlanAllegations(IndicatorCode.of("T4-S47-SERIOUS-NEGLECT")).build());
    assertInvalid("childProtectionPlanAllegations",
        () -> copy().addChildProtectionPlanAllegations(IndicatorCode.of("T3-NOPE")).build());
  }

  @Test
  void childProtectionPlan_allegationsWithoutTheIndicator_rejected() {
    assertInvalid("childProtectionPlanIndicator",
        () -> copy().childProtectionPlanIndicator(Optional.empty()).childProtectionPlanCitation(Optional.empty()).build());
  }

  @Test
  void childProtectionPlan_none_valid() {
    Policy p = copy().childProtectionPlanIndicator(Optional.empty()).childProtectionPlanCitation(Optional.empty())
        .childProtectionPlanAllegations(List.of()).build();
    assertThat(p.childProtectionPlanIndicator()).isEmpty();
  }

  @Test
  void derivations_lowAttendancePercentWithoutIndicator_rejected() {
    assertInvalid("derivations.lowAttendance",
        () -> copy().lowAttendanceIndicator(Optional.empty()).build());
  }

  @Test
  void derivations_lowAttendanceIndicatorWithoutPercent_rejected() {
    assertInvalid("derivations.lowAttendance",
        () -> copy().lowAttendanceBelowPercent(OptionalInt.empty()).build());
  }

  @Test
  void derivations_none_valid() {
    Policy p = copy().lowAttendanceIndicator(Optional.empty()).lowAttendanceBelowPercent(OptionalInt.empty())
        .missingEducationIndicator(Optional.empty()).build();
    assertThat(p.lowAttendanceIndicator()).isEmpty();
  }

  @Test
  void schoolAge_fromWithoutTo_rejected() {
    assertInvalid("schoolAge", () -> copy().schoolAgeTo(OptionalInt.empty()).build());
  }

  @Test
  void schoolAge_toWithoutFrom_rejected() {
    assertInvalid("schoolAge", () -> copy().schoolAgeFrom(OptionalInt.empty()).build());
  }

  @Test
  void schoolAge_neither_valid() {
    assertThat(copy().schoolAgeFrom(OptionalInt.empty()).schoolAgeTo(OptionalInt.empty()).build().schoolAgeFrom())
        .isEmpty();
  }

  @Test
  void require_unknownCode_throwsUnknownIndicatorNamingPolicy() {
    assertThatThrownBy(() -> BASE.require(IndicatorCode.of("T9-NOPE")))
        .isInstanceOf(UnknownIndicatorException.class)
        .hasMessageContaining("T9-NOPE")
        .hasMessageContaining("city-of-london 1.0.0");
  }

  @Test
  void toString_namesIdVersionAndSize() {
    assertThat(BASE).hasToString("Policy[city-of-london 1.0.0, " + BASE.indicators().size() + " indicators]");
  }
}
