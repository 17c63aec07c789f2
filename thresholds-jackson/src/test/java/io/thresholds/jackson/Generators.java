package io.thresholds.jackson;

import io.thresholds.core.consent.Authoriser;
import io.thresholds.core.consent.ConsentForm;
import io.thresholds.core.consent.ConsentGiver;
import io.thresholds.core.consent.ConsentHistory;
import io.thresholds.core.consent.ConsentState;
import io.thresholds.core.consent.ConsentStatus;
import io.thresholds.core.consent.NotSoughtReason;
import io.thresholds.core.consent.SharedItem;
import io.thresholds.core.consent.SharingBasis;
import io.thresholds.core.consent.SharingRecord;
import io.thresholds.core.model.Adult;
import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Household;
import io.thresholds.core.model.ImmutableChild;
import io.thresholds.core.model.ImmutableReferral;
import io.thresholds.core.model.Mobility;
import io.thresholds.core.model.PersonalDetails;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Referrer;
import io.thresholds.core.model.ReferrerRole;
import io.thresholds.core.model.Relationship;
import io.thresholds.core.model.SchoolAttendance;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.policy.Indicator;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.Policy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of valid referrals, all in one place. Every referral they make passes the core
 * model's checks, and (with catalogue concerns) can be evaluated against the City of London policy:
 * codes come from its catalogue with a subject the indicator allows, concerns are observed before
 * the referral, and times lie well inside the bank-holiday calendar.
 */
final class Generators {
  static final Policy POLICY = Policies.cityOfLondon();
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final long FROM = Instant.parse("2019-01-01T00:00:00Z").getEpochSecond();
  private static final long TO = Instant.parse("2029-06-30T00:00:00Z").getEpochSecond();

  private Generators() {}

  /** Free text with the characters JSON must escape, accents, Arabic script and line separators. */
  static Arbitrary<String> text() {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .withCharRange('\u00c0', '\u017f')
        .withCharRange('\u0600', '\u06ff')
        .withChars('"', '\\', '\n', '\t', '\r', '\u2028', '\u0000', '\u001f')
        .ofMinLength(0)
        .ofMaxLength(40);
  }

  static Arbitrary<String> nonBlankText() {
    return text().filter(s -> !s.isBlank());
  }

  static Arbitrary<Instant> instants() {
    Arbitrary<Long> seconds = Arbitraries.longs().between(FROM, TO);
    Arbitrary<Integer> nanos = Arbitraries.oneOf(
        Arbitraries.just(0), Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
        Arbitraries.integers().between(0, 999_999_999));
    return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
  }

  static Arbitrary<PersonalDetails> personal() {
    Arbitrary<Optional<String>> t = text().optional();
    return Combinators.combine(t, t, t, t, t, t, t, t).as((f, s, nhs, upn, addr, pc, g, e) ->
        PersonalDetails.builder().forenames(f).surname(s).nhsNumber(nhs).uniquePupilNumber(upn)
            .address(addr).postcode(pc).gender(g).ethnicity(e).build());
  }

  static Arbitrary<Referrer> referrers() {
    return Combinators.combine(Arbitraries.of(AgencyType.class), text().optional(),
            Arbitraries.of(true, false), personal().optional(), Arbitraries.of(ReferrerRole.class).optional())
        .as((type, role, dsl, personal, position) -> {
          boolean lead = dsl && type.isProfessional();
          Optional<ReferrerRole> p = position
              .filter(r -> r.isProfessional() == type.isProfessional())
              .filter(r -> !lead || r == ReferrerRole.DESIGNATED_SAFEGUARDING_LEAD);
          return Referrer.builder().agencyType(type).role(role).position(p)
              .designatedSafeguardingLead(lead).personal(personal).build();
        });
  }

  /** The consent facts of a referral: a current state or a history, and sharing records that agree with it. */
  record ConsentSetup(Optional<ConsentState> consent, ConsentHistory history, List<SharingRecord> sharing) {}

  private static final List<List<ConsentStatus>> HISTORIES = List.of(
      List.of(ConsentStatus.GIVEN), List.of(ConsentStatus.WITHHELD),
      List.of(ConsentStatus.WITHHELD, ConsentStatus.GIVEN),
      List.of(ConsentStatus.GIVEN, ConsentStatus.WITHDRAWN),
      List.of(ConsentStatus.GIVEN, ConsentStatus.WITHDRAWN, ConsentStatus.GIVEN),
      List.of(ConsentStatus.NOT_SOUGHT_UNSAFE, ConsentStatus.SHARED_WITHOUT_CONSENT),
      List.of(ConsentStatus.NOT_YET_SOUGHT));

  static Arbitrary<ConsentSetup> consentSetups() {
    // Core rejects "withdrawn" recorded without the history that gave consent first.
    Arbitrary<ConsentSetup> stateOnly = consents().filter(c -> c.status() != ConsentStatus.WITHDRAWN).map(c -> new ConsentSetup(Optional.of(c), ConsentHistory.empty(), List.of()));
    Arbitrary<ConsentSetup> history = Combinators.combine(Arbitraries.of(HISTORIES), instants(),
            Arbitraries.of(true, false), Arbitraries.integers().between(0, 2))
        .flatAs((statuses, start, alsoCurrent, nSharing) -> {
          List<Arbitrary<ConsentState>> states = new ArrayList<>();
          for (int i = 0; i < statuses.size(); i++) {
            states.add(stateOf(statuses.get(i), start.plusSeconds(3600L * i)));
          }
          return Combinators.combine(states).as(list -> ConsentHistory.builder().entries(list).build())
              .flatMap(h -> sharingFor(h, nSharing).map(sharing ->
                  new ConsentSetup(alsoCurrent ? Optional.of(h.current()) : Optional.empty(), h, sharing)));
        });
    return Arbitraries.oneOf(stateOnly, history);
  }

  private static Arbitrary<ConsentState> stateOf(ConsentStatus status, Instant at) {
    switch (status) {
      case NOT_YET_SOUGHT:
        return Arbitraries.just(ConsentState.notYetSought());
      case GIVEN:
        return Combinators.combine(Arbitraries.of(ConsentGiver.class), Arbitraries.of(ConsentForm.class))
            .as((by, form) -> ConsentState.given(by, form, at));
      case WITHHELD:
      case WITHDRAWN:
        return Arbitraries.of(ConsentGiver.class)
            .map(by -> ConsentState.builder().status(status).by(by).recordedAt(at).build());
      case NOT_SOUGHT_UNSAFE:
        return Arbitraries.of(NotSoughtReason.class).map(r -> ConsentState.notSoughtUnsafe(r, at));
      default:
        return Combinators.combine(Arbitraries.of(Authoriser.class), nonBlankText())
            .as((who, basis) -> ConsentState.builder().status(status).authorisedBy(who)
                .legalBasis(basis).recordedAt(at).build());
    }
  }

  /** Sharing records: on consent at the moment consent was given, otherwise without consent. */
  private static Arbitrary<List<SharingRecord>> sharingFor(ConsentHistory h, int n) {
    List<Instant> givenAt = h.entries().stream().filter(e -> e.status() == ConsentStatus.GIVEN)
        .map(e -> e.recordedAt().orElseThrow()).collect(Collectors.toList());
    Arbitrary<SharingRecord> withoutConsent = Combinators.combine(
            Arbitraries.of(SharedItem.class).set().ofMinSize(1), text().optional(), nonBlankText(),
            nonBlankText(), Arbitraries.of(SharingBasis.SAFEGUARDING_SIGNIFICANT_HARM, SharingBasis.OTHER_LEGAL_BASIS),
            instants(), Arbitraries.of(Authoriser.class), nonBlankText())
        .as((items, description, with, purpose, basis, at, who, legal) -> SharingRecord.builder()
            .items(items).description(description).sharedWith(with).purpose(purpose).basis(basis)
            .sharedAt(at).authorisedBy(who).legalBasis(legal).build());
    Arbitrary<SharingRecord> record = withoutConsent;
    if (!givenAt.isEmpty()) {
      Arbitrary<SharingRecord> onConsent = Combinators.combine(
              Arbitraries.of(SharedItem.class).set().ofMinSize(1), nonBlankText(), nonBlankText(),
              Arbitraries.of(givenAt))
          .as((items, with, purpose, at) -> SharingRecord.builder().items(items).sharedWith(with)
              .purpose(purpose).basis(SharingBasis.CONSENT).sharedAt(at).build());
      record = Arbitraries.oneOf(withoutConsent, onConsent);
    }
    return record.list().ofSize(n);
  }

  static Arbitrary<SchoolAttendance> schools() {
    Arbitrary<SchoolAttendance> onRoll = Arbitraries.integers().between(0, 100).optional()
        .map(p -> SchoolAttendance.builder().onRoll(true).attendancePercent(
            p.isPresent() ? java.util.OptionalInt.of(p.get()) : java.util.OptionalInt.empty()).build());
    Arbitrary<SchoolAttendance> offRoll = Arbitraries.of(true, false)
        .map(home -> SchoolAttendance.builder().onRoll(false).homeEducated(home).build());
    return Arbitraries.oneOf(onRoll, offRoll);
  }

  /** A child born up to 20 years before {@code day} (so some are adults), or unborn. */
  static Arbitrary<Child> child(Ref ref, LocalDate day) {
    Arbitrary<Child> born = Combinators.combine(
            Arbitraries.integers().between(0, 20 * 366).map(d -> day.minusDays(d)),
            Arbitraries.of(Mobility.class), schools().optional())
        .as((dob, mobility, school) -> ImmutableChild.builder().ref(ref).dateOfBirth(dob)
            .mobility(mobility).school(school).build());
    Arbitrary<Child> unborn = Combinators.combine(
            Arbitraries.integers().between(-30, 280).map(d -> day.plusDays(d)),
            Arbitraries.of(Mobility.UNKNOWN, Mobility.PRE_MOBILE, Mobility.NON_MOBILE))
        .as((edd, mobility) -> ImmutableChild.builder().ref(ref).expectedDateOfDelivery(edd)
            .mobility(mobility).build());
    Arbitrary<Integer> disability = Arbitraries.integers().between(0, 2); // no, not assessed, assessed
    Arbitrary<Child> bornOrUnborn = Arbitraries.integers().between(0, 4).flatMap(i -> i == 0 ? unborn : born);
    return Combinators.combine(bornOrUnborn, personal().optional(), disability, Arbitraries.of(true, false))
        .as((c, personal, d, ehc) -> Child.builder().from(c).personal(personal)
            .disabled(d > 0).disabilityNeedsAssessed(d == 2).ehcPlan(ehc).build());
  }

  static Arbitrary<Adult> adult(Ref ref) {
    return Combinators.combine(Arbitraries.of(Relationship.class), Arbitraries.of(true, false),
            personal().optional())
        .as((rel, pr, personal) -> Adult.builder().ref(ref).relationship(rel)
            .parentalResponsibility(pr).personal(personal).build());
  }

  static Arbitrary<ConsentState> consents() {
    Arbitrary<Instant> at = instants();
    return Arbitraries.of(ConsentStatus.class).flatMap(status -> {
      switch (status) {
        case NOT_YET_SOUGHT:
          return Arbitraries.just(ConsentState.notYetSought());
        case GIVEN:
          return Combinators.combine(Arbitraries.of(ConsentGiver.class), Arbitraries.of(ConsentForm.class), at)
              .as(ConsentState::given);
        case WITHHELD:
        case WITHDRAWN:
          return Combinators.combine(Arbitraries.of(ConsentGiver.class), at)
              .as((by, when) -> ConsentState.builder().status(status).by(by).recordedAt(when).build());
        case NOT_SOUGHT_UNSAFE:
          return Combinators.combine(Arbitraries.of(NotSoughtReason.class), at)
              .as(ConsentState::notSoughtUnsafe);
        case SHARED_WITHOUT_CONSENT:
          return Combinators.combine(Arbitraries.of(Authoriser.class), nonBlankText(), at)
              .as((who, basis, when) -> ConsentState.builder().status(status).authorisedBy(who)
                  .legalBasis(basis).recordedAt(when).build());
        default:
          throw new AssertionError(status);
      }
    });
  }

  /** Referrals whose concerns use codes of the City of London catalogue, so they can be evaluated. */
  static Arbitrary<Referral> referrals() {
    Arbitrary<String> prefix = Arbitraries.strings().withCharRange('a', 'z').withChars('.', '_', '-')
        .ofMinLength(1).ofMaxLength(6);
    return Combinators.combine(instants(), Arbitraries.integers().between(1, 4),
            Arbitraries.integers().between(0, 3), prefix)
        .flatAs((madeAt, nc, na, p) -> household(madeAt, nc, na, p)
            .flatMap(h -> referral(madeAt, h, p)));
  }

  private static Arbitrary<Household> household(Instant madeAt, int nc, int na, String p) {
    LocalDate day = LocalDate.ofInstant(madeAt, LONDON);
    List<Arbitrary<Child>> children = new ArrayList<>();
    for (int i = 0; i < nc; i++) {
      children.add(child(Ref.of(p + "c" + i), day));
    }
    List<Arbitrary<Adult>> adults = new ArrayList<>();
    for (int i = 0; i < na; i++) {
      adults.add(adult(Ref.of(p + "a" + i)));
    }
    return Combinators.combine(Combinators.combine(children).as(l -> l),
            na == 0 ? Arbitraries.just(List.<Adult>of()) : Combinators.combine(adults).as(l -> l))
        .as((c, a) -> Household.builder().children(c).adults(a).build());
  }

  private static Arbitrary<Referral> referral(Instant madeAt, Household h, String p) {
    int nc = h.children().size();
    Arbitrary<Integer> referredMask = Arbitraries.integers().between(1, (1 << nc) - 1);
    return Combinators.combine(referredMask, referrers(), consentSetups(),
            Arbitraries.of(true, false), Arbitraries.of(true, false),
            nonBlankText().list().ofSize(nc), Arbitraries.of(true, false))
        .flatAs((mask, referrer, consent, danger, repeat, reasons, reverse) -> {
          ImmutableReferral.Builder b = Referral.builder().ref(Ref.of(p + "r"))
              .madeAt(madeAt).referrer(referrer).household(h)
              .consentHistory(consent.history()).sharing(consent.sharing())
              .immediateDanger(danger).repeatReferral(repeat);
          consent.consent().ifPresent(b::consent);
          List<Ref> referred = new ArrayList<>();
          for (int i = 0; i < nc; i++) {
            Ref r = h.children().get(i).ref();
            if ((mask & (1 << i)) != 0) {
              referred.add(r);
            } else {
              b.putExclusions(r, reasons.get(i));
            }
          }
          if (reverse) {
            java.util.Collections.reverse(referred);
          }
          b.referredChildren(referred);
          return concern(madeAt, h, referred).list().ofMaxSize(4)
              .map(concerns -> b.concerns(concerns).build());
        });
  }

  private static Arbitrary<Concern> concern(Instant madeAt, Household h, List<Ref> referred) {
    LocalDate day = LocalDate.ofInstant(madeAt, LONDON);
    List<SubjectKind> kinds = new ArrayList<>(List.of(SubjectKind.CHILD, SubjectKind.HOUSEHOLD_MEMBER));
    if (!h.adults().isEmpty()) {
      kinds.add(SubjectKind.PARENT_CARER);
    }
    List<Ref> members = new ArrayList<>();
    h.children().forEach(c -> members.add(c.ref()));
    h.adults().forEach(a -> members.add(a.ref()));
    return Arbitraries.of(kinds).flatMap(kind -> {
      List<Indicator> fitting = POLICY.indicators().stream()
          .filter(i -> i.subjects().contains(kind)).collect(Collectors.toList());
      Arbitrary<Ref> subject = kind == SubjectKind.CHILD ? Arbitraries.of(referred)
          : kind == SubjectKind.PARENT_CARER
              ? Arbitraries.of(h.adults()).map(Adult::ref) : Arbitraries.of(members);
      return Combinators.combine(Arbitraries.of(fitting), subject,
              Arbitraries.integers().between(0, 730).map(day::minusDays), text().optional())
          .as((ind, ref, on, note) -> Concern.builder().indicator(ind.code()).subject(kind)
              .subjectRef(ref).observedOn(on).note(note).build());
    });
  }
}
