package io.thresholds.core.consent;

import static io.thresholds.core.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.evaluation.Action;
import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.evaluation.TierRange;
import io.thresholds.core.model.Adult;
import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Household;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Referrer;
import io.thresholds.core.model.ReferrerRole;
import io.thresholds.core.model.Relationship;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.ActionKind;
import io.thresholds.core.policy.Modality;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.Policy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Consent and information sharing, example by example, each named after the clause of the City of
 * London Thresholds of Need it pins: section 2 "The Continuum of Need" (the consent paragraph of
 * each tier), section 6 "Information sharing", Appendix 1 (the MARF's consent text) and, for who may
 * refer, the Hackney Ark MARs page ("referrals are not accepted directly from parents or carers").
 */
class ConsentClauseTest {
  private static final Policy POLICY = Policies.cityOfLondon();
  private static final ThresholdEvaluator EVALUATOR = ThresholdEvaluator.of(POLICY);

  /** Tuesday 18 November 2025, 10:00 GMT: office hours. */
  private static final Instant TUE_10AM = Instant.parse("2025-11-18T10:00:00Z");
  private static final Instant MON_4PM = Instant.parse("2025-11-17T16:00:00Z");
  private static final LocalDate MON = LocalDate.of(2025, 11, 17);
  private static final ConsentGiver PR = ConsentGiver.PARENTAL_RESPONSIBILITY;
  private static final ConsentGiver YP = ConsentGiver.YOUNG_PERSON;
  private static final Adult MUM = Adult.builder().ref(Ref.of("mum"))
      .relationship(Relationship.MOTHER).parentalResponsibility(true).build();

  private static final String REQUIRED_FROM_PR = "Consent is required from a person with parental"
      + " responsibility before referring, assessing or sharing information.";
  private static final String SEEK_OR_RECORD =
      "Seek consent, or record why seeking it would place the child at further risk.";

  // ---- fixtures ---------------------------------------------------------------------------------

  private static Child child(String ref, LocalDate dob) {
    return Child.builder().ref(Ref.of(ref)).dateOfBirth(dob).build();
  }

  /** A school referral about a child born on the given day, living with their mother. */
  private static Referral.Builder referral(LocalDate dob) {
    return Referral.builder()
        .ref(Ref.of("r1"))
        .referrer(Referrer.of(AgencyType.SCHOOL))
        .madeAt(TUE_10AM)
        .household(Household.builder().addChildren(child("c1", dob)).addAdults(MUM).build())
        .addReferredChildren(Ref.of("c1"));
  }

  private static Concern aboutChild(String code) {
    return Concern.of(code, SubjectKind.CHILD, Ref.of("c1"), MON);
  }

  private static Concern aboutMum(String code) {
    return Concern.of(code, SubjectKind.PARENT_CARER, Ref.of("mum"), MON);
  }

  private static ChildAssessment assess(Referral.Builder b) {
    Referral r = b.build();
    return EVALUATOR.evaluate(r, r.madeAt()).children().get(0);
  }

  /** A nine-year-old with one Tier 2 need (bereavement). */
  private static Referral.Builder tier2() {
    return referral(LocalDate.of(2016, 4, 10)).addConcerns(aboutChild("T2-DEV-BEREAVED"));
  }

  /** A nine-year-old whose mother's chaotic substance use is a Tier 3 need. */
  private static Referral.Builder tier3() {
    return referral(LocalDate.of(2016, 4, 10)).addConcerns(aboutMum("T3-PAR-CHAOTIC-SUBSTANCE-USE"));
  }

  /** A fifteen-year-old involved in criminal gang activity: Tier 4, no restriction on the family. */
  private static Referral.Builder tier4() {
    return referral(LocalDate.of(2010, 4, 10)).addConcerns(aboutChild("T4-DEV-CRIMINAL-GANG-ACTIVITY"));
  }

  private static List<String> ruleIds(ChildAssessment c) {
    return c.actions().stream().map(Action::ruleId).collect(Collectors.toList());
  }

  private static Set<ActionKind> kinds(ChildAssessment c) {
    return c.actions().stream().map(Action::kind).collect(Collectors.toSet());
  }

  private static Action action(ChildAssessment c, String ruleId) {
    return c.actions().stream().filter(a -> a.ruleId().equals(ruleId)).findFirst()
        .orElseThrow(() -> new AssertionError("no action " + ruleId + " in " + ruleIds(c)));
  }

  private static ConsentGuidance only(ChildAssessment c) {
    assertThat(c.consent()).hasSize(1);
    return c.consent().get(0);
  }

  private static ConsentState given(ConsentGiver by) {
    return ConsentState.given(by, ConsentForm.VERBAL, MON_4PM);
  }

  private static ConsentState withheld() {
    return ConsentState.withheld(PR, MON_4PM);
  }

  private static ConsentState withdrawn(Instant at) {
    return ConsentState.builder().status(ConsentStatus.WITHDRAWN).by(PR).recordedAt(at).build();
  }

  private static ConsentState sharedWithoutConsent(Instant at) {
    return ConsentState.builder().status(ConsentStatus.SHARED_WITHOUT_CONSENT).recordedAt(at)
        .authorisedBy(Authoriser.DESIGNATED_SAFEGUARDING_LEAD)
        .legalBasis("Section 47 Children Act 1989: reasonable cause to suspect significant harm").build();
  }

  /** The consent states of every status, as a history (WITHDRAWN needs the consent it withdraws). */
  private static ConsentHistory historyEndingIn(ConsentStatus s) {
    Instant before = MON_4PM.minusSeconds(3600);
    switch (s) {
      case NOT_YET_SOUGHT:
        return ConsentHistory.empty();
      case GIVEN:
        return ConsentHistory.of(given(PR));
      case WITHHELD:
        return ConsentHistory.of(withheld());
      case WITHDRAWN:
        return ConsentHistory.of(ConsentState.given(PR, ConsentForm.WRITTEN, before), withdrawn(MON_4PM));
      case NOT_SOUGHT_UNSAFE:
        return ConsentHistory.of(ConsentState.notSoughtUnsafe(NotSoughtReason.INCREASED_RISK_TO_CHILD, MON_4PM));
      default:
        return ConsentHistory.of(withheld(), sharedWithoutConsent(MON_4PM));
    }
  }

  // ---- Tier 1 -----------------------------------------------------------------------------------

  /**
   * Section 2, Tier 1: "some children may require additional services to address a specific need
   * ... In these circumstances consent of the family is required"; a single additional need met
   * within one's own or a partner agency needs no MARF.
   */
  @Test
  void tier1_singleNeed_familyConsentRequired_noMarf() {
    Referral.Builder r = referral(LocalDate.of(2016, 4, 10))
        .addConcerns(aboutChild("T1-DEV-GOOD-PHYSICAL-HEALTH"));
    ChildAssessment c = assess(r);
    assertThat(c.tierRange()).contains(TierRange.of(Tier.UNIVERSAL, Tier.UNIVERSAL));
    ConsentGuidance g = only(c);
    assertThat(g.tier()).isEqualTo(Tier.UNIVERSAL);
    assertThat(g.requirement()).isEqualTo(ConsentRequirement.REQUIRED);
    assertThat(g.givers()).containsExactlyInAnyOrder(PR, YP);
    assertThat(g.check()).isEqualTo(ConsentCheck.NOT_SATISFIED);
    assertThat(g.missing()).contains("Consent is required from a person with parental responsibility"
        + " or, where of sufficient age and understanding, the young person before referring,"
        + " assessing or sharing information.");
    assertThat(g.maySeekConsent()).isTrue();
    assertThat(g.mayTellFamily()).isTrue();
    assertThat(g.mustShareToSafeguard()).isFalse();
    assertThat(g.citation().section()).isEqualTo("2 The Continuum of Need: Tier 1 - Universal");

    // No MARF: no phone, written or early help referral; the in-agency referral waits for consent.
    assertThat(kinds(c)).doesNotContain(ActionKind.PHONE_REFERRAL, ActionKind.WRITTEN_REFERRAL,
        ActionKind.EARLY_HELP_REFERRAL, ActionKind.EARLY_HELP_ASSESSMENT);
    Action universal = action(c, "universal-services");
    assertThat(universal.kind()).isEqualTo(ActionKind.UNIVERSAL_SERVICES);
    assertThat(universal.ready()).isFalse();
    assertThat(universal.blockers()).containsExactly(g.missing().orElseThrow());

    // The family's consent: a parent, or the young person, will do at Tier 1.
    for (ConsentGiver by : ConsentGiver.values()) {
      ChildAssessment ok = assess(r.consent(given(by)));
      assertThat(only(ok).check()).as("given by %s", by).isEqualTo(ConsentCheck.SATISFIED);
      assertThat(only(ok).missing()).isEmpty();
      assertThat(action(ok, "universal-services").ready()).as("given by %s", by).isTrue();
    }

    ChildAssessment refused = assess(r.consent(withheld()));
    assertThat(only(refused).missing().orElseThrow()).isEqualTo("Consent is required and has been"
        + " withheld: Without the family's consent, do not refer to another service; keep meeting"
        + " the need within your own agency.");
    assertThat(action(refused, "universal-services").ready()).isFalse();
    assertThat(refused.tierRange()).isEqualTo(c.tierRange());
  }

  // ---- Tier 2 -----------------------------------------------------------------------------------

  /**
   * Section 2, Tier 2: "Consent must be obtained in order to refer, complete an assessment, and to
   * share information"; Appendix 1: "If your referral is for Early Help services, consent is always
   * required." No other consent state lets the early help referral go ahead.
   */
  @ParameterizedTest
  @EnumSource(ConsentStatus.class)
  void tier2_earlyHelp_consentAlwaysRequired(ConsentStatus status) {
    ChildAssessment c = assess(tier2().consentHistory(historyEndingIn(status)));
    assertThat(c.tierRange()).contains(TierRange.of(Tier.ADDITIONAL_NEEDS, Tier.ADDITIONAL_NEEDS));
    ConsentGuidance g = only(c);
    assertThat(g.requirement()).isEqualTo(ConsentRequirement.REQUIRED);
    Action earlyHelp = action(c, "early-help-referral");
    Action assessment = action(c, "early-help-assessment");
    assertThat(earlyHelp.kind()).isEqualTo(ActionKind.EARLY_HELP_REFERRAL);
    // Listed whatever the consent: the advice says what is needed, and marks it not ready.
    assertThat(earlyHelp.modality()).isEqualTo(Modality.MUST);
    if (status == ConsentStatus.GIVEN) {
      assertThat(g.check()).isEqualTo(ConsentCheck.SATISFIED);
      assertThat(g.missing()).isEmpty();
      assertThat(earlyHelp.ready()).isTrue();
      assertThat(assessment.ready()).isTrue();
    } else {
      assertThat(g.check()).isEqualTo(ConsentCheck.NOT_SATISFIED);
      assertThat(earlyHelp.ready()).as("early help with consent %s", status).isFalse();
      if (status == ConsentStatus.NOT_SOUGHT_UNSAFE) {
        // The recorded decision not to seek consent is honoured: the family is not to be told.
        assertThat(g.mayTellFamily()).isFalse();
        assertThat(earlyHelp.blockers()).contains(g.missing().orElseThrow()).hasSize(2);
      } else {
        assertThat(earlyHelp.blockers()).containsExactly(g.missing().orElseThrow());
      }
      assertThat(assessment.ready()).isFalse();
    }
    if (status == ConsentStatus.NOT_YET_SOUGHT || status == ConsentStatus.SHARED_WITHOUT_CONSENT) {
      assertThat(g.missing()).contains(REQUIRED_FROM_PR);
    }
    if (status == ConsentStatus.NOT_SOUGHT_UNSAFE) {
      // Never read as advice to seek it: consent is required, and must not be sought now.
      assertThat(g.missing().orElseThrow()).startsWith("Consent is required, and it must not be sought");
    }
    // Own-agency support never waits for consent.
    assertThat(action(c, "single-agency-support").ready()).isTrue();
  }

  /**
   * Appendix 1 (MARF): "consent from those with parental responsibility is a requirement for all
   * referrals to Early Help". The young person's consent alone does not meet it.
   */
  @Test
  void tier2_consentFromYoungPersonAlone_notEnoughForEarlyHelpMarf() {
    ConsentRule rule = POLICY.consentRule(Tier.ADDITIONAL_NEEDS);
    assertThat(rule.givers()).containsExactly(PR);
    assertThat(rule.citation().section()).contains("Appendix 1 MARF");

    ChildAssessment byChild = assess(tier2().consent(given(YP)));
    ConsentGuidance g = only(byChild);
    assertThat(g.givers()).containsExactly(PR);
    assertThat(g.check()).isEqualTo(ConsentCheck.NOT_SATISFIED);
    assertThat(g.missing().orElseThrow())
        .startsWith("Consent was given by someone this tier's rule does not accept")
        .endsWith("it is needed from a person with parental responsibility.");
    assertThat(action(byChild, "early-help-referral").ready()).isFalse();
    assertThat(action(byChild, "early-help-assessment").ready()).isFalse();

    // Once the parent consents too, the referral can go.
    ChildAssessment both = assess(tier2().consentHistory(ConsentHistory.of(given(YP),
        ConsentState.given(PR, ConsentForm.WRITTEN, MON_4PM.plusSeconds(60)))));
    assertThat(only(both).check()).isEqualTo(ConsentCheck.SATISFIED);
    assertThat(action(both, "early-help-referral").ready()).isTrue();
  }

  /**
   * Section 2, Tier 2: "If consent is withheld, single agency services should still be offered ...
   * discuss the case with their designated safeguarding lead and/or their line manager".
   */
  @Test
  void tier2_consentWithheld_singleAgencySupportStays_andDslDiscussion() {
    ChildAssessment before = assess(tier2());
    ChildAssessment c = assess(tier2().consent(withheld()));
    assertThat(c.tierRange()).isEqualTo(before.tierRange());

    Action single = action(c, "single-agency-support");
    assertThat(single.kind()).isEqualTo(ActionKind.SINGLE_AGENCY_SUPPORT);
    assertThat(single.modality()).isEqualTo(Modality.MUST);
    assertThat(single.ready()).isTrue();

    Action discuss = action(c, "consent-withheld-tier2");
    assertThat(discuss.kind()).isEqualTo(ActionKind.CONSULT_SAFEGUARDING_LEAD);
    assertThat(discuss.ready()).isTrue();
    assertThat(discuss.description()).contains("keep offering your own agency's services")
        .contains("designated safeguarding lead or line manager");
    assertThat(ruleIds(before)).doesNotContain("consent-withheld-tier2");

    ConsentGuidance g = only(c);
    assertThat(g.ifWithheld()).startsWith("Keep offering single-agency services.")
        .contains("designated safeguarding lead or line manager");
    assertThat(g.missing().orElseThrow()).isEqualTo("Consent is required and has been withheld: " + g.ifWithheld());
    assertThat(action(c, "early-help-referral").ready()).isFalse();

    // Withdrawn after being given counts as refused too.
    ChildAssessment w = assess(tier2().consentHistory(historyEndingIn(ConsentStatus.WITHDRAWN)));
    assertThat(ruleIds(w)).contains("single-agency-support", "consent-withheld-tier2");
    assertThat(only(w).missing().orElseThrow()).startsWith("Consent is required and has been withdrawn: ");
  }

  // ---- Tier 3 -----------------------------------------------------------------------------------

  /**
   * Thresholds of Need matrix, Tier 3: "Parental consent should be sought unless it places the
   * child at further risk of harm."
   */
  @Test
  void tier3_seekConsentUnlessUnsafe() {
    ChildAssessment c = assess(tier3());
    assertThat(c.tierRange()).contains(TierRange.of(Tier.HIGH_OR_COMPLEX, Tier.HIGH_OR_COMPLEX));
    ConsentGuidance g = only(c);
    assertThat(g.requirement()).isEqualTo(ConsentRequirement.SEEK_UNLESS_UNSAFE);
    assertThat(g.givers()).containsExactlyInAnyOrder(PR, YP);
    assertThat(g.maySeekConsent()).isTrue();
    assertThat(g.check()).isEqualTo(ConsentCheck.NOT_SATISFIED);
    assertThat(g.missing()).contains(SEEK_OR_RECORD);
    assertThat(g.mustShareToSafeguard()).isFalse();
    // The phone and written referrals are not held up by the consent question.
    assertThat(action(c, "phone-referral").ready()).isTrue();
    assertThat(action(c, "written-referral").ready()).isTrue();

    for (NotSoughtReason reason : NotSoughtReason.values()) {
      ChildAssessment unsafe = assess(tier3().consent(ConsentState.notSoughtUnsafe(reason, MON_4PM)));
      assertThat(only(unsafe).check()).as("%s", reason).isEqualTo(ConsentCheck.SATISFIED);
      assertThat(only(unsafe).missing()).isEmpty();
    }
    assertThat(only(assess(tier3().consent(given(PR)))).check()).isEqualTo(ConsentCheck.SATISFIED);

    // A Tier 3 suspicion of sexual abuse: seeking consent could compromise a police investigation.
    ChildAssessment police = assess(referral(LocalDate.of(2016, 4, 10))
        .addConcerns(aboutChild("T3-DEV-SUSPECTED-SEXUAL-ABUSE")));
    // The document also lists sexual abuse at Tier 4 (Section 47): guidance for both tiers, neither
    // advising to seek consent.
    assertThat(police.consent()).extracting(ConsentGuidance::tier).containsExactly(Tier.HIGH_OR_COMPLEX, Tier.ACUTE);
    assertThat(police.consent()).allSatisfy(x -> assertThat(x.maySeekConsent()).isFalse());
    ConsentGuidance p = police.consent().get(0);
    assertThat(p.requirement()).isEqualTo(ConsentRequirement.SEEK_UNLESS_UNSAFE);
    assertThat(p.maySeekConsent()).isFalse();
    assertThat(p.mayTellFamily()).isFalse();
    assertThat(p.missing()).contains("Record that consent was not sought because seeking it is unsafe.");
    assertThat(assess(referral(LocalDate.of(2016, 4, 10))
        .addConcerns(aboutChild("T3-DEV-SUSPECTED-SEXUAL-ABUSE"))
        .consent(ConsentState.notSoughtUnsafe(NotSoughtReason.COMPROMISE_POLICE_INVESTIGATION, MON_4PM)))
        .consent().get(0).check()).isEqualTo(ConsentCheck.SATISFIED);
  }

  /**
   * Section 2, Tier 3: the referral form "must be completed with the consent of the parent(s)"; if
   * consent is withheld "the practitioner should discuss this with their line manager and/or
   * designated safeguarding lead to ensure that everything is being done to engage the family"; only
   * at "the higher end of Tier 3", where significant harm is possible, "it may be possible to dispense
   * with parental consent ... and make a child protection referral".
   */
  @Test
  void tier3_consentWithheld_referralWaitsOnTheDslDiscussion() {
    ChildAssessment before = assess(tier3());
    ChildAssessment c = assess(tier3().consent(withheld()));
    assertThat(c.tierRange()).isEqualTo(before.tierRange());
    assertThat(c.tierRange()).contains(TierRange.of(Tier.HIGH_OR_COMPLEX, Tier.HIGH_OR_COMPLEX));

    Action discuss = action(c, "consent-withheld-tier3");
    assertThat(discuss.kind()).isEqualTo(ActionKind.CONSULT_SAFEGUARDING_LEAD);
    assertThat(discuss.ready()).isTrue();
    assertThat(discuss.description()).contains("line manager or designated safeguarding lead")
        .contains("the referral waits");
    assertThat(ruleIds(before)).doesNotContain("consent-withheld-tier3");
    // The misread "social work manager decides" rule is gone: that paragraph is about families
    // declining child in need support after allocation.
    assertThat(ruleIds(c)).doesNotContain("social-work-manager-decision", "phone-referral-urgent");

    ConsentGuidance g = only(c);
    assertThat(g.check()).isEqualTo(ConsentCheck.NOT_SATISFIED);
    assertThat(g.missing().orElseThrow()).isEqualTo("Consent is withheld: " + g.ifWithheld());
    assertThat(g.ifWithheld()).contains("higher end of Tier 3").contains("child protection referral");
    // The referral is shown, not hidden, and waits on the discussion, saying what would let it proceed.
    for (String id : List.of("phone-referral", "written-referral")) {
      assertThat(action(c, id).ready()).as(id).isFalse();
      assertThat(action(c, id).blockers()).as(id).containsExactly(g.missing().orElseThrow());
    }
    assertThat(action(before, "phone-referral").ready()).isTrue();
  }

  /**
   * Section 2, Tier 3: where the range reaches Tier 4 (here serious or persistent violence, which the
   * matrix also lists at Tier 4), the child protection route is offered to consider, never blocked.
   */
  @Test
  void tier3_consentWithheld_rangeReachingTier4_childProtectionRouteToConsider() {
    ChildAssessment c = assess(referral(LocalDate.of(2016, 4, 10))
        .addConcerns(aboutMum("T3-PAR-SERIOUS-PERSISTENT-VIOLENCE")).consent(withheld()));
    assertThat(c.tierRange()).contains(TierRange.of(Tier.HIGH_OR_COMPLEX, Tier.ACUTE));
    Action urgent = action(c, "phone-referral-urgent");
    assertThat(urgent.modality()).isEqualTo(Modality.CONSIDER);
    assertThat(urgent.ready()).isTrue();
    assertThat(action(c, "consent-withheld-tier4").modality()).isEqualTo(Modality.CONSIDER);
    assertThat(action(c, "phone-referral").ready()).isFalse();
  }

  /** A Tier 3 suspicion of sexual abuse with consent already sought and withheld. */
  private static ChildAssessment tier3PoliceInvestigationWithheld() {
    return assess(referral(LocalDate.of(2016, 4, 10))
        .addConcerns(aboutChild("T3-DEV-SUSPECTED-SEXUAL-ABUSE")).consent(withheld()));
  }

  /**
   * When consent was sought and withheld, what is missing cannot be a record that it was "not
   * sought" (Appendix 1: where consent is not obtained, "please state reason").
   */
  @Test
  void tier3_policeInvestigation_consentWithheld_missingDoesNotSayNotSought() {
    ConsentGuidance g = tier3PoliceInvestigationWithheld().consent().get(0);
    assertThat(g.check()).isEqualTo(ConsentCheck.NOT_SATISFIED);
    assertThat(g.missing().orElseThrow()).doesNotContain("not sought");
  }

  /**
   * README: where consent could compromise a police investigation "actions involving the family are
   * blocked"; section 2, Tier 4: do not seek consent when it would compromise a police investigation.
   */
  @Test
  void tier3_policeInvestigation_consentWithheld_noReadyAdviceToEngageTheFamily() {
    ChildAssessment c = tier3PoliceInvestigationWithheld();
    assertThat(c.consent()).allSatisfy(g -> assertThat(g.mayTellFamily()).isFalse());
    assertThat(c.actions()).filteredOn(a -> a.description().contains("engage the family"))
        .allSatisfy(a -> assertThat(a.ready()).as(a.ruleId()).isFalse());
  }

  // ---- Tier 4 -----------------------------------------------------------------------------------

  /** Matrix, Tier 4: "Parental consent is not required but should be obtained if it is safe to do so." */
  @ParameterizedTest
  @EnumSource(ConsentStatus.class)
  void tier4_consentNotRequired_seekIfSafe(ConsentStatus status) {
    ChildAssessment c = assess(tier4().consentHistory(historyEndingIn(status)));
    assertThat(c.tierRange()).contains(TierRange.of(Tier.ACUTE, Tier.ACUTE));
    ConsentGuidance g = only(c);
    assertThat(g.requirement()).isEqualTo(ConsentRequirement.NOT_REQUIRED_SEEK_IF_SAFE);
    assertThat(g.check()).isEqualTo(ConsentCheck.NOT_REQUIRED);
    assertThat(g.missing()).isEmpty();
    // A recorded decision not to seek consent because it is unsafe is honoured (issue 10, defect 2).
    boolean unsafe = status == ConsentStatus.NOT_SOUGHT_UNSAFE;
    assertThat(g.maySeekConsent()).isEqualTo(!unsafe);
    assertThat(g.mayTellFamily()).isEqualTo(!unsafe);
    assertThat(g.restrictions()).hasSize(unsafe ? 1 : 0);
    assertThat(g.citation().section()).contains("Tier 4 - Acute").contains("6 Information sharing");
    // Nothing waits for consent at Tier 4.
    assertThat(c.actions()).allSatisfy(a -> assertThat(a.ready()).as(a.ruleId()).isTrue());
    assertThat(ruleIds(c)).startsWith("phone-referral-urgent", "written-referral", "strategy-discussion");
  }

  /**
   * Section 2, Tier 4: seek consent "except when this would ... compromise a police investigation
   * (e.g. allegation of sexual abuse ...)".
   */
  @Test
  void tier4_sexualAbuseAllegation_doNotSeekConsent() {
    ChildAssessment c = assess(referral(LocalDate.of(2012, 4, 10))
        .addConcerns(aboutChild("T4-S47-SEXUAL-ABUSE-DISCLOSURE")));
    ConsentGuidance g = only(c);
    assertThat(g.check()).isEqualTo(ConsentCheck.NOT_REQUIRED);
    assertThat(g.maySeekConsent()).isFalse();
    assertThat(g.mayTellFamily()).isFalse();
    assertThat(g.restrictions()).containsExactly("Seeking consent or telling the family could"
        + " compromise a police investigation or increase the risk to the child"
        + " (T4-S47-SEXUAL-ABUSE-DISCLOSURE).");
    assertThat(g.mustShareToSafeguard()).isTrue();
    assertThat(action(c, "phone-referral-urgent").ready()).isTrue();

    // Recording why consent was not sought is accepted; it changes none of the restrictions.
    ChildAssessment recorded = assess(referral(LocalDate.of(2012, 4, 10))
        .addConcerns(aboutChild("T4-S47-SEXUAL-ABUSE-DISCLOSURE"))
        .consent(ConsentState.notSoughtUnsafe(NotSoughtReason.COMPROMISE_POLICE_INVESTIGATION, MON_4PM)));
    assertThat(only(recorded).maySeekConsent()).isFalse();
    assertThat(only(recorded).mayTellFamily()).isFalse();
  }

  /**
   * Section 2, Tier 4: "... or suspicions of fabricated or induced illness"; the concern is about
   * the mother, so it applies to every referred child of the household.
   */
  @Test
  void tier4_fabricatedIllness_doNotTellFamily() {
    Referral r = Referral.builder()
        .ref(Ref.of("r1"))
        .referrer(Referrer.builder().agencyType(AgencyType.HEALTH)
            .position(ReferrerRole.OTHER_HEALTH_PROFESSIONAL).build())
        .madeAt(TUE_10AM)
        .household(Household.builder().addChildren(child("c1", LocalDate.of(2019, 6, 1)))
            .addChildren(child("c2", LocalDate.of(2021, 2, 3))).addAdults(MUM).build())
        .addReferredChildren(Ref.of("c1"), Ref.of("c2"))
        .addConcerns(aboutMum("T4-S47-FABRICATED-INDUCED-ILLNESS"))
        .consent(given(PR))
        .build();
    Evaluation e = EVALUATOR.evaluate(r, r.madeAt());
    assertThat(e.children()).hasSize(2).allSatisfy(c -> {
      ConsentGuidance g = only(c);
      assertThat(g.mayTellFamily()).isFalse();
      assertThat(g.maySeekConsent()).isFalse();
      assertThat(g.restrictions()).containsExactly(
          "Do not discuss the referral with the family (T4-S47-FABRICATED-INDUCED-ILLNESS).",
          "Seeking consent or telling the family could compromise a police investigation or"
              + " increase the risk to the child (T4-S47-FABRICATED-INDUCED-ILLNESS).");
      assertThat(g.mustShareToSafeguard()).isTrue();
    });
  }

  /**
   * Matrix, Tier 4 (forced marriage): do not discuss with the family. Not even the young person's
   * own consent lifts the restriction.
   */
  @Test
  void tier4_forcedMarriage_doNotDiscussWithFamily() {
    for (ConsentState consent : List.of(ConsentState.notYetSought(), given(YP), given(PR))) {
      ChildAssessment c = assess(referral(LocalDate.of(2009, 6, 1))
          .addConcerns(aboutChild("T4-FAM-FORCED-MARRIAGE")).consent(consent));
      ConsentGuidance g = only(c);
      assertThat(g.mayTellFamily()).as("%s", consent.status()).isFalse();
      assertThat(g.maySeekConsent()).isFalse();
      assertThat(g.restrictions())
          .containsExactly("Do not discuss the referral with the family (T4-FAM-FORCED-MARRIAGE).");
      assertThat(action(c, "phone-referral-urgent").ready()).isTrue();
    }
  }

  /**
   * Section 6: "Where there is a clear risk of significant harm to a child you must share the
   * information to safeguard the child."
   */
  @Test
  void informationSharing_significantHarm_mustShare() {
    assertThat(only(assess(tier4())).mustShareToSafeguard()).isTrue();
    assertThat(only(assess(tier4().consent(withheld()))).mustShareToSafeguard()).isTrue();
    assertThat(only(assess(tier3())).mustShareToSafeguard()).isFalse();
    assertThat(only(assess(tier2())).mustShareToSafeguard()).isFalse();

    // Immediate danger makes it Tier 4: share.
    ChildAssessment danger = assess(tier2().immediateDanger(true));
    assertThat(danger.consent()).extracting(ConsentGuidance::tier).containsExactly(Tier.ACUTE);
    assertThat(only(danger).mustShareToSafeguard()).isTrue();

    // The sharing is recorded on the basis of significant harm, with an authoriser and a legal basis.
    Instant sharedAt = TUE_10AM.minusSeconds(600);
    Referral r = tier4().consentHistory(ConsentHistory.of(withheld(), sharedWithoutConsent(sharedAt)))
        .addSharing(SharingRecord.builder().addItems(SharedItem.REFERRAL_FORM, SharedItem.CHILD_DETAILS)
            .sharedWith("Children and Families Hub").purpose("Referral: risk of significant harm")
            .basis(SharingBasis.SAFEGUARDING_SIGNIFICANT_HARM).sharedAt(sharedAt)
            .authorisedBy(Authoriser.DESIGNATED_SAFEGUARDING_LEAD)
            .legalBasis("Children Act 1989 s47").build())
        .build();
    assertThat(r.consent().status()).isEqualTo(ConsentStatus.SHARED_WITHOUT_CONSENT);
    assertThat(only(EVALUATOR.evaluate(r, r.madeAt()).children().get(0)).mustShareToSafeguard()).isTrue();
  }

  /**
   * Section 2, Tier 4: "If consent is withheld ... consider, with their designated safeguarding lead
   * and/or line manager, whether they have grounds to override consent ... a practitioner will have
   * a legal basis to share information without parental consent".
   */
  @Test
  void tier4_consentWithheld_overrideDiscussion_andLegalBasis() {
    ChildAssessment before = assess(tier4());
    ChildAssessment c = assess(tier4().consent(withheld()));
    assertThat(c.tierRange()).isEqualTo(before.tierRange());

    Action override = action(c, "consent-withheld-tier4");
    assertThat(override.kind()).isEqualTo(ActionKind.CONSULT_SAFEGUARDING_LEAD);
    assertThat(override.modality()).isEqualTo(Modality.MUST);
    assertThat(override.due().orElseThrow().dueBy()).isEqualTo(TUE_10AM);
    assertThat(override.ready()).isTrue();
    assertThat(override.description()).contains("grounds to override").contains("do not delay the referral");
    assertThat(ruleIds(before)).doesNotContain("consent-withheld-tier4");

    // The referral is not delayed: the urgent phone call is still first and ready.
    assertThat(c.actions().get(0).ruleId()).isEqualTo("phone-referral-urgent");
    assertThat(c.actions().get(0).ready()).isTrue();
    assertThat(ruleIds(c)).contains("strategy-discussion");

    ConsentGuidance g = only(c);
    assertThat(g.check()).isEqualTo(ConsentCheck.NOT_REQUIRED);
    assertThat(g.ifWithheld()).contains("grounds to override consent")
        .contains("legal basis to share information without consent");

    // Overriding is recorded: shared without consent after it was withheld, with who and why.
    ConsentHistory h = ConsentHistory.of(withheld(), sharedWithoutConsent(TUE_10AM));
    assertThat(h.current().authorisedBy()).contains(Authoriser.DESIGNATED_SAFEGUARDING_LEAD);
    assertThat(h.current().legalBasis()).isPresent();
    assertInvalid("consent.legalBasis", () -> ConsentState.builder()
        .status(ConsentStatus.SHARED_WITHOUT_CONSENT).recordedAt(TUE_10AM)
        .authorisedBy(Authoriser.LINE_MANAGER).build());
  }

  // ---- who may refer ------------------------------------------------------------------------------

  /**
   * Web page (seed 000): anyone concerned about a child may contact Children and Families, and call
   * 999 if a child is at immediate risk. "Referrals to MARS are not accepted directly from parents"
   * is about the Hackney Ark MARs (SEND) meetings, not safeguarding referrals: no one is told to find
   * a professional first.
   */
  @Test
  void webPage_parentOrPublicReferrer_mayReportTheConcernThemselves() {
    List<Referrer> parents = List.of(
        Referrer.of(AgencyType.PARENT_OR_CARER),
        Referrer.builder().agencyType(AgencyType.PARENT_OR_CARER).position(ReferrerRole.PARENT_OR_CARER).build(),
        Referrer.builder().agencyType(AgencyType.MEMBER_OF_PUBLIC).position(ReferrerRole.PARENT_OR_CARER).build());
    for (Referrer parent : parents) {
      assertThat(parent.professional()).isFalse();
      ChildAssessment c = assess(tier2().referrer(parent));
      assertThat(kinds(c)).as("%s", parent).contains(ActionKind.REPORT_CONCERN)
          .doesNotContain(ActionKind.ASK_A_PROFESSIONAL);
      Action report = action(c, "report-a-concern");
      assertThat(report.ready()).isTrue();
      assertThat(report.description()).contains("Anyone may report a concern").contains("999");

      // With consent the early help referral may go ahead, whoever makes it.
      ChildAssessment consented = assess(tier2().referrer(parent).consent(given(PR)));
      assertThat(only(consented).check()).isEqualTo(ConsentCheck.SATISFIED);
      assertThat(action(consented, "early-help-referral").ready()).isTrue();

      // In danger, 999 still comes first.
      ChildAssessment danger = assess(tier2().referrer(parent).immediateDanger(true));
      assertThat(danger.actions().get(0).kind()).isEqualTo(ActionKind.CALL_EMERGENCY_SERVICES);
    }
    // A professional gets no such advice; a parent's position cannot go with a professional agency.
    assertThat(kinds(assess(tier2()))).doesNotContain(ActionKind.REPORT_CONCERN, ActionKind.ASK_A_PROFESSIONAL);
    assertInvalid("referrer.position", () -> Referrer.builder().agencyType(AgencyType.SCHOOL)
        .position(ReferrerRole.PARENT_OR_CARER).build());
  }
}
