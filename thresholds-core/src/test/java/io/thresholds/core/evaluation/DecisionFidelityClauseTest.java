package io.thresholds.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.consent.ConsentGuidance;
import io.thresholds.core.consent.ConsentState;
import io.thresholds.core.consent.NotSoughtReason;
import io.thresholds.core.model.Adult;
import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Household;
import io.thresholds.core.model.Mobility;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Referrer;
import io.thresholds.core.model.Relationship;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.ActionKind;
import io.thresholds.core.policy.Modality;
import io.thresholds.core.policy.Policies;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 (decision fidelity): advice that never under-states risk or contradicts a recorded
 * consent decision, pinned clause by clause to the City of London Thresholds of Need.
 */
class DecisionFidelityClauseTest {
  private static final ThresholdEvaluator EVALUATOR = ThresholdEvaluator.of(Policies.cityOfLondon());
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  /** Tuesday 18 November 2025, 10:00: the Hub is open. */
  private static final Instant TUE_10AM = london("2025-11-18T10:00");
  /** Friday 21 November 2025, 20:00: the Emergency Duty Team is on. */
  private static final Instant FRI_8PM = london("2025-11-21T20:00");
  private static final LocalDate MON = LocalDate.of(2025, 11, 17);
  private static final Adult MUM = Adult.builder().ref(Ref.of("mum"))
      .relationship(Relationship.MOTHER).parentalResponsibility(true).build();

  private static Instant london(String t) {
    return LocalDateTime.parse(t).atZone(LONDON).toInstant();
  }

  private static Child child(LocalDate dob) {
    return Child.builder().ref(Ref.of("c1")).dateOfBirth(dob).build();
  }

  private static Concern aboutChild(String code) {
    return Concern.of(code, SubjectKind.CHILD, Ref.of("c1"), MON);
  }

  private static Concern aboutMum(String code) {
    return Concern.of(code, SubjectKind.PARENT_CARER, Ref.of("mum"), MON);
  }

  private static ChildAssessment assess(Instant at, Child c, boolean withMum, ConsentState consent,
      Concern... concerns) {
    Household h = Household.builder().addChildren(c).addAllAdults(withMum ? List.of(MUM) : List.of()).build();
    Referral r = Referral.builder()
        .ref(Ref.of("r1"))
        .referrer(Referrer.of(AgencyType.SCHOOL))
        .madeAt(at)
        .household(h)
        .addReferredChildren(c.ref())
        .consent(consent)
        .addConcerns(concerns)
        .build();
    return EVALUATOR.evaluate(r, at).children().get(0);
  }

  private static ChildAssessment assess(LocalDate dob, Concern... concerns) {
    return assess(TUE_10AM, child(dob), true, ConsentState.notYetSought(), concerns);
  }

  private static TierRange range(Tier min, Tier max) {
    return TierRange.of(min, max);
  }

  private static Action action(ChildAssessment c, ActionKind kind) {
    return c.actions().stream().filter(a -> a.kind() == kind).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " in " + kinds(c)));
  }

  private static List<ActionKind> kinds(ChildAssessment c) {
    return c.actions().stream().map(Action::kind).collect(Collectors.toList());
  }

  private static void neverSeekNorTell(ChildAssessment c) {
    assertThat(c.consent()).isNotEmpty().allSatisfy(g -> {
      assertThat(g.maySeekConsent()).as("Tier %s", g.tier().number()).isFalse();
      assertThat(g.mayTellFamily()).as("Tier %s", g.tier().number()).isFalse();
    });
  }

  // ---- defect 1: one concern the document places at two tiers -----------------------------------

  /**
   * Matrix Tier 3 "suspicion of sexual abuse" and the Section 47 "allegations or suspicions about ...
   * sexual abuse": on a Friday night the Tier 4 route (the Emergency Duty Team now) is offered, not
   * only "phone the Hub on Monday".
   */
  @Test
  void s47_suspectedSexualAbuse_tier3Code_reachesTier4_edtNowToConsider() {
    ChildAssessment c = assess(FRI_8PM, child(LocalDate.of(2016, 4, 10)), true,
        ConsentState.notYetSought(), aboutChild("T3-DEV-SUSPECTED-SEXUAL-ABUSE"));
    assertThat(c.tierRange()).contains(range(Tier.HIGH_OR_COMPLEX, Tier.ACUTE));
    assertThat(c.widenedBy()).containsExactly(Widening.SAME_CONCERN_AT_HIGHER_TIER);
    assertThat(c.reasons()).extracting(Reason::kind).contains(ReasonKind.LISTED_AT_HIGHER_TIER);
    Action urgent = c.actions().stream().filter(a -> a.ruleId().equals("phone-referral-urgent")).findFirst().orElseThrow();
    assertThat(urgent.modality()).isEqualTo(Modality.CONSIDER);
    assertThat(urgent.contact().orElseThrow().id()).isEqualTo("edt");
    assertThat(urgent.due().orElseThrow().dueBy()).isEqualTo(FRI_8PM);
    assertThat(action(c, ActionKind.STRATEGY_DISCUSSION).modality()).isEqualTo(Modality.CONSIDER);
    neverSeekNorTell(c);
  }

  /** A concern picked at the higher tier of its group stays there: the group never lowers a tier. */
  @Test
  void s47_sameConcernPickedAtTier4_staysTier4() {
    ChildAssessment c = assess(LocalDate.of(2016, 4, 10), aboutChild("T4-S47-SERIOUS-INJURY-OR-SEXUAL-ABUSE"));
    assertThat(c.tierRange()).contains(range(Tier.ACUTE, Tier.ACUTE));
    assertThat(c.widenedBy()).isEmpty();
  }

  /** Victim of crime including exploitation (Tier 2) and exploitation (Section 47): MACE to consider. */
  @Test
  void s47_victimOfCrimeTier2_reachesTier4_maceToConsider() {
    ChildAssessment c = assess(LocalDate.of(2010, 4, 10), aboutChild("T2-DEV-VICTIM-OF-CRIME"));
    assertThat(c.tierRange()).contains(range(Tier.ADDITIONAL_NEEDS, Tier.ACUTE));
    assertThat(action(c, ActionKind.MACE_REFERRAL).modality()).isEqualTo(Modality.CONSIDER);
  }

  // ---- defect 2: a recorded decision not to seek consent ------------------------------------------

  @Test
  void consent_notSoughtBecauseUnsafe_recordHonoured_atEveryTier() {
    for (NotSoughtReason why : NotSoughtReason.values()) {
      for (String code : List.of("T3-PAR-CHAOTIC-SUBSTANCE-USE", "T4-PAR-PROBLEMATIC-SUBSTANCE-USE")) {
        ChildAssessment c = assess(TUE_10AM, child(LocalDate.of(2016, 4, 10)), true,
            ConsentState.notSoughtUnsafe(why, TUE_10AM.minusSeconds(600)), aboutMum(code));
        neverSeekNorTell(c);
        assertThat(c.consent()).allSatisfy(g -> assertThat(g.restrictions())
            .anyMatch(r -> r.startsWith("Consent is recorded as not sought")));
      }
    }
  }

  // ---- defect 3: a child with no parent ------------------------------------------------------------

  /** Section 47: "No available parent and child vulnerable to significant harm (for example an abandoned baby)". */
  @Test
  void s47_abandonedBaby_noAdultInTheHousehold_tier4() {
    ChildAssessment c = assess(FRI_8PM, child(LocalDate.of(2025, 5, 1)), false,
        ConsentState.notYetSought(), aboutChild("T4-S47-NO-PARENT-AVAILABLE"));
    assertThat(c.tierRange()).contains(range(Tier.ACUTE, Tier.ACUTE));
    assertThat(c.actions().get(0).ruleId()).isEqualTo("phone-referral-urgent");
    assertThat(c.actions().get(0).contact().orElseThrow().id()).isEqualTo("edt");
  }

  /** Section 20 "lost or abandoned" is the same concern as the Section 47 abandoned child. */
  @Test
  void s20_lostOrAbandoned_reachesTheSection47Criterion() {
    ChildAssessment c = assess(LocalDate.of(2010, 4, 10), aboutChild("T3-S20-LOST-OR-ABANDONED"));
    assertThat(c.tierRange()).contains(range(Tier.HIGH_OR_COMPLEX, Tier.ACUTE));
  }

  // ---- defect 4: a 12-year-old parent -------------------------------------------------------------

  /** Section 47: "Pregnancy in a child aged under 13"; a young parent of 12 escalates to it. */
  @Test
  void s47_youngParentAged12_escalatesToTier4_familyNotTold() {
    ChildAssessment c = assess(LocalDate.of(2013, 1, 10), aboutChild("T2-DEV-YOUNG-PARENT-UNDER-16"));
    assertThat(c.tierRange()).contains(range(Tier.ACUTE, Tier.ACUTE));
    assertThat(c.reasons()).extracting(Reason::kind).contains(ReasonKind.ESCALATED);
    assertThat(kinds(c)).doesNotContain(ActionKind.EARLY_HELP_REFERRAL);
    neverSeekNorTell(c);
    // At 15 the Tier 2 row stands.
    assertThat(assess(LocalDate.of(2010, 1, 10), aboutChild("T2-DEV-YOUNG-PARENT-UNDER-16")).tierRange())
        .contains(range(Tier.ADDITIONAL_NEEDS, Tier.ADDITIONAL_NEEDS));
  }

  // ---- defect 5: exploitation and MACE ------------------------------------------------------------

  /** Tier 4 assessment box: all MACE referrals go through the duty social worker. */
  @Test
  void mace_exploitationAtTier4_referToMace() {
    for (String code : List.of("T4-S47-EXPLOITATION-OR-TRAFFICKING", "T4-DEV-TRAFFICKING-MODERN-SLAVERY",
        "T4-FAM-GROOMING")) {
      ChildAssessment c = assess(LocalDate.of(2010, 4, 10), aboutChild(code));
      assertThat(action(c, ActionKind.MACE_REFERRAL).modality()).as(code).isEqualTo(Modality.MUST);
    }
    ChildAssessment under13 = assess(LocalDate.of(2014, 4, 10), aboutChild("T4-FAM-UNDER-13-PREGNANT-OR-SEXUALLY-ACTIVE"));
    assertThat(action(under13, ActionKind.MACE_REFERRAL).modality()).isEqualTo(Modality.MUST);
  }

  // ---- defect 6: allegations and the family -------------------------------------------------------

  @Test
  void s47_anyAllegationOfAbuse_noAdviceToSeekConsentOrTellTheFamily() {
    neverSeekNorTell(assess(LocalDate.of(2016, 4, 10), aboutMum("T4-PAR-ABUSE-ALLEGATION-OR-NAI")));
    ChildAssessment baby = assess(TUE_10AM, Child.builder().ref(Ref.of("c1")).dateOfBirth(LocalDate.of(2025, 6, 1))
        .mobility(Mobility.PRE_MOBILE).build(), true, ConsentState.notYetSought(),
        aboutChild("T4-S47-PRE-MOBILE-INJURY-OR-ALLEGATION"));
    neverSeekNorTell(baby);
  }

  /** FGM under any of its codes: the same answer on telling the family (the pack's marked reading). */
  @Test
  void fgm_whicheverCodeIsPicked_familyNotTold() {
    for (String code : List.of("T3-PAR-FGM-FAMILY-HISTORY", "T4-PAR-FGM-RISK", "T4-S47-FGM-HBV-FORCED-MARRIAGE")) {
      ChildAssessment c = assess(LocalDate.of(2016, 4, 10), aboutChild(code));
      neverSeekNorTell(c);
    }
  }

  // ---- defect 9: missing education picked by hand -------------------------------------------------

  @Test
  void missingEducation_pickedByHand_educationServiceAction() {
    ChildAssessment c = assess(LocalDate.of(2014, 4, 10), aboutChild("T2-DEV-MISSING-EDUCATION"));
    Action edu = action(c, ActionKind.EDUCATION_SERVICE_REFERRAL);
    assertThat(edu.modality()).isEqualTo(Modality.SHOULD);
    assertThat(edu.contact().orElseThrow().phones()).isNotEmpty();
  }

  // ---- defect 10: allegations against people who work with children -------------------------------

  /** Section 11 duties (seed 003): the designated officer is told within one working day. */
  @Test
  void lado_allegationAgainstSomeoneWorkingWithChildren_withinOneWorkingDay() {
    ChildAssessment c = assess(LocalDate.of(2014, 4, 10), aboutChild("T3-FAM-ALLEGATION-PERSON-WORKING-WITH-CHILDREN"));
    Action lado = action(c, ActionKind.LADO_REFERRAL);
    assertThat(lado.modality()).isEqualTo(Modality.SHOULD);
    assertThat(lado.due().orElseThrow().dueBy()).isEqualTo(Instant.parse("2025-11-19T17:00:00Z"));
    assertThat(action(c, ActionKind.DBS_REFERRAL).modality()).isEqualTo(Modality.CONSIDER);
    assertThat(c.tierRange()).contains(range(Tier.HIGH_OR_COMPLEX, Tier.ACUTE));
  }

  // ---- honest ranges ------------------------------------------------------------------------------

  /** Needs in one domain count once; needs in two domains widen (the pack's marked reading). */
  @Test
  void cumulative_needsInOneDomainCountOnce_twoDomainsWiden() {
    ChildAssessment one = assess(LocalDate.of(2012, 4, 10),
        aboutChild("T2-DEV-DEVELOPMENT-CONCERNS"), aboutChild("T2-DEV-LANGUAGE-COMMUNICATION"));
    assertThat(one.tierRange()).contains(range(Tier.ADDITIONAL_NEEDS, Tier.ADDITIONAL_NEEDS));
    ChildAssessment two = assess(LocalDate.of(2012, 4, 10),
        aboutChild("T2-DEV-DEVELOPMENT-CONCERNS"), aboutMum("T2-FAM-LOW-INCOME"));
    assertThat(two.tierRange()).contains(range(Tier.ADDITIONAL_NEEDS, Tier.HIGH_OR_COMPLEX));
    assertThat(two.widenedBy()).containsExactly(Widening.CUMULATIVE);
    // The matrix radicalisation rows and Appendix 4 restating them count as one domain.
    ChildAssessment rad = assess(LocalDate.of(2010, 4, 10),
        aboutChild("T2-PAR-RAD-INTOLERANT-VIEWS"), aboutChild("T2-RAD-INTOLERANT-VIEWS"));
    assertThat(rad.tierRange()).contains(range(Tier.ADDITIONAL_NEEDS, Tier.ADDITIONAL_NEEDS));
  }

  /** Matrix Tier 4: parenting reduced by the combination of domestic violence, substance misuse or mental ill health. */
  @Test
  void combination_parentalRisksTogether_reachTier4() {
    ChildAssessment c = assess(LocalDate.of(2016, 4, 10),
        aboutMum("T3-PAR-CHAOTIC-SUBSTANCE-USE"), aboutMum("T3-PAR-PARENTAL-HEALTH-IMPAIRS-CARE"));
    assertThat(c.tierRange()).contains(range(Tier.HIGH_OR_COMPLEX, Tier.ACUTE));
    assertThat(c.widenedBy()).contains(Widening.COMBINATION);
    assertThat(c.reasons()).extracting(Reason::kind).contains(ReasonKind.COMBINATION);
    // Two domestic abuse rows are one area, not a combination.
    ChildAssessment da = assess(LocalDate.of(2016, 4, 10),
        aboutMum("T3-PAR-SERIOUS-PERSISTENT-VIOLENCE"), aboutMum("T3-PAR-DA-IMPACT-PARENTS-ENGAGING"));
    assertThat(da.reasons()).extracting(Reason::kind).doesNotContain(ReasonKind.COMBINATION);
  }

  /** An unknown fact widens rather than guesses: the pre-mobile row with mobility unknown is 3-4. */
  @Test
  void unknownMobility_preMobileRow_rangeStartsAtTheMobileRow() {
    ChildAssessment c = assess(LocalDate.of(2024, 11, 10), aboutChild("T4-DEV-PRE-MOBILE-INJURY"));
    assertThat(c.tierRange()).contains(range(Tier.HIGH_OR_COMPLEX, Tier.ACUTE));
    assertThat(c.widenedBy()).containsExactly(Widening.UNKNOWN_FACT);
    ChildAssessment known = assess(TUE_10AM, Child.builder().ref(Ref.of("c1")).dateOfBirth(LocalDate.of(2025, 6, 1))
        .mobility(Mobility.PRE_MOBILE).build(), true, ConsentState.notYetSought(), aboutChild("T4-DEV-PRE-MOBILE-INJURY"));
    assertThat(known.tierRange()).contains(range(Tier.ACUTE, Tier.ACUTE));
  }

  /** Section 4: a disabled child needs Tier 3/4 when concerns about the quality of care continue. */
  @Test
  void disability_continuingCareConcerns_tier3or4() {
    Child disabled = Child.builder().ref(Ref.of("c1")).dateOfBirth(LocalDate.of(2014, 4, 10))
        .disabled(true).disabilityNeedsAssessed(true).build();
    ChildAssessment c = assess(TUE_10AM, disabled, true, ConsentState.notYetSought(),
        aboutMum("T3-PAR-INADEQUATE-CARE-SUPERVISION"));
    assertThat(c.tierRange()).contains(range(Tier.HIGH_OR_COMPLEX, Tier.ACUTE));
    assertThat(c.widenedBy()).containsExactly(Widening.DISABILITY);
    // Not for a child who is not disabled.
    assertThat(assess(LocalDate.of(2014, 4, 10), aboutMum("T3-PAR-INADEQUATE-CARE-SUPERVISION")).tierRange())
        .contains(range(Tier.HIGH_OR_COMPLEX, Tier.HIGH_OR_COMPLEX));
  }

  /** Defect 11: what the pack reads into the document is shown as its reading wherever it is cited. */
  @Test
  void readings_shownWithTheCitation() {
    ChildAssessment c = assess(LocalDate.of(2016, 4, 10), aboutChild("T4-PAR-FGM-RISK"));
    Reason r = c.reasons().stream().filter(x -> x.kind() == ReasonKind.INDICATOR).findFirst().orElseThrow();
    assertThat(r.citation().reading()).isPresent();
    assertThat(r.citation().toText()).contains("[the pack's reading: ");
    ConsentGuidance g = c.consent().get(0);
    assertThat(g.restrictions()).isNotEmpty();
  }
}
