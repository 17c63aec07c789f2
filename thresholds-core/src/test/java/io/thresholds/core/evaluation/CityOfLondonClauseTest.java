package io.thresholds.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.consent.Authoriser;
import io.thresholds.core.consent.ConsentCheck;
import io.thresholds.core.consent.ConsentForm;
import io.thresholds.core.consent.ConsentGiver;
import io.thresholds.core.consent.ConsentGuidance;
import io.thresholds.core.consent.ConsentRequirement;
import io.thresholds.core.consent.ConsentState;
import io.thresholds.core.consent.ConsentStatus;
import io.thresholds.core.model.Adult;
import io.thresholds.core.model.Age;
import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Household;
import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.model.Mobility;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Referrer;
import io.thresholds.core.model.Relationship;
import io.thresholds.core.model.SchoolAttendance;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.ActionKind;
import io.thresholds.core.policy.Channel;
import io.thresholds.core.policy.Modality;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.UnknownIndicatorException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Examples named after the clause of the City of London Thresholds of Need they pin. Due instants
 * are worked out by hand in Europe/London: GMT (UTC+0) in winter, BST (UTC+1) from the last Sunday
 * of March to the last Sunday of October.
 */
class CityOfLondonClauseTest {
  private static final ThresholdEvaluator EVALUATOR = ThresholdEvaluator.of(Policies.cityOfLondon());
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  /** Tuesday 18 November 2025, 10:00 GMT: office hours. */
  private static final Instant TUE_10AM = london("2025-11-18T10:00");
  private static final LocalDate TUE = LocalDate.of(2025, 11, 18);
  private static final LocalDate MON = LocalDate.of(2025, 11, 17);
  private static final Adult MUM = Adult.builder().ref(Ref.of("mum"))
      .relationship(Relationship.MOTHER).parentalResponsibility(true).build();

  // ---- fixtures ---------------------------------------------------------------------------------

  private static Instant london(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
  }

  private static Child child(String ref, LocalDate dob) {
    return Child.builder().ref(Ref.of(ref)).dateOfBirth(dob).build();
  }

  private static Child child(LocalDate dob) {
    return child("c1", dob);
  }

  /** A school referral about all the given children, living with their mother. */
  private static Referral.Builder referral(Instant madeAt, Child... children) {
    Referral.Builder b = Referral.builder()
        .ref(Ref.of("r1"))
        .referrer(Referrer.of(AgencyType.SCHOOL))
        .madeAt(madeAt)
        .household(Household.builder().addChildren(children).addAdults(MUM).build());
    for (Child c : children) {
      b.addReferredChildren(c.ref());
    }
    return b;
  }

  private static Concern aboutChild(String code, LocalDate observedOn) {
    return Concern.of(code, SubjectKind.CHILD, Ref.of("c1"), observedOn);
  }

  private static Concern aboutMum(String code, LocalDate observedOn) {
    return Concern.of(code, SubjectKind.PARENT_CARER, Ref.of("mum"), observedOn);
  }

  private static Evaluation evaluate(Referral.Builder b) {
    Referral r = b.build();
    return EVALUATOR.evaluate(r, r.madeAt());
  }

  private static ChildAssessment assess(Referral.Builder b) {
    return evaluate(b).children().get(0);
  }

  /** A single child of the given date of birth, one concern about the child, Tuesday 10:00. */
  private static ChildAssessment assess(LocalDate dob, String code, LocalDate observedOn) {
    return assess(referral(TUE_10AM, child(dob)).addConcerns(aboutChild(code, observedOn)));
  }

  private static List<String> ruleIds(ChildAssessment c) {
    return c.actions().stream().map(Action::ruleId).collect(Collectors.toList());
  }

  private static List<Modality> modalities(ChildAssessment c) {
    return c.actions().stream().map(Action::modality).collect(Collectors.toList());
  }

  private static List<ReasonKind> reasonKinds(ChildAssessment c) {
    return c.reasons().stream().map(Reason::kind).collect(Collectors.toList());
  }

  private static Action action(ChildAssessment c, String ruleId) {
    return c.actions().stream().filter(a -> a.ruleId().equals(ruleId)).findFirst()
        .orElseThrow(() -> new AssertionError("no action " + ruleId + " in " + ruleIds(c)));
  }

  private static Instant due(ChildAssessment c, String ruleId) {
    return action(c, ruleId).due().orElseThrow().dueBy();
  }

  private static String contact(ChildAssessment c, String ruleId) {
    return action(c, ruleId).contact().orElseThrow().id();
  }

  private static TierRange range(Tier min, Tier max) {
    return TierRange.of(min, max);
  }

  private static IndicatorCode code(String c) {
    return IndicatorCode.of(c);
  }

  private static List<Tier> consentTiers(ChildAssessment c) {
    return c.consent().stream().map(ConsentGuidance::tier).collect(Collectors.toList());
  }

  // ---- Section 47 criteria and the matrix ---------------------------------------------------------

  @Test
  void tier4_s47_pregnancyUnder13() {
    ChildAssessment c = assess(LocalDate.of(2013, 3, 1), "T4-S47-PREGNANCY-UNDER-13", MON);

    assertThat(c.age()).isEqualTo(Age.ofYears(12));
    assertThat(c.scope()).isEqualTo(Scope.CHILD);
    assertThat(c.tierRange()).contains(range(Tier.ACUTE, Tier.ACUTE));
    assertThat(c.drivingIndicators()).containsExactly(code("T4-S47-PREGNANCY-UNDER-13"));
    assertThat(c.reasons()).singleElement().satisfies(r -> {
      assertThat(r.kind()).isEqualTo(ReasonKind.INDICATOR);
      assertThat(r.indicator()).contains(code("T4-S47-PREGNANCY-UNDER-13"));
      assertThat(r.tier()).isEqualTo(Tier.ACUTE);
      assertThat(r.concernIndex()).isEqualTo(OptionalInt.of(0));
      assertThat(r.citation().section()).isEqualTo("Thresholds Criteria: Section 47");
    });
    assertThat(ruleIds(c)).containsExactly("phone-referral-urgent", "written-referral",
        "strategy-discussion", "chase-feedback", "monitor", "escalate-disagreement");
    assertThat(modalities(c)).containsExactly(Modality.MUST, Modality.MUST, Modality.SHOULD,
        Modality.MUST, Modality.SHOULD, Modality.SHOULD);
    // Tuesday 10:00 GMT: the Hub is open, phone now; the form within 24 hours.
    assertThat(contact(c, "phone-referral-urgent")).isEqualTo("hub");
    assertThat(action(c, "phone-referral-urgent").due().orElseThrow().basis()).isEqualTo("immediately");
    assertThat(action(c, "phone-referral-urgent").notes()).isEmpty();
    assertThat(c.actions()).allSatisfy(a -> assertThat(a.ready()).as(a.ruleId()).isTrue());
    assertThat(due(c, "phone-referral-urgent")).isEqualTo(Instant.parse("2025-11-18T10:00:00Z"));
    assertThat(due(c, "written-referral")).isEqualTo(Instant.parse("2025-11-19T10:00:00Z"));
    assertThat(action(c, "written-referral").due().orElseThrow().basis())
        .isEqualTo("within 24 hours of the phone referral");
    assertThat(action(c, "written-referral").channel()).isEqualTo(Channel.SECURE_EMAIL);
    assertThat(action(c, "written-referral").contact().orElseThrow().email())
        .contains("Children.duty@cityoflondon.gov.uk");
    // Police investigation: neither seek consent nor tell the family; share to safeguard.
    assertThat(c.consent()).singleElement().satisfies(g -> {
      assertThat(g.tier()).isEqualTo(Tier.ACUTE);
      assertThat(g.requirement()).isEqualTo(ConsentRequirement.NOT_REQUIRED_SEEK_IF_SAFE);
      assertThat(g.check()).isEqualTo(ConsentCheck.NOT_REQUIRED);
      assertThat(g.maySeekConsent()).isFalse();
      assertThat(g.mayTellFamily()).isFalse();
      assertThat(g.mustShareToSafeguard()).isTrue();
    });
  }

  @Test
  void tier3_pregnancy13to15_escalatesToTier4WhenUnder13() {
    String reported = "T3-DEV-PREGNANT-OR-UNSAFE-RELATIONSHIP-13-15";
    ChildAssessment twelve = assess(LocalDate.of(2013, 3, 1), reported, MON);
    assertThat(twelve.tierRange()).contains(range(Tier.ACUTE, Tier.ACUTE));
    assertThat(twelve.drivingIndicators())
        .containsExactly(code("T4-FAM-UNDER-13-PREGNANT-OR-SEXUALLY-ACTIVE"));
    assertThat(twelve.reasons()).singleElement().satisfies(r -> {
      assertThat(r.kind()).isEqualTo(ReasonKind.ESCALATED);
      assertThat(r.indicator()).contains(code("T4-FAM-UNDER-13-PREGNANT-OR-SEXUALLY-ACTIVE"));
      assertThat(r.reportedAs()).contains(code(reported));
      assertThat(r.tier()).isEqualTo(Tier.ACUTE);
    });
    assertThat(ruleIds(twelve)).startsWith("phone-referral-urgent", "written-referral");

    ChildAssessment fourteen = assess(LocalDate.of(2011, 3, 1), reported, MON);
    assertThat(fourteen.tierRange()).contains(range(Tier.HIGH_OR_COMPLEX, Tier.HIGH_OR_COMPLEX));
    assertThat(reasonKinds(fourteen)).containsExactly(ReasonKind.INDICATOR);
    assertThat(ruleIds(fourteen)).containsExactly("phone-referral", "written-referral",
        "chase-feedback", "monitor", "escalate-disagreement");
    assertThat(action(fourteen, "phone-referral").due().orElseThrow().basis())
        .isEqualTo("now: Children and Families Hub is open");
    assertThat(due(fourteen, "phone-referral")).isEqualTo(TUE_10AM);
    assertThat(due(fourteen, "written-referral")).isEqualTo(Instant.parse("2025-11-19T10:00:00Z"));
    assertThat(fourteen.consent()).singleElement().satisfies(g -> {
      assertThat(g.requirement()).isEqualTo(ConsentRequirement.SEEK_UNLESS_UNSAFE);
      assertThat(g.check()).isEqualTo(ConsentCheck.NOT_SATISFIED);
      assertThat(g.missing()).contains(
          "Seek consent, or record why seeking it would place the child at further risk.");
    });

    // Sixteen: neither condition holds; kept at Tier 3 for review, never dropped.
    ChildAssessment sixteen = assess(LocalDate.of(2009, 3, 1), reported, MON);
    assertThat(sixteen.tierRange()).contains(range(Tier.HIGH_OR_COMPLEX, Tier.HIGH_OR_COMPLEX));
    assertThat(reasonKinds(sixteen)).containsExactly(ReasonKind.CONDITION_NOT_MET);
  }

  @Test
  void tier4_s47_injuryPreMobileBaby() {
    Child baby = Child.builder().ref(Ref.of("c1")).dateOfBirth(LocalDate.of(2025, 6, 1))
        .mobility(Mobility.PRE_MOBILE).build();
    ChildAssessment c = assess(referral(TUE_10AM, baby)
        .addConcerns(aboutChild("T4-S47-PRE-MOBILE-INJURY-OR-ALLEGATION", TUE)));
    assertThat(c.age()).isEqualTo(Age.ofYears(0));
    assertThat(c.tierRange()).contains(range(Tier.ACUTE, Tier.ACUTE));
    assertThat(reasonKinds(c)).containsExactly(ReasonKind.INDICATOR);

    // A mobile toddler: the mobility condition does not hold, but the risk is not understated.
    Child toddler = Child.builder().ref(Ref.of("c1")).dateOfBirth(LocalDate.of(2023, 6, 1))
        .mobility(Mobility.MOBILE).build();
    ChildAssessment t = assess(referral(TUE_10AM, toddler)
        .addConcerns(aboutChild("T4-S47-PRE-MOBILE-INJURY-OR-ALLEGATION", TUE)));
    assertThat(t.tierRange()).contains(range(Tier.ACUTE, Tier.ACUTE));
    assertThat(reasonKinds(t)).containsExactly(ReasonKind.CONDITION_NOT_MET);
  }

  @Test
  void tier3_assaultMinorInjury_preMobileBaby_escalatesToTier4() {
    Child baby = Child.builder().ref(Ref.of("c1")).dateOfBirth(LocalDate.of(2025, 6, 1))
        .mobility(Mobility.PRE_MOBILE).build();
    ChildAssessment c = assess(referral(TUE_10AM, baby)
        .addConcerns(aboutMum("T3-PAR-ASSAULT-NO-OR-MINOR-INJURY", MON)));
    assertThat(c.tierRange()).contains(range(Tier.ACUTE, Tier.ACUTE));
    assertThat(c.drivingIndicators()).containsExactly(code("T4-DEV-PRE-MOBILE-INJURY"));
    assertThat(c.reasons()).singleElement().satisfies(r -> {
      assertThat(r.kind()).isEqualTo(ReasonKind.ESCALATED);
      assertThat(r.reportedAs()).contains(code("T3-PAR-ASSAULT-NO-OR-MINOR-INJURY"));
    });
  }

  @Test
  void tier3_assaultMinorInjury_unknownMobility_rangeReaches4() {
    Child baby = child("c1", LocalDate.of(2025, 6, 1)); // mobility not recorded
    Child sibling = Child.builder().ref(Ref.of("c2")).dateOfBirth(LocalDate.of(2015, 5, 5))
        .mobility(Mobility.MOBILE).build();
    Evaluation e = evaluate(referral(TUE_10AM, baby, sibling)
        .addConcerns(aboutMum("T3-PAR-ASSAULT-NO-OR-MINOR-INJURY", MON)));

    ChildAssessment b = e.children().get(0);
    assertThat(b.tierRange()).contains(range(Tier.HIGH_OR_COMPLEX, Tier.ACUTE));
    assertThat(b.drivingIndicators()).containsExactly(code("T3-PAR-ASSAULT-NO-OR-MINOR-INJURY"));
    assertThat(reasonKinds(b)).containsExactly(ReasonKind.POSSIBLE_ESCALATION, ReasonKind.INDICATOR);
    assertThat(b.reasons().get(0).indicator()).contains(code("T4-DEV-PRE-MOBILE-INJURY"));
    assertThat(b.reasons().get(0).tier()).isEqualTo(Tier.ACUTE);
    assertThat(ruleIds(b)).containsExactly("phone-referral-urgent", "phone-referral",
        "written-referral", "strategy-discussion", "consultation-call", "chase-feedback", "monitor",
        "escalate-disagreement");
    assertThat(modalities(b)).containsExactly(Modality.CONSIDER, Modality.MUST, Modality.MUST,
        Modality.CONSIDER, Modality.SHOULD, Modality.MUST, Modality.SHOULD, Modality.SHOULD);
    assertThat(due(b, "written-referral")).isEqualTo(Instant.parse("2025-11-19T10:00:00Z"));
    assertThat(consentTiers(b)).containsExactly(Tier.HIGH_OR_COMPLEX, Tier.ACUTE);

    // The concern about the mother applies to the mobile sibling too, at Tier 3 only.
    ChildAssessment s = e.children().get(1);
    assertThat(s.child()).isEqualTo(Ref.of("c2"));
    assertThat(s.tierRange()).contains(range(Tier.HIGH_OR_COMPLEX, Tier.HIGH_OR_COMPLEX));
    assertThat(reasonKinds(s)).containsExactly(ReasonKind.INDICATOR);
  }

  // ---- Tier 2, Tier 1 -------------------------------------------------------------------------------

  @Test
  void tier2_consentNotSoughtBecauseUnsafe_earlyHelpWaits_discussWithTheSafeguardingLeadWhetherTheNeedIsHigher() {
    // Appendix 1: early help always needs consent, so it cannot go; Tiers 3 and 4 allow a referral
    // without consent where asking would put the child at risk. The pack's reading: a risk that
    // makes asking unsafe is a reason to discuss with the DSL whether the need is higher (V319).
    Referral.Builder r = referral(TUE_10AM, child(LocalDate.of(2017, 4, 10)))
        .addConcerns(aboutChild("T2-DEV-BEREAVED", MON));
    ChildAssessment unsafe = assess(r.consent(ConsentState.notSoughtUnsafe(
        io.thresholds.core.consent.NotSoughtReason.INCREASED_RISK_TO_CHILD, TUE_10AM.minusSeconds(600))));
    Action discuss = action(unsafe, "consent-unsafe-tier2");
    assertThat(discuss.kind()).isEqualTo(ActionKind.CONSULT_SAFEGUARDING_LEAD);
    assertThat(discuss.modality()).isEqualTo(Modality.SHOULD);
    assertThat(discuss.ready()).isTrue();
    assertThat(discuss.description()).contains("whether that risk means the need is higher")
        .contains("do not tell the family");
    assertThat(discuss.citation().toText()).contains("reading:").contains("Appendix 1");
    assertThat(action(unsafe, "early-help-referral").ready()).isFalse();
    // Not yet sought, or given: no such step.
    assertThat(ruleIds(assess(r.consent(ConsentState.notYetSought())))).doesNotContain("consent-unsafe-tier2");
    // At a firm Tier 3 the referral goes ahead without consent: the Tier 2 step does not apply.
    ChildAssessment t3 = assess(referral(TUE_10AM, child(LocalDate.of(2011, 4, 10)))
        .addConcerns(aboutChild("T3-DEV-UNMANAGED-CHRONIC-HEALTH", MON))
        .consent(ConsentState.notSoughtUnsafe(
            io.thresholds.core.consent.NotSoughtReason.INCREASED_RISK_TO_CHILD, TUE_10AM.minusSeconds(600))));
    assertThat(ruleIds(t3)).doesNotContain("consent-unsafe-tier2");
    assertThat(action(t3, "phone-referral").ready()).isTrue();
  }

  @Test
  void section3_doNotTellTheFamily_aSiblingsUniversalServicesStep_isHeldUp_andNoStepSaysToEngageTheFamily() {
    // A concern of forced marriage about one child (Section 47, "do not tell the family"): her
    // brother, with no concern of his own, may be anywhere from Tier 1 to 4. Referring his single
    // need "with the family's consent" would tell the family, so that step is held up too.
    ChildAssessment brother = evaluate(referral(TUE_10AM, child("c1", LocalDate.of(2012, 3, 1)),
            child("c2", LocalDate.of(2016, 5, 1)))
        .consent(ConsentState.given(ConsentGiver.PARENTAL_RESPONSIBILITY, ConsentForm.VERBAL, TUE_10AM.minusSeconds(600)))
        .addConcerns(aboutChild("T4-S47-FGM-HBV-FORCED-MARRIAGE", TUE))).children().get(1);
    assertThat(brother.consent()).allSatisfy(g -> assertThat(g.mayTellFamily()).isFalse());
    Action universal = action(brother, "universal-services");
    assertThat(universal.ready()).isFalse();
    assertThat(universal.blockers()).anyMatch(b -> b.startsWith("The family must not be told"));
    // Consent withheld where the family must not be told, and the phone referral already made: no
    // step, note or guidance says to engage the family.
    ChildAssessment fgm = assess(referral(TUE_10AM, child(LocalDate.of(2023, 11, 8)))
        .consent(ConsentState.withheld(ConsentGiver.PARENTAL_RESPONSIBILITY, TUE_10AM.minusSeconds(3600)))
        .phoneReferralMadeAt(TUE_10AM.minusSeconds(1200))
        .addConcerns(aboutChild("T3-PAR-FGM-FAMILY-HISTORY", MON)));
    for (Action a : fgm.actions()) {
      assertThat(a.blockers()).as(a.ruleId()).noneMatch(b -> b.contains("engage the family"));
      assertThat(a.notes()).as(a.ruleId()).noneMatch(n -> n.contains("engage the family"));
    }
    assertThat(fgm.consent()).allSatisfy(g -> assertThat(g.missing().orElse("")).doesNotContain("engage the family"));
    assertThat(action(fgm, "phone-referral").notes()).anyMatch(n -> n.contains("must not be told"));
    // Consent recorded as not sought because unsafe: the held-up step never reads as advice to seek it.
    ChildAssessment unsafe = evaluate(referral(TUE_10AM, child("c1", LocalDate.of(2012, 3, 1)),
            child("c2", LocalDate.of(2016, 5, 1)))
        .consent(ConsentState.notSoughtUnsafe(io.thresholds.core.consent.NotSoughtReason.INCREASED_RISK_TO_CHILD,
            TUE_10AM.minusSeconds(600)))
        .addConcerns(aboutChild("T4-S47-FGM-HBV-FORCED-MARRIAGE", TUE))).children().get(1);
    assertThat(action(unsafe, "universal-services").blockers())
        .noneMatch(b -> b.contains("before referring, assessing or sharing"))
        .anyMatch(b -> b.contains("must not be sought"));
  }

  @Test
  void tier2_earlyHelp_consentRequired() {
    Referral.Builder r = referral(TUE_10AM, child(LocalDate.of(2017, 4, 10)))
        .addConcerns(aboutChild("T2-DEV-BEREAVED", MON));
    ChildAssessment c = assess(r);
    assertThat(c.tierRange()).contains(range(Tier.ADDITIONAL_NEEDS, Tier.ADDITIONAL_NEEDS));
    assertThat(ruleIds(c)).containsExactly("early-help-referral", "early-help-assessment",
        "single-agency-support", "chase-feedback", "monitor", "escalate-disagreement");
    assertThat(modalities(c)).containsExactly(Modality.MUST, Modality.SHOULD, Modality.MUST,
        Modality.MUST, Modality.SHOULD, Modality.SHOULD);
    Action earlyHelp = action(c, "early-help-referral");
    assertThat(earlyHelp.channel()).isEqualTo(Channel.SECURE_EMAIL);
    assertThat(earlyHelp.contact().orElseThrow().id()).isEqualTo("hub");
    assertThat(earlyHelp.due()).isEmpty();
    assertThat(due(c, "chase-feedback")).isEqualTo(Instant.parse("2025-11-19T17:00:00Z"));
    // Appendix 2 counts from the disagreement, which a referral does not record: no deadline.
    assertThat(action(c, "escalate-disagreement").due()).isEmpty();
    assertThat(c.consent()).singleElement().satisfies(g -> {
      assertThat(g.tier()).isEqualTo(Tier.ADDITIONAL_NEEDS);
      assertThat(g.requirement()).isEqualTo(ConsentRequirement.REQUIRED);
      // Early help: consent from those with parental responsibility (Appendix 1 MARF).
      assertThat(g.givers()).containsExactly(ConsentGiver.PARENTAL_RESPONSIBILITY);
      assertThat(g.check()).isEqualTo(ConsentCheck.NOT_SATISFIED);
      assertThat(g.missing()).contains("Consent is required from a person with parental"
          + " responsibility before referring, assessing or sharing information.");
      assertThat(g.mayTellFamily()).isTrue();
      assertThat(g.mustShareToSafeguard()).isFalse();
    });

    // Until consent is given the early help referral and assessment wait; own-agency support does not.
    assertThat(earlyHelp.ready()).isFalse();
    assertThat(earlyHelp.blockers()).containsExactly("Consent is required from a person with"
        + " parental responsibility before referring, assessing or sharing information.");
    assertThat(action(c, "early-help-assessment").ready()).isFalse();
    assertThat(action(c, "single-agency-support").ready()).isTrue();

    ChildAssessment given = assess(r.consent(
        ConsentState.given(ConsentGiver.PARENTAL_RESPONSIBILITY, ConsentForm.WRITTEN, TUE_10AM)));
    assertThat(given.consent().get(0).check()).isEqualTo(ConsentCheck.SATISFIED);
    assertThat(given.consent().get(0).missing()).isEmpty();
    assertThat(action(given, "early-help-referral").ready()).isTrue();

    // The young person alone cannot consent to early help.
    ChildAssessment byChild = assess(r.consent(
        ConsentState.given(ConsentGiver.YOUNG_PERSON, ConsentForm.WRITTEN, TUE_10AM)));
    assertThat(byChild.consent().get(0).check()).isEqualTo(ConsentCheck.NOT_SATISFIED);
    assertThat(action(byChild, "early-help-referral").ready()).isFalse();

    ChildAssessment withheld = assess(r.consent(
        ConsentState.withheld(ConsentGiver.PARENTAL_RESPONSIBILITY, TUE_10AM)));
    assertThat(withheld.consent().get(0).check()).isEqualTo(ConsentCheck.NOT_SATISFIED);
    assertThat(withheld.consent().get(0).missing().orElseThrow())
        .startsWith("Consent is required and has been withheld: Keep offering single-agency services.");
    assertThat(ruleIds(withheld)).containsExactly("early-help-referral", "early-help-assessment",
        "single-agency-support", "consent-withheld-tier2", "chase-feedback", "monitor",
        "escalate-disagreement");
    assertThat(action(withheld, "early-help-referral").ready()).isFalse();
  }

  @Test
  void tier2_twoNeeds_range2to3() {
    ChildAssessment c = assess(referral(TUE_10AM, child(LocalDate.of(2017, 4, 10)))
        .addConcerns(aboutChild("T2-DEV-BEREAVED", MON), aboutMum("T2-FAM-LOW-INCOME", MON)));
    assertThat(c.tierRange()).contains(range(Tier.ADDITIONAL_NEEDS, Tier.HIGH_OR_COMPLEX));
    assertThat(reasonKinds(c)).containsExactly(
        ReasonKind.INDICATOR, ReasonKind.INDICATOR, ReasonKind.CUMULATIVE);
    assertThat(c.reasons().get(2).tier()).isEqualTo(Tier.HIGH_OR_COMPLEX);
    assertThat(ruleIds(c)).containsExactly("phone-referral", "written-referral",
        "early-help-referral", "early-help-assessment", "single-agency-support",
        "consultation-call", "chase-feedback", "monitor", "escalate-disagreement");
    assertThat(modalities(c)).containsExactly(Modality.CONSIDER, Modality.CONSIDER, Modality.MUST,
        Modality.SHOULD, Modality.MUST, Modality.SHOULD, Modality.MUST, Modality.SHOULD,
        Modality.SHOULD);
    assertThat(consentTiers(c)).containsExactly(Tier.ADDITIONAL_NEEDS, Tier.HIGH_OR_COMPLEX);

    // The same need reported twice is one need.
    ChildAssessment twice = assess(referral(TUE_10AM, child(LocalDate.of(2017, 4, 10)))
        .addConcerns(aboutChild("T2-DEV-BEREAVED", MON), aboutChild("T2-DEV-BEREAVED", TUE)));
    assertThat(twice.tierRange()).contains(range(Tier.ADDITIONAL_NEEDS, Tier.ADDITIONAL_NEEDS));
  }

  @Test
  void tier1_noConcerns_noReferralNeeded_withReason() {
    ChildAssessment c = assess(referral(TUE_10AM, child(LocalDate.of(2017, 4, 10))));
    assertThat(c.tierRange()).contains(range(Tier.UNIVERSAL, Tier.UNIVERSAL));
    assertThat(c.drivingIndicators()).isEmpty();
    assertThat(c.reasons()).singleElement().satisfies(r -> {
      assertThat(r.kind()).isEqualTo(ReasonKind.NO_NEED_REPORTED);
      assertThat(r.tier()).isEqualTo(Tier.UNIVERSAL);
      assertThat(r.explanation()).contains("no referral form is needed");
    });
    assertThat(ruleIds(c)).containsExactly("universal-services");
    assertThat(modalities(c)).containsExactly(Modality.SHOULD);
    assertThat(c.consent()).singleElement().satisfies(g -> {
      assertThat(g.tier()).isEqualTo(Tier.UNIVERSAL);
      assertThat(g.requirement()).isEqualTo(ConsentRequirement.REQUIRED);
    });

    // A strength is recorded but never changes the range.
    ChildAssessment strong = assess(LocalDate.of(2017, 4, 10), "T1-DEV-GOOD-ATTENDANCE", MON);
    assertThat(strong.tierRange()).contains(range(Tier.UNIVERSAL, Tier.UNIVERSAL));
    assertThat(reasonKinds(strong)).containsExactly(ReasonKind.STRENGTH, ReasonKind.NO_NEED_REPORTED);
    assertThat(strong.drivingIndicators()).isEmpty();
  }

  // ---- immediate danger -----------------------------------------------------------------------------

  @Test
  void immediateDanger_alwaysCalls999First() {
    ChildAssessment c = assess(referral(TUE_10AM, child(LocalDate.of(2017, 4, 10)))
        .immediateDanger(true));
    assertThat(c.tierRange()).contains(range(Tier.ACUTE, Tier.ACUTE));
    assertThat(ruleIds(c)).containsExactly("call-999", "inform-safeguarding-lead",
        "phone-referral-urgent", "written-referral", "strategy-discussion", "chase-feedback",
        "monitor", "escalate-disagreement");
    Action call = c.actions().get(0);
    assertThat(call.modality()).isEqualTo(Modality.MUST);
    assertThat(call.channel()).isEqualTo(Channel.PHONE);
    assertThat(call.contact().orElseThrow().phones()).containsExactly("999");
    assertThat(call.due().orElseThrow().dueBy()).isEqualTo(TUE_10AM);
    assertThat(call.due().orElseThrow().basis()).isEqualTo("immediately");
    assertThat(action(c, "inform-safeguarding-lead").modality()).isEqualTo(Modality.MUST);

    // Even at night, with only a Tier 2 need, 999 comes first.
    ChildAssessment night = assess(referral(london("2025-11-22T02:00"), child(LocalDate.of(2017, 4, 10)))
        .immediateDanger(true).addConcerns(aboutChild("T2-DEV-BEREAVED", MON)));
    assertThat(ruleIds(night).get(0)).isEqualTo("call-999");
    assertThat(contact(night, "phone-referral-urgent")).isEqualTo("edt");
  }

  /** Fixed bug: a Tier 4 result from immediate danger alone said "no referral form is needed". */
  @Test
  void immediateDanger_withoutIndicators_isExplainedByTheDanger_notByNoNeed() {
    ChildAssessment c = assess(referral(TUE_10AM, child(LocalDate.of(2017, 4, 10)))
        .immediateDanger(true));
    assertThat(reasonKinds(c)).containsExactly(ReasonKind.IMMEDIATE_DANGER);
    assertThat(c.reasons().get(0).tier()).isEqualTo(Tier.ACUTE);
  }

  // ---- routes and timescales ------------------------------------------------------------------------

  @Test
  void outOfHours_tier4_phonesEmergencyDutyTeam_andEmailsHackneyDuty() {
    // Tuesday 18 November 2025, 19:30 GMT.
    ChildAssessment c = assess(referral(london("2025-11-18T19:30"), child(LocalDate.of(2017, 4, 10)))
        .addConcerns(aboutMum("T4-S47-SERIOUS-NEGLECT", MON)));
    Action phone = action(c, "phone-referral-urgent");
    assertThat(phone.contact().orElseThrow().id()).isEqualTo("edt");
    assertThat(phone.contact().orElseThrow().name()).isEqualTo("Emergency Duty Team");
    assertThat(phone.due().orElseThrow().dueBy()).isEqualTo(Instant.parse("2025-11-18T19:30:00Z"));
    Action written = action(c, "written-referral");
    assertThat(written.contact().orElseThrow().email()).contains("duty@hackney.gov.uk");
    assertThat(written.due().orElseThrow().dueBy()).isEqualTo(Instant.parse("2025-11-19T19:30:00Z"));
    assertThat(due(c, "chase-feedback")).isEqualTo(Instant.parse("2025-11-19T17:00:00Z"));

    // In summer (BST): Tuesday 17 June 2025, 18:00 BST = 17:00 UTC.
    ChildAssessment summer = assess(referral(london("2025-06-17T18:00"), child(LocalDate.of(2017, 4, 10)))
        .addConcerns(aboutMum("T4-S47-SERIOUS-NEGLECT", LocalDate.of(2025, 6, 17))));
    assertThat(contact(summer, "phone-referral-urgent")).isEqualTo("edt");
    assertThat(due(summer, "written-referral")).isEqualTo(Instant.parse("2025-06-18T17:00:00Z"));

    // The boundaries: 16:59 is the Hub's, 17:00 the Emergency Duty Team's.
    assertThat(contact(tier4At("2025-11-18T16:59"), "phone-referral-urgent")).isEqualTo("hub");
    assertThat(contact(tier4At("2025-11-18T17:00"), "phone-referral-urgent")).isEqualTo("edt");
  }

  private static ChildAssessment tier4At(String localDateTime) {
    Instant t = london(localDateTime);
    return assess(referral(t, child(LocalDate.of(2017, 4, 10)))
        .addConcerns(aboutMum("T4-S47-SERIOUS-NEGLECT", LocalDate.ofInstant(t, LONDON))));
  }

  private static ChildAssessment tier3At(String localDateTime) {
    Instant t = london(localDateTime);
    return assess(referral(t, child(LocalDate.of(2011, 4, 10)))
        .addConcerns(aboutChild("T3-DEV-FREQUENT-SELF-HARM", LocalDate.ofInstant(t, LONDON))));
  }

  // ---- a child with no carer now: the urgent route (vignette V208) --------------------------------

  /**
   * Matrix Tier 3 "No available parent and child is in need of accommodation (e.g. parents in
   * custody)" and Appendix 1 MARF "If the matter is urgent and it is a weekend or outside normal
   * working hours, please contact the Emergency Duty Team": Saturday 17 October 2026, 20:00 BST.
   * The pack reads a child with no carer now as urgent: phone the Emergency Duty Team now, not the
   * Hub on Monday.
   */
  @Test
  void tier3_noAvailableParent_needsAccommodation_atTheWeekend_phonesTheEmergencyDutyTeamNow() {
    Instant saturday = london("2026-10-17T20:00");
    ChildAssessment c = assess(referral(saturday, child(LocalDate.of(2015, 6, 2)))
        .addConcerns(aboutChild("T3-PAR-NO-PARENT-NEEDS-ACCOMMODATION", LocalDate.of(2026, 10, 17))));
    assertThat(c.tierRange()).contains(range(Tier.HIGH_OR_COMPLEX, Tier.ACUTE));
    Action phone = action(c, "phone-referral-no-carer");
    assertThat(phone.kind()).isEqualTo(ActionKind.PHONE_REFERRAL);
    assertThat(phone.modality()).isEqualTo(Modality.MUST);
    assertThat(phone.contact().orElseThrow().id()).isEqualTo("edt");
    assertThat(phone.due().orElseThrow().dueBy()).isEqualTo(saturday);
    assertThat(phone.due().orElseThrow().basis()).isEqualTo("immediately");
    assertThat(phone.citation().section()).contains("Appendix 1 MARF").contains("Section 20");
    assertThat(phone.citation().reading()).hasValueSatisfying(r -> assertThat(r).contains("urgent"));
    // It replaces the ordinary phone referral (Hub at the next opening); the form counts from it.
    assertThat(ruleIds(c)).doesNotContain("phone-referral");
    assertThat(c.actions()).filteredOn(a -> a.kind() == ActionKind.PHONE_REFERRAL && a.modality() != Modality.CONSIDER)
        .extracting(Action::ruleId).containsExactly("phone-referral-no-carer");
    assertThat(action(c, "written-referral").contact().orElseThrow().email()).contains("duty@hackney.gov.uk");
    assertThat(due(c, "written-referral")).isEqualTo(saturday.plus(java.time.Duration.ofHours(24)));
  }

  /**
   * Appendix 1 MARF: consent is sought "unless to do so would leave a child at risk". A child with
   * no carer now is at risk while the call waits, so (the pack's reading) the call does not wait on
   * the refusal; the written form still does (section 2, Tier 3: discuss with the DSL).
   */
  @Test
  void appendix1Marf_noCarerNow_consentWithheld_theCallDoesNotWait() {
    Instant saturday = london("2026-10-17T20:00");
    ChildAssessment c = assess(referral(saturday, child(LocalDate.of(2015, 6, 2)))
        .addConcerns(aboutChild("T3-PAR-NO-PARENT-NEEDS-ACCOMMODATION", LocalDate.of(2026, 10, 17)))
        .consent(ConsentState.withheld(ConsentGiver.PARENTAL_RESPONSIBILITY, saturday.minusSeconds(600))));
    assertThat(action(c, "phone-referral-no-carer").ready()).isTrue();
    assertThat(action(c, "phone-referral-no-carer").blockers()).isEmpty();
    assertThat(contact(c, "phone-referral-no-carer")).isEqualTo("edt");
    assertThat(action(c, "written-referral").ready()).isFalse();
    assertThat(ruleIds(c)).contains("consent-withheld-tier3");
  }

  /**
   * Beside a firm Tier 4 concern (Section 47 serious neglect) the Tier 4 phone referral is the same
   * call now: it is advised once, as phone-referral-urgent.
   */
  @Test
  void tier4_s47_besideNoCarerNow_onePhoneReferral_theTier4One() {
    Instant saturday = london("2026-10-17T20:00");
    ChildAssessment c = assess(referral(saturday, child(LocalDate.of(2015, 6, 2)))
        .addConcerns(aboutChild("T3-PAR-NO-PARENT-NEEDS-ACCOMMODATION", LocalDate.of(2026, 10, 17)))
        .addConcerns(aboutMum("T4-S47-SERIOUS-NEGLECT", LocalDate.of(2026, 10, 17))));
    assertThat(c.tierRange()).contains(range(Tier.ACUTE, Tier.ACUTE));
    assertThat(c.actions()).filteredOn(a -> a.kind() == ActionKind.PHONE_REFERRAL)
        .extracting(Action::ruleId).containsExactly("phone-referral-urgent");
    assertThat(contact(c, "phone-referral-urgent")).isEqualTo("edt");
    assertThat(due(c, "phone-referral-urgent")).isEqualTo(saturday);
  }

  /** The same concern in office hours: the Hub, now (not by the next opening's end of day). */
  @Test
  void tier3_noAvailableParent_needsAccommodation_inOfficeHours_phonesTheHubNow() {
    ChildAssessment c = assess(LocalDate.of(2015, 6, 2), "T3-PAR-NO-PARENT-NEEDS-ACCOMMODATION", TUE);
    assertThat(contact(c, "phone-referral-no-carer")).isEqualTo("hub");
    assertThat(due(c, "phone-referral-no-carer")).isEqualTo(TUE_10AM);
    assertThat(ruleIds(c)).doesNotContain("phone-referral");
  }

  /**
   * Section 20 criteria: a child who needs accommodation because no one has parental
   * responsibility, because they are lost or abandoned, or because their carer is prevented from
   * providing care, has no carer now: the urgent route, out of hours the Emergency Duty Team.
   * The other Section 20 criteria (aged 16 and welfare prejudiced; accommodation would promote
   * welfare though a parent can provide it) keep the ordinary phone referral.
   */
  @Test
  void section20_noCarerNow_lostOrAbandoned_noParentalResponsibility_carerPrevented_phoneNow() {
    Instant tuesdayNight = london("2025-11-18T21:00");
    for (String code : List.of("T3-S20-NO-PARENTAL-RESPONSIBILITY", "T3-S20-LOST-OR-ABANDONED",
        "T3-S20-CARER-PREVENTED", "T3-PAR-NO-PARENT-NEEDS-ACCOMMODATION")) {
      ChildAssessment c = assess(referral(tuesdayNight, child(LocalDate.of(2011, 4, 10)))
          .addConcerns(aboutChild(code, TUE)));
      assertThat(contact(c, "phone-referral-no-carer")).as(code).isEqualTo("edt");
      assertThat(due(c, "phone-referral-no-carer")).as(code).isEqualTo(tuesdayNight);
      assertThat(ruleIds(c)).as(code).doesNotContain("phone-referral");
    }
    for (String code : List.of("T3-S20-AGED-16-WELFARE-PREJUDICED", "T3-S20-ACCOMMODATION-SAFEGUARDS-WELFARE")) {
      ChildAssessment c = assess(referral(tuesdayNight, child(LocalDate.of(2008, 4, 10)))
          .addConcerns(aboutChild(code, TUE)));
      assertThat(ruleIds(c)).as(code).contains("phone-referral").doesNotContain("phone-referral-no-carer");
      assertThat(contact(c, "phone-referral")).as(code).isEqualTo("hub");
    }
  }

  @Test
  void gap0830to0900_routesToHubAtNineWithNote() {
    // Wednesday 18 June 2025, 08:45 BST = 07:45 UTC: the Emergency Duty Team has closed, the Hub
    // has not opened.
    ChildAssessment c = tier4At("2025-06-18T08:45");
    Action phone = action(c, "phone-referral-urgent");
    assertThat(phone.contact().orElseThrow().id()).isEqualTo("hub");
    assertThat(phone.due().orElseThrow().dueBy()).isEqualTo(Instant.parse("2025-06-18T08:00:00Z"));
    assertThat(phone.due().orElseThrow().basis())
        .isEqualTo("as soon as Children and Families Hub opens, at Wed 18 Jun 2025 09:00");
    assertThat(phone.notes()).containsExactly("Neither Children and Families Hub nor Emergency Duty"
        + " Team is staffed at Wed 18 Jun 2025 08:45 (Children and Families Hub: office"
        + " 09:00-17:00; Emergency Duty Team: out-of-hours 17:00-08:30). Children and Families Hub"
        + " opens at Wed 18 Jun 2025 09:00: phone then. If a child is in immediate danger, call 999"
        + " now.");
    assertThat(contact(c, "written-referral")).isEqualTo("hub");
    assertThat(due(c, "written-referral")).isEqualTo(Instant.parse("2025-06-19T08:00:00Z"));

    // 08:30 is already in the gap; 08:29 is still the Emergency Duty Team's.
    ChildAssessment at0830 = tier4At("2025-06-18T08:30");
    assertThat(contact(at0830, "phone-referral-urgent")).isEqualTo("hub");
    assertThat(due(at0830, "phone-referral-urgent")).isEqualTo(Instant.parse("2025-06-18T08:00:00Z"));
    ChildAssessment at0829 = tier4At("2025-06-18T08:29");
    assertThat(contact(at0829, "phone-referral-urgent")).isEqualTo("edt");
    assertThat(due(at0829, "phone-referral-urgent")).isEqualTo(london("2025-06-18T08:29"));
    assertThat(action(at0829, "phone-referral-urgent").notes()).isEmpty();

    // Tier 3 in the gap: phone the Hub when it opens.
    ChildAssessment t3 = tier3At("2025-06-18T08:45");
    assertThat(due(t3, "phone-referral")).isEqualTo(Instant.parse("2025-06-18T08:00:00Z"));
    assertThat(action(t3, "phone-referral").due().orElseThrow().basis())
        .isEqualTo("when Children and Families Hub next opens, at Wed 18 Jun 2025 09:00");
  }

  @Test
  void bankHoliday_isOutOfHours() {
    // Early May bank holiday, Monday 5 May 2025, 11:00 BST.
    ChildAssessment t4 = tier4At("2025-05-05T11:00");
    assertThat(contact(t4, "phone-referral-urgent")).isEqualTo("edt");
    assertThat(due(t4, "phone-referral-urgent")).isEqualTo(Instant.parse("2025-05-05T10:00:00Z"));

    ChildAssessment t3 = tier3At("2025-05-05T11:00");
    assertThat(contact(t3, "phone-referral")).isEqualTo("hub");
    assertThat(due(t3, "phone-referral")).isEqualTo(Instant.parse("2025-05-06T08:00:00Z"));
    assertThat(action(t3, "phone-referral").due().orElseThrow().basis())
        .isEqualTo("when Children and Families Hub next opens, at Tue 6 May 2025 09:00");
    assertThat(due(t3, "written-referral")).isEqualTo(Instant.parse("2025-05-07T08:00:00Z"));
    // one working day after the phone referral (Tue 6 May), by the Hub's close
    assertThat(due(t3, "chase-feedback")).isEqualTo(Instant.parse("2025-05-07T16:00:00Z"));
  }

  @Test
  void weekend_isOutOfHours() {
    // Saturday 22 November 2025, 14:00 GMT.
    assertThat(contact(tier4At("2025-11-22T14:00"), "phone-referral-urgent")).isEqualTo("edt");
    ChildAssessment t3 = tier3At("2025-11-22T14:00");
    assertThat(due(t3, "phone-referral")).isEqualTo(Instant.parse("2025-11-24T09:00:00Z"));
    assertThat(due(t3, "written-referral")).isEqualTo(Instant.parse("2025-11-25T09:00:00Z"));
    // Sunday night and Monday before 08:30 are still out of hours; Monday 08:30 is the gap.
    assertThat(contact(tier4At("2025-11-23T23:59"), "phone-referral-urgent")).isEqualTo("edt");
    assertThat(contact(tier4At("2025-11-24T08:29"), "phone-referral-urgent")).isEqualTo("edt");
    assertThat(due(tier4At("2025-11-24T08:30"), "phone-referral-urgent"))
        .isEqualTo(Instant.parse("2025-11-24T09:00:00Z"));
  }

  @Test
  void feedback_oneWorkingDay_skipsBankHoliday() {
    // Friday 22 August 2025, 15:00 BST; Monday 25 August is the summer bank holiday.
    ChildAssessment c = assess(referral(london("2025-08-22T15:00"), child(LocalDate.of(2017, 4, 10)))
        .addConcerns(aboutChild("T2-DEV-BEREAVED", LocalDate.of(2025, 8, 22))));
    Action chase = action(c, "chase-feedback");
    assertThat(chase.modality()).isEqualTo(Modality.MUST);
    assertThat(chase.channel()).isEqualTo(Channel.PHONE);
    assertThat(chase.contact().orElseThrow().id()).isEqualTo("hub");
    // Tuesday 26 August, 17:00 BST.
    assertThat(chase.due().orElseThrow().dueBy()).isEqualTo(Instant.parse("2025-08-26T16:00:00Z"));
    assertThat(chase.due().orElseThrow().basis())
        .isEqualTo("by 17:00 on the 1st working day after the time of this advice");
  }

  @Test
  void escalation_appendix2_fourStagesWithinOneWorkingWeekOfTheDisagreement() {
    ChildAssessment c = assess(referral(london("2025-12-24T10:00"), child(LocalDate.of(2017, 4, 10)))
        .addConcerns(aboutChild("T2-DEV-BEREAVED", LocalDate.of(2025, 12, 24))));
    Action escalate = action(c, "escalate-disagreement");
    // The guide counts from when the disagreement arose, not from the advice: no deadline here.
    assertThat(escalate.due()).isEmpty();
    assertThat(escalate.description()).contains("within one working week of the disagreement",
        "1. discuss with the other worker", "Independent Reviewing Officer", "3. your managers",
        "Independent Child Safeguarding Commissioner", "chscp@hackney.gov.uk", "Resolution Panel");
    assertThat(escalate.contact().orElseThrow().id()).isEqualTo("chscp");
    assertThat(escalate.citation().section()).isEqualTo("Appendix 2 Escalation Policy 1.4 and 2");
  }

  @Test
  void writtenReferral_24HoursAcrossTheClockChange() {
    // Saturday 25 October 2025, 10:00 BST (09:00 UTC); clocks go back overnight: 24 hours later is
    // Sunday 09:00 GMT.
    ChildAssessment c = tier4At("2025-10-25T10:00");
    assertThat(due(c, "written-referral")).isEqualTo(Instant.parse("2025-10-26T09:00:00Z"));
  }

  // ---- consent restrictions ---------------------------------------------------------------------------

  @Test
  void forcedMarriage_doNotTellFamily() {
    ChildAssessment c = assess(LocalDate.of(2009, 6, 1), "T4-FAM-FORCED-MARRIAGE", MON);
    assertThat(c.tierRange()).contains(range(Tier.ACUTE, Tier.ACUTE));
    assertThat(c.consent()).singleElement().satisfies(g -> {
      assertThat(g.mayTellFamily()).isFalse();
      assertThat(g.maySeekConsent()).isFalse();
      assertThat(g.restrictions())
          .containsExactly("Do not discuss the referral with the family (T4-FAM-FORCED-MARRIAGE).");
      assertThat(g.mustShareToSafeguard()).isTrue();
    });
  }

  @Test
  void fabricatedIllness_doNotTellFamily() {
    ChildAssessment c = assess(referral(TUE_10AM, child(LocalDate.of(2019, 6, 1)))
        .addConcerns(aboutMum("T4-PAR-FABRICATED-INDUCED-ILLNESS", MON))
        .consent(ConsentState.given(ConsentGiver.PARENTAL_RESPONSIBILITY, ConsentForm.VERBAL, TUE_10AM)));
    assertThat(c.consent()).singleElement().satisfies(g -> {
      assertThat(g.mayTellFamily()).isFalse();
      assertThat(g.maySeekConsent()).isFalse();
      assertThat(g.restrictions()).containsExactly(
          "Do not discuss the referral with the family (T4-PAR-FABRICATED-INDUCED-ILLNESS).",
          "Seeking consent or telling the family could compromise a police investigation or"
              + " increase the risk to the child (T4-PAR-FABRICATED-INDUCED-ILLNESS).");
    });
  }

  // ---- exploitation, radicalisation, education, disability ----------------------------------------------

  @Test
  void mace_category1_refersToMace() {
    ChildAssessment c = assess(LocalDate.of(2011, 4, 10), "T4-FAM-MACE-CATEGORY-1", MON);
    assertThat(ruleIds(c)).containsExactly("phone-referral-urgent", "written-referral",
        "strategy-discussion", "mace-referral", "chase-feedback", "monitor", "escalate-disagreement");
    Action mace = action(c, "mace-referral");
    assertThat(mace.modality()).isEqualTo(Modality.MUST);
    assertThat(mace.channel()).isEqualTo(Channel.SECURE_EMAIL);
    assertThat(mace.contact().orElseThrow().id()).isEqualTo("hub");

    // A Tier 2 "consider MACE" as well: the firm referral replaces it.
    ChildAssessment both = assess(referral(TUE_10AM, child(LocalDate.of(2011, 4, 10))).addConcerns(
        aboutChild("T4-FAM-MACE-CATEGORY-1", MON), aboutChild("T2-DEV-OCCASIONALLY-MISSING", MON)));
    assertThat(ruleIds(both)).contains("mace-referral").doesNotContain("mace-consider");
  }

  @Test
  void tier2_occasionallyMissing_alsoReferToMace() {
    // Tier 2 Missing: "Also refer to MACE".
    ChildAssessment c = assess(LocalDate.of(2011, 4, 10), "T2-DEV-OCCASIONALLY-MISSING", MON);
    assertThat(c.tierRange()).contains(range(Tier.ADDITIONAL_NEEDS, Tier.ADDITIONAL_NEEDS));
    assertThat(ruleIds(c)).containsExactly("early-help-referral", "early-help-assessment",
        "single-agency-support", "mace-referral", "chase-feedback", "monitor",
        "escalate-disagreement");
    assertThat(action(c, "mace-referral").kind()).isEqualTo(ActionKind.MACE_REFERRAL);
    assertThat(action(c, "mace-referral").modality()).isEqualTo(Modality.MUST);
  }

  @Test
  void tier3_maceReferral_isMadeOnTheMarf_soItWaitsWhileConsentIsWithheld() {
    // Matrix Tier 3: MACE referrals are sent to the Hub on the MARF and the duty social worker completes
    // the MACE form; Section 2 Tier 3: the MARF is completed with the parents' consent and, if it is
    // withheld, the practitioner first discusses it with the line manager or DSL (vignette V183).
    Referral.Builder b = referral(TUE_10AM, child(LocalDate.of(2011, 4, 10)))
        .addConcerns(aboutChild("T3-FAM-MACE-CATEGORY-0", MON));
    ChildAssessment withheld = assess(b.consent(
        ConsentState.withheld(ConsentGiver.PARENTAL_RESPONSIBILITY, TUE_10AM.minusSeconds(1800))));
    assertThat(withheld.tierRange()).contains(range(Tier.HIGH_OR_COMPLEX, Tier.HIGH_OR_COMPLEX));
    assertThat(action(withheld, "mace-referral").ready()).isFalse();
    assertThat(action(withheld, "phone-referral").ready()).isFalse();
    assertThat(ruleIds(withheld)).contains("consent-withheld-tier3");

    // Not yet sought: at Tier 3 consent is sought unless unsafe, so only a refusal holds it up.
    assertThat(action(assess(b.consent(ConsentState.notYetSought())), "mace-referral").ready()).isTrue();
    // The DSL's recorded decision to share without consent lets it go ahead (higher end of Tier 3).
    ConsentState shared = ConsentState.builder().status(ConsentStatus.SHARED_WITHOUT_CONSENT)
        .recordedAt(TUE_10AM.minusSeconds(600)).authorisedBy(Authoriser.DESIGNATED_SAFEGUARDING_LEAD)
        .legalBasis("Risk of significant harm").build();
    assertThat(action(assess(b.consent(shared)), "mace-referral").ready()).isTrue();
  }

  @Test
  void section3_chaseTheOutcome_waitsForTheReferralItChases() {
    // Section 3: once the Hub has processed a referral it calls the referrer back; without a call
    // within one working day the referrer must contact the Hub. There is nothing to chase while the
    // referral itself waits for consent (Section 2: Tier 2 needs consent; Tier 3 only a refusal
    // holds the referral up; Tier 4 nothing does).
    Referral.Builder tier2 = referral(TUE_10AM, child(LocalDate.of(2021, 4, 10)))
        .addConcerns(aboutChild("T2-DEV-DELAYED-MILESTONES", MON));
    ConsentState withheld = ConsentState.withheld(ConsentGiver.PARENTAL_RESPONSIBILITY, TUE_10AM.minusSeconds(1800));
    ChildAssessment t2Withheld = assess(tier2.consent(withheld));
    assertThat(action(t2Withheld, "early-help-referral").ready()).isFalse();
    assertThat(action(t2Withheld, "chase-feedback").ready()).isFalse();
    assertThat(action(assess(tier2.consent(ConsentState.notYetSought())), "chase-feedback").ready()).isFalse();
    assertThat(action(assess(tier2.consent(
        ConsentState.given(ConsentGiver.PARENTAL_RESPONSIBILITY, ConsentForm.WRITTEN, TUE_10AM.minusSeconds(1800)))),
        "chase-feedback").ready()).isTrue();

    Referral.Builder tier3 = referral(TUE_10AM, child(LocalDate.of(2011, 4, 10)))
        .addConcerns(aboutChild("T3-FAM-MACE-CATEGORY-0", MON));
    ChildAssessment t3Withheld = assess(tier3.consent(withheld));
    assertThat(action(t3Withheld, "phone-referral").ready()).isFalse();
    assertThat(action(t3Withheld, "chase-feedback").ready()).isFalse();
    assertThat(action(assess(tier3.consent(ConsentState.notYetSought())), "chase-feedback").ready()).isTrue();
    // A referral recorded as made is chased whatever held it up.
    ChildAssessment t3Called = assess(tier3.consent(withheld).phoneReferralMadeAt(TUE_10AM.minusSeconds(600)));
    assertThat(action(t3Called, "chase-feedback").ready()).isTrue();
    assertThat(action(t3Called, "chase-feedback").notes()).anyMatch(n -> n.contains("recorded as made"));

    ChildAssessment t4Withheld = assess(referral(TUE_10AM, child(LocalDate.of(2011, 4, 10)))
        .addConcerns(aboutChild("T4-FAM-MACE-CATEGORY-1", MON)).consent(withheld));
    assertThat(action(t4Withheld, "chase-feedback").ready()).isTrue();

    // A young carer is listed at Tier 2 and at Tier 3 (a range of 2-3): the phone referral the chase
    // follows reads Tier 3's rule, so consent not yet sought holds neither up, while the early help
    // referral waits for consent; a refusal holds both up.
    Referral.Builder range = referral(TUE_10AM, child(LocalDate.of(2011, 4, 10)))
        .addConcerns(aboutChild("T2-FAM-YOUNG-CARER-NEEDS", MON));
    ChildAssessment rangeNotSought = assess(range.consent(ConsentState.notYetSought()));
    assertThat(rangeNotSought.tierRange()).contains(range(Tier.ADDITIONAL_NEEDS, Tier.HIGH_OR_COMPLEX));
    assertThat(action(rangeNotSought, "early-help-referral").ready()).isFalse();
    assertThat(action(rangeNotSought, "phone-referral").ready()).isTrue();
    assertThat(action(rangeNotSought, "chase-feedback").ready()).isTrue();
    ChildAssessment rangeWithheld = assess(range.consent(withheld));
    assertThat(action(rangeWithheld, "phone-referral").ready()).isFalse();
    assertThat(action(rangeWithheld, "chase-feedback").ready()).isFalse();
  }

  @Test
  void section3_consultationCall_outOfHours_saysTheHubIsClosedAndWhatIsOpen() {
    // Section 3: the Hub takes consultation calls; its office hours are 09:00-17:00 Monday to Friday,
    // and out of hours (17:00-08:30, weekends and public holidays) the Emergency Duty Team is open.
    Referral.Builder b = referral(london("2025-11-22T02:00"), child(LocalDate.of(2011, 4, 10)))
        .addConcerns(aboutChild("T2-FAM-YOUNG-CARER-NEEDS", MON));
    Action saturday = action(assess(b), "consultation-call");
    assertThat(saturday.notes()).singleElement().asString()
        .contains("Children and Families Hub is not staffed at", "it opens at Mon 24 Nov 2025 09:00",
            "Emergency Duty Team is open now", "call 999");
    Action tuesday = action(assess(referral(TUE_10AM, child(LocalDate.of(2011, 4, 10)))
        .addConcerns(aboutChild("T2-FAM-YOUNG-CARER-NEEDS", MON))), "consultation-call");
    assertThat(tuesday.notes()).isEmpty();
  }

  @Test
  void tier4_maceReferral_isNotHeldUpByWithheldConsent() {
    // Section 2 Tier 4: consent is not required; if withheld, consider overriding it with the DSL.
    ChildAssessment c = assess(referral(TUE_10AM, child(LocalDate.of(2011, 4, 10)))
        .addConcerns(aboutChild("T4-FAM-MACE-CATEGORY-1", MON))
        .consent(ConsentState.withheld(ConsentGiver.PARENTAL_RESPONSIBILITY, TUE_10AM.minusSeconds(1800))));
    assertThat(action(c, "mace-referral").ready()).isTrue();
    assertThat(action(c, "phone-referral-urgent").ready()).isTrue();
  }

  @Test
  void tier2_maceReferral_needsConsent_likeTheEarlyHelpReferral() {
    // Section 2 Tier 2: consent must be obtained to refer and to share information across services;
    // the Tier 2 MACE referral is made on the MARF.
    Referral.Builder b = referral(TUE_10AM, child(LocalDate.of(2011, 4, 10)))
        .addConcerns(aboutChild("T2-DEV-OCCASIONALLY-MISSING", MON));
    ChildAssessment notSought = assess(b);
    assertThat(action(notSought, "mace-referral").ready()).isFalse();
    assertThat(action(notSought, "early-help-referral").ready()).isFalse();
    ChildAssessment given = assess(b.consent(ConsentState.given(
        ConsentGiver.PARENTAL_RESPONSIBILITY, ConsentForm.VERBAL, TUE_10AM.minusSeconds(1800))));
    assertThat(action(given, "mace-referral").ready()).isTrue();
  }

  @Test
  void radicalisation_prevent() {
    ChildAssessment c = assess(LocalDate.of(2011, 4, 10), "T2-RAD-INTOLERANT-VIEWS", MON);
    assertThat(c.tierRange()).contains(range(Tier.ADDITIONAL_NEEDS, Tier.ADDITIONAL_NEEDS));
    Action prevent = action(c, "prevent-referral");
    assertThat(prevent.modality()).isEqualTo(Modality.SHOULD);
    assertThat(prevent.contact().orElseThrow().id()).isEqualTo("prevent");
    assertThat(prevent.contact().orElseThrow().email()).contains("prevent@cityoflondon.gov.uk");

    ChildAssessment acute = assess(LocalDate.of(2011, 4, 10), "T4-RAD-ADVOCATES-KILLING", MON);
    assertThat(ruleIds(acute)).contains("phone-referral-urgent", "prevent-referral");
  }

  private static ChildAssessment withSchool(LocalDate dob, SchoolAttendance school) {
    return assess(referral(TUE_10AM, Child.builder().ref(Ref.of("c1")).dateOfBirth(dob)
        .school(school).build()));
  }

  private static final SchoolAttendance NO_ROLL = SchoolAttendance.builder().onRoll(false).build();

  @Test
  void missingEducation_fromSchoolFacts() {
    ChildAssessment c = withSchool(LocalDate.of(2014, 1, 10), NO_ROLL);
    assertThat(c.tierRange()).contains(range(Tier.ADDITIONAL_NEEDS, Tier.ADDITIONAL_NEEDS));
    assertThat(c.drivingIndicators()).containsExactly(code("T2-DEV-MISSING-EDUCATION"));
    assertThat(reasonKinds(c)).containsExactly(ReasonKind.DERIVED);
    Action edu = action(c, "education-service-missing");
    assertThat(edu.modality()).isEqualTo(Modality.SHOULD);
    // The documents give no contact for the Education and Early Years Service: through the Hub.
    assertThat(edu.contact().orElseThrow().id()).isEqualTo("hub");
    assertThat(edu.citation().reading()).isPresent();

    // Home educated: not missing education.
    ChildAssessment home = withSchool(LocalDate.of(2014, 1, 10),
        SchoolAttendance.builder().onRoll(false).homeEducated(true).build());
    assertThat(home.tierRange()).contains(range(Tier.UNIVERSAL, Tier.UNIVERSAL));
    assertThat(ruleIds(home)).doesNotContain("education-service-missing");

    // Compulsory school age as the policy has it: 5 (from the birthday) to 17.
    assertThat(withSchool(LocalDate.of(2020, 11, 19), NO_ROLL).drivingIndicators()).isEmpty();
    assertThat(withSchool(LocalDate.of(2020, 11, 18), NO_ROLL).drivingIndicators())
        .containsExactly(code("T2-DEV-MISSING-EDUCATION"));
    assertThat(withSchool(LocalDate.of(2007, 11, 19), NO_ROLL).drivingIndicators())
        .containsExactly(code("T2-DEV-MISSING-EDUCATION"));

    // Persistently missing (a MISSING_EDUCATION indicator) as well: the firm referral replaces it.
    ChildAssessment both = assess(referral(TUE_10AM, Child.builder().ref(Ref.of("c1"))
        .dateOfBirth(LocalDate.of(2014, 1, 10)).school(NO_ROLL).build())
        .addConcerns(aboutChild("T3-FAM-PERSISTENTLY-MISSING", MON)));
    assertThat(ruleIds(both)).contains("education-service", "mace-referral")
        .doesNotContain("education-service-missing");
    assertThat(action(both, "education-service").modality()).isEqualTo(Modality.MUST);
  }

  @Test
  void lowAttendance_derivesTier2() {
    ChildAssessment low = withSchool(LocalDate.of(2014, 1, 10),
        SchoolAttendance.builder().onRoll(true).attendancePercent(89).build());
    assertThat(low.tierRange()).contains(range(Tier.ADDITIONAL_NEEDS, Tier.ADDITIONAL_NEEDS));
    assertThat(low.drivingIndicators()).containsExactly(code("T2-DEV-LOW-ATTENDANCE"));
    assertThat(low.reasons()).singleElement().satisfies(r -> {
      assertThat(r.kind()).isEqualTo(ReasonKind.DERIVED);
      assertThat(r.explanation()).startsWith("Attendance of 89% is below 90%");
    });

    ChildAssessment ninety = withSchool(LocalDate.of(2014, 1, 10),
        SchoolAttendance.builder().onRoll(true).attendancePercent(90).build());
    assertThat(ninety.tierRange()).contains(range(Tier.UNIVERSAL, Tier.UNIVERSAL));
    assertThat(ninety.drivingIndicators()).isEmpty();
  }

  @Test
  void disabledChildNeverAssessed_rightToAssessment() {
    ChildAssessment c = assess(referral(TUE_10AM, Child.builder().ref(Ref.of("c1"))
        .dateOfBirth(LocalDate.of(2018, 3, 3)).disabled(true).build()));
    assertThat(c.tierRange()).contains(range(Tier.UNIVERSAL, Tier.ADDITIONAL_NEEDS));
    assertThat(reasonKinds(c)).containsExactly(ReasonKind.DISABILITY, ReasonKind.NO_NEED_REPORTED);
    assertThat(c.reasons().get(0).explanation()).contains("has a right to an assessment");
    assertThat(ruleIds(c)).containsExactly("early-help-referral", "early-help-assessment",
        "single-agency-support", "universal-services", "consultation-call", "disability-assessment",
        "chase-feedback", "monitor", "escalate-disagreement");
    assertThat(modalities(c)).containsExactly(Modality.CONSIDER, Modality.CONSIDER,
        Modality.CONSIDER, Modality.SHOULD, Modality.SHOULD, Modality.SHOULD, Modality.CONSIDER,
        Modality.CONSIDER, Modality.CONSIDER);
    assertThat(contact(c, "disability-assessment")).isEqualTo("hub");

    ChildAssessment assessed = assess(referral(TUE_10AM, Child.builder().ref(Ref.of("c1"))
        .dateOfBirth(LocalDate.of(2018, 3, 3)).disabled(true).disabilityNeedsAssessed(true).build()));
    assertThat(ruleIds(assessed)).doesNotContain("disability-assessment");
  }

  // ---- scope --------------------------------------------------------------------------------------------

  @Test
  void age18_outOfScope_but999StillAdvised() {
    ChildAssessment c = assess(referral(TUE_10AM, child(LocalDate.of(2007, 11, 18)))
        .immediateDanger(true).addConcerns(aboutChild("T4-FAM-GROOMING", MON)));
    assertThat(c.age()).isEqualTo(Age.ofYears(18));
    assertThat(c.scope()).isEqualTo(Scope.ADULT);
    assertThat(c.tierRange()).isEmpty();
    assertThat(c.drivingIndicators()).isEmpty();
    assertThat(c.consent()).isEmpty();
    assertThat(ruleIds(c)).containsExactly("call-999", "inform-safeguarding-lead", "adult-services");
    assertThat(reasonKinds(c)).containsExactly(ReasonKind.OUT_OF_SCOPE, ReasonKind.IMMEDIATE_DANGER);
    assertThat(c.notes()).containsExactly("1 reported concern(s) apply to this person but are not"
        + " assessed against the children's thresholds.");

    // The day before the 18th birthday: still a child.
    ChildAssessment seventeen = assess(referral(TUE_10AM, child(LocalDate.of(2007, 11, 19)))
        .immediateDanger(true).addConcerns(aboutChild("T4-FAM-GROOMING", MON)));
    assertThat(seventeen.age()).isEqualTo(Age.ofYears(17));
    assertThat(seventeen.scope()).isEqualTo(Scope.CHILD);
    assertThat(seventeen.tierRange()).contains(range(Tier.ACUTE, Tier.ACUTE));
  }

  @Test
  void unbornChild_inScopeByEdd() {
    Child unborn = Child.builder().ref(Ref.of("c1")).expectedDateOfDelivery(LocalDate.of(2026, 2, 1)).build();
    ChildAssessment c = assess(referral(TUE_10AM, unborn)
        .addConcerns(aboutMum("T4-PAR-ASSAULT-ON-MOTHER-INFANT", MON)));
    assertThat(c.age()).isEqualTo(Age.unbornChild());
    assertThat(c.scope()).isEqualTo(Scope.UNBORN);
    assertThat(c.tierRange()).contains(range(Tier.ACUTE, Tier.ACUTE));
    assertThat(reasonKinds(c)).containsExactly(ReasonKind.INDICATOR);

    // The expected date has passed: a child of 0, estimated from the expected date.
    Child passed = Child.builder().ref(Ref.of("c1")).expectedDateOfDelivery(LocalDate.of(2025, 10, 1)).build();
    ChildAssessment p = assess(referral(TUE_10AM, passed));
    assertThat(p.age()).isEqualTo(Age.ofYears(0));
    assertThat(p.scope()).isEqualTo(Scope.CHILD);
    assertThat(p.notes()).singleElement().asString().contains("expected date of delivery, which has passed");

    // The age condition is checked when the concern was observed: before birth it matched.
    ChildAssessment born = assess(referral(TUE_10AM, child(LocalDate.of(2024, 11, 1)))
        .addConcerns(aboutMum("T4-PAR-ASSAULT-ON-MOTHER-INFANT", LocalDate.of(2024, 10, 20))));
    assertThat(reasonKinds(born)).containsExactly(ReasonKind.INDICATOR);
    ChildAssessment oneYear = assess(referral(TUE_10AM, child(LocalDate.of(2024, 11, 1)))
        .addConcerns(aboutMum("T4-PAR-ASSAULT-ON-MOTHER-INFANT", MON)));
    assertThat(reasonKinds(oneYear)).containsExactly(ReasonKind.CONDITION_NOT_MET);
  }

  @Test
  void webPage_anyoneMayReportAConcern_noProfessionalsOnlyRule() {
    // The City's page invites anyone concerned about a child to contact Children and Families; the
    // professionals-only rule belongs to the Hackney Ark MARs meetings, not to referrals.
    for (AgencyType type : List.of(AgencyType.PARENT_OR_CARER, AgencyType.MEMBER_OF_PUBLIC)) {
      ChildAssessment c = assess(referral(TUE_10AM, child(LocalDate.of(2017, 4, 10)))
          .referrer(Referrer.of(type)).addConcerns(aboutChild("T2-DEV-BEREAVED", MON)));
      assertThat(ruleIds(c)).as("%s", type).contains("report-a-concern").doesNotContain("ask-a-professional");
      Action report = action(c, "report-a-concern");
      assertThat(report.channel()).isEqualTo(Channel.PHONE);
      assertThat(report.contact().orElseThrow().id()).isEqualTo("hub");
      assertThat(report.blockers()).isEmpty();
      assertThat(action(c, "early-help-referral").blockers())
          .noneMatch(b -> b.contains("professional"));

      // At Tier 4 the phone referral comes before the report advice and nothing blocks the form.
      ChildAssessment acute = assess(referral(TUE_10AM, child(LocalDate.of(2017, 4, 10)))
          .referrer(Referrer.of(type)).addConcerns(aboutChild("T4-S47-REPEATED-NAI", MON)));
      assertThat(acute.actions().get(0).ruleId()).isEqualTo("phone-referral-urgent");
      assertThat(action(acute, "written-referral").blockers()).isEmpty();
      assertThat(action(acute, "chase-feedback").blockers()).isEmpty();
    }
    ChildAssessment school = assess(LocalDate.of(2017, 4, 10), "T2-DEV-BEREAVED", MON);
    assertThat(ruleIds(school)).doesNotContain("report-a-concern");
  }

  // ---- ages on the day ------------------------------------------------------------------------------

  @Test
  void failureToThrive_under5_boundary() {
    // 4 years and 364 days on the day observed.
    ChildAssessment four = assess(LocalDate.of(2020, 11, 19), "T4-S47-FAILURE-TO-THRIVE-UNDER-5", TUE);
    assertThat(four.age()).isEqualTo(Age.ofYears(4));
    assertThat(reasonKinds(four)).containsExactly(ReasonKind.INDICATOR);
    assertThat(four.tierRange()).contains(range(Tier.ACUTE, Tier.ACUTE));
    // Observed on the 5th birthday: a boundary, flagged, kept at Tier 4.
    ChildAssessment five = assess(LocalDate.of(2020, 11, 18), "T4-S47-FAILURE-TO-THRIVE-UNDER-5", TUE);
    assertThat(five.age()).isEqualTo(Age.ofYears(5));
    assertThat(reasonKinds(five)).containsExactly(ReasonKind.INDICATOR);
    assertThat(five.reasons().get(0).explanation()).contains("the day the age condition changes");
    assertThat(five.tierRange()).contains(range(Tier.ACUTE, Tier.ACUTE));
    // The day after: the condition does not hold; kept at Tier 4 for review.
    ChildAssessment older = assess(LocalDate.of(2020, 11, 17), "T4-S47-FAILURE-TO-THRIVE-UNDER-5", TUE);
    assertThat(reasonKinds(older)).containsExactly(ReasonKind.CONDITION_NOT_MET);
    assertThat(older.tierRange()).contains(range(Tier.ACUTE, Tier.ACUTE));
  }

  @Test
  void earlyOnsetOffending_10to14_boundaries() {
    String offending = "T2-DEV-EARLY-OFFENDING";
    assertThat(reasonKinds(assess(LocalDate.of(2015, 11, 19), offending, TUE)))
        .as("the day before the 10th birthday").containsExactly(ReasonKind.CONDITION_NOT_MET);
    assertThat(reasonKinds(assess(LocalDate.of(2015, 11, 18), offending, TUE)))
        .as("on the 10th birthday").containsExactly(ReasonKind.INDICATOR);
    assertThat(reasonKinds(assess(LocalDate.of(2010, 11, 19), offending, TUE)))
        .as("the day before the 15th birthday").containsExactly(ReasonKind.INDICATOR);
    assertThat(reasonKinds(assess(LocalDate.of(2010, 11, 18), offending, TUE)))
        .as("on the 15th birthday: a boundary").containsExactly(ReasonKind.INDICATOR);
    assertThat(reasonKinds(assess(LocalDate.of(2010, 11, 17), offending, TUE)))
        .as("the day after the 15th birthday").containsExactly(ReasonKind.CONDITION_NOT_MET);
    // The age that counts is the age when observed: 10 at referral, 9 when observed.
    ChildAssessment observedAtNine = assess(LocalDate.of(2015, 11, 10), offending, LocalDate.of(2025, 11, 1));
    assertThat(observedAtNine.age()).isEqualTo(Age.ofYears(10));
    assertThat(reasonKinds(observedAtNine)).containsExactly(ReasonKind.CONDITION_NOT_MET);
    assertThat(observedAtNine.tierRange()).contains(range(Tier.ADDITIONAL_NEEDS, Tier.ADDITIONAL_NEEDS));
  }

  @Test
  void under13_boundary_on13thBirthday() {
    String reported = "T3-DEV-PREGNANT-OR-UNSAFE-RELATIONSHIP-13-15";
    // Observed on the 13th birthday: the event may have happened at 12, so the under-13 criterion
    // is a boundary to flag: the range reaches Tier 4, not a silent Tier 3 (or Tier 4).
    ChildAssessment onBirthday = assess(LocalDate.of(2012, 11, 18), reported, TUE);
    assertThat(onBirthday.tierRange()).contains(range(Tier.HIGH_OR_COMPLEX, Tier.ACUTE));
    assertThat(onBirthday.widenedBy()).containsExactly(Widening.AGE_BOUNDARY);
    assertThat(reasonKinds(onBirthday)).containsExactly(ReasonKind.POSSIBLE_ESCALATION, ReasonKind.INDICATOR);
    ChildAssessment dayAfter = assess(LocalDate.of(2012, 11, 17), reported, TUE);
    assertThat(dayAfter.tierRange()).contains(range(Tier.HIGH_OR_COMPLEX, Tier.HIGH_OR_COMPLEX));
    ChildAssessment dayBefore = assess(LocalDate.of(2012, 11, 18), reported, MON);
    assertThat(dayBefore.tierRange()).contains(range(Tier.ACUTE, Tier.ACUTE));
    assertThat(reasonKinds(dayBefore)).containsExactly(ReasonKind.ESCALATED);

    // The referral day is the London date: 23:30 UTC on 30 June is 00:30 BST on 1 July, the 13th
    // birthday; a concern observed on 1 July is not in the future.
    Instant madeAt = Instant.parse("2025-06-30T23:30:00Z");
    ChildAssessment bst = assess(referral(madeAt, child(LocalDate.of(2012, 7, 1)))
        .addConcerns(aboutChild(reported, LocalDate.of(2025, 7, 1))));
    assertThat(bst.age()).isEqualTo(Age.ofYears(13));
    assertThat(bst.tierRange()).contains(range(Tier.HIGH_OR_COMPLEX, Tier.ACUTE));
  }

  @Test
  void leapDayBirthday() {
    // Born 29 February 2012: 13 from 1 March 2025, not from 28 February.
    Instant madeAt = london("2025-03-03T10:00");
    String reported = "T3-DEV-PREGNANT-OR-UNSAFE-RELATIONSHIP-13-15";
    ChildAssessment feb28 = assess(referral(madeAt, child(LocalDate.of(2012, 2, 29)))
        .addConcerns(aboutChild(reported, LocalDate.of(2025, 2, 28))));
    assertThat(feb28.age()).isEqualTo(Age.ofYears(13));
    assertThat(reasonKinds(feb28)).containsExactly(ReasonKind.ESCALATED);
    assertThat(feb28.tierRange()).contains(range(Tier.ACUTE, Tier.ACUTE));
    ChildAssessment mar1 = assess(referral(madeAt, child(LocalDate.of(2012, 2, 29)))
        .addConcerns(aboutChild(reported, LocalDate.of(2025, 3, 1))));
    // 1 March is the 13th birthday: a boundary.
    assertThat(reasonKinds(mar1)).containsExactly(ReasonKind.POSSIBLE_ESCALATION, ReasonKind.INDICATOR);
    assertThat(mar1.tierRange()).contains(range(Tier.HIGH_OR_COMPLEX, Tier.ACUTE));
    ChildAssessment mar2 = assess(referral(madeAt, child(LocalDate.of(2012, 2, 29)))
        .addConcerns(aboutChild(reported, LocalDate.of(2025, 3, 2))));
    assertThat(reasonKinds(mar2)).containsExactly(ReasonKind.INDICATOR);
    assertThat(mar2.tierRange()).contains(range(Tier.HIGH_OR_COMPLEX, Tier.HIGH_OR_COMPLEX));
  }

  // ---- households -------------------------------------------------------------------------------------

  /** Fixed bug: exclusions came out in the map's insertion order, so equal referrals differed. */
  @Test
  void excludedChildren_listedInHouseholdOrder_withTheirReasons_neverInToString() {
    Map<Ref, String> exclusions = new LinkedHashMap<>();
    exclusions.put(Ref.of("c3"), "lives with father in Leeds");
    exclusions.put(Ref.of("c2"), "at boarding school in Kent");
    Referral r = Referral.builder()
        .ref(Ref.of("r1"))
        .referrer(Referrer.of(AgencyType.GP))
        .madeAt(TUE_10AM)
        .household(Household.builder().addChildren(child("c1", LocalDate.of(2017, 4, 10)),
            child("c2", LocalDate.of(2010, 1, 1)), child("c3", LocalDate.of(2008, 1, 1))).build())
        .addReferredChildren(Ref.of("c1"))
        .exclusions(exclusions)
        .build();
    Evaluation e = EVALUATOR.evaluate(r, TUE_10AM);
    assertThat(e.children()).extracting(ChildAssessment::child).containsExactly(Ref.of("c1"));
    assertThat(e.exclusions()).extracting(Exclusion::child, Exclusion::reason).containsExactly(
        org.assertj.core.api.Assertions.tuple(Ref.of("c2"), "at boarding school in Kent"),
        org.assertj.core.api.Assertions.tuple(Ref.of("c3"), "lives with father in Leeds"));
    assertThat(e.toString()).doesNotContain("Leeds", "Kent");
  }

  @Test
  void aConcernAboutAChild_appliesToThatChildOnly_aboutAParent_toEveryReferredChild_section3SiblingRangeReachesIt() {
    Evaluation e = evaluate(referral(TUE_10AM, child("c1", LocalDate.of(2017, 4, 10)),
        child("c2", LocalDate.of(2012, 4, 10)))
        .addConcerns(aboutChild("T3-DEV-FREQUENT-SELF-HARM", MON),
            aboutMum("T2-PAR-PARENTAL-SUBSTANCE-USE", MON)));
    assertThat(e.children().get(0).tierRange()).contains(range(Tier.HIGH_OR_COMPLEX, Tier.HIGH_OR_COMPLEX));
    assertThat(e.children().get(0).drivingIndicators()).containsExactlyInAnyOrder(
        code("T3-DEV-FREQUENT-SELF-HARM"), code("T2-PAR-PARENTAL-SUBSTANCE-USE"));
    // Section 3: the Social Work Manager decides which children the assessment includes (most include
    // all), so the sibling's own Tier 2 is the lower end and the other child's Tier 3 the upper.
    assertThat(e.children().get(1).tierRange()).contains(range(Tier.ADDITIONAL_NEEDS, Tier.HIGH_OR_COMPLEX));
    assertThat(e.children().get(1).widenedBy()).containsExactly(Widening.HOUSEHOLD);
    assertThat(e.children().get(1).drivingIndicators()).containsExactly(code("T2-PAR-PARENTAL-SUBSTANCE-USE"));
  }

  @Test
  void theResultRecordsThePolicyAndTheTime_andCarriesTheAdvisoryReminder() {
    Instant later = TUE_10AM.plusSeconds(3600);
    Referral r = referral(TUE_10AM, child(LocalDate.of(2017, 4, 10))).build();
    Evaluation e = EVALUATOR.evaluate(r, later);
    assertThat(e.referral()).isEqualTo(Ref.of("r1"));
    assertThat(e.policyId()).isEqualTo("city-of-london");
    assertThat(e.policyVersion()).isEqualTo("1.0.0");
    assertThat(e.evaluatedAt()).isEqualTo(later);
    assertThat(e.advisory()).isEqualTo(Evaluation.ADVISORY).contains("not a decision");
    assertThat(e.child(Ref.of("c1"))).contains(e.children().get(0));
    assertThat(e.child(Ref.of("nobody"))).isEmpty();
  }

  // ---- bad input -------------------------------------------------------------------------------------

  @Nested
  class BadInput {
    @Test
    void unknownIndicatorCode_isAnUnknownIndicatorException() {
      Referral r = referral(TUE_10AM, child(LocalDate.of(2017, 4, 10)))
          .addConcerns(aboutChild("T2-DEV-BEREAVED", MON), aboutChild("T9-NOT-IN-CATALOGUE", MON))
          .build();
      assertThatThrownBy(() -> EVALUATOR.evaluate(r, TUE_10AM))
          .isInstanceOfSatisfying(UnknownIndicatorException.class,
              x -> assertThat(x.code()).isEqualTo("T9-NOT-IN-CATALOGUE"))
          .hasMessageContaining("city-of-london 1.0.0");
    }

    @Test
    void subjectKindTheIndicatorDoesNotAllow_namesTheConcernsSubject() {
      Referral r = referral(TUE_10AM, child(LocalDate.of(2013, 3, 1)))
          .addConcerns(aboutChild("T2-DEV-BEREAVED", MON), aboutMum("T4-S47-PREGNANCY-UNDER-13", MON))
          .build();
      assertThatThrownBy(() -> EVALUATOR.evaluate(r, TUE_10AM))
          .isInstanceOfSatisfying(InvalidValueException.class,
              x -> assertThat(x.field()).isEqualTo("concerns[1].subject"));
    }

    @Test
    void observedAfterTheReferralDay_namesTheConcernsObservedOn() {
      // 23:30 GMT on Tuesday 18 November: still the 18th in London.
      Referral r = referral(Instant.parse("2025-11-18T23:30:00Z"), child(LocalDate.of(2017, 4, 10)))
          .addConcerns(aboutChild("T2-DEV-BEREAVED", LocalDate.of(2025, 11, 19)))
          .build();
      assertThatThrownBy(() -> EVALUATOR.evaluate(r, r.madeAt()))
          .isInstanceOfSatisfying(InvalidValueException.class,
              x -> assertThat(x.field()).isEqualTo("concerns[0].observedOn"));
      // Observed on the referral day itself is fine.
      Referral sameDay = referral(Instant.parse("2025-11-18T23:30:00Z"), child(LocalDate.of(2017, 4, 10)))
          .addConcerns(aboutChild("T2-DEV-BEREAVED", TUE)).build();
      assertThat(EVALUATOR.evaluate(sameDay, sameDay.madeAt()).children()).hasSize(1);
    }

    @Test
    void atBeforeMadeAt_namesAt() {
      Referral r = referral(TUE_10AM, child(LocalDate.of(2017, 4, 10))).build();
      assertThatThrownBy(() -> EVALUATOR.evaluate(r, TUE_10AM.minusSeconds(1)))
          .isInstanceOfSatisfying(InvalidValueException.class,
              x -> assertThat(x.field()).isEqualTo("at"));
      assertThat(EVALUATOR.evaluate(r, TUE_10AM).evaluatedAt()).isEqualTo(TUE_10AM);
    }

    @Test
    void nullArguments_areRejected() {
      Referral r = referral(TUE_10AM, child(LocalDate.of(2017, 4, 10))).build();
      assertThatThrownBy(() -> EVALUATOR.evaluate(r, null)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> EVALUATOR.evaluate(null, TUE_10AM)).isInstanceOf(NullPointerException.class);
    }
  }

  // ---- known bugs outside the evaluation package -------------------------------------------------------

  @Test
  void consentByTheYoungPerson_forAnUnbornChild_isNotSatisfied() {
    Child unborn = Child.builder().ref(Ref.of("c1")).expectedDateOfDelivery(LocalDate.of(2026, 2, 1)).build();
    ConsentState byYoungPerson = ConsentState.given(ConsentGiver.YOUNG_PERSON, ConsentForm.VERBAL, TUE_10AM);
    ChildAssessment tier1 = assess(referral(TUE_10AM, unborn).consent(byYoungPerson));
    assertThat(tier1.consent()).singleElement()
        .satisfies(g -> assertThat(g.check()).isEqualTo(ConsentCheck.NOT_SATISFIED));
    ChildAssessment tier3 = assess(referral(TUE_10AM, unborn).consent(byYoungPerson)
        .addConcerns(aboutMum("T3-PAR-CHAOTIC-SUBSTANCE-USE", MON)));
    assertThat(tier3.consent()).singleElement()
        .satisfies(g -> assertThat(g.check()).isEqualTo(ConsentCheck.NOT_SATISFIED));
  }

  @Test
  void consentWithdrawn_givenDirectly_isAccepted_andAdvisesConsultation() {
    ConsentState withdrawn = ConsentState.builder().status(ConsentStatus.WITHDRAWN)
        .by(ConsentGiver.PARENTAL_RESPONSIBILITY).recordedAt(TUE_10AM).build();
    ChildAssessment c = assess(referral(TUE_10AM, child(LocalDate.of(2017, 4, 10)))
        .addConcerns(aboutChild("T2-DEV-BEREAVED", MON)).consent(withdrawn));
    assertThat(ruleIds(c)).contains("consent-withheld-tier2");
  }
}
