package io.thresholds.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.model.Adult;
import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.ApproximateAge;
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
import io.thresholds.core.policy.Modality;
import io.thresholds.core.policy.Policies;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: referral facts as practitioners know them (approximate or unknown age, unknown
 * disability, a concern about some children of the household, provisional results, the
 * practitioner's own summary), each pinned to the clause of the MARF or the Thresholds of Need
 * document it follows.
 */
class ReferralFactsClauseTest {
  private static final ThresholdEvaluator EVALUATOR = ThresholdEvaluator.of(Policies.cityOfLondon());
  /** Tuesday 18 November 2025, 10:00 GMT. */
  private static final Instant TUE_10AM = Instant.parse("2025-11-18T10:00:00Z");
  private static final LocalDate TUE = LocalDate.of(2025, 11, 18);
  private static final Adult MUM = Adult.builder().ref(Ref.of("mum"))
      .relationship(Relationship.MOTHER).parentalResponsibility(true).build();
  private static final String T3_13_TO_15 = "T3-DEV-PREGNANT-OR-UNSAFE-RELATIONSHIP-13-15";

  private static ChildAssessment assess(Child child, Concern... concerns) {
    return evaluate(List.of(child), concerns).children().get(0);
  }

  private static Evaluation evaluate(List<Child> children, Concern... concerns) {
    var b = Referral.builder().ref(Ref.of("r1")).referrer(Referrer.of(AgencyType.SCHOOL)).madeAt(TUE_10AM)
        .household(Household.builder().addAllChildren(children).addAdults(MUM).build())
        .addConcerns(concerns);
    children.forEach(c -> b.addReferredChildren(c.ref()));
    Referral r = b.build();
    return EVALUATOR.evaluate(r, r.madeAt());
  }

  private static Concern aboutC1(String code) {
    return Concern.of(code, SubjectKind.CHILD, Ref.of("c1"), TUE);
  }

  // ---- MARF: "date of birth or approximate age" ------------------------------------------------

  @Test
  void marf_approximateAgeStraddlingUnder13_rangeReachesTheUnder13Criterion_notGuessed() {
    ChildAssessment c = assess(Child.builder().ref(Ref.of("c1")).approximateAge(ApproximateAge.ofYears(13)).build(),
        aboutC1(T3_13_TO_15));
    assertThat(c.tierRange()).contains(TierRange.of(Tier.HIGH_OR_COMPLEX, Tier.ACUTE));
    assertThat(c.widenedBy()).containsExactly(Widening.AGE_BOUNDARY);
    assertThat(c.ageBasis()).isEqualTo(AgeBasis.APPROXIMATE);
    assertThat(c.age().years()).isEqualTo(12);
    assertThat(c.oldestAge()).hasValueSatisfying(a -> assertThat(a.years()).isEqualTo(14));
    assertThat(c.provisional()).isTrue();
    assertThat(c.openFacts()).containsExactly(OpenFact.DATE_OF_BIRTH);
    assertThat(c.reasons()).anySatisfy(r -> assertThat(r.kind()).isEqualTo(ReasonKind.POSSIBLE_ESCALATION));
  }

  @Test
  void marf_approximateAgeInYearsAndMonths_clearOfTheBoundary_isSettled() {
    ChildAssessment c = assess(Child.builder().ref(Ref.of("c1")).approximateAge(ApproximateAge.of(14, 6)).build(),
        aboutC1(T3_13_TO_15));
    assertThat(c.tierRange()).contains(TierRange.of(Tier.HIGH_OR_COMPLEX, Tier.HIGH_OR_COMPLEX));
    assertThat(c.provisional()).isFalse();
    assertThat(c.oldestAge()).hasValueSatisfying(a -> assertThat(a.years()).isEqualTo(14));
  }

  @Test
  void s47_under5_approximateAgeStraddlingFive_rangeReachesTier4() {
    ChildAssessment exact4 = assess(Child.builder().ref(Ref.of("c1")).dateOfBirth(TUE.minusYears(4).minusMonths(6)).build(),
        aboutC1("T4-S47-FAILURE-TO-THRIVE-UNDER-5"));
    ChildAssessment about5 = assess(Child.builder().ref(Ref.of("c1")).approximateAge(ApproximateAge.ofYears(5)).build(),
        aboutC1("T4-S47-FAILURE-TO-THRIVE-UNDER-5"));
    assertThat(exact4.tierRange().orElseThrow().max()).isEqualTo(Tier.ACUTE);
    assertThat(about5.tierRange().orElseThrow().max()).isEqualTo(Tier.ACUTE);
    assertThat(about5.openFacts()).contains(OpenFact.DATE_OF_BIRTH);
  }

  @Test
  void s20_aged16_unknownAge_keepsTheRowsTier_andSaysTheAgeIsOpen() {
    ChildAssessment c = assess(Child.builder().ref(Ref.of("c1")).ageUnknown(true).build(),
        aboutC1("T3-S20-AGED-16-WELFARE-PREJUDICED"));
    assertThat(c.scope()).isEqualTo(Scope.CHILD);
    assertThat(c.ageBasis()).isEqualTo(AgeBasis.UNKNOWN);
    assertThat(c.tierRange().orElseThrow().max()).isEqualTo(Tier.HIGH_OR_COMPLEX);
    assertThat(c.openFacts()).contains(OpenFact.DATE_OF_BIRTH);
    assertThat(c.notes()).anySatisfy(n -> assertThat(n).contains("age is not known"));
  }

  @Test
  void adultAge18_approximately17or18_staysInScope_provisional() {
    for (int years : new int[] {17, 18}) {
      ChildAssessment c = assess(Child.builder().ref(Ref.of("c1")).approximateAge(ApproximateAge.ofYears(years)).build(),
          aboutC1(T3_13_TO_15));
      assertThat(c.scope()).as("about %d", years).isEqualTo(Scope.CHILD);
      assertThat(c.tierRange()).isPresent();
      assertThat(c.openFacts()).contains(OpenFact.DATE_OF_BIRTH);
      assertThat(c.notes()).anySatisfy(n -> assertThat(n).contains("may be 18 or over"));
    }
  }

  @Test
  void adultAge18_approximatelyTwenty_isAnAdult_andTheNoteSaysItIsAnEstimate() {
    ChildAssessment c = assess(Child.builder().ref(Ref.of("c1")).approximateAge(ApproximateAge.ofYears(20)).build());
    assertThat(c.scope()).isEqualTo(Scope.ADULT);
    assertThat(c.notes()).anySatisfy(n -> assertThat(n).contains("approximate"));
  }

  @Test
  void child_ageGivenTwice_rejectedNamingTheField() {
    assertThatThrownBy(() -> Child.builder().ref(Ref.of("c1")).dateOfBirth(TUE.minusYears(3)).ageUnknown(true).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("approximateAge");
    assertThatThrownBy(() -> Child.builder().ref(Ref.of("c1")).approximateAge(ApproximateAge.of(3, 12)).build())
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("approximateAge.months");
  }

  // ---- unknown facts ---------------------------------------------------------------------------

  @Test
  void section4Disability_unknown_treatedAsPossible_assessmentToConsider() {
    ChildAssessment c = assess(Child.builder().ref(Ref.of("c1")).dateOfBirth(TUE.minusYears(8)).disabilityUnknown(true).build());
    ChildAssessment no = assess(Child.builder().ref(Ref.of("c1")).dateOfBirth(TUE.minusYears(8)).build());
    assertThat(no.tierRange()).contains(TierRange.of(Tier.UNIVERSAL, Tier.UNIVERSAL));
    assertThat(c.tierRange()).contains(TierRange.of(Tier.UNIVERSAL, Tier.ADDITIONAL_NEEDS));
    assertThat(c.widenedBy()).containsExactly(Widening.UNKNOWN_FACT);
    assertThat(c.openFacts()).containsExactly(OpenFact.DISABILITY);
    assertThat(c.actions()).anySatisfy(a -> {
      assertThat(a.ruleId()).isEqualTo("disability-assessment");
      assertThat(a.modality()).isEqualTo(Modality.CONSIDER);
    });
    assertThatThrownBy(() -> Child.builder().ref(Ref.of("c1")).dateOfBirth(TUE).disabled(true).disabilityUnknown(true).build())
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("disabilityUnknown");
  }

  @Test
  void matrixPreMobileInjury_mobilityUnknown_provisionalOnMobility() {
    Concern assault = Concern.of("T3-PAR-ASSAULT-NO-OR-MINOR-INJURY", SubjectKind.PARENT_CARER, Ref.of("mum"), TUE);
    ChildAssessment c = assess(Child.builder().ref(Ref.of("c1")).dateOfBirth(TUE.minusMonths(5)).build(), assault);
    ChildAssessment mobile = assess(Child.builder().ref(Ref.of("c1")).dateOfBirth(TUE.minusMonths(5)).mobility(Mobility.MOBILE).build(), assault);
    assertThat(c.openFacts()).containsExactly(OpenFact.MOBILITY);
    assertThat(c.tierRange().orElseThrow().max()).isEqualTo(Tier.ACUTE);
    assertThat(mobile.provisional()).isFalse();
  }

  // ---- a concern about one or some children of the household ------------------------------------

  @Test
  void householdConcern_namingOneChild_appliesToThatChildOnly() {
    Concern dv = Concern.builder().from(Concern.of("T4-PAR-ESCALATING-DOMESTIC-ABUSE", SubjectKind.PARENT_CARER,
        Ref.of("mum"), TUE)).addAboutChildren(Ref.of("c1")).build();
    Evaluation e = evaluate(List.of(Child.builder().ref(Ref.of("c1")).dateOfBirth(TUE.minusYears(6)).build(),
        Child.builder().ref(Ref.of("c2")).dateOfBirth(TUE.minusYears(9)).build()), dv);
    assertThat(e.children().get(0).tierRange().orElseThrow().min()).isEqualTo(Tier.ACUTE);
    // The other child is not driven by it, but the range reaches it (section 3: the Social Work
    // Manager decides whom the assessment includes), and nothing says "no referral form is needed".
    ChildAssessment sibling = e.children().get(1);
    assertThat(sibling.tierRange()).contains(TierRange.of(Tier.UNIVERSAL, Tier.ACUTE));
    assertThat(sibling.widenedBy()).containsExactly(Widening.HOUSEHOLD);
    assertThat(sibling.drivingIndicators()).isEmpty();
    assertThat(sibling.reasons()).anySatisfy(r -> assertThat(r.kind()).isEqualTo(ReasonKind.HOUSEHOLD));
    assertThat(sibling.reasons()).noneSatisfy(r -> assertThat(r.explanation()).contains("no referral form is needed"));
    assertThat(sibling.actions()).anySatisfy(a -> {
      assertThat(a.kind()).isEqualTo(io.thresholds.core.policy.ActionKind.PHONE_REFERRAL);
      assertThat(a.modality()).isEqualTo(io.thresholds.core.policy.Modality.CONSIDER);
    });
  }

  @Test
  void householdConcern_wholeHouseholdByDefault_appliesToEveryReferredChild() {
    Concern dv = Concern.of("T4-PAR-ESCALATING-DOMESTIC-ABUSE", SubjectKind.PARENT_CARER, Ref.of("mum"), TUE);
    Evaluation e = evaluate(List.of(Child.builder().ref(Ref.of("c1")).dateOfBirth(TUE.minusYears(6)).build(),
        Child.builder().ref(Ref.of("c2")).dateOfBirth(TUE.minusYears(9)).build()), dv);
    assertThat(e.children()).allSatisfy(c -> assertThat(c.tierRange().orElseThrow().min()).isEqualTo(Tier.ACUTE));
  }

  @Test
  void concernAboutChildren_mustNameReferredChildren_andNotOnAConcernAboutAChild() {
    Concern aboutC9 = Concern.builder().from(Concern.of("T4-PAR-ESCALATING-DOMESTIC-ABUSE",
        SubjectKind.PARENT_CARER, Ref.of("mum"), TUE)).addAboutChildren(Ref.of("c9")).build();
    assertThatThrownBy(() -> evaluate(List.of(Child.builder().ref(Ref.of("c1")).dateOfBirth(TUE.minusYears(6)).build()), aboutC9))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("concerns[0].aboutChildren[0]");
    Concern childWithAbout = Concern.builder().from(aboutC1(T3_13_TO_15)).addAboutChildren(Ref.of("c1")).build();
    assertThatThrownBy(() -> evaluate(List.of(Child.builder().ref(Ref.of("c1")).dateOfBirth(TUE.minusYears(14)).build()), childWithAbout))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("concerns[0].aboutChildren");
  }

  // ---- the practitioner's own summary ------------------------------------------------------------

  @Test
  void concernSummary_carried_neverReadByTheEvaluator_neverInToString() {
    String words = "Seen crying at the gate, said mum shouted";
    Concern plain = aboutC1(T3_13_TO_15);
    Concern noted = Concern.builder().from(plain).note(words).build();
    Child c1 = Child.builder().ref(Ref.of("c1")).dateOfBirth(TUE.minusYears(14)).build();
    Evaluation a = evaluate(List.of(c1), plain);
    Evaluation b = evaluate(List.of(c1), noted);
    assertThat(b).isEqualTo(a);
    assertThat(noted.note()).contains(words);
    assertThat(noted.toString()).doesNotContain(words).doesNotContain("crying");
    assertThat(b.toString()).doesNotContain("crying");
  }

  // ---- what already happened -------------------------------------------------------------------

  /** A six-year-old, escalating domestic abuse against the mother (Tier 4), Tuesday 10:00. */
  private static Referral.Builder tier4DomesticAbuse() {
    return Referral.builder().ref(Ref.of("r1")).referrer(Referrer.of(AgencyType.SCHOOL)).madeAt(TUE_10AM)
        .household(Household.builder().addChildren(Child.builder().ref(Ref.of("c1"))
            .dateOfBirth(TUE.minusYears(6)).build()).addAdults(MUM).build())
        .addReferredChildren(Ref.of("c1"))
        .addConcerns(Concern.of("T4-PAR-ESCALATING-DOMESTIC-ABUSE", SubjectKind.PARENT_CARER, Ref.of("mum"), TUE));
  }

  @Test
  void section3_phoneReferralAlreadyMade_writtenReferralAndChaseCountFromTheCall_notFromNow() {
    Instant called = Instant.parse("2025-11-18T10:05:00Z");
    Instant later = Instant.parse("2025-11-18T15:00:00Z");
    var b = tier4DomesticAbuse();
    Referral notYet = b.build();
    Referral made = b.phoneReferralMadeAt(called).build();
    ChildAssessment before = EVALUATOR.evaluate(notYet, later).children().get(0);
    ChildAssessment after = EVALUATOR.evaluate(made, later).children().get(0);
    Action phoneBefore = kind(before, io.thresholds.core.policy.ActionKind.PHONE_REFERRAL);
    Action phone = kind(after, io.thresholds.core.policy.ActionKind.PHONE_REFERRAL);
    Action marf = kind(after, io.thresholds.core.policy.ActionKind.WRITTEN_REFERRAL);
    Action chase = kind(after, io.thresholds.core.policy.ActionKind.CHASE_FEEDBACK);
    assertThat(phoneBefore.due().orElseThrow().dueBy()).isEqualTo(later);
    assertThat(phone.due().orElseThrow().dueBy()).isEqualTo(called);
    assertThat(phone.due().orElseThrow().basis()).contains("made at").contains("(recorded)");
    // Shown as done, not as "phone now"; the mark survives JSON as it is the deadline's basis.
    assertThat(phone.due().orElseThrow().isRecordedDone()).isTrue();
    assertThat(phoneBefore.due().orElseThrow().isRecordedDone()).isFalse();
    assertThat(phone.description()).startsWith("Done: the phone referral is recorded as made at");
    assertThat(io.thresholds.core.text.EvaluationText.render(io.thresholds.core.policy.Policies.cityOfLondon(), made,
        EVALUATOR.evaluate(made, later))).contains("DONE (recorded): phone the referral through.");
    assertThat(io.thresholds.core.text.EvaluationText.render(io.thresholds.core.policy.Policies.cityOfLondon(), notYet,
        EVALUATOR.evaluate(notYet, later))).doesNotContain("DONE (recorded)");
    assertThat(marf.due().orElseThrow().dueBy()).isEqualTo(called.plusSeconds(24 * 3600));
    // By the Hub's close (17:00) on the next working day after the call: Wednesday 19 November.
    assertThat(chase.due().orElseThrow().dueBy()).isEqualTo(Instant.parse("2025-11-19T17:00:00Z"));
    // Evaluated before the call was made, the call is not yet known.
    ChildAssessment earlier = EVALUATOR.evaluate(made, TUE_10AM).children().get(0);
    assertThat(kind(earlier, io.thresholds.core.policy.ActionKind.PHONE_REFERRAL).due().orElseThrow().dueBy())
        .isEqualTo(TUE_10AM);
  }

  @Test
  void section3_phoneReferralAlreadyMade_consentWithheld_isDone_notBlocked_theHoldUpKeptAsANote() {
    Instant called = Instant.parse("2025-11-18T10:05:00Z");
    Instant later = Instant.parse("2025-11-18T15:00:00Z");
    var b = Referral.builder().ref(Ref.of("r1")).referrer(Referrer.of(AgencyType.SCHOOL)).madeAt(TUE_10AM)
        .household(Household.builder().addChildren(Child.builder().ref(Ref.of("c1"))
            .dateOfBirth(TUE.minusYears(14)).build()).addAdults(MUM).build())
        .addReferredChildren(Ref.of("c1"))
        .consent(io.thresholds.core.consent.ConsentState.withheld(
            io.thresholds.core.consent.ConsentGiver.PARENTAL_RESPONSIBILITY, TUE_10AM.minusSeconds(600)))
        .addConcerns(aboutC1(T3_13_TO_15));
    Action before = kind(EVALUATOR.evaluate(b.build(), later).children().get(0),
        io.thresholds.core.policy.ActionKind.PHONE_REFERRAL);
    Action after = kind(EVALUATOR.evaluate(b.phoneReferralMadeAt(called).build(), later).children().get(0),
        io.thresholds.core.policy.ActionKind.PHONE_REFERRAL);
    // Not yet made: the refusal holds the Tier 3 call up (the case this test is about).
    assertThat(before.blockers()).isNotEmpty();
    assertThat(after.due().orElseThrow().isRecordedDone()).isTrue();
    assertThat(after.blockers()).isEmpty();
    assertThat(after.notes()).anySatisfy(n -> assertThat(n)
        .startsWith("Made although this advice would have held it up: ").contains(before.blockers().get(0)));
  }

  @Test
  void section3_phoneReferralAlreadyMade_inOfficeHours_wentToTheHub_evenWhenTheAdviceIsOutOfHours() {
    // Tuesday 16:40 the Hub is staffed: the call went to the Hub. The advice is asked at 18:00, when
    // only the Emergency Duty Team is: the call made is still shown as made to the Hub, with no note
    // about calling now.
    Instant called = Instant.parse("2025-11-18T16:40:00Z");
    Instant evening = Instant.parse("2025-11-18T18:00:00Z");
    var b = tier4DomesticAbuse();
    Action notYet = kind(EVALUATOR.evaluate(b.build(), evening).children().get(0),
        io.thresholds.core.policy.ActionKind.PHONE_REFERRAL);
    Action made = kind(EVALUATOR.evaluate(b.phoneReferralMadeAt(called).build(), evening).children().get(0),
        io.thresholds.core.policy.ActionKind.PHONE_REFERRAL);
    assertThat(notYet.contact().orElseThrow().id()).isEqualTo("edt");
    assertThat(made.contact().orElseThrow().id()).isEqualTo("hub");
    assertThat(made.due().orElseThrow().isRecordedDone()).isTrue();
    // Made at 20:00 the same evening, the call went to the Emergency Duty Team.
    Action madeLate = kind(EVALUATOR.evaluate(b.phoneReferralMadeAt(Instant.parse("2025-11-18T20:00:00Z")).build(),
        Instant.parse("2025-11-19T10:00:00Z")).children().get(0), io.thresholds.core.policy.ActionKind.PHONE_REFERRAL);
    assertThat(madeLate.contact().orElseThrow().id()).isEqualTo("edt");
  }

  @Test
  void section3_phoneReferralAlreadyMade_atAFirmTier2_theChaseCountsFromTheCall_andIsNotHeldUp() {
    // Hostile review D: no phone referral is advised at Tier 2, but one is recorded as made (say the
    // practitioner phoned the Hub, which pointed to early help). The chase follows that call: by
    // 17:00 on the next working day after it, not after the time of the advice, and the early help
    // consent gate (consent not yet sought) does not hold up chasing a call already made.
    Instant called = Instant.parse("2025-11-18T10:05:00Z");
    Instant thursday = Instant.parse("2025-11-20T09:00:00Z");
    var b = Referral.builder().ref(Ref.of("r1")).referrer(Referrer.of(AgencyType.SCHOOL)).madeAt(TUE_10AM)
        .household(Household.builder().addChildren(Child.builder().ref(Ref.of("c1"))
            .dateOfBirth(TUE.minusYears(9)).build()).addAdults(MUM).build())
        .addReferredChildren(Ref.of("c1"))
        .addConcerns(aboutC1("T2-DEV-BEREAVED"));
    ChildAssessment before = EVALUATOR.evaluate(b.build(), thursday).children().get(0);
    ChildAssessment after = EVALUATOR.evaluate(b.phoneReferralMadeAt(called).build(), thursday).children().get(0);
    assertThat(after.tierRange().orElseThrow()).isEqualTo(TierRange.of(Tier.ADDITIONAL_NEEDS, Tier.ADDITIONAL_NEEDS));
    Action chaseBefore = kind(before, io.thresholds.core.policy.ActionKind.CHASE_FEEDBACK);
    Action chase = kind(after, io.thresholds.core.policy.ActionKind.CHASE_FEEDBACK);
    assertThat(chaseBefore.blockers()).isNotEmpty();
    assertThat(chaseBefore.due().orElseThrow().basis()).contains("the time of this advice");
    assertThat(chase.blockers()).isEmpty();
    assertThat(chase.due().orElseThrow().dueBy()).isEqualTo(Instant.parse("2025-11-19T17:00:00Z"));
    assertThat(chase.due().orElseThrow().basis()).contains("the phone referral recorded as made at");
    assertThat(chase.notes()).anySatisfy(n -> assertThat(n)
        .startsWith("The phone referral it chases is recorded as made").contains(chaseBefore.blockers().get(0)));
    // The early help referral itself still waits for consent.
    assertThat(kind(after, io.thresholds.core.policy.ActionKind.EARLY_HELP_REFERRAL).blockers()).isNotEmpty();
  }

  @Test
  void section2Tier3_consentNotYetSought_theReferralIsNotHeldUp_butSaysToSeekConsentFirst_orRecordWhyNot() {
    // Section 2 Tier 3: the form is completed with the parents' consent; section 3: seek it unless
    // that places the child at further risk; the MARF asks for the reason where it was not obtained.
    // Not yet sought, the Tier 3 referral goes ahead (only a refusal waits for a discussion) and each
    // consent-gated step says to seek consent first (vig5 observation 3).
    Child fourteen = Child.builder().ref(Ref.of("c1")).dateOfBirth(TUE.minusYears(14)).build();
    ChildAssessment c = assess(fourteen, aboutC1(T3_13_TO_15));
    assertThat(c.tierRange().orElseThrow()).isEqualTo(TierRange.of(Tier.HIGH_OR_COMPLEX, Tier.HIGH_OR_COMPLEX));
    for (var k : List.of(io.thresholds.core.policy.ActionKind.PHONE_REFERRAL,
        io.thresholds.core.policy.ActionKind.WRITTEN_REFERRAL)) {
      Action a = kind(c, k);
      assertThat(a.blockers()).isEmpty();
      assertThat(a.notes()).anySatisfy(n -> assertThat(n).startsWith("Consent is not in place yet: Seek consent")
          .contains("seek it before you make the referral where that is safe")
          .contains("asks for the reason where consent could not be obtained"));
    }
    assertThat(kind(c, io.thresholds.core.policy.ActionKind.CHASE_FEEDBACK).notes())
        .noneMatch(n -> n.startsWith("Consent is not in place yet"));
    // Consent given: nothing to say.
    Referral given = Referral.builder().from(tier3Referral(fourteen))
        .consent(io.thresholds.core.consent.ConsentState.given(
            io.thresholds.core.consent.ConsentGiver.PARENTAL_RESPONSIBILITY,
            io.thresholds.core.consent.ConsentForm.VERBAL, TUE_10AM.minusSeconds(600))).build();
    assertThat(kind(EVALUATOR.evaluate(given, TUE_10AM).children().get(0),
        io.thresholds.core.policy.ActionKind.WRITTEN_REFERRAL).notes())
        .noneMatch(n -> n.startsWith("Consent is not in place yet"));
    // A concern for which the family must not be told: the step never says to seek consent.
    ChildAssessment fgm = assess(Child.builder().ref(Ref.of("c1")).dateOfBirth(TUE.minusYears(3)).build(),
        aboutC1("T3-PAR-FGM-FAMILY-HISTORY"));
    assertThat(fgm.actions()).allSatisfy(a -> assertThat(a.notes())
        .noneMatch(n -> n.startsWith("Consent is not in place yet")));
  }

  private static Referral tier3Referral(Child child) {
    return Referral.builder().ref(Ref.of("r1")).referrer(Referrer.of(AgencyType.SCHOOL)).madeAt(TUE_10AM)
        .household(Household.builder().addChildren(child).addAdults(MUM).build())
        .addReferredChildren(child.ref()).addConcerns(aboutC1(T3_13_TO_15)).build();
  }

  @Test
  void section3_chase_ofAPhoneReferralOnlyToConsider_saysItAppliesOnceTheReferralIsMade() {
    // vig5 observation 5 (V295): several Tier 2 concerns that together may reach Tier 3. The phone
    // referral is to be considered; the chase (a must at Tier 2 and above) presumes it was made.
    Child twelve = Child.builder().ref(Ref.of("c1")).dateOfBirth(TUE.minusYears(12)).build();
    ChildAssessment c = assess(twelve, aboutC1("T2-DEV-EARLY-OFFENDING"), aboutC1("T2-DEV-POLICE-NOTICE"),
        aboutC1("T2-DEV-GANG-VULNERABLE"), aboutC1("T2-FAM-GANG-VULNERABLE-ENVIRONMENT"));
    assertThat(c.tierRange().orElseThrow().min()).isEqualTo(Tier.ADDITIONAL_NEEDS);
    assertThat(c.tierRange().orElseThrow().max()).isEqualTo(Tier.HIGH_OR_COMPLEX);
    assertThat(kind(c, io.thresholds.core.policy.ActionKind.PHONE_REFERRAL).modality()).isEqualTo(Modality.CONSIDER);
    Action chase = kind(c, io.thresholds.core.policy.ActionKind.CHASE_FEEDBACK);
    assertThat(chase.notes()).contains(
        "The phone referral it chases is one to consider: this step applies once you have made it.");
    // A firm Tier 3 referral: no such note.
    ChildAssessment firm = assess(Child.builder().ref(Ref.of("c1")).dateOfBirth(TUE.minusYears(14)).build(),
        aboutC1(T3_13_TO_15));
    assertThat(kind(firm, io.thresholds.core.policy.ActionKind.CHASE_FEEDBACK).notes())
        .noneMatch(n -> n.contains("one to consider"));
  }

  @Test
  void section2Tier3And4_rangeWithConsentWithheld_theChaseWaits_butSaysHowToChaseTheUrgentCall() {
    // Hostile review C: a Tier 3 concern that may be Tier 4, consent withheld. The urgent phone
    // referral (to consider) is not held up; the Tier 3 one, which the chase counts from, waits for
    // the discussion. The chase says that the urgent call, if made, is chased the same way.
    var b = Referral.builder().ref(Ref.of("r1")).referrer(Referrer.of(AgencyType.SCHOOL)).madeAt(TUE_10AM)
        .household(Household.builder().addChildren(Child.builder().ref(Ref.of("c1"))
            .dateOfBirth(TUE.minusYears(3)).build()).addAdults(MUM).build())
        .addReferredChildren(Ref.of("c1"))
        .consent(io.thresholds.core.consent.ConsentState.withheld(
            io.thresholds.core.consent.ConsentGiver.PARENTAL_RESPONSIBILITY, TUE_10AM.minusSeconds(600)))
        .addConcerns(aboutC1("T3-PAR-FGM-FAMILY-HISTORY"));
    ChildAssessment c = EVALUATOR.evaluate(b.build(), TUE_10AM).children().get(0);
    assertThat(c.tierRange().orElseThrow().min()).isEqualTo(Tier.HIGH_OR_COMPLEX);
    assertThat(c.tierRange().orElseThrow().max()).isEqualTo(Tier.ACUTE);
    List<Action> phones = c.actions().stream()
        .filter(a -> a.kind() == io.thresholds.core.policy.ActionKind.PHONE_REFERRAL).toList();
    assertThat(phones).anySatisfy(a -> assertThat(a.blockers()).isEmpty());
    assertThat(phones).anySatisfy(a -> assertThat(a.blockers()).isNotEmpty());
    Action chase = kind(c, io.thresholds.core.policy.ActionKind.CHASE_FEEDBACK);
    assertThat(chase.blockers()).isNotEmpty();
    assertThat(chase.notes()).anySatisfy(n -> assertThat(n).startsWith("If you make the other phone referral"));
  }

  private static Action kind(ChildAssessment c, io.thresholds.core.policy.ActionKind kind) {
    return c.actions().stream().filter(a -> a.kind() == kind).findFirst().orElseThrow();
  }
}
