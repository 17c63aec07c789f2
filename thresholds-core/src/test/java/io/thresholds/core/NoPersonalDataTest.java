package io.thresholds.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.thresholds.core.consent.Authoriser;
import io.thresholds.core.consent.ConsentForm;
import io.thresholds.core.consent.ConsentGiver;
import io.thresholds.core.consent.ConsentState;
import io.thresholds.core.consent.ConsentStatus;
import io.thresholds.core.evaluation.Exclusion;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.time.api.Dates;

/**
 * Personal values never reach {@code toString()} or exception messages. Every personal value is
 * generated distinctive (a marker plus random letters, or a date outside the range of the
 * non-personal dates used), so finding it in the text means it leaked.
 */
class NoPersonalDataTest {
  /** Non-personal timestamps and dates shown in toString: outside the generated date ranges. */
  private static final Instant MADE_AT = Instant.parse("2041-06-01T10:00:00Z");
  private static final LocalDate OBSERVED = LocalDate.of(2041, 5, 31);

  /** A person's personal values. */
  record Person(String forenames, String surname, String nhsNumber, String upn, String address,
      String postcode, String gender, String ethnicity) {
    List<String> values() {
      return List.of(forenames, surname, nhsNumber, upn, address, postcode, gender, ethnicity);
    }

    PersonalDetails details() {
      return PersonalDetails.builder().forenames(forenames).surname(surname).nhsNumber(nhsNumber)
          .uniquePupilNumber(upn).address(address).postcode(postcode).gender(gender).ethnicity(ethnicity)
          .build();
    }
  }

  /** Free text: a marker that never occurs in generated output plus random letters and spaces. */
  @Provide
  Arbitrary<String> text() {
    return Arbitraries.strings().withCharRange('a', 'z').withChars('\u00e9', '\u00f1', ' ', '\'')
        .ofMinLength(6).ofMaxLength(40).map(s -> "Zq" + s + "Xj");
  }

  @Provide
  Arbitrary<Person> people() {
    Arbitrary<String> t = text();
    Arbitrary<String> nhs = Arbitraries.strings().numeric().ofLength(10);
    Arbitrary<String> upn = Arbitraries.strings().withCharRange('A', 'Z').ofLength(1)
        .flatMap(c -> Arbitraries.strings().numeric().ofLength(12).map(d -> c + d));
    Arbitrary<String> postcode = Arbitraries.of("EC2V 7HH", "E8 1DY", "N1 9GU", "EC1A 1BB")
        .map(p -> p + " Qz");
    return Combinators.combine(List.of(t, t, nhs, upn, t, postcode, t, t)).as(v -> new Person(
        v.get(0), v.get(1), v.get(2), v.get(3),
        v.get(4), v.get(5), v.get(6), v.get(7)));
  }

  @Provide
  Arbitrary<LocalDate> dobs() {
    return Dates.dates().between(LocalDate.of(2005, 1, 1), LocalDate.of(2024, 12, 31));
  }

  @Provide
  Arbitrary<LocalDate> edds() {
    return Dates.dates().between(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31));
  }

  private static List<String> dateForms(LocalDate d) {
    return List.of(d.toString(), d.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
        d.format(DateTimeFormatter.BASIC_ISO_DATE));
  }

  private static void assertFree(String text, List<String> personal) {
    for (String value : personal) {
      assertThat(text).doesNotContain(value);
    }
  }

  private static List<String> all(Person p, String... more) {
    List<String> out = new ArrayList<>(p.values());
    out.addAll(List.of(more));
    return out;
  }

  // --- toString

  @Property
  void personalDetails_toString_redacted(@ForAll("people") Person p) {
    assertFree(p.details().toString(), p.values());
  }

  @Property
  void child_toString_showsNoPersonalValues(
      @ForAll("people") Person p, @ForAll("dobs") LocalDate dob, @ForAll("edds") LocalDate edd) {
    Child born = Child.builder().ref(Ref.of("c1")).personal(p.details()).dateOfBirth(dob).build();
    Child unborn = Child.builder().ref(Ref.of("c2")).personal(p.details()).expectedDateOfDelivery(edd).build();
    List<String> values = all(p);
    values.addAll(dateForms(dob));
    values.addAll(dateForms(edd));
    assertFree(born.toString(), values);
    assertFree(unborn.toString(), values);
    assertThat(born.toString()).contains("c1");
  }

  @Property
  void adult_toString_showsNoPersonalValues(@ForAll("people") Person p) {
    Adult a = Adult.builder().ref(Ref.of("a1")).relationship(Relationship.FATHER).parentalResponsibility(true)
        .personal(p.details()).build();
    assertFree(a.toString(), p.values());
  }

  @Property
  void referrer_toString_showsNoPersonalValuesOrRole(@ForAll("people") Person p, @ForAll("text") String role) {
    Referrer r = Referrer.builder().agencyType(AgencyType.HEALTH).role(role).designatedSafeguardingLead(true)
        .personal(p.details()).build();
    assertFree(r.toString(), all(p, role));
    assertThat(r.toString()).contains("HEALTH");
  }

  @Property
  void concern_toString_showsNoNote(@ForAll("text") String note) {
    Concern c = Concern.builder().indicator(IndicatorCode.of("T2-DEV-BEREAVED")).subject(SubjectKind.CHILD)
        .subjectRef(Ref.of("c1")).observedOn(OBSERVED).note(note).build();
    assertFree(c.toString(), List.of(note));
    assertThat(c.toString()).contains("T2-DEV-BEREAVED");
  }

  @Property
  void consentState_toString_showsNoLegalBasis(@ForAll("text") String legalBasis) {
    ConsentState s = ConsentState.builder().status(ConsentStatus.SHARED_WITHOUT_CONSENT).recordedAt(MADE_AT)
        .authorisedBy(Authoriser.LINE_MANAGER).legalBasis(legalBasis).build();
    assertFree(s.toString(), List.of(legalBasis));
    assertThat(s.toString()).contains("SHARED_WITHOUT_CONSENT");
  }

  @Property
  void exclusion_toString_showsNoReason(@ForAll("text") String reason) {
    Exclusion e = Exclusion.of(Ref.of("c2"), reason);
    assertFree(e.toString(), List.of(reason));
    assertThat(e.toString()).contains("c2");
  }

  @Property(tries = 200)
  void referral_toString_showsNoPersonalValues(
      @ForAll("people") Person child, @ForAll("people") Person parent, @ForAll("people") Person referrer,
      @ForAll("dobs") LocalDate dob, @ForAll("edds") LocalDate edd,
      @ForAll("text") String role, @ForAll("text") String note, @ForAll("text") String reason,
      @ForAll("text") String legalBasis) {
    Referral r = referral(child, parent, referrer, dob, edd, role, note, reason)
        .consent(ConsentState.builder().status(ConsentStatus.SHARED_WITHOUT_CONSENT).recordedAt(MADE_AT)
            .authorisedBy(Authoriser.DESIGNATED_SAFEGUARDING_LEAD).legalBasis(legalBasis).build())
        .build();
    List<String> values = new ArrayList<>();
    values.addAll(child.values());
    values.addAll(parent.values());
    values.addAll(referrer.values());
    values.addAll(dateForms(dob));
    values.addAll(dateForms(edd));
    values.addAll(List.of(role, note, reason, legalBasis));
    assertFree(r.toString(), values);
    assertThat(r.toString()).contains("r1", "c1", "c2", "a1", "T2-DEV-BEREAVED");
  }

  private static io.thresholds.core.model.Referral.Builder referral(Person child, Person parent,
      Person referrer, LocalDate dob, LocalDate edd, String role, String note, String reason) {
    Child c1 = Child.builder().ref(Ref.of("c1")).personal(child.details()).dateOfBirth(dob).build();
    Child c2 = Child.builder().ref(Ref.of("c2")).expectedDateOfDelivery(edd).build();
    Adult a1 = Adult.builder().ref(Ref.of("a1")).relationship(Relationship.MOTHER).parentalResponsibility(true)
        .personal(parent.details()).build();
    return Referral.builder()
        .ref(Ref.of("r1"))
        .referrer(Referrer.builder().agencyType(AgencyType.SCHOOL).role(role).personal(referrer.details()).build())
        .madeAt(MADE_AT)
        .household(Household.builder().addChildren(c1, c2).addAdults(a1).build())
        .addReferredChildren(Ref.of("c1"))
        .putExclusions(Ref.of("c2"), reason)
        .addConcerns(Concern.builder().indicator(IndicatorCode.of("T2-DEV-BEREAVED")).subject(SubjectKind.CHILD)
            .subjectRef(Ref.of("c1")).observedOn(OBSERVED).note(note).build());
  }

  // --- exception messages

  @Property
  void child_invariantFailure_messageHasNoPersonalValues(
      @ForAll("people") Person p, @ForAll("dobs") LocalDate dob, @ForAll("edds") LocalDate edd) {
    List<String> values = all(p);
    values.addAll(dateForms(dob));
    values.addAll(dateForms(edd));
    InvalidValueException both = catchThrowableOfType(InvalidValueException.class, () -> Child.builder()
        .ref(Ref.of("c1")).personal(p.details()).dateOfBirth(dob).expectedDateOfDelivery(edd).build());
    assertFree(both.getMessage(), values);
    assertFree(both.field() + both.rule(), values);
    InvalidValueException assessed = catchThrowableOfType(InvalidValueException.class, () -> Child.builder()
        .ref(Ref.of("c1")).personal(p.details()).dateOfBirth(dob).disabilityNeedsAssessed(true).build());
    assertFree(assessed.getMessage(), values);
    InvalidValueException mobile = catchThrowableOfType(InvalidValueException.class, () -> Child.builder()
        .ref(Ref.of("c1")).personal(p.details()).expectedDateOfDelivery(edd)
        .mobility(io.thresholds.core.model.Mobility.MOBILE).build());
    assertFree(mobile.getMessage(), values);
  }

  @Property
  void child_ageBeforeBirth_messageHasNoDateOfBirth(@ForAll("people") Person p, @ForAll("dobs") LocalDate dob) {
    Child c = Child.builder().ref(Ref.of("c1")).personal(p.details()).dateOfBirth(dob).build();
    InvalidValueException e = catchThrowableOfType(InvalidValueException.class, () -> c.ageOn(dob.minusDays(1)));
    List<String> values = all(p);
    values.addAll(dateForms(dob));
    values.addAll(dateForms(dob.minusDays(1)));
    assertFree(e.getMessage(), values);
  }

  @Property(tries = 200)
  void referral_invariantFailures_messagesHaveNoPersonalValues(
      @ForAll("people") Person child, @ForAll("people") Person parent, @ForAll("people") Person referrer,
      @ForAll("dobs") LocalDate dob, @ForAll("edds") LocalDate edd,
      @ForAll("text") String role, @ForAll("text") String note, @ForAll("text") String reason) {
    List<String> values = new ArrayList<>();
    values.addAll(child.values());
    values.addAll(parent.values());
    values.addAll(referrer.values());
    values.addAll(dateForms(dob));
    values.addAll(dateForms(edd));
    values.addAll(List.of(role, note, reason));
    List<InvalidValueException> failures = List.of(
        // the excluded child is also referred
        catchThrowableOfType(InvalidValueException.class,
            () -> referral(child, parent, referrer, dob, edd, role, note, reason)
                .addReferredChildren(Ref.of("c2")).build()),
        // an exclusion names someone who is not a child of the household
        catchThrowableOfType(InvalidValueException.class,
            () -> referral(child, parent, referrer, dob, edd, role, note, reason)
                .putExclusions(Ref.of("a1"), reason).build()),
        // a concern about a child names the excluded child
        catchThrowableOfType(InvalidValueException.class,
            () -> referral(child, parent, referrer, dob, edd, role, note, reason)
                .addConcerns(Concern.builder().indicator(IndicatorCode.of("T2-DEV-BEREAVED"))
                    .subject(SubjectKind.CHILD).subjectRef(Ref.of("c2")).observedOn(OBSERVED).note(note).build())
                .build()));
    assertThat(failures).doesNotContainNull();
    for (InvalidValueException e : failures) {
      assertFree(e.getMessage(), values);
    }
  }

  @Property
  void consentState_invariantFailures_messagesHaveNoLegalBasis(@ForAll("text") String legalBasis) {
    List<InvalidValueException> failures = List.of(
        catchThrowableOfType(InvalidValueException.class, () -> ConsentState.builder()
            .status(ConsentStatus.GIVEN).by(ConsentGiver.YOUNG_PERSON).form(ConsentForm.VERBAL)
            .recordedAt(MADE_AT).legalBasis(legalBasis).build()),
        catchThrowableOfType(InvalidValueException.class, () -> ConsentState.builder()
            .status(ConsentStatus.SHARED_WITHOUT_CONSENT).recordedAt(MADE_AT).legalBasis(legalBasis).build()),
        catchThrowableOfType(InvalidValueException.class, () -> ConsentState.builder()
            .status(ConsentStatus.SHARED_WITHOUT_CONSENT).authorisedBy(Authoriser.LINE_MANAGER)
            .legalBasis(legalBasis).build()));
    assertThat(failures).doesNotContainNull();
    for (InvalidValueException e : failures) {
      assertFree(e.getMessage(), List.of(legalBasis));
    }
  }
}
