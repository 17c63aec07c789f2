package io.thresholds.forms.prefill;

import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.consent.Competence;
import io.thresholds.core.consent.ConsentForm;
import io.thresholds.core.consent.ConsentGiver;
import io.thresholds.core.consent.ConsentState;
import io.thresholds.core.consent.ConsentStatus;
import io.thresholds.core.consent.GiverConsent;
import io.thresholds.core.consent.NotSoughtReason;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.Adult;
import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Household;
import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.model.PersonalDetails;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Referrer;
import io.thresholds.core.model.Relationship;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.Policy;
import io.thresholds.forms.Forms;
import io.thresholds.forms.ReferralForm;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 follow-up: the MARF's consent answer from each person's recorded decision
 * ({@code consentByGiver}). Only "consent from those with parental responsibility" is answered; who
 * decided what and when goes into notes by reference and relationship, never a name; the free-text
 * reason, "have they seen the referral" and the signatures stay the referrer's.
 */
class FormPrefillerConsentByGiverTest {
  private static final Instant AT = Instant.parse("2025-11-20T11:00:00Z");
  private static final Instant ASKED = Instant.parse("2025-11-20T09:40:00Z");
  private static final Policy POLICY = Policies.cityOfLondon();
  private static final FormPrefiller PREFILLER = FormPrefiller.of(POLICY, Forms.cityOfLondon());
  private static final Ref TEEN = Ref.of("c1");
  private static final Ref SISTER = Ref.of("c2");
  private static final Ref MUM = Ref.of("a1");
  private static final Ref DAD = Ref.of("a2");
  private static final List<String> CONSENT_FREE_TEXT = List.of(
      "consent.reason", "consent.parentsViewed", "consent.how", "consent.parentSignatures");

  static Referral.Builder family() {
    return Referral.builder().ref(Ref.of("SCH-0211")).madeAt(AT)
        .referrer(Referrer.builder().agencyType(AgencyType.SCHOOL).build())
        .household(Household.builder()
            .addChildren(Child.builder().ref(TEEN).dateOfBirth(LocalDate.of(2010, 5, 2))
                .personal(PersonalDetails.builder().forenames("Tomasz").surname("Example").build()).build())
            .addChildren(Child.builder().ref(SISTER).dateOfBirth(LocalDate.of(2009, 1, 9)).build())
            .addAdults(Adult.builder().ref(MUM).relationship(Relationship.MOTHER).parentalResponsibility(true)
                .personal(PersonalDetails.builder().forenames("Marta").surname("Example").build()).build())
            .addAdults(Adult.builder().ref(DAD).relationship(Relationship.FATHER).parentalResponsibility(true)
                .personal(PersonalDetails.builder().forenames("Piotr").surname("Example").build()).build())
            .build())
        .addReferredChildren(TEEN, SISTER)
        .addConcerns(Concern.builder().indicator(IndicatorCode.of("T2-DEV-BEREAVED")).subject(SubjectKind.CHILD)
            .subjectRef(TEEN).observedOn(LocalDate.of(2025, 11, 18)).build());
  }

  static GiverConsent parent(Ref who, ConsentStatus status, ConsentForm form, Instant at) {
    var g = GiverConsent.builder().giver(ConsentGiver.PARENTAL_RESPONSIBILITY).status(status);
    if (who != null) {
      g.person(who);
    }
    if (status == ConsentStatus.GIVEN) {
      g.form(form);
    }
    if (status != ConsentStatus.NOT_YET_SOUGHT) {
      g.recordedAt(at);
    }
    return g.build();
  }

  static GiverConsent young(Ref who, Competence competence, ConsentStatus status) {
    var g = GiverConsent.builder().giver(ConsentGiver.YOUNG_PERSON).person(who).competence(competence)
        .status(status).recordedAt(ASKED);
    if (status == ConsentStatus.GIVEN) {
      g.form(ConsentForm.VERBAL);
    }
    return g.build();
  }

  static PrefilledForm marf(Referral r, Ref child) {
    return PREFILLER.prefill(ReferralForm.MARF, r, ThresholdEvaluator.of(POLICY).evaluate(r, AT), child);
  }

  static void noFreeTextNorNames(PrefilledForm marf) {
    for (String field : CONSENT_FREE_TEXT) {
      assertThat(marf.data().has(field)).as(field).isFalse();
    }
    assertThat(String.join("\n", marf.notes())).doesNotContain("Marta", "Piotr", "Tomasz");
  }

  @Test
  void consent_bothParentsGaveVerbally_isGivenVerbally_withWhoAndWhenInNotes() {
    Referral r = family()
        .addConsentByGiver(parent(MUM, ConsentStatus.GIVEN, ConsentForm.VERBAL, ASKED))
        .addConsentByGiver(parent(DAD, ConsentStatus.GIVEN, ConsentForm.VERBAL, ASKED.plusSeconds(600)))
        .build();
    PrefilledForm marf = marf(r, TEEN);
    assertThat(marf.data().get("consent.parentalConsent")).hasValue("VERBAL");
    // 09:40 UTC is 09:40 in London in November
    assertThat(marf.notes()).contains(
        "consent: a person with parental responsibility (a1, mother) gave consent verbally, recorded 2025-11-20 09:40.",
        "consent: a person with parental responsibility (a2, father) gave consent verbally, recorded 2025-11-20 09:50.");
    noFreeTextNorNames(marf);
  }

  @Test
  void consent_oneParentGaveInWriting_otherNotAskedYet_isGivenInWriting() {
    Referral r = family()
        .addConsentByGiver(parent(MUM, ConsentStatus.GIVEN, ConsentForm.WRITTEN, ASKED))
        .addConsentByGiver(parent(DAD, ConsentStatus.NOT_YET_SOUGHT, null, null))
        .build();
    PrefilledForm marf = marf(r, TEEN);
    assertThat(marf.data().get("consent.parentalConsent")).hasValue("WRITTEN");
    assertThat(marf.notes()).contains("consent: a person with parental responsibility (a2, father) has not been asked yet.");
    noFreeTextNorNames(marf);
  }

  @Test
  void consent_parentsDisagree_isNotObtained_andTheReasonIsLeftToTheReferrer() {
    Referral r = family()
        .addConsentByGiver(parent(MUM, ConsentStatus.GIVEN, ConsentForm.VERBAL, ASKED))
        .addConsentByGiver(parent(DAD, ConsentStatus.WITHHELD, null, ASKED))
        .build();
    PrefilledForm marf = marf(r, TEEN);
    assertThat(marf.data().get("consent.parentalConsent")).hasValue("NOT_OBTAINED");
    assertThat(marf.notes()).contains(
        "consent: a person with parental responsibility (a2, father) withheld consent, recorded 2025-11-20 09:40.")
        .anySatisfy(n -> assertThat(n).startsWith("consent.reason: say why consent was not obtained"));
    noFreeTextNorNames(marf);
  }

  @Test
  void consent_withdrawnByAParentWhoLivesElsewhere_isNotObtained() {
    Referral r = family()
        .addConsentByGiver(parent(MUM, ConsentStatus.GIVEN, ConsentForm.WRITTEN, ASKED))
        .addConsentByGiver(parent(null, ConsentStatus.WITHDRAWN, null, ASKED))
        .build();
    PrefilledForm marf = marf(r, TEEN);
    assertThat(marf.data().get("consent.parentalConsent")).hasValue("NOT_OBTAINED");
    assertThat(marf.notes()).contains("consent: a person with parental responsibility not recorded in the household"
        + " withdrew consent, recorded 2025-11-20 09:40.");
  }

  @Test
  void consent_givenVerballyByOneAndInWritingByTheOther_isLeftForTheReferrerToChoose() {
    Referral r = family()
        .addConsentByGiver(parent(MUM, ConsentStatus.GIVEN, ConsentForm.VERBAL, ASKED))
        .addConsentByGiver(parent(DAD, ConsentStatus.GIVEN, ConsentForm.WRITTEN, ASKED))
        .build();
    PrefilledForm marf = marf(r, TEEN);
    assertThat(marf.data().has("consent.parentalConsent")).isFalse();
    assertThat(marf.notes()).anySatisfy(n -> assertThat(n)
        .startsWith("consent.parentalConsent: those with parental responsibility gave consent, some verbally"));
  }

  @Test
  void consent_onlyTheYoungPerson_isNotTheParentsConsent_andOnlyOnTheirOwnForm() {
    Referral r = family()
        .addConsentByGiver(young(TEEN, Competence.JUDGED_COMPETENT, ConsentStatus.GIVEN))
        .build();
    PrefilledForm teen = marf(r, TEEN);
    assertThat(teen.data().has("consent.parentalConsent")).isFalse();
    assertThat(teen.notes()).contains("consent: the young person (c1), judged of sufficient age and understanding,"
        + " gave consent verbally, recorded 2025-11-20 09:40.")
        .contains("consent.parentalConsent: the referral records no decision of those with parental responsibility.");
    noFreeTextNorNames(teen);
    // the sister's form: her brother's decision is his own; nothing recorded for her
    PrefilledForm sister = marf(r, SISTER);
    assertThat(sister.data().has("consent.parentalConsent")).isFalse();
    assertThat(sister.notes()).noneSatisfy(n -> assertThat(n).contains("young person"))
        .contains("consent.parentalConsent: consent has not been sought yet.");
  }

  @Test
  void consent_parentsGave_competentYoungPersonRefused_answersForTheParents_andPointsToTheGuidance() {
    Referral r = family()
        .addConsentByGiver(parent(MUM, ConsentStatus.GIVEN, ConsentForm.VERBAL, ASKED))
        .addConsentByGiver(young(TEEN, Competence.JUDGED_COMPETENT, ConsentStatus.WITHHELD))
        .build();
    PrefilledForm marf = marf(r, TEEN);
    assertThat(marf.data().get("consent.parentalConsent")).hasValue("VERBAL");
    assertThat(marf.notes()).contains("consent.parentalConsent: the young person's decision differs from that of"
        + " those with parental responsibility; the consent guidance of the evaluation says what follows.");
    // a young person not judged competent: their refusal is recorded, not a decision that differs
    Referral notAssessed = family()
        .addConsentByGiver(parent(MUM, ConsentStatus.GIVEN, ConsentForm.VERBAL, ASKED))
        .addConsentByGiver(young(TEEN, Competence.NOT_ASSESSED, ConsentStatus.WITHHELD))
        .build();
    PrefilledForm other = marf(notAssessed, TEEN);
    assertThat(other.data().get("consent.parentalConsent")).hasValue("VERBAL");
    assertThat(other.notes()).contains("consent: the young person (c1), whose understanding is not assessed yet,"
        + " withheld consent, recorded 2025-11-20 09:40.")
        .noneSatisfy(n -> assertThat(n).contains("differs"));
  }

  /** The referral updated after it was evaluated: the form follows the evaluation it is drafted with. */
  @Test
  void consent_aDecisionRecordedAfterTheEvaluation_isNotUsed() {
    Referral before = family()
        .addConsentByGiver(parent(MUM, ConsentStatus.GIVEN, ConsentForm.VERBAL, ASKED))
        .build();
    Referral r = Referral.builder().from(before)
        .addConsentByGiver(parent(DAD, ConsentStatus.WITHHELD, null, AT.plusSeconds(3600)))
        .build();
    PrefilledForm marf = PREFILLER.prefill(ReferralForm.MARF, r, ThresholdEvaluator.of(POLICY).evaluate(before, AT), TEEN);
    assertThat(marf.data().get("consent.parentalConsent")).hasValue("VERBAL");
    assertThat(marf.notes()).noneSatisfy(n -> assertThat(n).contains("a2"))
        .anySatisfy(n -> assertThat(n).startsWith("consent.parentalConsent: a decision on consent is recorded after"));
  }

  @Test
  void consent_notSoughtBecauseUnsafe_keepsNotObtained_andListsTheDecisionsBefore() {
    Referral r = family()
        .consent(ConsentState.notSoughtUnsafe(NotSoughtReason.INCREASED_RISK_TO_CHILD, ASKED.plusSeconds(1800)))
        .addConsentByGiver(parent(MUM, ConsentStatus.WITHHELD, null, ASKED))
        .build();
    PrefilledForm marf = marf(r, TEEN);
    assertThat(marf.data().get("consent.parentalConsent")).hasValue("NOT_OBTAINED");
    assertThat(marf.notes()).contains(
        "consent: a person with parental responsibility (a1, mother) withheld consent, recorded 2025-11-20 09:40.");
    noFreeTextNorNames(marf);
  }
}
