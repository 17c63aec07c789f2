package io.thresholds.forms.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.forms.FormData;
import io.thresholds.forms.FormSchema;
import io.thresholds.forms.Forms;
import io.thresholds.forms.ReferralForm;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Validation rules, named after the part of the document they come from. */
class FormValidatorTest {
  static final LocalDate TODAY = LocalDate.of(2025, 11, 21);
  static final FormValidator VALIDATOR = FormValidator.create();
  static final FormSchema MARF = Forms.cityOfLondon().form(ReferralForm.MARF).orElseThrow();
  static final FormSchema MACE = Forms.cityOfLondon().form(ReferralForm.MACE).orElseThrow();
  static final FormSchema PREVENT = Forms.cityOfLondon().form(ReferralForm.PREVENT).orElseThrow();

  @AfterAll
  static void close() {
    VALIDATOR.close();
  }

  /** A complete, valid MARF for a social care referral. */
  static FormData.Builder marf() {
    return FormData.builder()
        .set("referralType.service", "CHILDRENS_SOCIAL_CARE").set("referralType.newOrRepeat", "NEW")
        .set("referrer.name", "Grace Whitfield").set("referrer.date", "2025-11-20")
        .set("referrer.agency", "Aldgate Primary School").set("referrer.role", "DSL")
        .set("referrer.phone", "020 7946 0018").set("referrer.email", "g.whitfield@example.org")
        .set("child.forenames", "Amara").set("child.surname", "Okafor").set("child.dateOfBirthOrEdd", "2014-05-09")
        .set("agency.involvement", "Known since Reception.").set("agency.earlyHelpAssessment", "NO")
        .set("worries.needs", "Hungry most days.").set("worries.pastHarm", "N/A").set("worries.futureRisk", "Neglect.")
        .set("workingWell.strengths", "Warm mother.").set("nextSteps.goals", "Fed daily.")
        .set("nextSteps.plan", "Breakfast club.").set("signatures.referrer", "Grace Whitfield")
        .set("consent.parentalConsent", "VERBAL").set("consent.parentsViewed", "YES").set("consent.how", "By phone");
  }

  static List<String> check(FormSchema form, FormData data) {
    List<String> out = new ArrayList<>();
    VALIDATOR.validate(form, data, TODAY).forEach(v -> out.add(v.field() + " " + v.code()));
    return out;
  }

  @Test
  void appendix1_completeMarf_isValid() {
    assertThat(check(MARF, marf().build())).isEmpty();
  }

  @Test
  void appendix1_earlyHelp_needsConsentOfThoseWithParentalResponsibility() {
    assertThat(check(MARF, marf().set("referralType.service", "EARLY_HELP")
        .set("consent.parentalConsent", "NOT_OBTAINED").set("consent.reason", "Not reached.").build()))
        .containsExactly("consent.parentalConsent early-help-consent");
    assertThat(check(MARF, marf().set("referralType.service", "EARLY_HELP").set("consent.parentalConsent", "WRITTEN").build()))
        .isEmpty();
  }

  @Test
  void appendix1_socialCare_withoutConsent_needsTheReason() {
    assertThat(check(MARF, marf().set("consent.parentalConsent", "NOT_OBTAINED").build()))
        .containsExactly("consent.reason consent-reason");
    assertThat(check(MARF, marf().set("consent.parentalConsent", "NOT_OBTAINED").set("consent.reason", "Unsafe.").build()))
        .isEmpty();
  }

  @Test
  void appendix1_parentsHaveNotSeenTheReferral_needsTheReason() {
    assertThat(check(MARF, marf().set("consent.parentsViewed", "NO").remove("consent.how").build()))
        .containsExactly("consent.reason not-viewed-reason");
  }

  @Test
  void appendix1_repeatReferral_mustBeMarkedNewOrRepeat() {
    assertThat(check(MARF, marf().remove("referralType.newOrRepeat").build()))
        .containsExactly("referralType.newOrRepeat required");
  }

  @Test
  void appendix3_mace_needsAtLeastOneSafeguardRiskFactor() {
    FormData.Builder mace = FormData.builder().set("referringProfessional.name", "T. Nowak")
        .set("referringProfessional.agency", "Police").set("referringProfessional.phone", "020 7946 0321")
        .set("referringProfessional.email", "t.nowak@example.org").set("subject.firstName", "Jayden")
        .set("subject.surname", "Mensah").set("subject.dateOfBirth", "2010-07-12");
    assertThat(check(MACE, mace.set("riskFactors.safeguard", List.of()).build()))
        .containsExactly("riskFactors.safeguard mace-risk-factor");
    assertThat(check(MACE, mace.set("riskFactors.safeguard", List.of("DISTRUST_OF_AUTHORITY")).build())).isEmpty();
  }

  static FormData.Builder prevent() {
    return FormData.builder().set("individual.forenames", "Callum").set("individual.surname", "Baker")
        .set("individual.dateOfBirth", "2009-03-27").set("concern.description", "Shares extremist videos.")
        .set("dates.referred", "2025-11-21").set("safeguarding.disability", "NO")
        .set("safeguarding.discussedWithLead", "NO").set("safeguarding.informedIndividual", "NO")
        .set("safeguarding.directAction", "NO").set("safeguarding.otherAgencies", "NO");
  }

  @Test
  void appendix4_yes_needsTheDescription() {
    assertThat(check(PREVENT, prevent().build())).isEmpty();
    assertThat(check(PREVENT, prevent().set("safeguarding.directAction", "YES").build()))
        .containsExactly("safeguarding.directActionResult prevent-describe");
    assertThat(check(PREVENT, prevent().set("safeguarding.directAction", "YES")
        .set("safeguarding.directActionResult", "Spoke to him.").build())).isEmpty();
  }

  @Test
  void appendix4_dateOfBirthOrApproximateAge() {
    assertThat(check(PREVENT, prevent().remove("individual.dateOfBirth").build()))
        .containsExactly("individual.dateOfBirth dob-or-age");
    assertThat(check(PREVENT, prevent().remove("individual.dateOfBirth").set("individual.approxAge", 16).build()))
        .isEmpty();
  }

  @Test
  void dates_notInTheFuture_exceptAnExpectedDateOfDelivery() {
    assertThat(check(MARF, marf().set("referrer.date", "2025-11-22").build()))
        .containsExactly("referrer.date future-date");
    assertThat(check(MARF, marf().set("child.dateOfBirthOrEdd", "2026-04-01").build())).isEmpty();
    assertThat(check(MARF, marf().set("child.dateOfBirthOrEdd", TODAY.plusWeeks(42).plusDays(1).toString()).build()))
        .containsExactly("child.dateOfBirthOrEdd due-date-too-far");
  }

  @Test
  void badInput_unknownIdsWrongTypesOversizeText_areViolationsNotExceptions() {
    List<Object> weird = new ArrayList<>();
    weird.add(null);
    weird.add(Map.of("x", List.of(List.of(List.of(List.of(List.of(List.of(List.of(List.of(1))))))))));
    FormData data = FormData.of(Map.of(
        "child.surname", weird,
        "no.such", "x",
        "worries.needs", "x".repeat(4001),
        "household.members", List.of("not a row"),
        "child.nhsNumber", 9434765919L,
        "signatures.referrer", new Object()));
    assertThat(VALIDATOR.validate(MARF, data, TODAY))
        .extracting(v -> v.field() + " " + v.code())
        .contains("child.surname wrong-type", "<unknown field> unknown-field", "worries.needs too-long",
            "household.members[0] wrong-type", "child.nhsNumber wrong-type", "signatures.referrer wrong-type");
  }

  @Test
  void oversizeText_isNeverTruncated_limitCountsCodePoints() {
    String emoji = "\uD83D\uDE00"; // one code point, two UTF-16 units
    assertThat(check(MARF, marf().set("referrer.name", emoji.repeat(200)).build())).isEmpty();
    assertThat(check(MARF, marf().set("referrer.name", emoji.repeat(201)).build()))
        .containsExactly("referrer.name too-long");
  }

  @Test
  void unknownFieldIdThatLooksLikePersonalData_isNotEchoed() {
    List<Violation> v = VALIDATOR.validate(MARF, marf().set("Amara Okafor 14 Sample St", "x").build(), TODAY);
    assertThat(v).extracting(Violation::field).containsExactly("<unknown field>");
  }

  @Test
  void messages_neverContainTheValueEntered() {
    String nhs = "1234567890";
    List<Violation> v = VALIDATOR.validate(MARF, marf().set("child.nhsNumber", nhs)
        .set("child.email", "amara.okafor@school").set("child.upn", "Z999999999999").build(), TODAY);
    assertThat(v).hasSize(3).allSatisfy(x -> {
      assertThat(x.message()).doesNotContain(nhs).doesNotContain("amara").doesNotContain("Z999");
      assertThat(x.toString()).doesNotContain(nhs);
    });
  }

  @Test
  void messageTemplatesInThePack_areNotInterpolated() {
    assertThat(CompiledForm.escape("Use ${1+1} and {max}")).isEqualTo("Use \\$\\{1+1\\} and \\{max\\}");
  }
}
