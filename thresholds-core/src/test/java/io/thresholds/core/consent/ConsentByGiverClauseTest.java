package io.thresholds.core.consent;

import static io.thresholds.core.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.evaluation.Action;
import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.Adult;
import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Household;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Referrer;
import io.thresholds.core.model.Relationship;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.policy.Modality;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.Policy;
import io.thresholds.core.text.EvaluationText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Consent per person, with the young person's competence (issue 11), example by example, named
 * after the clause of the City of London Thresholds of Need each pins: the Tier 3 features
 * ("Parents/carers (or young people themselves, if of sufficient age and understanding) can choose
 * to decline Tier 3 Child in Need support ... a social work manager will make a decision ... whether
 * a strategy discussion is required"), Appendix 1 MARF (consent from those with parental
 * responsibility for early help), section 2 Tier 4 and section 6 (override consent to protect the
 * child) and section 3 ("the consent of the parent/carer or the child/young person").
 */
class ConsentByGiverClauseTest {
  private static final Policy POLICY = Policies.cityOfLondon();
  private static final ThresholdEvaluator EVALUATOR = ThresholdEvaluator.of(POLICY);
  private static final Instant TUE_10AM = Instant.parse("2025-11-18T10:00:00Z");
  private static final Instant MON_4PM = Instant.parse("2025-11-17T16:00:00Z");
  private static final LocalDate MON = LocalDate.of(2025, 11, 17);
  private static final Ref MUM = Ref.of("mum");
  private static final Ref C1 = Ref.of("c1");
  /** Fifteen on the day of the referral. */
  private static final LocalDate FIFTEEN = LocalDate.of(2010, 4, 10);

  // ---- fixtures ---------------------------------------------------------------------------------

  private static Referral.Builder referral(LocalDate dob) {
    return Referral.builder()
        .ref(Ref.of("r1"))
        .referrer(Referrer.of(AgencyType.SCHOOL))
        .madeAt(TUE_10AM)
        .household(Household.builder().addChildren(Child.builder().ref(C1).dateOfBirth(dob).build())
            .addAdults(Adult.builder().ref(MUM).relationship(Relationship.MOTHER).parentalResponsibility(true).build())
            .addAdults(Adult.builder().ref(Ref.of("lodger")).relationship(Relationship.OTHER)
                .parentalResponsibility(false).build())
            .build())
        .addReferredChildren(C1);
  }

  @Test
  void section2_consentPerPerson_theDecisionsAboutAChild_everyParentsAndOnlyThatYoungPersonsOwn() {
    Ref c2 = Ref.of("c2");
    Referral two = referral(FIFTEEN)
        .household(Household.builder().from(referral(FIFTEEN).build().household())
            .addChildren(Child.builder().ref(c2).dateOfBirth(FIFTEEN.minusYears(1)).build()).build())
        .addReferredChildren(c2)
        .addConcerns(Concern.of("T2-DEV-BEREAVED", SubjectKind.CHILD, C1, MON))
        .addConsentByGiver(parent(ConsentStatus.WITHHELD), youngPerson(Competence.JUDGED_COMPETENT, ConsentStatus.GIVEN))
        .build();
    // The young person's decision names c1: it is c1's, not c2's; the parent's bears on both.
    assertThat(two.decisionsAbout(C1)).containsExactlyElementsOf(two.consentByGiver());
    assertThat(two.decisionsAbout(c2)).containsExactly(two.consentByGiver().get(0));
  }

  private static Referral.Builder tier2(LocalDate dob) {
    return referral(dob).addConcerns(Concern.of("T2-DEV-BEREAVED", SubjectKind.CHILD, C1, MON));
  }

  private static Referral.Builder tier3(LocalDate dob) {
    return referral(dob).addConcerns(Concern.of("T3-PAR-CHAOTIC-SUBSTANCE-USE", SubjectKind.PARENT_CARER, MUM, MON));
  }

  private static Referral.Builder tier4(LocalDate dob) {
    return referral(dob).addConcerns(Concern.of("T4-DEV-CRIMINAL-GANG-ACTIVITY", SubjectKind.CHILD, C1, MON));
  }

  static GiverConsent parent(ConsentStatus s) {
    GiverConsent.Builder b = GiverConsent.builder().giver(ConsentGiver.PARENTAL_RESPONSIBILITY).person(MUM).status(s);
    return decided(b, s);
  }

  static GiverConsent youngPerson(Competence competence, ConsentStatus s) {
    GiverConsent.Builder b = GiverConsent.builder().giver(ConsentGiver.YOUNG_PERSON).person(C1)
        .competence(competence).status(s);
    return decided(b, s);
  }

  private static GiverConsent decided(GiverConsent.Builder b, ConsentStatus s) {
    if (s == ConsentStatus.GIVEN) {
      b.form(ConsentForm.VERBAL);
    }
    if (s != ConsentStatus.NOT_YET_SOUGHT) {
      b.recordedAt(MON_4PM);
    }
    return b.build();
  }

  private static ChildAssessment assess(Referral.Builder b) {
    Referral r = b.build();
    return EVALUATOR.evaluate(r, r.madeAt()).children().get(0);
  }

  private static ConsentGuidance only(ChildAssessment c) {
    assertThat(c.consent()).hasSize(1);
    return c.consent().get(0);
  }

  private static List<String> ruleIds(ChildAssessment c) {
    return c.actions().stream().map(Action::ruleId).collect(Collectors.toList());
  }

  private static Action action(ChildAssessment c, String id) {
    return c.actions().stream().filter(a -> a.ruleId().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no action " + id + " in " + ruleIds(c)));
  }

  // ---- Tier 3: either may decline ------------------------------------------------------------------

  /**
   * Tier 3 features: young people of sufficient age and understanding, like parents, can decline;
   * a social work manager then decides whether a strategy discussion is needed. A fifteen-year-old
   * consents while their mother refuses: consent is not in place, the disagreement is named with
   * what the document says happens, and the referral waits for the discussion the tier asks for.
   */
  @Test
  void tier3_youngPersonConsents_parentRefuses_consentWithheld_socialWorkManagerDecidesOnStrategyDiscussion() {
    ChildAssessment c = assess(tier3(FIFTEEN).addConsentByGiver(
        youngPerson(Competence.JUDGED_COMPETENT, ConsentStatus.GIVEN), parent(ConsentStatus.WITHHELD)));
    ConsentGuidance g = only(c);
    assertThat(g.check()).isEqualTo(ConsentCheck.NOT_SATISFIED);
    assertThat(g.missing().orElseThrow()).startsWith("Consent is withheld:");
    assertThat(g.disagreement().orElseThrow())
        .contains("the young person (c1) consents")
        .contains("a person with parental responsibility (mum) refuses")
        .contains("A refusal by anyone whose decision counts means consent is not in place.")
        .contains("a social work manager then decides whether the child is likely to suffer significant harm")
        .contains("strategy discussion");
    assertThat(g.disagreementCitation().orElseThrow().section()).contains("Tier 3: features");
    assertThat(g.disagreementCitation().orElseThrow().reading()).isPresent();
    assertThat(ruleIds(c)).contains("consent-withheld-tier3", "phone-referral");
    assertThat(action(c, "phone-referral").blockers()).containsExactly(g.missing().orElseThrow());
  }

  /** Tier 3 features, the reverse: the parent consents, the young person of sufficient understanding declines. */
  @Test
  void tier3_parentConsents_competentYoungPersonDeclines_isADeclineToo() {
    ChildAssessment c = assess(tier3(FIFTEEN).addConsentByGiver(
        parent(ConsentStatus.GIVEN), youngPerson(Competence.JUDGED_COMPETENT, ConsentStatus.WITHHELD)));
    ConsentGuidance g = only(c);
    assertThat(g.check()).isEqualTo(ConsentCheck.NOT_SATISFIED);
    assertThat(g.disagreement().orElseThrow()).contains("(mum) consents").contains("the young person (c1) refuses");
    assertThat(ruleIds(c)).contains("consent-withheld-tier3");
  }

  /**
   * Tier 3 features ("young people themselves, if of sufficient age and understanding, can
   * decline"): a young person of sufficient understanding withdraws, and nobody else has decided. The
   * policy's words for a refusal speak of the parents' consent; the guidance first says whose refusal
   * it is (vig5 observation 7, V313), so it does not read as though a parent had refused.
   */
  @Test
  void tier3_features_competentYoungPersonWithdraws_theGuidanceSaysItIsTheirRefusal_notTheParents() {
    ChildAssessment c = assess(tier3(FIFTEEN).addConsentByGiver(
        youngPerson(Competence.JUDGED_COMPETENT, ConsentStatus.WITHDRAWN)));
    ConsentGuidance g = only(c);
    assertThat(g.check()).isEqualTo(ConsentCheck.NOT_SATISFIED);
    assertThat(g.missing().orElseThrow())
        .startsWith("Consent is withdrawn by the young person. What the policy says where consent is withheld"
            + " applies to their refusal: ")
        .endsWith(g.ifWithheld());
    assertThat(action(c, "phone-referral").blockers()).containsExactly(g.missing().orElseThrow());
    // A parent's refusal keeps the policy's words as they were.
    ConsentGuidance parents = only(assess(tier3(FIFTEEN).addConsentByGiver(parent(ConsentStatus.WITHDRAWN))));
    assertThat(parents.missing().orElseThrow()).isEqualTo("Consent is withdrawn: " + parents.ifWithheld());
  }

  /** Tier 3: both consent, the referral goes ahead on consent grounds; nothing to disagree about. */
  @Test
  void tier3_parentAndYoungPersonConsent_satisfied_noDisagreement() {
    ChildAssessment c = assess(tier3(FIFTEEN).addConsentByGiver(
        parent(ConsentStatus.GIVEN), youngPerson(Competence.JUDGED_COMPETENT, ConsentStatus.GIVEN)));
    ConsentGuidance g = only(c);
    assertThat(g.check()).isEqualTo(ConsentCheck.SATISFIED);
    assertThat(g.disagreement()).isEmpty();
    assertThat(g.giverNotes()).isEmpty();
    assertThat(action(c, "phone-referral").ready()).isTrue();
  }

  // ---- "sufficient age and understanding": a stated judgement ------------------------------------

  /**
   * Section 3 ("the consent of ... the child/young person") and the Tier 3 features ("if of
   * sufficient age and understanding"): a young person judged not of sufficient age and
   * understanding is not a valid consent giver; the guidance says so and the rule is not met.
   */
  @Test
  void sufficientAgeAndUnderstanding_judgedNotCompetent_consentNeverCounts() {
    ChildAssessment competent = assess(tier3(FIFTEEN).addConsentByGiver(
        youngPerson(Competence.JUDGED_COMPETENT, ConsentStatus.GIVEN)));
    assertThat(only(competent).check()).isEqualTo(ConsentCheck.SATISFIED);

    ChildAssessment not = assess(tier3(FIFTEEN).addConsentByGiver(
        youngPerson(Competence.JUDGED_NOT_COMPETENT, ConsentStatus.GIVEN)));
    ConsentGuidance g = only(not);
    assertThat(g.check()).isEqualTo(ConsentCheck.NOT_SATISFIED);
    assertThat(g.missing()).contains("Seek consent, or record why seeking it would place the child at further risk.");
    assertThat(g.giverNotes()).singleElement().asString()
        .contains("judged not to be of sufficient age and understanding")
        .contains("wishes and feelings");
  }

  /** The document states no age for "sufficient age and understanding": not assessed never counts, at any age. */
  @Test
  void sufficientAgeAndUnderstanding_notAssessed_countsOnlyOnceJudged_evenAtSeventeen() {
    ChildAssessment c = assess(tier3(LocalDate.of(2008, 4, 10)).addConsentByGiver(
        youngPerson(Competence.NOT_ASSESSED, ConsentStatus.GIVEN)));
    ConsentGuidance g = only(c);
    assertThat(g.check()).isEqualTo(ConsentCheck.NOT_SATISFIED);
    assertThat(g.giverNotes()).singleElement().asString().contains("is not assessed");
  }

  /** A refusal by a young person not judged competent is shown, but is not consent withheld. */
  @Test
  void sufficientAgeAndUnderstanding_notCompetentRefusal_isTheirView_notAWithholding() {
    ChildAssessment c = assess(tier3(LocalDate.of(2016, 4, 10)).addConsentByGiver(
        parent(ConsentStatus.GIVEN), youngPerson(Competence.JUDGED_NOT_COMPETENT, ConsentStatus.WITHHELD)));
    ConsentGuidance g = only(c);
    assertThat(g.check()).isEqualTo(ConsentCheck.SATISFIED);
    assertThat(g.disagreement()).isEmpty();
    assertThat(g.giverNotes()).singleElement().asString().contains("their refusal is not a decision on consent");
    assertThat(ruleIds(c)).doesNotContain("consent-withheld-tier3");
  }

  // ---- Tier 2: consent of those with parental responsibility ---------------------------------------

  /**
   * Appendix 1 MARF: "consent from those with parental responsibility is a requirement for all
   * referrals to Early Help". A young person's consent alone does not meet it; it is shown as their view.
   */
  @Test
  void tier2_marf_earlyHelpNeedsParentalConsent_youngPersonsAloneDoesNot() {
    ChildAssessment c = assess(tier2(FIFTEEN).addConsentByGiver(
        youngPerson(Competence.JUDGED_COMPETENT, ConsentStatus.GIVEN)));
    ConsentGuidance g = only(c);
    assertThat(g.givers()).containsExactly(ConsentGiver.PARENTAL_RESPONSIBILITY);
    assertThat(g.check()).isEqualTo(ConsentCheck.NOT_SATISFIED);
    assertThat(g.giverNotes()).singleElement().asString()
        .contains("At this tier the rule takes consent from those with parental responsibility");
    assertThat(action(c, "early-help-referral").ready()).isFalse();
  }

  /**
   * Consent recorded as not sought because unsafe, then a parent's consent recorded after it: the
   * later decision is the one in force (as the consent guidance reads it), so consent is met and the
   * "not sought because unsafe" step (V319) is not advised; recorded before it, the step is.
   */
  @Test
  void tier2_notSoughtUnsafe_thenParentConsents_theLaterDecisionIsInForce() {
    ConsentState unsafeSunday = ConsentState.notSoughtUnsafe(NotSoughtReason.INCREASED_RISK_TO_CHILD,
        MON_4PM.minusSeconds(24 * 3600));
    ChildAssessment later = assess(tier2(FIFTEEN).consent(unsafeSunday).addConsentByGiver(parent(ConsentStatus.GIVEN)));
    assertThat(only(later).check()).isEqualTo(ConsentCheck.SATISFIED);
    assertThat(ruleIds(later)).doesNotContain("consent-unsafe-tier2");
    // The record not to seek consent still restricts telling the family (the conservative side):
    // early help waits on that restriction alone, not on consent.
    assertThat(action(later, "early-help-referral").blockers())
        .isNotEmpty().allMatch(b -> b.startsWith("The family must not be told"));
    ChildAssessment stands = assess(tier2(FIFTEEN).consent(ConsentState.notSoughtUnsafe(
        NotSoughtReason.INCREASED_RISK_TO_CHILD, MON_4PM.plusSeconds(60))).addConsentByGiver(parent(ConsentStatus.GIVEN)));
    assertThat(ruleIds(stands)).contains("consent-unsafe-tier2");
    assertThat(action(stands, "early-help-referral").ready()).isFalse();
  }

  /**
   * Section 7 (early help is voluntary) with the young person's understanding not yet judged: the
   * parent consents, the fifteen-year-old refuses. If they are of sufficient understanding their
   * refusal means consent is not in place, so early help waits until that is judged (V296's probe);
   * at Tier 3 the referral still goes ahead, with the same judgement asked for.
   */
  @Test
  void tier2_section7_youngPersonRefuses_understandingNotJudged_earlyHelpWaitsForTheJudgement() {
    ChildAssessment c = assess(tier2(FIFTEEN).addConsentByGiver(
        parent(ConsentStatus.GIVEN), youngPerson(Competence.NOT_ASSESSED, ConsentStatus.WITHHELD)));
    ConsentGuidance g = only(c);
    assertThat(g.check()).isEqualTo(ConsentCheck.NOT_SATISFIED);
    assertThat(g.missing().orElseThrow()).contains("refuses").contains("judge that first");
    assertThat(g.giverNotes()).singleElement().asString().contains("is not assessed")
        .contains("no one else's consent is relied on over it");
    assertThat(action(c, "early-help-referral").ready()).isFalse();
    assertThat(action(c, "early-help-referral").blockers()).anyMatch(x -> x.contains("judge that first"));
    // Judged not competent: the parent's consent counts (their view is weighed).
    ChildAssessment judged = assess(tier2(FIFTEEN).addConsentByGiver(
        parent(ConsentStatus.GIVEN), youngPerson(Competence.JUDGED_NOT_COMPETENT, ConsentStatus.WITHHELD)));
    assertThat(only(judged).check()).isEqualTo(ConsentCheck.SATISFIED);
    assertThat(action(judged, "early-help-referral").ready()).isTrue();
    // Tier 3: the referral is not held up by a refusal that does not (yet) count.
    ChildAssessment t3 = assess(tier3(FIFTEEN).addConsentByGiver(
        parent(ConsentStatus.GIVEN), youngPerson(Competence.NOT_ASSESSED, ConsentStatus.WITHHELD)));
    assertThat(only(t3).missing().orElseThrow()).contains("judge that first");
    assertThat(action(t3, "phone-referral").ready()).isTrue();
  }

  /**
   * Section 7 ("The process is entirely voluntary and informed consent from the parent/carer and/or
   * the young person is mandatory"): the parent consents, the fifteen-year-old of sufficient
   * understanding refuses. The refusal is consent withheld (as a single "withheld" is, whoever
   * withholds it), and the disagreement is shown with what the pack says to do.
   */
  @Test
  void tier2_section7_voluntary_parentConsents_youngPersonRefuses_notMet_disagreementShown() {
    ChildAssessment c = assess(tier2(FIFTEEN).addConsentByGiver(
        parent(ConsentStatus.GIVEN), youngPerson(Competence.JUDGED_COMPETENT, ConsentStatus.WITHHELD)));
    ConsentGuidance g = only(c);
    assertThat(g.check()).isEqualTo(ConsentCheck.NOT_SATISFIED);
    assertThat(g.disagreement().orElseThrow())
        .contains("A refusal by anyone whose decision counts means consent is not in place.")
        .contains("Early Help Assessment is voluntary");
    assertThat(ruleIds(c)).contains("consent-withheld-tier2");
    assertThat(action(c, "single-agency-support").modality()).isEqualTo(Modality.MUST);
    assertThat(g.disagreementCitation().orElseThrow().section()).contains("7 The Early Help Assessment");
  }

  // ---- Tier 4: consent not required; override ------------------------------------------------------

  /**
   * Section 2 Tier 4 and section 6: consent is not required; if it is withheld, consider overriding
   * it to protect the child. A parent's refusal never removes the phone referral, the strategy
   * discussion or 999.
   */
  @Test
  void tier4_parentRefuses_youngPersonConsents_overrideConsidered_phoneReferralAnd999Stay() {
    ChildAssessment c = assess(tier4(FIFTEEN).immediateDanger(true).addConsentByGiver(
        parent(ConsentStatus.WITHHELD), youngPerson(Competence.JUDGED_COMPETENT, ConsentStatus.GIVEN)));
    ConsentGuidance g = only(c);
    assertThat(g.check()).isEqualTo(ConsentCheck.NOT_REQUIRED);
    assertThat(g.mustShareToSafeguard()).isTrue();
    assertThat(g.disagreement().orElseThrow()).contains("grounds to override the refusal");
    assertThat(ruleIds(c).get(0)).isEqualTo("call-999");
    assertThat(action(c, "phone-referral-urgent").modality()).isEqualTo(Modality.MUST);
    assertThat(action(c, "phone-referral-urgent").blockers()).isEmpty();
    assertThat(ruleIds(c)).contains("strategy-discussion", "consent-withheld-tier4");
  }

  // ---- never advise telling the family where the document says not to -------------------------------

  /** Thresholds of Need matrix, Tier 4 forced marriage: everyone's consent never lifts "do not tell the family". */
  @Test
  void tier4_forcedMarriage_everyonesConsent_neverLiftsDoNotTellTheFamily() {
    ChildAssessment c = assess(referral(FIFTEEN)
        .addConcerns(Concern.of("T4-FAM-FORCED-MARRIAGE", SubjectKind.CHILD, C1, MON))
        .addConsentByGiver(parent(ConsentStatus.GIVEN), youngPerson(Competence.JUDGED_COMPETENT, ConsentStatus.GIVEN)));
    for (ConsentGuidance g : c.consent()) {
      assertThat(g.mayTellFamily()).isFalse();
      assertThat(g.maySeekConsent()).isFalse();
    }
  }

  /**
   * Thresholds of Need matrix, Tier 4 fabricated or induced illness ("do not discuss referral with
   * parents/carer"): when the people asked disagree, the guidance never says to engage the family.
   */
  @Test
  void tier4_fabricatedIllness_disagreement_neverAdvisesEngagingTheFamily() {
    ChildAssessment c = assess(referral(FIFTEEN)
        .addConcerns(Concern.of("T4-S47-FABRICATED-INDUCED-ILLNESS", SubjectKind.PARENT_CARER, MUM, MON))
        .addConsentByGiver(parent(ConsentStatus.WITHHELD), youngPerson(Competence.JUDGED_COMPETENT, ConsentStatus.GIVEN)));
    for (ConsentGuidance g : c.consent()) {
      assertThat(g.mayTellFamily()).isFalse();
      assertThat(g.disagreement().orElseThrow()).contains("The family must not be told")
          .doesNotContain("engage the family");
    }
  }

  /**
   * Section 2 Tier 4 ("except when this would place the child at increased risk of harm"): the
   * referral records that the parents' consent is not sought because it is unsafe, and the young
   * person consents. The record stands: do not seek consent or tell the family.
   */
  @Test
  void tier4_notSoughtUnsafe_withTheYoungPersonsConsent_recordStands() {
    ChildAssessment c = assess(tier4(FIFTEEN)
        .consent(ConsentState.notSoughtUnsafe(NotSoughtReason.INCREASED_RISK_TO_CHILD, MON_4PM))
        .addConsentByGiver(youngPerson(Competence.JUDGED_COMPETENT, ConsentStatus.GIVEN)));
    ConsentGuidance g = only(c);
    assertThat(g.maySeekConsent()).isFalse();
    assertThat(g.mayTellFamily()).isFalse();
  }

  /**
   * Section 2 Tier 3 (at the higher end consent may be dispensed with and a child protection referral
   * made) and section 6 (a clear risk of significant harm: share): the mother refuses, then the
   * designated safeguarding lead records a decision to share without consent. Recorded per person, the
   * refusal does not undo the later decision: the referral goes ahead, exactly as when both are
   * recorded in one consent history (vignettes V197, V245). A refusal recorded after the decision is
   * the state in force, as the last entry of a history would be.
   */
  @Test
  void tier3_sharedWithoutConsent_afterAPersonsRefusal_theDecisionStands_asInOneHistory() {
    ConsentState shared = shared(MON_4PM.plusSeconds(3600));
    ChildAssessment perPerson = assess(tier3(FIFTEEN).consent(shared)
        .addConsentByGiver(parent(ConsentStatus.WITHHELD)));
    ChildAssessment oneHistory = assess(tier3(FIFTEEN).consentHistory(ConsentHistory.of(
        ConsentState.withheld(ConsentGiver.PARENTAL_RESPONSIBILITY, MON_4PM), shared)));
    for (ChildAssessment c : List.of(perPerson, oneHistory)) {
      assertThat(only(c).check()).isEqualTo(ConsentCheck.SATISFIED);
      assertThat(action(c, "phone-referral").ready()).isTrue();
      assertThat(action(c, "written-referral").ready()).isTrue();
    }

    ChildAssessment refusedLater = assess(tier3(FIFTEEN).consent(shared(MON_4PM.minusSeconds(3600)))
        .addConsentByGiver(parent(ConsentStatus.WITHHELD)));
    assertThat(only(refusedLater).check()).isEqualTo(ConsentCheck.NOT_SATISFIED);
    assertThat(action(refusedLater, "phone-referral").ready()).isFalse();
  }

  private static ConsentState shared(Instant at) {
    return ConsentState.builder().status(ConsentStatus.SHARED_WITHOUT_CONSENT).recordedAt(at)
        .authorisedBy(Authoriser.DESIGNATED_SAFEGUARDING_LEAD)
        .legalBasis("Risk of significant harm: shared to protect the child").build();
  }

  // ---- the single consent keeps its meaning -----------------------------------------------------------

  /**
   * Compatibility: the single {@code consent} "given by X" means the same as one person's record of
   * giver X (a young person so recorded was judged of sufficient age and understanding), at every tier.
   */
  @ParameterizedTest
  @EnumSource(ConsentStatus.class)
  void singleConsent_meansTheSameAsOnePersonsRecord(ConsentStatus status) {
    if (status == ConsentStatus.NOT_SOUGHT_UNSAFE || status == ConsentStatus.SHARED_WITHOUT_CONSENT
        || status == ConsentStatus.NOT_YET_SOUGHT) {
      return;
    }
    for (ConsentGiver by : ConsentGiver.values()) {
      for (Referral.Builder base : List.of(tier2(FIFTEEN), tier3(FIFTEEN), tier4(FIFTEEN))) {
        Referral one = base.build();
        ConsentState single = ConsentState.builder().status(status).by(by).recordedAt(MON_4PM)
            .form(status == ConsentStatus.GIVEN ? java.util.Optional.of(ConsentForm.VERBAL) : java.util.Optional.empty())
            .build();
        GiverConsent.Builder record = GiverConsent.builder().giver(by).status(status);
        if (by == ConsentGiver.YOUNG_PERSON) {
          record.competence(Competence.JUDGED_COMPETENT);
        }
        Evaluation a = EVALUATOR.evaluate(Referral.builder().from(one).consent(single).build(), TUE_10AM);
        Evaluation b = EVALUATOR.evaluate(
            Referral.builder().from(one).addConsentByGiver(decided(record, status)).build(), TUE_10AM);
        ChildAssessment x = a.children().get(0);
        ChildAssessment y = b.children().get(0);
        assertThat(y.actions()).as("%s by %s", status, by).isEqualTo(x.actions());
        for (int i = 0; i < x.consent().size(); i++) {
          assertThat(y.consent().get(i).check()).isEqualTo(x.consent().get(i).check());
          assertThat(y.consent().get(i).missing()).isEqualTo(x.consent().get(i).missing());
        }
      }
    }
  }

  // ---- what a referral may record ---------------------------------------------------------------------

  @Test
  void aPersonsRecord_checksItsFacts_namingTheField() {
    assertInvalid("consentByGiver.competence", () -> GiverConsent.builder()
        .giver(ConsentGiver.YOUNG_PERSON).status(ConsentStatus.NOT_YET_SOUGHT).build());
    assertInvalid("consentByGiver.competence", () -> GiverConsent.builder().giver(ConsentGiver.PARENTAL_RESPONSIBILITY)
        .competence(Competence.JUDGED_COMPETENT).status(ConsentStatus.NOT_YET_SOUGHT).build());
    assertInvalid("consentByGiver.status", () -> GiverConsent.builder().giver(ConsentGiver.PARENTAL_RESPONSIBILITY)
        .status(ConsentStatus.NOT_SOUGHT_UNSAFE).recordedAt(MON_4PM).build());
    assertInvalid("consentByGiver.form", () -> GiverConsent.builder().giver(ConsentGiver.PARENTAL_RESPONSIBILITY)
        .status(ConsentStatus.GIVEN).recordedAt(MON_4PM).build());
    assertInvalid("consentByGiver.recordedAt", () -> GiverConsent.builder().giver(ConsentGiver.PARENTAL_RESPONSIBILITY)
        .status(ConsentStatus.WITHHELD).build());
  }

  @Test
  void aReferralsRecords_nameRealPeople_once_andDoNotContradictTheSingleConsent() {
    assertInvalid("consent", () -> tier3(FIFTEEN)
        .consent(ConsentState.given(ConsentGiver.PARENTAL_RESPONSIBILITY, ConsentForm.WRITTEN, MON_4PM))
        .addConsentByGiver(parent(ConsentStatus.GIVEN)).build());
    assertInvalid("consentByGiver[0].person", () -> tier3(FIFTEEN).addConsentByGiver(GiverConsent.builder()
        .from(parent(ConsentStatus.GIVEN)).person(Ref.of("lodger")).build()).build());
    assertInvalid("consentByGiver[0].person", () -> tier3(FIFTEEN).addConsentByGiver(GiverConsent.builder()
        .from(parent(ConsentStatus.GIVEN)).person(Ref.of("nobody")).build()).build());
    assertInvalid("consentByGiver[1].person", () -> tier3(FIFTEEN)
        .addConsentByGiver(parent(ConsentStatus.GIVEN), parent(ConsentStatus.WITHHELD)).build());
    assertInvalid("consentByGiver[0].person", () -> tier3(FIFTEEN).addConsentByGiver(GiverConsent.builder()
        .from(youngPerson(Competence.JUDGED_COMPETENT, ConsentStatus.GIVEN)).person(MUM).build()).build());
    // Two unnamed people with parental responsibility (for example both parents living elsewhere) are fine.
    GiverConsent unnamed = GiverConsent.builder().giver(ConsentGiver.PARENTAL_RESPONSIBILITY)
        .status(ConsentStatus.NOT_YET_SOUGHT).build();
    assertThat(tier3(FIFTEEN).addConsentByGiver(unnamed, unnamed).build().consentByGiver()).hasSize(2);
  }

  @Test
  void aDecisionRecordedAfterTheAdvice_isRefusedNamingTheField() {
    Referral r = tier3(FIFTEEN).addConsentByGiver(GiverConsent.builder().from(parent(ConsentStatus.WITHHELD))
        .recordedAt(TUE_10AM.plusSeconds(60)).build()).build();
    assertInvalid("consentByGiver[0].recordedAt", () -> EVALUATOR.evaluate(r, TUE_10AM));
    assertThat(EVALUATOR.evaluate(r, TUE_10AM.plusSeconds(60)).children().get(0).consent().get(0).check())
        .isEqualTo(ConsentCheck.NOT_SATISFIED);
  }

  /** The text output lists each person's decision and the disagreement. */
  @Test
  void text_showsEachPersonsDecision_andTheDisagreement() {
    Referral r = tier3(FIFTEEN).addConsentByGiver(
        youngPerson(Competence.JUDGED_COMPETENT, ConsentStatus.GIVEN), parent(ConsentStatus.WITHHELD)).build();
    String text = EvaluationText.render(POLICY, r, EVALUATOR.evaluate(r, TUE_10AM)).replaceAll("\\s+", " ");
    assertThat(text)
        .contains("Recorded for each person:")
        .contains("The young person (c1), judged of sufficient age and understanding: consent given")
        .contains("A person with parental responsibility (mum): consent withheld")
        .contains("The people asked disagree:");
    assertThat(text).doesNotContain("Recorded: consent not yet sought");
  }
}
