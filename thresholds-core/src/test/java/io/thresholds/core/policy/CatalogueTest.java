package io.thresholds.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.model.Age;
import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.model.Mobility;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.model.Tier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded City of London catalogue against counts taken independently from the source
 * document ({@code expected-catalogue-counts.tsv}), plus named clauses of the document.
 */
class CatalogueTest {
  private static final String DOCUMENT = "City of London Thresholds of Need";
  private static final String MATRIX = "Thresholds of Need matrix";
  private static final String S47 = "Thresholds Criteria: Section 47";
  private static final String S20 = "Thresholds Criteria: Section 20";
  private static final String APPENDIX_4 = "Appendix 4: Thresholds Guidance for Radicalisation";

  private static Policy policy;
  private static Map<String, Integer> expectedCounts;

  @BeforeAll
  static void load() throws IOException {
    policy = Policies.cityOfLondon();
    expectedCounts = new TreeMap<>();
    try (InputStream in = CatalogueTest.class.getResourceAsStream("expected-catalogue-counts.tsv")) {
      assertThat(in).as("expected-catalogue-counts.tsv on the test classpath").isNotNull();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      boolean header = false;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (!header) {
          assertThat(line).isEqualTo("tier\tdomain\tarea\tcount");
          header = true;
          continue;
        }
        String[] cells = line.split("\t", -1);
        assertThat(cells).as(line).hasSize(4);
        Integer previous = expectedCounts.put(key(Integer.parseInt(cells[0]), cells[1], cells[2]),
            Integer.parseInt(cells[3]));
        assertThat(previous).as("duplicate row " + line).isNull();
      }
    }
  }

  private static String key(int tier, String domain, String area) {
    return tier + "\t" + domain + "\t" + area;
  }

  private static Indicator get(String code) {
    return policy.require(IndicatorCode.of(code));
  }

  /** The indicators taken from the threshold document itself (others cite another document). */
  private static List<Indicator> all() {
    return policy.indicators().stream().filter(i -> i.citation().document().equals(DOCUMENT))
        .collect(Collectors.toList());
  }

  @Test
  void otherDocuments_onlyTheAllegationAgainstStaff_markedAsTheReadingOfThePack() {
    List<Indicator> others = policy.indicators().stream()
        .filter(i -> !i.citation().document().equals(DOCUMENT)).collect(Collectors.toList());
    assertThat(others).extracting(i -> i.code().value())
        .containsExactly("T3-FAM-ALLEGATION-PERSON-WORKING-WITH-CHILDREN");
    assertThat(others.get(0).citation().reading()).isPresent();
    assertThat(others.get(0).has(IndicatorFlag.LADO)).isTrue();
  }

  // --- completeness against the independent counts

  @Test
  void countsPerTierDomainArea_matchDocumentExactly() {
    Map<String, Integer> actual = all().stream().collect(Collectors.toMap(
        i -> key(i.tier().number(), i.domain(), i.area()), i -> 1, Integer::sum, TreeMap::new));
    assertThat(actual).containsExactlyEntriesOf(expectedCounts);
  }

  @Test
  void totalCount_matchesDocument() {
    int expected = expectedCounts.values().stream().mapToInt(Integer::intValue).sum();
    assertThat(all()).hasSize(expected);
  }

  @Test
  void codes_unique() {
    Set<IndicatorCode> codes = new HashSet<>();
    for (Indicator i : all()) {
      assertThat(codes.add(i.code())).as("duplicate %s", i.code()).isTrue();
    }
    assertThat(policy.catalogue()).hasSize(policy.indicators().size());
  }

  @Test
  void codes_startWithTheirTier() {
    assertThat(all()).allSatisfy(i -> assertThat(i.code().value()).startsWith("T" + i.tier().number() + "-"));
  }

  @Test
  void domains_allDeclaredInDocumentOrder() {
    assertThat(policy.domains().keySet()).containsExactly("DEVELOPMENTAL_NEEDS", "FAMILY_AND_ENVIRONMENT",
        "PARENTING_CAPACITY", "S47_CRITERIA", "S20_CRITERIA", "RADICALISATION_GUIDANCE");
    assertThat(all()).allSatisfy(i -> assertThat(policy.domains()).containsKey(i.domain()));
  }

  // --- citations

  @Test
  void citations_everyIndicatorCitesTheDocumentAndOneOfItsIndicatorSections() {
    assertThat(all()).allSatisfy(i -> {
      Citation c = i.citation();
      assertThat(c.document()).as(i.code().value()).isEqualTo(DOCUMENT);
      assertThat(c.section()).as(i.code().value()).isIn(MATRIX, S47, S20, APPENDIX_4);
      assertThat(c.tier()).contains(i.tier());
      assertThat(c.domain()).contains(policy.domains().get(i.domain()));
      assertThat(c.area()).contains(i.area());
    });
  }

  @Test
  void citations_sectionFollowsDomain() {
    assertThat(all()).allSatisfy(i -> {
      String expected = i.domain().equals("S47_CRITERIA") ? S47
          : i.domain().equals("S20_CRITERIA") ? S20
          : i.domain().equals("RADICALISATION_GUIDANCE") ? APPENDIX_4 : MATRIX;
      assertThat(i.citation().section()).as(i.code().value()).isEqualTo(expected);
    });
  }

  @Test
  void citation_toText_readable() {
    assertThat(get("T4-S47-PREGNANCY-UNDER-13").citation().toText()).isEqualTo(
        "City of London Thresholds of Need, Thresholds Criteria: Section 47, Tier 4, Section 47 criteria"
            + " / Section 47 enquiries");
  }

  // --- kinds, labels and subjects

  @Test
  void tier1_allStrengths_otherTiers_allNeeds() {
    assertThat(all()).allSatisfy(i -> assertThat(i.kind())
        .isEqualTo(i.tier() == Tier.UNIVERSAL ? IndicatorKind.STRENGTH : IndicatorKind.NEED));
  }

  @Test
  void strengths_carryNoFlagsConditionsOrEscalation() {
    assertThat(all()).filteredOn(i -> i.kind() == IndicatorKind.STRENGTH).allSatisfy(i -> {
      assertThat(i.flags()).isEmpty();
      assertThat(i.hasConditions()).isFalse();
      assertThat(i.escalatesTo()).isEmpty();
    });
  }

  @Test
  void labels_distinctWithinEachTierDomainArea() {
    Map<String, Long> perCell = all().stream().collect(Collectors.groupingBy(
        i -> key(i.tier().number(), i.domain(), i.area()) + "\t" + i.label(), Collectors.counting()));
    assertThat(perCell).allSatisfy((k, n) -> assertThat(n).as(k).isEqualTo(1L));
  }

  @Test
  void subjects_anyExpandsToAllThree() {
    assertThat(get("T4-S47-RISK-INDIVIDUAL").subjects()).containsExactlyInAnyOrder(SubjectKind.values());
  }

  // --- escalation

  @Test
  void escalatesTo_everyTargetExistsIsHigherTierAndHasCondition() {
    List<Indicator> escalating = all().stream().filter(i -> i.escalatesTo().isPresent()).collect(Collectors.toList());
    assertThat(escalating).isNotEmpty();
    assertThat(escalating).allSatisfy(i -> {
      Indicator target = policy.indicator(i.escalatesTo().get()).orElseThrow();
      assertThat(target.tier()).as(i.code().value()).isGreaterThan(i.tier());
      assertThat(target.hasConditions()).as(i.code().value()).isTrue();
    });
  }

  @Test
  void matrix_tier3_pregnantOrUnsafeRelationship13to15_escalatesToUnder13() {
    Indicator t3 = get("T3-DEV-PREGNANT-OR-UNSAFE-RELATIONSHIP-13-15");
    assertThat(t3.tier()).isEqualTo(Tier.HIGH_OR_COMPLEX);
    assertThat(t3.age().orElseThrow().toText()).isEqualTo("13..15");
    assertThat(t3.escalatesTo()).contains(IndicatorCode.of("T4-FAM-UNDER-13-PREGNANT-OR-SEXUALLY-ACTIVE"));
    Indicator t4 = get("T4-FAM-UNDER-13-PREGNANT-OR-SEXUALLY-ACTIVE");
    assertThat(t4.tier()).isEqualTo(Tier.ACUTE);
    assertThat(t4.age().orElseThrow().toText()).isEqualTo("..12");
    assertThat(t4.conditionsFor(Age.ofYears(12), Mobility.UNKNOWN)).isEqualTo(Match.YES);
    assertThat(t4.conditionsFor(Age.ofYears(13), Mobility.UNKNOWN)).isEqualTo(Match.NO);
  }

  @Test
  void matrix_tier3_assaultNoOrMinorInjury_escalatesToPreMobileInjury() {
    Indicator t3 = get("T3-PAR-ASSAULT-NO-OR-MINOR-INJURY");
    assertThat(t3.escalatesTo()).contains(IndicatorCode.of("T4-DEV-PRE-MOBILE-INJURY"));
    Indicator t4 = get("T4-DEV-PRE-MOBILE-INJURY");
    assertThat(t4.preOrNonMobileOnly()).isTrue();
    assertThat(t4.has(IndicatorFlag.S47)).isTrue();
  }

  // --- flags

  @Test
  void prevent_onlyInRadicalisationGuidanceOrRadicalisationArea() {
    List<Indicator> prevent = all().stream().filter(i -> i.has(IndicatorFlag.PREVENT)).collect(Collectors.toList());
    assertThat(prevent).isNotEmpty();
    assertThat(prevent).allSatisfy(i -> assertThat(
        i.domain().equals("RADICALISATION_GUIDANCE") || i.area().equals("Radicalisation"))
        .as(i.code().value()).isTrue());
  }

  @Test
  void prevent_onEveryRadicalisationNeed() {
    assertThat(all())
        .filteredOn(i -> i.kind() == IndicatorKind.NEED
            && (i.domain().equals("RADICALISATION_GUIDANCE") || i.area().equals("Radicalisation")))
        .hasSize(3 + 5 + 3 + 11 + 11 + 11)
        .allSatisfy(i -> assertThat(i.has(IndicatorFlag.PREVENT)).as(i.code().value()).isTrue());
  }

  @Test
  void doNotTellFamily_onForcedMarriageAndFabricatedIllnessEntries_andFgmHbvAsTheReadingOfThePack() {
    assertThat(all().stream().filter(i -> i.has(IndicatorFlag.DO_NOT_TELL_FAMILY)).map(i -> i.code().value()))
        .containsExactlyInAnyOrder(
            "T4-FAM-FORCED-MARRIAGE",
            "T4-FAM-HONOUR-BASED-VIOLENCE",
            "T4-S47-FGM-HBV-FORCED-MARRIAGE",
            "T3-PAR-FGM-FAMILY-HISTORY",
            "T4-PAR-FGM-RISK",
            "T4-PAR-FABRICATED-INDUCED-ILLNESS",
            "T4-S47-FABRICATED-INDUCED-ILLNESS");
    // The document says "do not discuss" only for forced marriage and fabricated or induced illness:
    // every other entry carrying the flag is marked as the pack's own, more protective, reading.
    for (String code : List.of("T4-FAM-HONOUR-BASED-VIOLENCE", "T4-S47-FGM-HBV-FORCED-MARRIAGE",
        "T3-PAR-FGM-FAMILY-HISTORY", "T4-PAR-FGM-RISK")) {
      assertThat(get(code).citation().reading()).as(code).isPresent();
    }
    assertThat(all()).filteredOn(i -> i.area().equals("Forced marriage"))
        .allSatisfy(i -> assertThat(i.has(IndicatorFlag.DO_NOT_TELL_FAMILY)).isTrue());
  }

  @Test
  void s47Flag_onlyAtTier4() {
    assertThat(all()).filteredOn(i -> i.has(IndicatorFlag.S47))
        .allSatisfy(i -> assertThat(i.tier()).isEqualTo(Tier.ACUTE));
  }

  @Test
  void mace_tier2OccasionallyMissing_alsoReferToMace_andExploitationAtTier4() {
    // Tier 2 Missing: "Also refer to MACE".
    assertThat(get("T2-DEV-OCCASIONALLY-MISSING").has(IndicatorFlag.REFER_MACE)).isTrue();
    assertThat(all()).filteredOn(i -> i.has(IndicatorFlag.CONSIDER_MACE)).isEmpty();
    for (String code : List.of("T4-S47-EXPLOITATION-OR-TRAFFICKING", "T4-DEV-TRAFFICKING-MODERN-SLAVERY",
        "T4-FAM-GROOMING", "T4-FAM-UNDER-13-PREGNANT-OR-SEXUALLY-ACTIVE", "T3-FAM-TARGETED-NO-OFFENCE-EVIDENCE")) {
      assertThat(get(code).has(IndicatorFlag.REFER_MACE)).as(code).isTrue();
    }
    assertThat(get("T3-FAM-MACE-CATEGORY-0").has(IndicatorFlag.REFER_MACE)).isTrue();
    assertThat(get("T4-FAM-MACE-CATEGORY-1").has(IndicatorFlag.REFER_MACE)).isTrue();
    assertThat(get("T4-FAM-MACE-CATEGORY-2").has(IndicatorFlag.REFER_MACE)).isTrue();
  }

  /**
   * Matrix Tier 3 "No available parent and child is in need of accommodation" and the Section 20
   * criteria of a child with no carer now (no one with parental responsibility; lost or abandoned;
   * the carer prevented from providing care): the pack's reading flags these, and only these, as
   * needing care now. The Tier 4 rows of the same concern already take the urgent route.
   */
  @Test
  void needsCareNow_theRowsOfAChildWithNoCarerNow() {
    assertThat(all().stream().filter(i -> i.has(IndicatorFlag.NEEDS_CARE_NOW)).map(i -> i.code().value()))
        .containsExactlyInAnyOrder("T3-PAR-NO-PARENT-NEEDS-ACCOMMODATION", "T3-S20-NO-PARENTAL-RESPONSIBILITY",
            "T3-S20-LOST-OR-ABANDONED", "T3-S20-CARER-PREVENTED");
  }

  @Test
  void groups_familyContactFlagsAgreeWithinEveryGroup() {
    // Which code of a group a practitioner picks must never change whether the family may be told.
    assertThat(policy.groups()).isNotEmpty().allSatisfy(g -> {
      for (IndicatorFlag f : List.of(IndicatorFlag.DO_NOT_TELL_FAMILY, IndicatorFlag.POLICE_INVESTIGATION)) {
        assertThat(g.members().stream().map(c -> policy.require(c).has(f)).distinct())
            .as("%s %s", g.id(), f).hasSize(1);
      }
    });
  }

  @Test
  void groups_theConcernsTheDocumentListsAtTwoTiers() {
    for (List<String> pair : List.of(
        List.of("T3-DEV-SUSPECTED-SEXUAL-ABUSE", "T4-S47-SERIOUS-INJURY-OR-SEXUAL-ABUSE"),
        List.of("T3-PAR-SERIOUS-PERSISTENT-VIOLENCE", "T4-PAR-ESCALATING-DOMESTIC-ABUSE"),
        List.of("T3-PAR-NEGLECT-ALLEGATIONS", "T4-S47-SERIOUS-NEGLECT"),
        List.of("T3-FAM-PERSISTENTLY-MISSING", "T4-FAM-FREQUENTLY-MISSING"),
        List.of("T2-DEV-VICTIM-OF-CRIME", "T4-S47-EXPLOITATION-OR-TRAFFICKING"),
        List.of("T3-PAR-RAD-WISH-TO-TRAVEL", "T4-PAR-RAD-NONSPECIFIC-TRAVEL-WISH"),
        List.of("T3-S20-LOST-OR-ABANDONED", "T4-S47-NO-PARENT-AVAILABLE"))) {
      assertThat(policy.groupsOf(IndicatorCode.of(pair.get(0))))
          .as(pair.toString()).anySatisfy(g -> assertThat(g.contains(IndicatorCode.of(pair.get(1)))).isTrue());
    }
  }

  @Test
  void policeInvestigation_onSexualAbuseCriteria() {
    for (String code : List.of("T4-S47-SERIOUS-INJURY-OR-SEXUAL-ABUSE", "T4-S47-SEXUAL-ABUSE-DISCLOSURE",
        "T4-S47-LINKED-SEXUAL-ABUSE", "T3-DEV-SUSPECTED-SEXUAL-ABUSE", "T4-DEV-SEXUALISED-BEHAVIOUR")) {
      assertThat(get(code).has(IndicatorFlag.POLICE_INVESTIGATION)).as(code).isTrue();
    }
  }

  // --- Section 47 criteria

  @Test
  void s47_nineteenCriteria_allTier4WithS47Flag() {
    List<Indicator> s47 = all().stream().filter(i -> i.domain().equals("S47_CRITERIA")).collect(Collectors.toList());
    assertThat(s47).hasSize(19);
    assertThat(s47).allSatisfy(i -> {
      assertThat(i.tier()).isEqualTo(Tier.ACUTE);
      assertThat(i.has(IndicatorFlag.S47)).isTrue();
      assertThat(i.area()).isEqualTo("Section 47 enquiries");
      assertThat(i.citation().section()).isEqualTo(S47);
      assertThat(i.code().value()).startsWith("T4-S47-");
    });
    assertThat(all()).filteredOn(i -> i.code().value().startsWith("T4-S47-")).hasSize(19);
  }

  @Test
  void s47_pregnancyUnder13_isTier4WithAgeUnder13() {
    Indicator i = get("T4-S47-PREGNANCY-UNDER-13");
    assertThat(i.tier()).isEqualTo(Tier.ACUTE);
    assertThat(i.age().orElseThrow().toText()).isEqualTo("..12");
    assertThat(i.age().orElseThrow().includesUnborn()).isFalse();
    assertThat(i.subjects()).containsExactly(SubjectKind.CHILD);
  }

  @Test
  void s47_failureToThriveUnder5_isAgeUnder5() {
    assertThat(get("T4-S47-FAILURE-TO-THRIVE-UNDER-5").age().orElseThrow().toText()).isEqualTo("..4");
    assertThat(get("T4-DEV-FAILURE-TO-THRIVE-UNDER-5").age().orElseThrow().toText()).isEqualTo("..4");
  }

  @Test
  void s47_preMobileCriteria_needPreOrNonMobileChild() {
    assertThat(get("T4-S47-PRE-MOBILE-INJURY-OR-ALLEGATION").preOrNonMobileOnly()).isTrue();
    assertThat(get("T4-S47-MULTIPLE-MINOR-INJURIES-BABY").preOrNonMobileOnly()).isTrue();
  }

  // --- Section 20 criteria

  @Test
  void s20_fiveAccommodationCriteria_allTier3WithoutS47Flag() {
    List<Indicator> s20 = all().stream().filter(i -> i.domain().equals("S20_CRITERIA")).collect(Collectors.toList());
    assertThat(s20).hasSize(5);
    assertThat(s20).allSatisfy(i -> {
      assertThat(i.tier()).isEqualTo(Tier.HIGH_OR_COMPLEX);
      assertThat(i.has(IndicatorFlag.S47)).isFalse();
      assertThat(i.area()).isEqualTo("Section 20 accommodation");
      assertThat(i.citation().section()).isEqualTo(S20);
      assertThat(i.code().value()).startsWith("T3-S20-");
    });
  }

  @Test
  void s20_aged16WelfarePrejudiced_isAge16AndOver() {
    AgeCondition a = get("T3-S20-AGED-16-WELFARE-PREJUDICED").age().orElseThrow();
    assertThat(a.toText()).isEqualTo("16..");
    assertThat(a.matches(Age.ofYears(15))).isFalse();
    assertThat(a.matches(Age.ofYears(16))).isTrue();
    assertThat(a.matches(Age.ofYears(17))).isTrue();
  }

  // --- named matrix clauses

  @Test
  void matrix_tier3_persistentlyMissing_vs_tier4_frequentlyMissing_bothKept() {
    Indicator t3 = get("T3-FAM-PERSISTENTLY-MISSING");
    Indicator t4 = get("T4-FAM-FREQUENTLY-MISSING");
    assertThat(t3.tier()).isEqualTo(Tier.HIGH_OR_COMPLEX);
    assertThat(t4.tier()).isEqualTo(Tier.ACUTE);
    assertThat(t3.escalatesTo()).isEmpty();
    assertThat(t3.flags()).contains(IndicatorFlag.REFER_MACE, IndicatorFlag.MISSING_EDUCATION);
    assertThat(t4.flags()).contains(IndicatorFlag.REFER_MACE, IndicatorFlag.S47);
    assertThat(get("T2-DEV-OCCASIONALLY-MISSING").tier()).isEqualTo(Tier.ADDITIONAL_NEEDS);
  }

  @Test
  void matrix_tier2_earlyOffending_aged10to14() {
    assertThat(get("T2-DEV-EARLY-OFFENDING").age().orElseThrow().toText()).isEqualTo("10..14");
  }

  @Test
  void matrix_tier2_youngParentUnder16() {
    assertThat(get("T2-DEV-YOUNG-PARENT-UNDER-16").age().orElseThrow().toText()).isEqualTo("..15");
  }

  @Test
  void matrix_tier4_assaultOnMother_babyUnder1OrPregnancy() {
    AgeCondition a = get("T4-PAR-ASSAULT-ON-MOTHER-INFANT").age().orElseThrow();
    assertThat(a.toText()).isEqualTo("..0+unborn");
    assertThat(a.matches(Age.unbornChild())).isTrue();
    assertThat(a.matches(Age.ofYears(1))).isFalse();
  }

  @Test
  void matrix_tier4_fgmCell_keepsDomesticViolenceBulletsAsDomesticAbuse() {
    assertThat(get("T4-PAR-FGM-RISK").area()).isEqualTo("FGM");
    assertThat(all()).filteredOn(i -> i.tier() == Tier.ACUTE && i.area().equals("Domestic abuse")).hasSize(5);
  }

  @Test
  void matrix_tier3_exclusionOrAbsence_flagsMissingEducation() {
    assertThat(get("T3-DEV-EXCLUSION-OR-PERSISTENT-ABSENCE").has(IndicatorFlag.MISSING_EDUCATION)).isTrue();
  }

  @Test
  void derivations_nameTier2EducationIndicators() {
    assertThat(policy.lowAttendanceBelowPercent()).hasValue(90);
    assertThat(policy.lowAttendanceIndicator()).contains(IndicatorCode.of("T2-DEV-LOW-ATTENDANCE"));
    assertThat(policy.missingEducationIndicator()).contains(IndicatorCode.of("T2-DEV-MISSING-EDUCATION"));
    assertThat(policy.schoolAgeFrom()).hasValue(5);
    assertThat(policy.schoolAgeTo()).hasValue(17);
  }

  // --- the rest of the policy

  @Test
  void policy_identityAndTiers() {
    assertThat(policy.id()).isEqualTo("city-of-london");
    assertThat(policy.documentTitle()).isEqualTo(DOCUMENT);
    assertThat(policy.zone().getId()).isEqualTo("Europe/London");
    assertThat(policy.tiers()).extracting(TierDefinition::tier).containsExactly(Tier.values());
    assertThat(policy.consentRules()).extracting(r -> r.tier()).containsExactly(Tier.values());
    assertThat(policy.adultAge()).isEqualTo(18);
    assertThat(policy.cumulativeCount()).isEqualTo(2);
    assertThat(policy.immediateDangerTier()).contains(Tier.ACUTE);
  }

  @Test
  void policy_routesAndContacts() {
    assertThat(policy.inHoursRoute()).isEqualTo("hub");
    assertThat(policy.outOfHoursRoute()).isEqualTo("edt");
    assertThat(policy.contact("hub").orElseThrow().phones())
        .containsExactly("020 7332 3621", "020 7332 1620", "020 7332 3394");
    assertThat(policy.contact("hub").orElseThrow().hours()).isPresent();
    assertThat(policy.contact("edt").orElseThrow().hours()).isPresent();
    assertThat(policy.contact("police").orElseThrow().phones()).containsExactly("999");
  }

  @Test
  void actions_firstIsMustCall999OnImmediateDanger() {
    ActionRule first = policy.actionRules().get(0);
    assertThat(first.id()).isEqualTo("call-999");
    assertThat(first.kind()).isEqualTo(ActionKind.CALL_EMERGENCY_SERVICES);
    assertThat(first.modality()).isEqualTo(Modality.MUST);
    assertThat(first.trigger().kind()).isEqualTo(Trigger.Kind.IMMEDIATE_DANGER);
    assertThat(first.contact()).contains("police");
    assertThat(policy.actionRules()).hasSize(34); // 27 + issue 11: step-up, allocated-worker, step-down, two escalation rules; + phone-referral-no-carer (V208); + consent-unsafe-tier2 (V319)
  }

  @Test
  void cityOfLondon_isLoadedOnce() {
    assertThat(Policies.cityOfLondon()).isSameAs(policy);
  }
}
