package io.thresholds.forms.prefill;

import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.consent.ConsentState;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.OpenFact;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.Adult;
import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.ApproximateAge;
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
import io.thresholds.forms.FormData;
import io.thresholds.forms.Forms;
import io.thresholds.forms.ReferralForm;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Prefill from the facts issue 11 lets a referral say: an approximate or unknown age (never turned
 * into a made-up date), a concern about one child of the household, a phone referral already made,
 * and a provisional result.
 */
class FormPrefillerReferralFactsTest {
  private static final Instant AT = Instant.parse("2025-11-20T11:00:00Z");
  private static final Policy POLICY = Policies.cityOfLondon();
  private static final FormPrefiller PREFILLER = FormPrefiller.of(POLICY, Forms.cityOfLondon());
  private static final Ref OLDER = Ref.of("c-older");
  private static final Ref BABY = Ref.of("c-baby");
  private static final Ref COUSIN = Ref.of("c-cousin");
  private static final Ref MUM = Ref.of("mum");

  /** Sample 13 of the examples: a baby of about 9 months, an older child, a cousin of unknown age. */
  static Referral.Builder household() {
    return Referral.builder().ref(Ref.of("HV-0713")).madeAt(AT)
        .referrer(Referrer.builder().agencyType(AgencyType.HEALTH).role("Health visitor").build())
        .household(Household.builder()
            .addChildren(Child.builder().ref(OLDER).dateOfBirth(LocalDate.of(2019, 3, 14))
                .personal(PersonalDetails.builder().forenames("Ada").surname("Example").build()).build())
            .addChildren(Child.builder().ref(BABY).approximateAge(ApproximateAge.of(0, 9)).disabilityUnknown(true)
                .personal(PersonalDetails.builder().forenames("Bea").surname("Example").build()).build())
            .addChildren(Child.builder().ref(COUSIN).ageUnknown(true).build())
            .addAdults(Adult.builder().ref(MUM).relationship(Relationship.MOTHER).parentalResponsibility(true).build())
            .build())
        .addReferredChildren(OLDER, BABY)
        .putExclusions(COUSIN, "Stays some weekends; lives with an aunt.")
        .consent(ConsentState.notYetSought());
  }

  static Concern assaultOnTheBaby() {
    return Concern.builder().indicator(IndicatorCode.of("T3-PAR-ASSAULT-NO-OR-MINOR-INJURY"))
        .subject(SubjectKind.PARENT_CARER).subjectRef(MUM).addAboutChildren(BABY)
        .observedOn(LocalDate.of(2025, 11, 19)).build();
  }

  static Evaluation evaluate(Referral r) {
    return ThresholdEvaluator.of(POLICY).evaluate(r, AT);
  }

  @Test
  void marf_approximateAge_leavesTheDateOfBirthBlank_andSaysWhy() {
    Referral r = household().addConcerns(assaultOnTheBaby()).build();
    PrefilledForm marf = PREFILLER.prefill(ReferralForm.MARF, r, evaluate(r), BABY);
    assertThat(marf.data().has("child.dateOfBirthOrEdd")).isFalse();
    assertThat(marf.notes()).anySatisfy(n -> assertThat(n)
        .startsWith("child.dateOfBirthOrEdd: the referral gives an approximate age, not a date of birth"));
    // the cousin, of unknown age, is listed without a date; the older child with hers
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> members = (List<Map<String, Object>>) marf.data().get("household.members").orElseThrow();
    assertThat(members).hasSize(3);
    assertThat(members.get(0)).containsEntry("dateOfBirthOrEdd", "2019-03-14");
    assertThat(members.get(1)).doesNotContainKey("dateOfBirthOrEdd");
    assertThat(marf.notes()).anySatisfy(n -> assertThat(n).startsWith("household.members: the date of birth of a child"));
    // no personal value in any note
    assertThat(String.join("\n", marf.notes())).doesNotContain("Bea", "Ada", "0y9m", "about 0", "9 months");
  }

  @Test
  void marf_exactAge_noNoteAboutTheDateOfBirth() {
    Referral r = household().addConcerns(assaultOnTheBaby()).build();
    PrefilledForm marf = PREFILLER.prefill(ReferralForm.MARF, r, evaluate(r), OLDER);
    assertThat(marf.data().get("child.dateOfBirthOrEdd")).hasValue("2019-03-14");
    assertThat(marf.notes()).noneSatisfy(n -> assertThat(n).startsWith("child.dateOfBirthOrEdd"));
  }

  @Test
  void marf_concernAboutOneChild_namesThatChild_only() {
    Referral r = household().addConcerns(assaultOnTheBaby()).build();
    Evaluation e = evaluate(r);
    String label = POLICY.catalogue().get(assaultOnTheBaby().indicator()).label();
    FormData baby = PREFILLER.prefill(ReferralForm.MARF, r, e, BABY).data();
    assertThat(baby.get("worries.childNamed")).hasValue("Bea Example");
    assertThat(baby.get("worries.needs").map(String.class::cast).orElse("")).contains(label);
    FormData older = PREFILLER.prefill(ReferralForm.MARF, r, e, OLDER).data();
    assertThat(older.has("worries.childNamed")).isFalse();
    assertThat(older.get("worries.needs").map(String.class::cast).orElse("")).doesNotContain(label);
  }

  @Test
  void marf_provisionalResult_saysWhichFactsSettleIt() {
    Referral r = household().addConcerns(assaultOnTheBaby()).build();
    Evaluation e = evaluate(r);
    assertThat(e.child(BABY).orElseThrow().openFacts()).contains(OpenFact.DISABILITY);
    PrefilledForm marf = PREFILLER.prefill(ReferralForm.MARF, r, e, BABY);
    assertThat(marf.notes()).anySatisfy(n -> assertThat(n)
        .startsWith("referralType.service: the suggested range is provisional; recording").contains("disability"));
    Referral known = household().household(Household.builder().from(r.household()).children(List.of(
        r.household().children().get(0),
        Child.builder().ref(BABY).dateOfBirth(LocalDate.of(2025, 2, 10)).mobility(io.thresholds.core.model.Mobility.MOBILE).build(),
        r.household().children().get(2))).build())
        .addConcerns(assaultOnTheBaby()).build();
    Evaluation settled = evaluate(known);
    assertThat(settled.child(BABY).orElseThrow().provisional()).isFalse();
    assertThat(PREFILLER.prefill(ReferralForm.MARF, known, settled, BABY).notes())
        .noneSatisfy(n -> assertThat(n).contains("provisional"));
  }

  @Test
  void marf_phoneReferralAlreadyMade_isNoted() {
    Referral r = household().addConcerns(assaultOnTheBaby()).phoneReferralMadeAt(AT.minusSeconds(3600)).build();
    PrefilledForm marf = PREFILLER.prefill(ReferralForm.MARF, r, evaluate(r), BABY);
    assertThat(marf.notes()).anySatisfy(n -> assertThat(n).startsWith("A phone referral was already made"));
    Referral notMade = household().addConcerns(assaultOnTheBaby()).build();
    assertThat(PREFILLER.prefill(ReferralForm.MARF, notMade, evaluate(notMade), BABY).notes())
        .noneSatisfy(n -> assertThat(n).startsWith("A phone referral"));
  }

  /** Appendix 4: "Date of Birth" or "Approx. Age (if DoB unknown)". */
  @Test
  void appendix4_prevent_approximateAge_isTheFormsApproxAge() {
    Referral r = preventReferral(Child.builder().ref(OLDER).approximateAge(ApproximateAge.of(15, 4)).build());
    PrefilledForm prevent = PREFILLER.prefill(ReferralForm.PREVENT, r, evaluate(r), OLDER);
    assertThat(prevent.data().get("individual.approxAge")).hasValue(15);
    assertThat(prevent.data().has("individual.dateOfBirth")).isFalse();

    Referral unknown = preventReferral(Child.builder().ref(OLDER).ageUnknown(true).build());
    PrefilledForm p2 = PREFILLER.prefill(ReferralForm.PREVENT, unknown, evaluate(unknown), OLDER);
    assertThat(p2.data().has("individual.approxAge")).isFalse();
    assertThat(p2.notes()).anySatisfy(n -> assertThat(n).startsWith("individual.dateOfBirth: the referral does not know the age"));
  }

  /** The Prevent form's "when the concern arose" counts only the concerns about this child. */
  @Test
  void appendix4_prevent_concernArose_ignoresAConcernAboutAnotherChild() {
    Referral r = household()
        .addConcerns(Concern.builder().indicator(IndicatorCode.of("T3-RAD-PERSISTENTLY-RUNS-AWAY"))
            .subject(SubjectKind.CHILD).subjectRef(OLDER).observedOn(LocalDate.of(2025, 11, 18)).build())
        .addConcerns(Concern.builder().from(assaultOnTheBaby()).observedOn(LocalDate.of(2025, 10, 1)).build())
        .build();
    PrefilledForm prevent = PREFILLER.prefill(ReferralForm.PREVENT, r, evaluate(r), OLDER);
    assertThat(prevent.data().get("dates.concernArose")).hasValue("2025-11-18");
  }

  private static Referral preventReferral(Child child) {
    return Referral.builder().ref(Ref.of("r-prevent")).madeAt(AT)
        .referrer(Referrer.of(AgencyType.SCHOOL))
        .household(Household.builder().addChildren(child).build())
        .addReferredChildren(child.ref())
        .addConcerns(Concern.builder().indicator(IndicatorCode.of("T3-RAD-PERSISTENTLY-RUNS-AWAY"))
            .subject(SubjectKind.CHILD).subjectRef(child.ref()).observedOn(LocalDate.of(2025, 11, 18)).build())
        .build();
  }
}
