package io.thresholds.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thresholds.core.InvalidValueException;
import io.thresholds.core.policy.Policy;
import io.thresholds.core.time.WorkingCalendar;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A policy document with one mistake fails with a Jackson exception whose path leads to the
 * mistake; a policy that breaks {@link Policy}'s own consistency rules fails with a {@link
 * ValueInstantiationException} caused by the core {@link InvalidValueException}, at the path of
 * the property that breaks the rule.
 */
class PolicyBadInputTest {
  private static final ObjectMapper PLAIN = new ObjectMapper();
  /** The exported City of London policy, as a partnership would start its own file from. */
  private static final String GOLDEN = ThresholdsJson.writePolicy(io.thresholds.core.policy.Policies.cityOfLondon());

  /** The exported policy with one edit, as compact JSON. */
  static String policyWith(Consumer<ObjectNode> edit) {
    try {
      ObjectNode tree = (ObjectNode) PLAIN.readTree(GOLDEN);
      edit.accept(tree);
      return PLAIN.writeValueAsString(tree);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static JsonMappingException error(Consumer<ObjectNode> edit) {
    String json = policyWith(edit);
    JsonMappingException e = catchThrowableOfType(JsonMappingException.class, () -> ThresholdsJson.readPolicy(json));
    assertThat(e).as("expected a JsonMappingException").isNotNull();
    return e;
  }

  /** A consistency rule of the whole policy: at its path, caused by the core exception. */
  static InvalidValueException brokenRule(JsonMappingException e, String path) {
    assertThat(e).isInstanceOf(ValueInstantiationException.class);
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo(path);
    assertThat(e.getCause()).isInstanceOf(InvalidValueException.class);
    assertThat(e.getOriginalMessage()).contains(((InvalidValueException) e.getCause()).rule());
    return (InvalidValueException) e.getCause();
  }

  private static ObjectNode element(ObjectNode tree, String array, int index) {
    return (ObjectNode) tree.get(array).get(index);
  }

  private static int indexOf(ObjectNode tree, String array, String key, String value) {
    JsonNode list = tree.get(array);
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).get(key).asText().equals(value)) {
        return i;
      }
    }
    throw new AssertionError(value);
  }

  private static final int HUB = 0;
  private static final int SUBSTANCE_USE = indexOf(tree(), "indicators", "code", "T2-PAR-PARENTAL-SUBSTANCE-USE");
  private static final int WRITTEN_REFERRAL = indexOf(tree(), "actionRules", "id", "written-referral");

  private static ObjectNode tree() {
    try {
      return (ObjectNode) PLAIN.readTree(GOLDEN);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  // ---- the document ----------------------------------------------------------------------------

  @Test
  void otherFormat_fails() {
    JsonMappingException e = error(t -> t.put("format", "thresholds/policy@2"));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("format");
    assertThat(e.getOriginalMessage()).contains("thresholds/policy@1");
  }

  @Test
  void referralDocument_isNotAPolicy() {
    JsonMappingException e = catchThrowableOfType(JsonMappingException.class,
        () -> ThresholdsJson.readPolicy(Fixtures.text("referral-minimal.json")));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("format");
  }

  @Test
  void missingRequiredProperty_fails() {
    JsonMappingException e = error(t -> t.remove("calendar"));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("calendar");
    assertThat(e.getOriginalMessage()).isEqualTo("missing required property 'calendar'");
  }

  @Test
  void unknownProperty_inANestedValue_failsWithItsPath() {
    JsonMappingException e = error(t -> element(t, "indicators", 3).put("colour", "red"));
    assertThat(e).isInstanceOf(UnrecognizedPropertyException.class);
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("indicators[3].<unknown field>");
    assertThat(e.getMessage()).contains("\"escalatesTo\"");
  }

  @Test
  void unknownProperty_inATrigger_failsWithItsPath() {
    JsonMappingException e = error(t -> ((ObjectNode) element(t, "actionRules", 4).get("trigger")).put("tier", 4).put("or", 3));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("actionRules[4].trigger.<unknown field>");
  }

  @Test
  void nullForAnOptionalProperty_fails() {
    JsonMappingException e = error(t -> element(t, "contacts", HUB).putNull("email"));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("contacts[0].email");
    assertThat(e.getOriginalMessage()).startsWith("must not be null");
  }

  @Test
  void nullInAList_fails() {
    JsonMappingException e = error(t -> ((ArrayNode) t.get("tiers")).addNull());
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("tiers[4]");
  }

  @Test
  void duplicateKey_failsWithItsPathAndLine() {
    String json = GOLDEN.replace("\"id\": \"city-of-london\",", "\"id\": \"city-of-london\", \"id\": \"other\",");
    JsonMappingException e = catchThrowableOfType(JsonMappingException.class, () -> ThresholdsJson.readPolicy(json));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("id");
    assertThat(e.getOriginalMessage()).isEqualTo("property 'id' is given twice");
    assertThat(e.getLocation().getLineNr()).isEqualTo(3);
    StreamReadException parser = catchThrowableOfType(StreamReadException.class,
        () -> ThresholdsJson.newMapper().readValue(json, Policy.class));
    assertThat(parser.getOriginalMessage()).isEqualTo("Duplicate property (not shown)");
  }

  @Test
  void duplicateHoliday_failsWithItsPath() {
    String json = GOLDEN.replace("\"2025-12-25\": \"Christmas Day\",", "\"2025-12-25\": \"Christmas Day\", \"2025-12-25\": \"Christmas\",");
    JsonMappingException e = catchThrowableOfType(JsonMappingException.class, () -> ThresholdsJson.readPolicy(json));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("calendar.holidays.2025-12-25");
  }

  @Test
  void duplicateKey_failsEvenWithAMapperThatDoesNotDetectThem() {
    JsonMapper lenient = JsonMapper.builder().addModule(new ThresholdsModule()).build();
    String json = policyWith(t -> { }).replace("\"adultAge\":18", "\"adultAge\":18,\"adultAge\":16");
    JsonMappingException e = catchThrowableOfType(JsonMappingException.class, () -> lenient.readValue(json, Policy.class));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("adultAge");
    assertThat(e.getOriginalMessage()).contains("'adultAge' is given twice");
  }

  @Test
  void duplicateDomain_failsEvenWithAMapperThatDoesNotDetectThem() {
    JsonMapper lenient = JsonMapper.builder().addModule(new ThresholdsModule()).build();
    String json = policyWith(t -> { }).replace("\"domains\":{", "\"domains\":{\"S47_CRITERIA\":\"x\",");
    JsonMappingException e = catchThrowableOfType(JsonMappingException.class, () -> lenient.readValue(json, Policy.class));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("domains.S47_CRITERIA");
  }

  @Test
  void valueGivenTwiceInASet_fails() {
    JsonMappingException e = error(t -> ((ArrayNode) element(t, "indicators", SUBSTANCE_USE).get("subjects")).add("parent-carer"));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("indicators[" + SUBSTANCE_USE + "].subjects[1]");
    assertThat(e.getOriginalMessage()).isEqualTo("the same value is given twice");
  }

  @Test
  void unknownEnumValue_failsListingTheAllowedValues() {
    JsonMappingException e = error(t -> ((ArrayNode) element(t, "indicators", SUBSTANCE_USE).get("flags")).add("S47"));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("indicators[" + SUBSTANCE_USE + "].flags[0]");
    assertThat(e.getOriginalMessage()).contains("do-not-tell-family, police-investigation, refer-mace");
  }

  @Test
  void numberOutOfRange_fails() {
    JsonMappingException e = error(t -> t.put("lowAttendanceBelowPercent", 101));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("lowAttendanceBelowPercent");
    assertThat(e.getOriginalMessage()).isEqualTo("expected a whole number from 1 to 100");
    assertThat(ThresholdsJson.pathOf(error(t -> t.put("cumulativeCount", 1)))).isEqualTo("cumulativeCount");
    assertThat(ThresholdsJson.pathOf(error(t -> element(t, "tiers", 2).put("tier", 5)))).isEqualTo("tiers[2].tier");
  }

  @Test
  void unknownTimeZone_fails() {
    JsonMappingException e = error(t -> t.put("zone", "Europe/Londres"));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("zone");
    assertThat(e.getOriginalMessage()).contains("time zone");
  }

  @Test
  void malformedServiceHours_fail() {
    JsonMappingException e = error(t -> element(t, "contacts", HUB).put("hours", "office 9-5"));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("contacts[0].hours");
    assertThat(e.getOriginalMessage()).contains("office HH:mm-HH:mm");
    JsonMappingException reversed = error(t -> element(t, "contacts", HUB).put("hours", "office 17:00-09:00"));
    assertThat(reversed.getOriginalMessage()).contains("open before they close");
  }

  @Test
  void malformedDuration_fails() {
    JsonMappingException e = error(t -> ((ObjectNode) element(t, "actionRules", WRITTEN_REFERRAL).get("timing")).put("duration", "24 hours"));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("actionRules[" + WRITTEN_REFERRAL + "].timing.duration");
    assertThat(e.getOriginalMessage()).contains("PT24H");
  }

  // ---- rules of the parts ----------------------------------------------------------------------

  @Test
  void triggerWithoutItsTier_failsAtTheTrigger() {
    JsonMappingException e = error(t -> ((ObjectNode) element(t, "actionRules", WRITTEN_REFERRAL).get("trigger")).remove("tier"));
    assertThat(e).isInstanceOf(ValueInstantiationException.class);
    assertThat(e.getCause()).isInstanceOf(InvalidValueException.class);
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("actionRules[" + WRITTEN_REFERRAL + "].trigger");
    assertThat(e.getOriginalMessage()).contains("arguments do not match the kind");
  }

  @Test
  void timingWithAnArgumentOfAnotherKind_failsAtTheTiming() {
    JsonMappingException e = error(t -> ((ObjectNode) element(t, "actionRules", 0).get("timing")).put("workingDays", 2));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("actionRules[0].timing");
    assertThat(e.getCause()).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void blankIndicatorLabel_failsAtTheLabel() {
    JsonMappingException e = error(t -> element(t, "indicators", SUBSTANCE_USE).put("label", " "));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("indicators[" + SUBSTANCE_USE + "].label");
    assertThat(((InvalidValueException) e.getCause()).field()).isEqualTo("indicators[T2-PAR-PARENTAL-SUBSTANCE-USE].label");
  }

  @Test
  void strengthAboveTier1_failsAtTheKind() {
    JsonMappingException e = error(t -> element(t, "indicators", SUBSTANCE_USE).put("kind", "strength"));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("indicators[" + SUBSTANCE_USE + "].kind");
  }

  @Test
  void ageConditionUpsideDown_failsAtTheAge() {
    JsonMappingException e = error(t -> element(t, "indicators", SUBSTANCE_USE).putObject("age").put("minYears", 12).put("maxYears", 5));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("indicators[" + SUBSTANCE_USE + "].age");
    assertThat(e.getOriginalMessage()).contains("lower bound is above the upper bound");
  }

  @Test
  void badContactId_failsAtTheId() {
    JsonMappingException e = error(t -> element(t, "contacts", 4).put("id", "Education Service"));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("contacts[4].id");
  }

  // ---- consistency rules of the whole policy ---------------------------------------------------

  @Test
  void escalationToAnUnknownIndicator_failsAtEscalatesTo() {
    JsonMappingException e = error(t -> element(t, "indicators", SUBSTANCE_USE).put("escalatesTo", "T4-NOT-IN-THE-CATALOGUE"));
    InvalidValueException cause = brokenRule(e, "indicators[" + SUBSTANCE_USE + "].escalatesTo");
    assertThat(cause.field()).isEqualTo("indicators[T2-PAR-PARENTAL-SUBSTANCE-USE].escalatesTo");
    assertThat(cause.rule()).isEqualTo("names an indicator that does not exist");
  }

  @Test
  void undeclaredDomain_failsAtTheDomain() {
    brokenRule(error(t -> element(t, "indicators", SUBSTANCE_USE).put("domain", "PARENTING")),
        "indicators[" + SUBSTANCE_USE + "].domain");
  }

  @Test
  void codeUsedTwice_failsAtTheSecondIndicator() {
    int last = tree().get("indicators").size();
    JsonMappingException e = error(t -> ((ArrayNode) t.get("indicators")).add(element(t, "indicators", SUBSTANCE_USE).deepCopy()));
    assertThat(brokenRule(e, "indicators[" + last + "]").rule()).isEqualTo("code is used twice");
  }

  @Test
  void routeToAnUnknownContact_failsAtTheRoute() {
    brokenRule(error(t -> t.put("inHoursRoute", "front-door")), "inHoursRoute");
    brokenRule(error(t -> t.put("outOfHoursRoute", "front-door")), "outOfHoursRoute");
    brokenRule(error(t -> t.put("outOfHoursRoute", "hub")), "outOfHoursRoute");
  }

  @Test
  void routeWithoutHours_failsAtTheContactsHours() {
    JsonMappingException e = error(t -> element(t, "contacts", 1).remove("hours"));
    assertThat(brokenRule(e, "contacts[1].hours").rule()).isEqualTo("a referral route needs service hours");
  }

  @Test
  void actionRuleNamingAnUnknownContact_failsAtItsContact() {
    brokenRule(error(t -> element(t, "actionRules", WRITTEN_REFERRAL).put("contact", "front-door")),
        "actionRules[" + WRITTEN_REFERRAL + "].contact");
  }

  @Test
  void timingCountingFromALaterAction_failsAtItsTiming() {
    brokenRule(error(t -> ((ObjectNode) element(t, "actionRules", WRITTEN_REFERRAL).get("timing")).put("afterAction", "monitor")),
        "actionRules[" + WRITTEN_REFERRAL + "].timing");
  }

  @Test
  void firstActionRuleNotThe999Rule_failsAtTheFirstRule() {
    JsonMappingException e = error(t -> {
      ArrayNode rules = (ArrayNode) t.get("actionRules");
      JsonNode first = rules.remove(0);
      rules.add(first);
    });
    brokenRule(e, "actionRules[0]");
  }

  @Test
  void missingTier_failsAtTheTiers() {
    JsonMappingException e = error(t -> ((ArrayNode) t.get("tiers")).remove(3));
    assertThat(brokenRule(e, "tiers").rule()).isEqualTo("every tier 1 to 4 must be defined");
    brokenRule(error(t -> element(t, "consentRules", 3).put("tier", 1)), "consentRules");
  }

  @Test
  void lowAttendanceWithoutIndicator_failsAtTheMissingHalf() {
    brokenRule(error(t -> t.remove("lowAttendanceIndicator")), "lowAttendanceIndicator");
    brokenRule(error(t -> t.remove("lowAttendanceBelowPercent")), "lowAttendanceBelowPercent");
    brokenRule(error(t -> t.put("missingEducationIndicator", "T2-NOT-IN-THE-CATALOGUE")), "missingEducationIndicator");
  }

  @Test
  void childProtectionPlanSetting_broken_failsAtItsProperty() {
    brokenRule(error(t -> t.put("childProtectionPlanIndicator", "T4-NOT-IN-THE-CATALOGUE")), "childProtectionPlanIndicator");
    brokenRule(error(t -> t.remove("childProtectionPlanCitation")), "childProtectionPlanCitation");
    brokenRule(error(t -> ((ArrayNode) t.get("childProtectionPlanAllegations")).add("T4-S47-SERIOUS-NEGLECT")),
        "childProtectionPlanAllegations");
  }

  @Test
  void schoolAgeUpsideDown_failsAtSchoolAgeFrom() {
    brokenRule(error(t -> t.put("schoolAgeFrom", 18)), "schoolAgeFrom");
    brokenRule(error(t -> t.remove("schoolAgeTo")), "schoolAgeTo");
  }

  @Test
  void badPolicyId_failsAtTheId() {
    brokenRule(error(t -> t.put("id", "City of London")), "id");
    brokenRule(error(t -> t.put("version", " ")), "version");
  }

  // ---- the calendar ----------------------------------------------------------------------------

  @Test
  void holidayOnASaturday_failsAtThatHoliday() {
    JsonMappingException e = error(t -> ((ObjectNode) t.get("calendar").get("holidays")).put("2025-12-27", "Boxing Day"));
    assertThat(e).isInstanceOf(MismatchedInputException.class);
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("calendar.holidays.2025-12-27");
    assertThat(e.getOriginalMessage()).contains("Saturday or Sunday");
  }

  @Test
  void holidayOutsideTheCoverage_failsAtThatHoliday() {
    JsonMappingException e = error(t -> ((ObjectNode) t.get("calendar")).put("coveredUntil", "2029-12-31"));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("calendar.holidays.2030-01-01");
    assertThat(e.getOriginalMessage()).contains("within the coverage");
  }

  @Test
  void impossibleHolidayDate_failsAtThatKey() {
    JsonMappingException e = error(t -> ((ObjectNode) t.get("calendar").get("holidays")).put("2025-02-30", "Nobody's Day"));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("calendar.holidays.2025-02-30");
    JsonMappingException loose = error(t -> ((ObjectNode) t.get("calendar").get("holidays")).put("2025-6-2", "Loose Day"));
    assertThat(loose.getOriginalMessage()).contains("yyyy-MM-dd");
  }

  @Test
  void holidayNamesMustBeAllGivenOrAllEmpty() {
    JsonMappingException e = error(t -> ((ObjectNode) t.get("calendar").get("holidays")).put("2025-12-25", ""));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("calendar.holidays.2025-12-25");
    assertThat(e.getOriginalMessage()).contains("all given or all empty");
  }

  @Test
  void holidayNameOnMoreThanOneLine_fails() {
    JsonMappingException e = error(t -> ((ObjectNode) t.get("calendar").get("holidays")).put("2025-12-25", "Christmas\tDay"));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("calendar.holidays.2025-12-25");
    assertThat(ThresholdsJson.pathOf(error(t -> ((ObjectNode) t.get("calendar").get("holidays")).put("2025-12-25", "Christmas Day ")))).isEqualTo("calendar.holidays.2025-12-25");
  }

  @Test
  void coverageEndingBeforeItStarts_fails() {
    JsonMappingException e = error(t -> ((ObjectNode) t.get("calendar")).put("coveredUntil", "2017-12-31"));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("calendar.coveredUntil");
    assertThat(e.getOriginalMessage()).contains("before coveredFrom");
  }

  @Test
  void calendarWithUnnamedHolidays_isRead() throws Exception {
    ObjectMapper mapper = ThresholdsJson.newMapper();
    WorkingCalendar c = mapper.readValue("{\"zone\":\"Europe/London\",\"coveredFrom\":\"2025-01-01\","
        + "\"coveredUntil\":\"2025-12-31\",\"holidays\":{\"2025-12-25\":\"\",\"2025-12-26\":\"\"}}", WorkingCalendar.class);
    assertThat(c).isEqualTo(WorkingCalendar.of(java.time.ZoneId.of("Europe/London"),
        java.util.Set.of(java.time.LocalDate.of(2025, 12, 25), java.time.LocalDate.of(2025, 12, 26)),
        java.time.LocalDate.of(2025, 1, 1), java.time.LocalDate.of(2025, 12, 31)));
    assertThat(c.isWorkingDay(java.time.LocalDate.of(2025, 12, 26))).isFalse();
  }
}
