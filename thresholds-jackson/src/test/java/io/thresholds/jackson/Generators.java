package io.thresholds.jackson;

import io.thresholds.core.consent.Authoriser;
import io.thresholds.core.consent.ConsentCheck;
import io.thresholds.core.consent.ConsentGuidance;
import io.thresholds.core.consent.ConsentRequirement;
import io.thresholds.core.consent.ConsentRule;
import io.thresholds.core.evaluation.Action;
import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.Deadline;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.Exclusion;
import io.thresholds.core.evaluation.Reason;
import io.thresholds.core.evaluation.ReasonKind;
import io.thresholds.core.evaluation.Scope;
import io.thresholds.core.evaluation.TierRange;
import io.thresholds.core.model.Age;
import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.ActionKind;
import io.thresholds.core.policy.ActionRule;
import io.thresholds.core.policy.AgeCondition;
import io.thresholds.core.policy.Channel;
import io.thresholds.core.policy.Citation;
import io.thresholds.core.policy.Contact;
import io.thresholds.core.policy.IndicatorFlag;
import io.thresholds.core.policy.IndicatorKind;
import io.thresholds.core.policy.Modality;
import io.thresholds.core.policy.TierDefinition;
import io.thresholds.core.policy.Timing;
import io.thresholds.core.policy.Trigger;
import io.thresholds.core.time.ServiceHours;
import io.thresholds.core.time.WorkingCalendar;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.OptionalInt;
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

  /**
   * Text of a policy (labels, names, descriptions, citations): what {@link #text()} gives but no
   * control characters or line separators, which a policy refuses (they would reach terminals).
   */
  static Arbitrary<String> policyText() {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .withCharRange('\u00c0', '\u017f')
        .withCharRange('\u0600', '\u06ff')
        .withChars('"', '\\')
        .ofMinLength(0)
        .ofMaxLength(40);
  }

  static Arbitrary<String> nonBlankPolicyText() {
    return policyText().filter(s -> !s.isBlank());
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
        .as((dob, mobility, school) -> Child.builder().ref(ref).dateOfBirth(dob)
            .mobility(mobility).school(school).build());
    Arbitrary<Child> unborn = Combinators.combine(
            Arbitraries.integers().between(-30, 280).map(d -> day.plusDays(d)),
            Arbitraries.of(Mobility.UNKNOWN, Mobility.PRE_MOBILE, Mobility.NON_MOBILE))
        .as((edd, mobility) -> Child.builder().ref(ref).expectedDateOfDelivery(edd)
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

  /**
   * The earliest time a referral can be evaluated at: when it is made, or when its last consent
   * decision is recorded if later (the evaluator refuses a decision recorded after the advice).
   */
  static Instant adviceTime(Referral r) {
    Instant t = r.madeAt();
    for (ConsentState s : r.consentHistory().entries()) {
      if (s.recordedAt().isPresent() && s.recordedAt().get().isAfter(t)) {
        t = s.recordedAt().get();
      }
    }
    if (r.consent().recordedAt().isPresent() && r.consent().recordedAt().get().isAfter(t)) {
      t = r.consent().recordedAt().get();
    }
    return t;
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
          Referral.Builder b = Referral.builder().ref(Ref.of(p + "r"))
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
          return Combinators.combine(concern(madeAt, h, referred).list().ofMaxSize(4),
                  caseHistories(madeAt).optional(0.25),
                  Arbitraries.of(io.thresholds.core.model.ProtectiveFact.class).set().ofMaxSize(3))
              .as((concerns, history, protective) -> {
                b.concerns(concerns).protectiveFacts(protective);
                history.ifPresent(hist -> {
                  b.caseHistory(hist);
                  if (hist.previousReferral().isPresent()) {
                    b.repeatReferral(true);
                  }
                });
                return b.build();
              });
        });
  }

  /** Issue 11: the case's history, every part optional. */
  static Arbitrary<io.thresholds.core.model.CaseHistory> caseHistories(Instant madeAt) {
    LocalDate day = LocalDate.ofInstant(madeAt, java.time.ZoneOffset.UTC);
    Arbitrary<io.thresholds.core.model.PreviousReferral> previous = Combinators.combine(
            Arbitraries.integers().between(0, 3650).map(day::minusDays),
            Arbitraries.of(io.thresholds.core.model.ReferralOutcome.class))
        .as((on, outcome) -> io.thresholds.core.model.PreviousReferral.builder().madeOn(on).outcome(outcome).build());
    return Combinators.combine(Arbitraries.of(io.thresholds.core.model.OpenPlan.class).set(),
            Arbitraries.of(io.thresholds.core.model.AllocatedWorker.class).set(), previous.optional(),
            Arbitraries.longs().between(-86_400L * 30, 86_400L * 30).map(madeAt::plusSeconds).optional())
        .as((plans, workers, prev, disagreement) -> io.thresholds.core.model.CaseHistory.builder()
            .openPlans(plans).allocatedWorkers(workers).previousReferral(prev)
            .hubDisagreementAt(disagreement).build());
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

  // ---- evaluations, generated directly (not only as the evaluator makes them) ---------------------

  static Arbitrary<IndicatorCode> codes() {
    Arbitrary<String> part = Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9')
        .ofMinLength(1).ofMaxLength(6);
    return Combinators.combine(Arbitraries.strings().withCharRange('A', 'Z').ofLength(1),
            part.list().ofMinSize(0).ofMaxSize(4))
        .as((first, parts) -> IndicatorCode.of(first + parts.stream().map(x -> "-" + x)
            .collect(Collectors.joining())));
  }

  static Arbitrary<Citation> citations() {
    return Combinators.combine(nonBlankPolicyText(), nonBlankPolicyText(), Arbitraries.of(Tier.class).optional(),
            policyText().optional(), policyText().optional())
        .as((document, section, tier, domain, area) -> Citation.builder().document(document)
            .section(section).tier(tier).domain(domain).area(area).build());
  }

  static Arbitrary<ServiceHours> serviceHours() {
    Arbitrary<LocalTime> minute = Arbitraries.integers().between(0, 24 * 60 - 1)
        .map(m -> LocalTime.of(m / 60, m % 60));
    return Combinators.combine(Arbitraries.of(true, false), minute, minute)
        .filter((office, a, b) -> !a.equals(b))
        .as((office, a, b) -> {
          LocalTime early = a.isBefore(b) ? a : b;
          LocalTime late = a.isBefore(b) ? b : a;
          return office ? ServiceHours.officeHours(early, late) : ServiceHours.outOfHours(late, early);
        });
  }

  static Arbitrary<String> contactIds() {
    return Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').ofLength(1),
            Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('-')
                .ofMaxLength(12))
        .as((a, b) -> a + b);
  }

  static Arbitrary<Contact> contacts() {
    return contactIds().flatMap(id -> contact(id, serviceHours().optional()));
  }

  static Arbitrary<Contact> contact(String id, Arbitrary<Optional<ServiceHours>> hours) {
    return Combinators.combine(nonBlankPolicyText(), nonBlankPolicyText().list().ofMaxSize(3),
            nonBlankPolicyText().optional(), hours)
        .as((name, phones, email, h) -> Contact.builder().id(id).name(name).phones(phones)
            .email(email).hours(h).build());
  }

  static Arbitrary<Reason> reasons() {
    return Combinators.combine(Arbitraries.of(ReasonKind.class), codes().optional(),
            codes().optional(), Arbitraries.of(Tier.class),
            Arbitraries.integers().between(0, 600).optional(0.5), text(), citations())
        .as((kind, indicator, reportedAs, tier, index, explanation, citation) -> Reason.builder()
            .kind(kind).indicator(indicator).reportedAs(reportedAs).tier(tier)
            .concernIndex(index.isPresent() ? OptionalInt.of(index.get()) : OptionalInt.empty())
            .explanation(explanation).citation(citation).build());
  }

  static Arbitrary<Action> actions() {
    Arbitrary<Deadline> deadlines = Combinators.combine(instants(), text()).as(Deadline::of);
    return Combinators.combine(text(), Arbitraries.of(ActionKind.class), Arbitraries.of(Modality.class),
            Arbitraries.of(Channel.class), contacts().optional(), deadlines.optional(), text(),
            text().list().ofMaxSize(2))
        .flatAs((ruleId, kind, modality, channel, contact, due, description, notes) ->
            Combinators.combine(text().list().ofMaxSize(2), citations())
                .as((blockers, citation) -> Action.builder().ruleId(ruleId).kind(kind)
                    .modality(modality).channel(channel).contact(contact).due(due)
                    .description(description).notes(notes).blockers(blockers).citation(citation)
                    .build()));
  }

  static Arbitrary<ConsentGuidance> guidance() {
    Arbitrary<Boolean> bool = Arbitraries.of(true, false);
    return Combinators.combine(Arbitraries.of(Tier.class), Arbitraries.of(ConsentRequirement.class),
            Arbitraries.of(ConsentGiver.class).set(), bool, bool, text().list().ofMaxSize(2), text(),
            Arbitraries.of(ConsentCheck.class))
        .flatAs((tier, requirement, givers, seek, tell, restrictions, ifWithheld, check) ->
            Combinators.combine(text().optional(), bool, citations())
                .as((missing, share, citation) -> ConsentGuidance.builder().tier(tier)
                    .requirement(requirement).givers(givers).maySeekConsent(seek)
                    .mayTellFamily(tell).restrictions(restrictions).ifWithheld(ifWithheld)
                    .check(check).missing(missing).mustShareToSafeguard(share).citation(citation)
                    .build()));
  }

  static Arbitrary<ChildAssessment> assessments() {
    Arbitrary<Age> ages = Arbitraries.oneOf(Arbitraries.just(Age.unbornChild()),
        Arbitraries.integers().between(0, 150).map(Age::ofYears));
    Arbitrary<TierRange> ranges = Combinators.combine(Arbitraries.of(Tier.class), Arbitraries.of(Tier.class))
        .as((a, b) -> a.compareTo(b) <= 0 ? TierRange.of(a, b) : TierRange.of(b, a));
    return Combinators.combine(refs(), ages, Arbitraries.of(Scope.class), ranges.optional(),
            codes().set().ofMaxSize(3), reasons().list().ofMaxSize(3), actions().list().ofMaxSize(3),
            guidance().list().ofMaxSize(2))
        .flatAs((child, age, scope, range, driving, reasons, actions, consent) ->
            text().list().ofMaxSize(2).map(notes -> ChildAssessment.builder().child(child).age(age)
                .scope(scope).tierRange(range).drivingIndicators(driving).reasons(reasons)
                .actions(actions).consent(consent).notes(notes).build()));
  }

  static Arbitrary<Ref> refs() {
    return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('.', '_', '-')
        .ofMinLength(1).ofMaxLength(64).map(Ref::of);
  }

  static Arbitrary<Evaluation> evaluations() {
    Arbitrary<Exclusion> exclusions = Combinators.combine(refs(), text()).as(Exclusion::of);
    return Combinators.combine(refs(), nonBlankText(), nonBlankText(), instants(),
            assessments().list().ofMinSize(1).ofMaxSize(3), exclusions.list().ofMaxSize(2),
            Arbitraries.oneOf(Arbitraries.just(Evaluation.ADVISORY), text()))
        .as((referral, policyId, version, at, children, excluded, advisory) -> Evaluation.builder()
            .referral(referral).policyId(policyId).policyVersion(version).evaluatedAt(at)
            .children(children).exclusions(excluded).advisory(advisory).build());
  }

  // ---- policies and their parts ----------------------------------------------------------------

  static Arbitrary<AgeCondition> ageConditions() {
    Arbitrary<Integer> years = Arbitraries.integers().between(0, 30);
    return Combinators.combine(years.optional(), years.optional(), Arbitraries.of(true, false))
        .filter((min, max, unborn) -> min.isPresent() || max.isPresent())
        .as((min, max, unborn) -> {
          var b = AgeCondition.builder().includesUnborn(unborn);
          if (min.isPresent() && max.isPresent()) {
            return b.minYears(Math.min(min.get(), max.get())).maxYears(Math.max(min.get(), max.get())).build();
          }
          min.ifPresent(b::minYears);
          max.ifPresent(b::maxYears);
          return b.build();
        });
  }

  static Arbitrary<Trigger> triggers() {
    return triggers(2);
  }

  private static Arbitrary<Trigger> triggers(int depth) {
    Arbitrary<Optional<Trigger>> and = depth == 0 ? Arbitraries.just(Optional.empty())
        : Arbitraries.lazy(() -> triggers(depth - 1)).optional(0.3);
    return Combinators.combine(Arbitraries.of(Trigger.Kind.class), Arbitraries.of(Tier.class),
            Arbitraries.of(IndicatorFlag.class), and)
        .as((kind, tier, flag, next) -> {
          var b = Trigger.builder().kind(kind).and(next);
          if (kind == Trigger.Kind.TIER_AT_LEAST || kind == Trigger.Kind.TIER_IS || kind == Trigger.Kind.TIER_AT_MOST) {
            b.tier(tier);
          }
          if (kind == Trigger.Kind.FLAG) {
            b.flag(flag);
          }
          return b.build();
        });
  }

  static Arbitrary<Timing> timings() {
    return timings(nonBlankText());
  }

  /** Timings counting from an action named by {@code actions} (any non-blank text on its own). */
  static Arbitrary<Timing> timings(Arbitrary<String> actions) {
    Arbitrary<Duration> durations = Arbitraries.longs().between(0, 90L * 24 * 3600)
        .map(Duration::ofSeconds);
    return Combinators.combine(Arbitraries.of(Timing.Kind.class), actions, actions.optional(),
            durations, Arbitraries.integers().between(1, 60))
        .as((kind, after, maybeAfter, duration, days) -> {
          var b = Timing.builder().kind(kind);
          if (kind == Timing.Kind.AFTER) {
            b.afterAction(after).duration(duration);
          } else if (kind == Timing.Kind.WORKING_DAYS) {
            b.workingDays(days).afterAction(maybeAfter);
          }
          return b.build();
        });
  }

  static Arbitrary<Indicator> indicators() {
    return Combinators.combine(codes(), codes().optional(), nonBlankPolicyText(), nonBlankPolicyText())
        .flatAs((code, escalates, domain, area) -> indicator(code, Arbitraries.just(domain), area,
            escalates.filter(e -> !e.equals(code))));
  }

  private static Arbitrary<Indicator> indicator(IndicatorCode code, Arbitrary<String> domains,
      String area, Optional<IndicatorCode> escalatesTo) {
    Arbitrary<String> labels = nonBlankPolicyText().map(l -> l.length() > 160 ? l.substring(0, 160) : l)
        .filter(l -> !l.isBlank());
    return Combinators.combine(Arbitraries.of(Tier.class), domains,
            Arbitraries.of(SubjectKind.class).set().ofMinSize(1), ageConditions().optional(0.5),
            Arbitraries.of(true, false), Arbitraries.of(IndicatorFlag.class).set(), labels,
            citations())
        .as((tier, domain, subjects, age, mobility, flags, label, citation) -> Indicator.builder()
            .code(code).tier(tier)
            .kind(tier == Tier.UNIVERSAL ? IndicatorKind.STRENGTH : IndicatorKind.NEED)
            .domain(domain).area(area).subjects(subjects).age(age).preOrNonMobileOnly(mobility)
            .flags(flags).escalatesTo(escalatesTo).label(label).citation(citation).build());
  }

  static Arbitrary<TierDefinition> tierDefinitions() {
    return Combinators.combine(Arbitraries.of(Tier.class), nonBlankPolicyText(), citations())
        .as((tier, name, citation) -> TierDefinition.builder().tier(tier).name(name).citation(citation).build());
  }

  static Arbitrary<ConsentRule> consentRules() {
    return Arbitraries.of(Tier.class).flatMap(Generators::consentRule);
  }

  private static Arbitrary<ConsentRule> consentRule(Tier tier) {
    return Combinators.combine(Arbitraries.of(ConsentRequirement.class),
            Arbitraries.of(ConsentGiver.class).set(), policyText(), citations())
        .as((requirement, givers, ifWithheld, citation) -> ConsentRule.builder().tier(tier)
            .requirement(requirement).givers(givers).ifWithheld(ifWithheld).citation(citation).build());
  }

  static Arbitrary<String> actionIds() {
    return contactIds();
  }

  static Arbitrary<ActionRule> actionRules() {
    return Combinators.combine(actionIds(), nonBlankText().optional(), timings(), nonBlankText().optional())
        .flatAs((id, contact, timing, supersedes) -> actionRule(id, Arbitraries.just(contact),
            Arbitraries.just(timing), Arbitraries.just(supersedes)));
  }

  private static Arbitrary<ActionRule> actionRule(String id, Arbitrary<Optional<String>> contacts,
      Arbitrary<Timing> timings, Arbitrary<Optional<String>> supersedes) {
    return Combinators.combine(triggers(), Arbitraries.of(ActionKind.class),
            Arbitraries.of(Modality.class), Arbitraries.of(Channel.class), contacts, timings,
            supersedes, Arbitraries.of(ActionRule.Gate.class).set())
        .flatAs((trigger, kind, modality, channel, contact, timing, replaces, gates) ->
            Combinators.combine(nonBlankPolicyText(), citations()).as((description, citation) ->
                ActionRule.builder().id(id).trigger(trigger).kind(kind).modality(modality)
                    .channel(channel).contact(contact).timing(timing).supersedes(replaces)
                    .gates(gates).description(description).citation(citation).build()));
  }

  /** Holiday names the bank-holiday file format can carry: one line, no tab, trimmed, not empty. */
  private static Arbitrary<String> holidayNames() {
    return nonBlankText().map(String::strip)
        .filter(n -> !n.isEmpty() && n.equals(n.strip()) && n.indexOf('\t') < 0
            && n.indexOf('\n') < 0 && n.indexOf('\r') < 0);
  }

  private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/London"),
      ZoneId.of("Europe/Belfast"), ZoneId.of("America/St_Johns"), ZoneId.of("Asia/Kathmandu"),
      ZoneId.of("UTC"), ZoneId.of("+05:30"));

  static Arbitrary<WorkingCalendar> calendars() {
    Arbitrary<LocalDate> starts = Arbitraries.integers().between(0, 20 * 366)
        .map(d -> LocalDate.of(2015, 1, 1).plusDays(d));
    return Combinators.combine(Arbitraries.of(ZONES), starts, Arbitraries.integers().between(0, 800),
            Arbitraries.of(true, false))
        .flatAs((zone, from, days, named) -> {
          LocalDate until = from.plusDays(days);
          List<LocalDate> weekdays = from.datesUntil(until.plusDays(1))
              .filter(d -> d.getDayOfWeek().getValue() <= 5).collect(Collectors.toList());
          if (weekdays.isEmpty()) {
            return Arbitraries.just(WorkingCalendar.of(zone, java.util.Set.of(), from, until));
          }
          Arbitrary<java.util.Set<LocalDate>> holidays = Arbitraries.of(weekdays).set()
              .ofMaxSize(Math.min(12, weekdays.size()));
          if (!named) {
            return holidays.map(h -> WorkingCalendar.of(zone, h, from, until));
          }
          return holidays.flatMap(h -> holidayNames().list().ofSize(h.size()).map(names -> {
            StringBuilder tsv = new StringBuilder("# coverage: " + from + ".." + until + "\ndate\tname\n");
            int i = 0;
            for (LocalDate day : new java.util.TreeSet<>(h)) {
              tsv.append(day).append('\t').append(names.get(i++)).append('\n');
            }
            return WorkingCalendar.parse(new java.io.StringReader(tsv.toString()), zone, "generated");
          }));
        });
  }

  /**
   * Whole policies that pass every consistency rule of {@link Policy}: four tiers and consent
   * rules in any order, declared domains, unique codes with escalations to conditioned
   * higher-tier indicators, a Hub and an out-of-hours route with hours, the 999 rule first, and
   * action rules that name existing contacts and count from earlier actions.
   */
  static Arbitrary<Policy> policies() {
    Arbitrary<String> policyIds = Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').ofLength(1),
            Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('-').ofMaxLength(20))
        .as((a, b) -> a + b);
    Arbitrary<Map<String, String>> domains = Arbitraries.maps(nonBlankPolicyText(), policyText()).ofMinSize(1).ofMaxSize(3);
    Arbitrary<List<TierDefinition>> tiers = Arbitraries.shuffle(Tier.values())
        .flatMap(order -> Combinators.combine(order.stream().map(t -> Combinators.combine(nonBlankPolicyText(), citations())
            .as((name, c) -> TierDefinition.builder().tier(t).name(name).citation(c).build()))
            .collect(Collectors.toList())).as(l -> l));
    Arbitrary<List<ConsentRule>> consent = Arbitraries.shuffle(Tier.values())
        .flatMap(order -> Combinators.combine(order.stream().map(Generators::consentRule)
            .collect(Collectors.toList())).as(l -> l));
    return Combinators.combine(policyIds, nonBlankPolicyText(), policyText(), policyText(), Arbitraries.of(ZONES), tiers,
            domains, consent)
        .flatAs((id, version, name, title, zone, tierList, domainMap, consentList) ->
            Combinators.combine(indicatorsOf(new ArrayList<>(domainMap.keySet())), contactsOf(),
                    calendars(), Arbitraries.integers().between(1, 25), Arbitraries.integers().between(2, 5),
                    citations().list().ofSize(5), Arbitraries.of(Tier.class).optional(),
                    Arbitraries.integers().between(0, 7))
                .flatAs((indicators, contacts, calendar, adultAge, cumulative, cites, dangerTier, options) ->
                    actionRulesOf(contacts).flatMap(actions -> Combinators.combine(
                            Arbitraries.integers().between(1, 100), Arbitraries.integers().between(0, 10),
                            Arbitraries.integers().between(0, 10), citations().optional(),
                            Arbitraries.of(indicators).optional(), Arbitraries.of(indicators).optional())
                        .as((percent, schoolA, schoolB, schoolCitation, low, missing) -> {
                          var b = Policy.builder().id(id).version(version).name(name).documentTitle(title)
                              .zone(calendar.zone()).tiers(tierList).domains(domainMap).indicators(indicators)
                              .contacts(contacts).inHoursRoute("hub").outOfHoursRoute("edt")
                              .consentRules(consentList).actionRules(actions).calendar(calendar)
                              .adultAge(adultAge).cumulativeCount(cumulative)
                              .cumulativeCitation(cites.get(0)).disabilityCitation(cites.get(1))
                              .immediateDangerCitation(cites.get(2)).adultCitation(cites.get(3))
                              .noNeedCitation(cites.get(4)).immediateDangerTier(dangerTier)
                              .schoolAgeCitation(schoolCitation);
                          if ((options & 1) != 0) {
                            b.schoolAgeFrom(Math.min(schoolA, schoolB)).schoolAgeTo(Math.max(schoolA, schoolB));
                          }
                          if ((options & 2) != 0 && low.isPresent()) {
                            b.lowAttendanceBelowPercent(percent).lowAttendanceIndicator(low.get().code());
                          }
                          missing.ifPresent(m -> b.missingEducationIndicator(m.code()));
                          if ((options & 4) != 0) {
                            // A child protection plan's indicator, and the needs below it that are allegations.
                            indicators.stream().filter(i -> i.kind() == IndicatorKind.NEED && !i.hasConditions())
                                .findFirst().ifPresent(target -> {
                                  b.childProtectionPlanIndicator(target.code()).childProtectionPlanCitation(cites.get(0));
                                  indicators.stream().filter(i -> i.kind() == IndicatorKind.NEED
                                          && i.tier().compareTo(target.tier()) < 0)
                                      .forEach(i -> b.addChildProtectionPlanAllegations(i.code()));
                                });
                          }
                          return b.build();
                        }))));
  }

  /** 1 to 5 indicators with unique codes; sometimes one escalates to a conditioned higher tier. */
  private static Arbitrary<List<Indicator>> indicatorsOf(List<String> domains) {
    return codes().set().ofMinSize(1).ofMaxSize(5).flatMap(codes -> {
      List<Arbitrary<Indicator>> list = new ArrayList<>();
      for (IndicatorCode code : codes) {
        list.add(nonBlankPolicyText().flatMap(area -> indicator(code, Arbitraries.of(domains), area, Optional.empty())));
      }
      return Combinators.combine(list).as(l -> l);
    }).flatMap(list -> Combinators.combine(Arbitraries.of(true, false), ageConditions(), codes())
        .as((escalate, age, lowCode) -> {
          List<Indicator> out = new ArrayList<>(list);
          Indicator top = out.get(0);
          if (!escalate || top.tier() == Tier.UNIVERSAL || out.stream().anyMatch(i -> i.code().equals(lowCode))) {
            return out;
          }
          // A lower-tier need escalating to the first indicator, given an age condition.
          Indicator target = Indicator.builder().from(top).age(age).build();
          out.set(0, target);
          Tier lower = Tier.of(top.tier().number() - 1);
          out.add(Indicator.builder().from(top).code(lowCode).tier(lower)
              .kind(lower == Tier.UNIVERSAL ? IndicatorKind.STRENGTH : IndicatorKind.NEED)
              .escalatesTo(top.code()).build());
          return out;
        }));
  }

  /** The Hub (office hours), an out-of-hours team, and up to two other contacts, in any order. */
  private static Arbitrary<List<Contact>> contactsOf() {
    Arbitrary<Contact> hub = contact("hub", serviceHours().map(Optional::of));
    Arbitrary<Contact> edt = contact("edt", serviceHours().map(Optional::of));
    Arbitrary<List<Contact>> others = contactIds().filter(c -> !c.equals("hub") && !c.equals("edt")
            && !c.equals(ActionRule.ROUTE)).set().ofMaxSize(2)
        .flatMap(ids -> Combinators.combine(ids.stream().map(Generators::contactWithoutHours)
            .collect(Collectors.toList())).as(l -> l));
    return Combinators.combine(hub, edt, others, Arbitraries.of(true, false))
        .as((h, e, o, shuffle) -> {
          List<Contact> all = new ArrayList<>(List.of(h, e));
          all.addAll(o);
          if (shuffle) {
            java.util.Collections.reverse(all);
          }
          return all;
        });
  }

  private static Arbitrary<Contact> contactWithoutHours(String id) {
    return contact(id, serviceHours().optional());
  }

  /** The 999 rule first, then up to four rules naming existing contacts and earlier actions. */
  private static Arbitrary<List<ActionRule>> actionRulesOf(List<Contact> contacts) {
    List<String> contactIds = new ArrayList<>(contacts.stream().map(Contact::id).toList());
    contactIds.add(ActionRule.ROUTE);
    Arbitrary<ActionRule> first = Combinators.combine(Arbitraries.of(contactIds).optional(),
            Arbitraries.of(Channel.class), nonBlankPolicyText(), citations())
        .as((contact, channel, description, citation) -> ActionRule.builder().id("call-999")
            .trigger(Trigger.builder().kind(Trigger.Kind.IMMEDIATE_DANGER).build())
            .kind(ActionKind.CALL_EMERGENCY_SERVICES).modality(Modality.MUST).channel(channel)
            .contact(contact).timing(Timing.builder().kind(Timing.Kind.IMMEDIATELY).build())
            .description(description).citation(citation).build());
    return first.flatMap(rule -> Arbitraries.integers().between(0, 4).flatMap(n -> more(List.of(rule), n, contactIds)))
        .flatMap(rules -> Arbitraries.of(true, false).map(supersede -> {
          if (!supersede || rules.size() < 2) {
            return rules;
          }
          List<ActionRule> out = new ArrayList<>(rules);
          ActionRule last = out.get(out.size() - 1);
          out.set(out.size() - 1, ActionRule.builder().from(last).supersedes(out.get(0).id()).build());
          return out;
        }));
  }

  private static Arbitrary<List<ActionRule>> more(List<ActionRule> sofar, int n, List<String> contactIds) {
    if (n == 0) {
      return Arbitraries.just(sofar);
    }
    List<String> earlier = sofar.stream().map(ActionRule::id).toList();
    return actionIds().filter(id -> !earlier.contains(id))
        .flatMap(id -> actionRule(id, Arbitraries.of(contactIds).optional(), timings(Arbitraries.of(earlier)),
            Arbitraries.just(Optional.empty())))
        .flatMap(rule -> {
          List<ActionRule> next = new ArrayList<>(sofar);
          next.add(rule);
          return more(next, n - 1, contactIds);
        });
  }
}
