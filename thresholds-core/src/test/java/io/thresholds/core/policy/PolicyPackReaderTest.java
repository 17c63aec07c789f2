package io.thresholds.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.ThresholdsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads a copy of the embedded pack from a directory, then breaks it one way per test. */
class PolicyPackReaderTest {
  private static final String BASE = "/io/thresholds/core/policy/city-of-london/";
  private static final String PROPERTIES = "policy.properties";
  private static final String INDICATORS = "indicators.tsv";
  private static final String ACTIONS = "actions.tsv";
  private static final String HOLIDAYS = "bank-holidays.tsv";

  @TempDir
  Path dir;

  @BeforeEach
  void copyEmbeddedPack() throws IOException {
    for (String file : List.of(PROPERTIES, INDICATORS, ACTIONS, HOLIDAYS, "census.properties", "census.tsv")) {
      try (InputStream in = PolicyPackReaderTest.class.getResourceAsStream(BASE + file)) {
        assertThat(in).as(file).isNotNull();
        Files.copy(in, dir.resolve(file));
      }
    }
  }

  private List<String> lines(String file) throws IOException {
    return new ArrayList<>(Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8));
  }

  private void write(String file, List<String> lines) throws IOException {
    Files.write(dir.resolve(file), lines, StandardCharsets.UTF_8);
  }

  /** 1-based number of the first line starting with a prefix. */
  private int lineOf(String file, String prefix) throws IOException {
    List<String> all = lines(file);
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).startsWith(prefix)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line starting " + prefix + " in " + file);
  }

  /** Replaces the first line starting with a prefix; returns its 1-based number. */
  private int edit(String file, String prefix, UnaryOperator<String> change) throws IOException {
    int n = lineOf(file, prefix);
    List<String> all = lines(file);
    all.set(n - 1, change.apply(all.get(n - 1)));
    write(file, all);
    return n;
  }

  private int append(String file, String line) throws IOException {
    List<String> all = lines(file);
    all.add(line);
    write(file, all);
    return all.size();
  }

  private PolicyFormatException loadFails() {
    PolicyFormatException e = catchThrowableOfType(PolicyFormatException.class, () -> Policies.load(dir));
    assertThat(e).as("expected PolicyFormatException").isNotNull();
    return e;
  }

  private static String fileAndLine(String file, int line) {
    return "policy pack file " + file + " line " + line;
  }

  // --- the unmodified pack

  @Test
  void load_copyOfEmbeddedPack_equalsCityOfLondon() {
    Policy loaded = Policies.load(dir);
    Policy embedded = Policies.cityOfLondon();
    assertThat(loaded).isNotSameAs(embedded);
    assertThat(loaded.calendar()).isEqualTo(embedded.calendar());
    assertThat(loaded).isEqualTo(embedded);
    assertThat(loaded.hashCode()).isEqualTo(embedded.hashCode());
  }

  @Test
  void load_commentsAndBlankLinesIgnored() throws IOException {
    append(PROPERTIES, "");
    append(PROPERTIES, "# a trailing comment");
    append(INDICATORS, "");
    append(INDICATORS, "# a trailing comment");
    append(ACTIONS, "   ");
    assertThat(Policies.load(dir)).isEqualTo(Policies.cityOfLondon());
  }

  @Test
  void childProtectionPlan_unknownIndicator_failsAtItsKey() throws IOException {
    int n = edit(PROPERTIES, "rules.child-protection-plan.indicator", l -> "rules.child-protection-plan.indicator = T4-NOPE");
    assertThat(loadFails().getMessage()).contains(fileAndLine(PROPERTIES, n))
        .contains("rules.child-protection-plan.indicator").contains("childProtectionPlanIndicator");
  }

  @Test
  void childProtectionPlan_allegationOfTier4_failsAtItsKey() throws IOException {
    int n = edit(PROPERTIES, "rules.child-protection-plan.allegations",
        l -> l + ", T4-S47-SERIOUS-NEGLECT");
    assertThat(loadFails().getMessage()).contains(fileAndLine(PROPERTIES, n)).contains("lower tier");
  }

  @Test
  void childProtectionPlan_withoutItsSection_failsAtTheIndicator() throws IOException {
    int n = lineOf(PROPERTIES, "rules.child-protection-plan.indicator");
    List<String> all = lines(PROPERTIES);
    all.removeIf(l -> l.startsWith("rules.child-protection-plan.section") || l.startsWith("rules.child-protection-plan.reading"));
    write(PROPERTIES, all);
    assertThat(loadFails().getMessage()).contains(fileAndLine(PROPERTIES, n)).contains("childProtectionPlanCitation");
  }

  @Test
  void childProtectionPlan_readingWithoutItsSection_failsAtTheReadingsKey() throws IOException {
    List<String> all = lines(PROPERTIES);
    all.removeIf(l -> l.startsWith("rules.child-protection-plan.section"));
    write(PROPERTIES, all);
    int n = lineOf(PROPERTIES, "rules.child-protection-plan.reading");
    assertThat(loadFails().getMessage()).contains(fileAndLine(PROPERTIES, n)).contains("rules.child-protection-plan.reading")
        .contains("needs the section").doesNotContain("unknown key");
  }

  @Test
  void childProtectionPlan_emptyAllegationInTheList_failsAtItsKey_notDropped() throws IOException {
    // An empty entry between two codes (a trailing comma is tolerated, as in every list key of the pack).
    int n = edit(PROPERTIES, "rules.child-protection-plan.allegations", l -> l.replaceFirst(",", ", ,"));
    assertThat(loadFails().getMessage()).contains(fileAndLine(PROPERTIES, n))
        .contains("rules.child-protection-plan.allegations");
  }

  @Test
  void childProtectionPlan_allegationTypedAsFreeText_failsAtItsKey_withoutTheText() throws IOException {
    int n = edit(PROPERTIES, "rules.child-protection-plan.allegations", l -> l + ", Jane Doe 01/03/2014");
    assertThat(loadFails().getMessage()).contains(fileAndLine(PROPERTIES, n))
        .contains("rules.child-protection-plan.allegations").doesNotContain("Jane").doesNotContain("2014");
  }

  @Test
  void childProtectionPlan_indicatorIsAStrength_failsAtItsKey_withoutTheValue() throws IOException {
    int n = edit(PROPERTIES, "rules.child-protection-plan.indicator",
        l -> "rules.child-protection-plan.indicator = T1-DEV-GOOD-ATTENDANCE");
    assertThat(loadFails().getMessage()).contains(fileAndLine(PROPERTIES, n))
        .contains("childProtectionPlanIndicator").doesNotContain("T1-DEV-GOOD-ATTENDANCE");
  }

  /**
   * Needs-care-now on a Tier 4 and a Tier 1 row, and the no-carer rule on the flag alone: the pack
   * loads, so a concern on each row evaluates, in office hours and on a Saturday night.
   */
  @Test
  void needsCareNow_onTier1AndTier4Rows_ruleOnTheFlagAlone_loadsAndEvaluates() throws IOException {
    edit(INDICATORS, "T4-S47-CP-PLAN-OR-LAC-INJURY", l -> l.replace("\tS47\t", "\tS47,NEEDS_CARE_NOW\t"));
    edit(INDICATORS, "T1-DEV-GOOD-ATTENDANCE", l -> l.replaceFirst("\t-\t-\t-\t-\t", "\t-\t-\tNEEDS_CARE_NOW\t-\t"));
    edit(ACTIONS, "phone-referral-no-carer", l -> l.replace("flag:NEEDS_CARE_NOW&tier=3", "flag:NEEDS_CARE_NOW"));
    Policy p = Policies.load(dir);
    assertThat(p.require(io.thresholds.core.model.IndicatorCode.of("T4-S47-CP-PLAN-OR-LAC-INJURY")).flags())
        .contains(IndicatorFlag.NEEDS_CARE_NOW);
    assertThat(p.require(io.thresholds.core.model.IndicatorCode.of("T1-DEV-GOOD-ATTENDANCE")).flags())
        .contains(IndicatorFlag.NEEDS_CARE_NOW);
    var evaluator = io.thresholds.core.evaluation.ThresholdEvaluator.of(p);
    for (String code : List.of("T4-S47-CP-PLAN-OR-LAC-INJURY", "T1-DEV-GOOD-ATTENDANCE")) {
      for (java.time.Instant at : List.of(java.time.Instant.parse("2025-11-18T10:00:00Z"),
          java.time.Instant.parse("2025-11-22T23:00:00Z"))) {
        java.time.LocalDate day = at.atZone(p.zone()).toLocalDate();
        var r = io.thresholds.core.model.Referral.builder().ref(io.thresholds.core.model.Ref.of("r1"))
            .referrer(io.thresholds.core.model.Referrer.of(io.thresholds.core.model.AgencyType.SCHOOL)).madeAt(at)
            .household(io.thresholds.core.model.Household.builder()
                .addChildren(io.thresholds.core.model.Child.builder().ref(io.thresholds.core.model.Ref.of("c1"))
                    .dateOfBirth(day.minusYears(8)).mobility(io.thresholds.core.model.Mobility.MOBILE).build())
                .build())
            .addReferredChildren(io.thresholds.core.model.Ref.of("c1"))
            .addConcerns(io.thresholds.core.model.Concern.of(code, io.thresholds.core.model.SubjectKind.CHILD,
                io.thresholds.core.model.Ref.of("c1"), day))
            .build();
        var c = evaluator.evaluate(r, at).children().get(0);
        assertThat(c.tierRange()).as(code).isPresent();
        if (code.startsWith("T4")) {
          assertThat(c.actions()).as(code).anyMatch(a -> a.kind() == ActionKind.PHONE_REFERRAL
              && a.modality() == Modality.MUST);
        }
      }
    }
  }

  @Test
  void childProtectionPlan_keysRemoved_noSetting() throws IOException {
    List<String> all = lines(PROPERTIES);
    all.removeIf(l -> l.startsWith("rules.child-protection-plan."));
    write(PROPERTIES, all);
    Policy p = Policies.load(dir);
    assertThat(p.childProtectionPlanIndicator()).isEmpty();
    assertThat(p.childProtectionPlanAllegations()).isEmpty();
  }

  @Test
  void load_editedHubPhone_changesContactPhones() throws IOException {
    edit(PROPERTIES, "contact.hub.phones", l -> "contact.hub.phones = 020 7000 0000 | 020 7000 0001");
    Policy p = Policies.load(dir);
    assertThat(p.contact("hub").orElseThrow().phones()).containsExactly("020 7000 0000", "020 7000 0001");
    assertThat(p).isNotEqualTo(Policies.cityOfLondon());
  }

  @Test
  void load_droppedHoliday_changesCalendar() throws IOException {
    List<String> all = lines(HOLIDAYS);
    assertThat(all.get(all.size() - 1)).isEqualTo("2030-12-26\tBoxing Day");
    all.remove(all.size() - 1);
    write(HOLIDAYS, all);
    Policy p = Policies.load(dir);
    assertThat(p.calendar()).isNotEqualTo(Policies.cityOfLondon().calendar());
    assertThat(p).isNotEqualTo(Policies.cityOfLondon());
  }

  // --- policy.properties

  // --- groups, combinations and readings

  @Test
  void groups_readInFileOrder_withCitation() {
    Policy p = Policies.load(dir);
    assertThat(p.groups()).extracting(IndicatorGroup::id).startsWith("sexual-abuse", "serious-violence");
    assertThat(p.groupsOf(IndicatorCode.of("T3-DEV-SUSPECTED-SEXUAL-ABUSE")))
        .extracting(IndicatorGroup::id).containsExactly("sexual-abuse");
    assertThat(p.combinations()).extracting(Combination::id).containsExactly("parental-risks");
    assertThat(p.cumulativeCountBy()).isEqualTo(CountBy.DOMAIN);
  }

  @Test
  void groups_unknownMember_rejectedNamingTheGroup() throws IOException {
    append(PROPERTIES, "group.made-up.members = T3-DEV-SUSPECTED-SEXUAL-ABUSE, T4-NO-SUCH-CODE");
    append(PROPERTIES, "group.made-up.section = nowhere");
    assertThat(loadFails().getMessage()).contains("groups[made-up].members");
  }

  @Test
  void groups_oneMember_rejectedWithLine() throws IOException {
    int n = append(PROPERTIES, "group.single.members = T3-DEV-SUSPECTED-SEXUAL-ABUSE");
    append(PROPERTIES, "group.single.section = nowhere");
    assertThat(loadFails().getMessage()).startsWith(fileAndLine(PROPERTIES, n)).contains("at least two");
  }

  @Test
  void groups_keyWithoutField_rejected() throws IOException {
    int n = append(PROPERTIES, "group.x = y");
    assertThat(loadFails().getMessage()).startsWith(fileAndLine(PROPERTIES, n));
  }

  @Test
  void combination_memberAtOrAboveItsIndicator_rejected() throws IOException {
    edit(PROPERTIES, "combination.parental-risks.members",
        l -> l + ", T4-PAR-PROBLEMATIC-SUBSTANCE-USE");
    assertThat(loadFails().getMessage()).contains("combinations[parental-risks].members");
  }

  @Test
  void cumulativeCountBy_unknown_rejectedWithLine() throws IOException {
    int n = edit(PROPERTIES, "rules.cumulative-count-by", l -> "rules.cumulative-count-by = VIBES");
    assertThat(loadFails().getMessage()).startsWith(fileAndLine(PROPERTIES, n)).contains("CountBy");
  }

  @Test
  void readings_inSectionCells_andPropertiesKeys_areKeptApartFromTheSection() {
    Policy p = Policies.load(dir);
    Citation fgm = p.require(IndicatorCode.of("T4-PAR-FGM-RISK")).citation();
    assertThat(fgm.section()).isEqualTo("Thresholds of Need matrix");
    assertThat(fgm.reading()).get().asString().contains("more protective");
    assertThat(fgm.toText()).contains("[the pack's reading: ");
    assertThat(p.cumulativeCitation().reading()).isPresent();
    assertThat(p.require(IndicatorCode.of("T4-S47-PREGNANCY-UNDER-13")).citation().reading()).isEmpty();
    Citation staff = p.require(IndicatorCode.of("T3-FAM-ALLEGATION-PERSON-WORKING-WITH-CHILDREN")).citation();
    assertThat(staff.document()).startsWith("Children's MARS Policy and Procedures");
    assertThat(staff.section()).isEqualTo("People in positions of trust");
  }

  @Test
  void readings_unterminated_rejectedWithLine() throws IOException {
    int n = edit(INDICATORS, "T4-PAR-FGM-RISK\t", l -> l.replace("more protective reading]", "more protective reading"));
    assertThat(loadFails().getMessage()).startsWith(fileAndLine(INDICATORS, n));
  }

  @Test
  void properties_duplicateKey_rejectedWithBothLines() throws IOException {
    int first = lineOf(PROPERTIES, "policy.version");
    int n = append(PROPERTIES, "policy.version = 2.0.0");
    assertThat(loadFails().getMessage())
        .startsWith(fileAndLine(PROPERTIES, n) + ":")
        .contains("policy.version")
        .contains("line " + first);
  }

  @Test
  void properties_unknownKey_rejected() throws IOException {
    int n = append(PROPERTIES, "policy.colour = blue");
    assertThat(loadFails().getMessage())
        .startsWith(fileAndLine(PROPERTIES, n) + " (policy.colour)")
        .contains("unknown key");
  }

  @Test
  void properties_misspeltContactKey_rejected() throws IOException {
    int n = append(PROPERTIES, "contact.hub.phone = 020 7000 0000");
    assertThat(loadFails().getMessage()).startsWith(fileAndLine(PROPERTIES, n) + " (contact.hub.phone)");
  }

  @Test
  void properties_missingKey_rejectedNamingFileAndKey() throws IOException {
    List<String> all = lines(PROPERTIES);
    all.removeIf(l -> l.startsWith("policy.version"));
    write(PROPERTIES, all);
    assertThat(loadFails().getMessage())
        .isEqualTo("policy pack file " + PROPERTIES + ": missing key policy.version");
  }

  @Test
  void properties_lineWithoutEquals_rejected() throws IOException {
    int n = append(PROPERTIES, "policy.colour blue");
    assertThat(loadFails().getMessage()).startsWith(fileAndLine(PROPERTIES, n) + ":");
  }

  @Test
  void properties_emptyValue_rejected() throws IOException {
    int n = edit(PROPERTIES, "policy.name", l -> "policy.name =");
    assertThat(loadFails().getMessage()).startsWith(fileAndLine(PROPERTIES, n) + " (policy.name)");
  }

  @Test
  void properties_unknownZone_rejected() throws IOException {
    int n = edit(PROPERTIES, "policy.zone", l -> "policy.zone = Europe/Atlantis");
    assertThat(loadFails().getMessage()).startsWith(fileAndLine(PROPERTIES, n) + " (policy.zone)");
  }

  @Test
  void properties_unknownConsentRequirement_rejected() throws IOException {
    int n = edit(PROPERTIES, "consent.2.requirement", l -> "consent.2.requirement = SOMETIMES");
    assertThat(loadFails().getMessage()).startsWith(fileAndLine(PROPERTIES, n) + " (consent.2.requirement)");
  }

  @Test
  void properties_nonNumericAdultAge_rejected() throws IOException {
    int n = edit(PROPERTIES, "rules.adult-age", l -> "rules.adult-age = eighteen");
    assertThat(loadFails().getMessage()).startsWith(fileAndLine(PROPERTIES, n) + " (rules.adult-age)");
  }

  // --- indicators.tsv

  @Test
  void indicators_badHeader_rejected() throws IOException {
    int n = edit(INDICATORS, "code\t", l -> l.replace("\tlabel", "\ttitle"));
    assertThat(loadFails().getMessage()).startsWith(fileAndLine(INDICATORS, n) + ": header must be");
  }

  @Test
  void indicators_noHeader_rejected() throws IOException {
    List<String> all = lines(INDICATORS);
    all.removeIf(l -> l.startsWith("code\t"));
    write(INDICATORS, all);
    // The first data row is now taken for the header.
    assertThat(loadFails().getMessage()).startsWith("policy pack file " + INDICATORS + " line ")
        .contains("header must be");
  }

  @Test
  void indicators_wrongColumnCount_rejected() throws IOException {
    int n = edit(INDICATORS, "T2-DEV-BEREAVED\t", l -> l.substring(0, l.lastIndexOf('\t')));
    assertThat(loadFails().getMessage())
        .startsWith(fileAndLine(INDICATORS, n) + ": expected 12 tab-separated fields, found 11");
  }

  @Test
  void indicators_extraColumn_rejected() throws IOException {
    int n = edit(INDICATORS, "T2-DEV-BEREAVED\t", l -> l + "\textra");
    assertThat(loadFails().getMessage()).startsWith(fileAndLine(INDICATORS, n) + ": expected 12");
  }

  @Test
  void indicators_unknownFlag_rejected() throws IOException {
    int n = edit(INDICATORS, "T2-DEV-OCCASIONALLY-MISSING\t", l -> l.replace("REFER_MACE", "REFER_MAYBE"));
    assertThat(loadFails().getMessage())
        .startsWith(fileAndLine(INDICATORS, n) + " column flags:")
        .contains("REFER_MAYBE");
  }

  @Test
  void indicators_unknownSubject_rejected() throws IOException {
    int n = edit(INDICATORS, "T2-DEV-BEREAVED\t", l -> l.replace("\tCHILD\t", "\tPUPIL\t"));
    assertThat(loadFails().getMessage()).startsWith(fileAndLine(INDICATORS, n) + " column subjects:");
  }

  @Test
  void indicators_badAge_rejected() throws IOException {
    int n = edit(INDICATORS, "T4-S47-PREGNANCY-UNDER-13\t", l -> l.replace("\t..12\t", "\tunder 13\t"));
    assertThat(loadFails().getMessage()).startsWith(fileAndLine(INDICATORS, n) + " column age:");
  }

  @Test
  void indicators_unknownMobility_rejected() throws IOException {
    int n = edit(INDICATORS, "T4-DEV-PRE-MOBILE-INJURY\t", l -> l.replace("PRE_OR_NON_MOBILE", "NON_MOBILE"));
    assertThat(loadFails().getMessage()).startsWith(fileAndLine(INDICATORS, n) + " column mobility:");
  }

  @Test
  void indicators_badTier_rejected() throws IOException {
    int n = edit(INDICATORS, "T2-DEV-BEREAVED\t", l -> l.replace("\t2\tNEED\t", "\t5\tNEED\t"));
    assertThat(loadFails().getMessage()).startsWith(fileAndLine(INDICATORS, n) + ":");
  }

  @Test
  void indicators_emptyCell_rejected() throws IOException {
    int n = edit(INDICATORS, "T2-DEV-BEREAVED\t", l -> l.replace("\t-\t-\t-\t-\t", "\t-\t\t-\t-\t"));
    assertThat(loadFails().getMessage()).startsWith(fileAndLine(INDICATORS, n) + " column mobility:");
  }

  @Test
  void indicators_undeclaredDomain_rejected() throws IOException {
    int n = edit(INDICATORS, "T2-DEV-BEREAVED\t", l -> l.replace("DEVELOPMENTAL_NEEDS", "DEVELOPMENT"));
    assertThat(loadFails().getMessage()).startsWith(fileAndLine(INDICATORS, n) + " column domain:");
  }

  @Test
  void indicators_strengthAtTier2_rejectedWithLine() throws IOException {
    int n = edit(INDICATORS, "T2-DEV-BEREAVED\t", l -> l.replace("\tNEED\t", "\tSTRENGTH\t"));
    assertThat(loadFails().getMessage()).startsWith(fileAndLine(INDICATORS, n) + ":")
        .contains("indicators[T2-DEV-BEREAVED].kind");
  }

  @Test
  void indicators_escalatesToMissingCode_rejectedNamingCode() throws IOException {
    edit(INDICATORS, "T3-PAR-ASSAULT-NO-OR-MINOR-INJURY\t",
        l -> l.replace("T4-DEV-PRE-MOBILE-INJURY", "T4-DEV-NO-SUCH-INJURY"));
    assertThat(loadFails().getMessage()).contains("T3-PAR-ASSAULT-NO-OR-MINOR-INJURY").contains("escalatesTo");
  }

  @Test
  void indicators_escalatesToMissingCode_rejectedWithFileAndLine() throws IOException {
    int n = edit(INDICATORS, "T3-PAR-ASSAULT-NO-OR-MINOR-INJURY\t",
        l -> l.replace("T4-DEV-PRE-MOBILE-INJURY", "T4-DEV-NO-SUCH-INJURY"));
    assertThat(loadFails().getMessage()).contains(fileAndLine(INDICATORS, n));
  }

  @Test
  void indicators_duplicateCode_rejectedNamingCode() throws IOException {
    int n = lineOf(INDICATORS, "T2-DEV-BEREAVED\t");
    append(INDICATORS, lines(INDICATORS).get(n - 1));
    assertThat(loadFails().getMessage()).contains("T2-DEV-BEREAVED").contains("used twice");
  }

  @Test
  void indicators_duplicateCode_rejectedWithFileAndLine() throws IOException {
    int n = lineOf(INDICATORS, "T2-DEV-BEREAVED\t");
    int dup = append(INDICATORS, lines(INDICATORS).get(n - 1));
    assertThat(loadFails().getMessage()).contains(fileAndLine(INDICATORS, dup));
  }

  // --- actions.tsv

  @Test
  void actions_badHeader_rejected() throws IOException {
    int n = edit(ACTIONS, "id\t", l -> l.replace("\tsupersedes", "\treplaces"));
    assertThat(loadFails().getMessage()).startsWith(fileAndLine(ACTIONS, n) + ": header must be");
  }

  @Test
  void actions_wrongColumnCount_rejected() throws IOException {
    int n = edit(ACTIONS, "monitor\t", l -> l.replace("\tnone\t-\t", "\tnone\t"));
    assertThat(loadFails().getMessage())
        .startsWith(fileAndLine(ACTIONS, n) + ": expected 11 tab-separated fields, found 10");
  }

  @Test
  void actions_unknownTrigger_rejected() throws IOException {
    int n = edit(ACTIONS, "monitor\t", l -> l.replace("\ttier>=2\t", "\twhen-worried\t"));
    assertThat(loadFails().getMessage()).startsWith(fileAndLine(ACTIONS, n) + " column trigger:");
  }

  @Test
  void actions_unknownTriggerFlag_rejected() throws IOException {
    int n = edit(ACTIONS, "prevent-referral\t", l -> l.replace("flag:PREVENT", "flag:PREVENTION"));
    assertThat(loadFails().getMessage()).startsWith(fileAndLine(ACTIONS, n) + " column trigger:");
  }

  @Test
  void actions_unknownTiming_rejected() throws IOException {
    int n = edit(ACTIONS, "chase-feedback\t", l -> l.replace("working-days:1@phone-referral", "within-a-week"));
    assertThat(loadFails().getMessage()).startsWith(fileAndLine(ACTIONS, n) + " column timing:");
  }

  @Test
  void actions_zeroWorkingDays_rejectedWithLine() throws IOException {
    int n = edit(ACTIONS, "chase-feedback\t", l -> l.replace("working-days:1@phone-referral", "working-days:0@phone-referral"));
    assertThat(loadFails().getMessage()).startsWith(fileAndLine(ACTIONS, n) + " column timing:");
  }

  @Test
  void actions_unknownKind_rejected() throws IOException {
    int n = edit(ACTIONS, "monitor\t", l -> l.replace("MONITOR_AND_REREFER", "WATCH"));
    assertThat(loadFails().getMessage()).startsWith(fileAndLine(ACTIONS, n) + " column kind:");
  }

  @Test
  void actions_badId_rejectedWithLine() throws IOException {
    int n = edit(ACTIONS, "monitor\t", l -> "Monitor" + l.substring("monitor".length()));
    assertThat(loadFails().getMessage()).startsWith(fileAndLine(ACTIONS, n) + ":");
  }

  @Test
  void actions_firstRowNot999_rejected() throws IOException {
    List<String> all = lines(ACTIONS);
    int call = lineOf(ACTIONS, "call-999\t") - 1;
    String row = all.remove(call);
    all.add(call + 1, row);
    write(ACTIONS, all);
    assertThat(loadFails().getMessage()).contains("first action rule").contains("emergency");
  }

  @Test
  void actions_firstRowNot999_rejectedWithFileAndLine() throws IOException {
    List<String> all = lines(ACTIONS);
    int call = lineOf(ACTIONS, "call-999\t") - 1;
    String row = all.remove(call);
    all.add(call + 1, row);
    write(ACTIONS, all);
    assertThat(loadFails().getMessage()).contains(fileAndLine(ACTIONS, call + 1));
  }

  // --- bank-holidays.tsv

  @Test
  void holidays_badDate_rejectedNamingFileAndLine() throws IOException {
    int n = append(HOLIDAYS, "2030-02-30\tNo such day");
    ThresholdsException e = catchThrowableOfType(ThresholdsException.class, () -> Policies.load(dir));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).startsWith(fileAndLine(HOLIDAYS, n) + ":");
  }

  @Test
  void holidays_badDate_rejectedAsPolicyFormatException() throws IOException {
    int n = append(HOLIDAYS, "2030-02-30\tNo such day");
    assertThat(loadFails().getMessage()).startsWith(fileAndLine(HOLIDAYS, n) + ":");
  }

  // --- files

  @Test
  void files_missingActions_rejected() throws IOException {
    Files.delete(dir.resolve(ACTIONS));
    assertThat(loadFails().getMessage()).isEqualTo("policy pack file " + ACTIONS + ": missing");
  }

  @Test
  void files_missingProperties_rejected() throws IOException {
    Files.delete(dir.resolve(PROPERTIES));
    assertThat(loadFails().getMessage()).isEqualTo("policy pack file " + PROPERTIES + ": missing");
  }

  @Test
  void files_missingHolidays_rejected() throws IOException {
    Files.delete(dir.resolve(HOLIDAYS));
    assertThat(loadFails().getMessage()).contains(HOLIDAYS);
  }

  @Test
  void files_missingHolidays_rejectedAsMissing() throws IOException {
    Files.delete(dir.resolve(HOLIDAYS));
    assertThat(loadFails().getMessage()).isEqualTo("policy pack file " + HOLIDAYS + ": missing");
  }

  @Test
  void files_missingDirectory_rejected() {
    Path nowhere = dir.resolve("no-such-pack");
    PolicyFormatException e = catchThrowableOfType(PolicyFormatException.class, () -> Policies.load(nowhere));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains(PROPERTIES).contains("missing");
  }

  @Test
  void files_invalidUtf8InIndicators_rejected() throws IOException {
    byte[] bytes = Files.readAllBytes(dir.resolve(INDICATORS));
    byte[] broken = new byte[bytes.length + 2];
    System.arraycopy(bytes, 0, broken, 0, bytes.length);
    broken[bytes.length] = (byte) 0xC3; // a lead byte...
    broken[bytes.length + 1] = (byte) 0x28; // ...followed by a non-continuation byte
    Files.write(dir.resolve(INDICATORS), broken);
    assertThat(loadFails().getMessage()).isEqualTo("policy pack file " + INDICATORS + ": not valid UTF-8");
  }

  @Test
  void files_invalidUtf8InProperties_rejected() throws IOException {
    byte[] bytes = Files.readAllBytes(dir.resolve(PROPERTIES));
    byte[] broken = new byte[bytes.length + 1];
    System.arraycopy(bytes, 0, broken, 0, bytes.length);
    broken[bytes.length] = (byte) 0xFF;
    Files.write(dir.resolve(PROPERTIES), broken);
    assertThat(loadFails().getMessage()).contains(PROPERTIES).contains("UTF-8");
  }

  @Test
  void files_latin1Label_rejected() throws IOException {
    byte[] bytes = Files.readAllBytes(dir.resolve(INDICATORS));
    String text = new String(bytes, StandardCharsets.UTF_8).replace("Child has been bereaved", "Child has been bereav\u00e9d");
    Files.write(dir.resolve(INDICATORS), text.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(loadFails().getMessage()).contains(INDICATORS).contains("UTF-8");
  }
}
