package io.thresholds.forms.prefill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.consent.ConsentForm;
import io.thresholds.core.consent.ConsentGiver;
import io.thresholds.core.consent.ConsentState;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.Adult;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Household;
import io.thresholds.core.model.PersonalDetails;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Referrer;
import io.thresholds.core.model.Relationship;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.Policy;
import io.thresholds.forms.FormData;
import io.thresholds.forms.Forms;
import io.thresholds.forms.ReferralForm;
import io.thresholds.forms.validation.FormValidator;
import io.thresholds.forms.validation.Violation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormPrefillerTest {
  private static final Instant AT = Instant.parse("2025-11-19T10:00:00Z");
  private static final Policy POLICY = Policies.cityOfLondon();
  private static final FormPrefiller PREFILLER = FormPrefiller.of(POLICY, Forms.cityOfLondon());
  private static final Ref CHILD = Ref.of("c1");
  private static final Ref BROTHER = Ref.of("c2");

  static Referral referral(boolean repeat, ConsentState consent, String... codes) {
    var b = Referral.builder()
        .ref(Ref.of("r1"))
        .referrer(Referrer.builder().agencyType(AgencyType.SCHOOL).role("Designated Safeguarding Lead")
            .personal(PersonalDetails.builder().forenames("Grace").surname("Whitfield").build()).build())
        .madeAt(AT)
        .repeatReferral(repeat)
        .consent(consent)
        .household(Household.builder()
            .addChildren(Child.builder().ref(CHILD).dateOfBirth(LocalDate.of(2011, 3, 1))
                .personal(PersonalDetails.builder().forenames("Jayden").surname("Mensah")
                    .nhsNumber("943 476 5919").address("22 Example Court, London").postcode("EC1A 4AB").build())
                .build())
            .addChildren(Child.builder().ref(BROTHER).dateOfBirth(LocalDate.of(2018, 6, 1)).build())
            .addAdults(Adult.builder().ref(Ref.of("a1")).relationship(Relationship.MOTHER).parentalResponsibility(true)
                .personal(PersonalDetails.builder().forenames("Abena").surname("Mensah").build()).build())
            .build())
        .addReferredChildren(CHILD)
        .putExclusions(BROTHER, "No concerns about him; considered with his mother.");
    for (String code : codes) {
      b.addConcerns(Concern.builder().indicator(io.thresholds.core.model.IndicatorCode.of(code))
          .subject(SubjectKind.CHILD).subjectRef(CHILD).observedOn(LocalDate.of(2025, 11, 18))
          .note("Found in Hackney with two phones.").build());
    }
    return b.build();
  }

  static Evaluation evaluate(Referral r) {
    return ThresholdEvaluator.of(POLICY).evaluate(r, AT);
  }

  @Test
  void appendix3_maceCategory1_prefillsMarfAndMace() {
    Referral r = referral(true, ConsentState.given(ConsentGiver.PARENTAL_RESPONSIBILITY, ConsentForm.VERBAL, AT),
        "T4-FAM-MACE-CATEGORY-1");
    Map<ReferralForm, PrefilledForm> forms = PREFILLER.prefill(r, evaluate(r), CHILD);
    assertThat(forms).containsOnlyKeys(ReferralForm.MARF, ReferralForm.MACE);

    FormData marf = forms.get(ReferralForm.MARF).data();
    assertThat(marf.get("referralType.service")).hasValue("CHILDRENS_SOCIAL_CARE");
    assertThat(marf.get("referralType.newOrRepeat")).hasValue("REPEAT");
    assertThat(marf.get("referrer.date")).hasValue("2025-11-19");
    assertThat(marf.get("referrer.name")).hasValue("Grace Whitfield");
    assertThat(marf.get("child.dateOfBirthOrEdd")).hasValue("2011-03-01");
    assertThat(marf.get("child.nhsNumber")).hasValue("943 476 5919");
    assertThat(marf.get("child.address")).hasValue("22 Example Court, London, EC1A 4AB");
    assertThat(marf.get("consent.parentalConsent")).hasValue("VERBAL");
    assertThat((String) marf.get("worries.needs").orElseThrow())
        .contains("City of London Thresholds of Need").contains("Found in Hackney with two phones.");
    assertThat(marf.get("household.members")).hasValue(List.of(
        Map.of("dateOfBirthOrEdd", "2018-06-01", "relationship", "Child in the household", "alsoReferred", false),
        Map.of("surname", "Mensah", "forename", "Abena", "relationship", "Mother")));

    FormData mace = forms.get(ReferralForm.MACE).data();
    assertThat(mace.get("subject.firstName")).hasValue("Jayden");
    assertThat(mace.get("riskFactors.safeguard")).isEmpty();
    assertThat(forms.get(ReferralForm.MACE).notes()).anySatisfy(n -> assertThat(n).startsWith("riskFactors.safeguard"));
  }

  @Test
  void marf_earlyHelpAssessment_openEarlyHelpPlan_answersYes_previousReferral_isARepeatReferral() {
    Referral base = referral(false, ConsentState.given(ConsentGiver.PARENTAL_RESPONSIBILITY, ConsentForm.WRITTEN, AT),
        "T3-DEV-UNMANAGED-CHRONIC-HEALTH");
    Referral r = Referral.builder().from(base).repeatReferral(true)
        .caseHistory(io.thresholds.core.model.CaseHistory.builder()
            .addOpenPlans(io.thresholds.core.model.OpenPlan.EARLY_HELP)
            .previousReferral(io.thresholds.core.model.PreviousReferral.builder().madeOn(LocalDate.of(2025, 5, 1)).build())
            .build())
        .addProtectiveFacts(io.thresholds.core.model.ProtectiveFact.PARENTS_ENGAGE_WITH_SERVICES)
        .build();
    PrefilledForm p = PREFILLER.prefill(ReferralForm.MARF, r, evaluate(r), CHILD);
    assertThat(p.data().get("agency.earlyHelpAssessment")).hasValue("YES");
    assertThat(p.data().get("referralType.newOrRepeat")).hasValue("REPEAT");
    assertThat(p.data().get("workingWell.strengths")).isEmpty();
    assertThat(p.notes()).anySatisfy(n -> assertThat(n).startsWith("workingWell.strengths")
        .contains("parents engage with services"));
    // Without a recorded plan the answer is the referrer's: an unrecorded plan is not a "no".
    assertThat(PREFILLER.prefill(ReferralForm.MARF, base, evaluate(base), CHILD).data()
        .get("agency.earlyHelpAssessment")).isEmpty();
  }

  @Test
  void prefilledMarf_completedByTheReferrer_isValid() {
    Referral r = referral(false, ConsentState.given(ConsentGiver.PARENTAL_RESPONSIBILITY, ConsentForm.WRITTEN, AT),
        "T4-FAM-MACE-CATEGORY-1");
    PrefilledForm p = PREFILLER.prefill(ReferralForm.MARF, r, evaluate(r), CHILD);
    try (FormValidator validator = FormValidator.create()) {
      List<Violation> draft = validator.validate(p.schema(), p.data(), LocalDate.of(2025, 11, 19));
      assertThat(draft).extracting(Violation::code).contains("required").doesNotContain("wrong-type", "unknown-field");
      FormData completed = p.data().toBuilder()
          .set("referrer.agency", "City Academy").set("referrer.phone", "020 7946 0018")
          .set("referrer.email", "g.whitfield@example.org").set("agency.involvement", "Pupil since Year 7.")
          .set("agency.earlyHelpAssessment", "NO").set("worries.pastHarm", "N/A").set("worries.futureRisk", "Exploitation.")
          .set("workingWell.strengths", "Close to his mother.").set("nextSteps.goals", "Safe at home.")
          .set("nextSteps.plan", "Mentoring.").set("signatures.referrer", "Grace Whitfield")
          .set("consent.parentsViewed", "YES").set("consent.how", "Met mother at school.")
          .set("household.members", List.of(
              Map.of("surname", "Mensah", "forename", "Kofi", "relationship", "Brother", "alsoReferred", false),
              Map.of("surname", "Mensah", "forename", "Abena", "relationship", "Mother")))
          .build();
      assertThat(validator.validate(p.schema(), completed, LocalDate.of(2025, 11, 19))).isEmpty();
    }
  }

  @Test
  void appendix4_radicalisation_prefillsPrevent() {
    Referral r = referral(false, ConsentState.notYetSought(), "T3-RAD-PERSISTENTLY-RUNS-AWAY");
    Map<ReferralForm, PrefilledForm> forms = PREFILLER.prefill(r, evaluate(r), CHILD);
    assertThat(forms).containsKeys(ReferralForm.MARF, ReferralForm.PREVENT);
    FormData prevent = forms.get(ReferralForm.PREVENT).data();
    assertThat(prevent.get("individual.forenames")).hasValue("Jayden");
    assertThat(prevent.get("individual.addresses")).hasValue(List.of("22 Example Court, London, EC1A 4AB"));
    assertThat(prevent.get("dates.concernArose")).hasValue("2025-11-18");
    assertThat(prevent.get("dates.referred")).hasValue("2025-11-19");
    assertThat(forms.get(ReferralForm.MARF).notes()).anySatisfy(n -> assertThat(n).contains("not been sought"));
    assertThat(forms.get(ReferralForm.MARF).data().has("consent.parentalConsent")).isFalse();
  }

  @Test
  void tier2_prefillsAnEarlyHelpReferral() {
    Referral r = referral(false, ConsentState.given(ConsentGiver.PARENTAL_RESPONSIBILITY, ConsentForm.VERBAL, AT),
        tier2Code());
    Map<ReferralForm, PrefilledForm> forms = PREFILLER.prefill(r, evaluate(r), CHILD);
    assertThat(forms.get(ReferralForm.MARF).data().get("referralType.service")).hasValue("EARLY_HELP");
  }

  @Test
  void noFormCalledFor_noConcerns() {
    Referral r = referral(false, ConsentState.notYetSought());
    assertThat(PREFILLER.prefill(r, evaluate(r), CHILD)).isEmpty();
  }

  @Test
  void evaluationOfAnotherReferral_isRejected() {
    Referral r = referral(false, ConsentState.notYetSought());
    assertThatThrownBy(() -> PREFILLER.prefill(r, evaluate(r), BROTHER))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("child");
  }

  /** A Tier 2 need that is not a single-tier-3 on its own: any Tier 2 need of the catalogue about a child. */
  private static String tier2Code() {
    return POLICY.indicators().stream()
        .filter(i -> i.tier() == io.thresholds.core.model.Tier.ADDITIONAL_NEEDS)
        .filter(i -> i.kind() == io.thresholds.core.policy.IndicatorKind.NEED)
        .filter(i -> i.subjects().contains(SubjectKind.CHILD))
        .filter(i -> i.flags().isEmpty() && i.age().isEmpty() && i.escalatesTo().isEmpty())
        .findFirst().orElseThrow().code().value();
  }
}
