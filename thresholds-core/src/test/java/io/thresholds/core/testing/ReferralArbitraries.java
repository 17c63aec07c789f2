package io.thresholds.core.testing;

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
import io.thresholds.core.policy.IndicatorFlag;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.Policy;
import io.thresholds.core.time.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * jqwik generators for referrals of any shape against the embedded City of London policy, for any
 * test to reuse (directly, or through {@link ReferralDomain}).
 *
 * <p>Referrals are made between {@link #FIRST_DAY} and {@link #LAST_DAY}, on working days (office
 * hours, the 08:30-09:00 gap, evenings and nights), weekends, bank holidays and clock-change days,
 * so that every deadline stays inside the bank-holiday calendar (2018-2030). Each has 1 to 5
 * children (born, unborn by expected date of delivery, or with a passed expected date), of ages
 * chosen to land on, just before and just after the birthdays the policy cares about; 0 to 3
 * adults; some children excluded with a reason; 0 to 6 concerns drawn from the real catalogue with
 * a subject the indicator allows and an existing subject, observed on or before the referral day;
 * any consent state, recorded alone or as a history, with or without information-sharing records;
 * any referrer, including parents and members of the public.
 */
public final class ReferralArbitraries {
  /** The embedded City of London policy. */
  public static final Policy POLICY = Policies.cityOfLondon();
  /** Europe/London. */
  public static final ZoneId ZONE = POLICY.zone();
  /** The working calendar. */
  public static final WorkingCalendar CALENDAR = POLICY.calendar();
  /** The first day a generated referral is made. */
  public static final LocalDate FIRST_DAY = LocalDate.of(2019, 1, 1);
  /** The last day a generated referral is made (deadlines stay inside the 2030 calendar). */
  public static final LocalDate LAST_DAY = LocalDate.of(2029, 12, 20);

  private static final List<Indicator> CATALOGUE = POLICY.indicators();
  /**
   * Indicators whose handling is special: age or mobility conditions, escalation, flags that change
   * the advice. Drawn more often than their share of the catalogue.
   */
  private static final List<Indicator> SPECIAL = CATALOGUE.stream()
      .filter(i -> i.hasConditions() || i.escalatesTo().isPresent()
          || i.has(IndicatorFlag.DO_NOT_TELL_FAMILY) || i.has(IndicatorFlag.REFER_MACE)
          || i.has(IndicatorFlag.CONSIDER_MACE) || i.has(IndicatorFlag.MISSING_EDUCATION)
          || i.code().value().equals("T2-RAD-INTOLERANT-VIEWS"))
      .collect(Collectors.toUnmodifiableList());

  private ReferralArbitraries() {}

  // ---- referrals --------------------------------------------------------------------------------

  /** @return referrals of any shape; about half the people carry personal details */
  public static Arbitrary<Referral> referrals() {
    return referrals(0.5);
  }

  /**
   * @return referrals in which every person has personal details and every free-text field
   *     (notes, exclusion reasons, referrer role, legal basis) is filled with distinctive text
   */
  public static Arbitrary<Referral> referralsWithPersonalData() {
    return referrals(1.0);
  }

  /**
   * @param personalData the probability that each optional personal or free-text value is present
   * @return referrals of any shape
   */
  public static Arbitrary<Referral> referrals(double personalData) {
    return specs(personalData).map(Spec::build);
  }

  /**
   * @return a referral and one more valid concern for it (a subject the indicator allows, an
   *     existing subject, observed on or before the referral day)
   */
  public static Arbitrary<ReferralWithExtraConcern> referralsWithExtraConcern() {
    return Combinators.combine(specs(0.5), concernSeeds(0.5)).as((spec, seed) -> {
      Referral r = spec.build();
      return new ReferralWithExtraConcern(r,
          seed.resolve(r.household(), r.referredChildren(), referralDay(r)));
    });
  }

  /**
   * @param r a referral
   * @return the day it was made, in the policy's zone
   */
  public static LocalDate referralDay(Referral r) {
    return r.madeAt().atZone(ZONE).toLocalDate();
  }

  /** @return true about one time in eight (and often as an edge case) */
  public static Arbitrary<Boolean> immediateDanger() {
    return Arbitraries.frequencyOf(List.of(weighted(7, Arbitraries.just(false)),
        weighted(1, Arbitraries.just(true))));
  }

  /*
   * Generation works on fixed-shape "seeds" (numbers and enums drawn by arbitraries built once)
   * that are resolved against the referral day and the household in one map: no flatMap, so
   * generation stays fast and shrinking works (smaller numbers give simpler referrals).
   */

  /** Everything needed to build one referral. */
  private record Spec(ZonedDateTime time, List<ChildSeed> children, List<AdultSeed> adults,
      SelectionSeed selection, List<ConcernSeed> concerns, Referrer referrer, ConsentSeed consent,
      Extras extras) {
    Referral build() {
      LocalDate day = time.toLocalDate();
      List<Child> kids = new ArrayList<>();
      for (int i = 0; i < children.size(); i++) {
        kids.add(children.get(i).resolve("child-" + (i + 1), day));
      }
      List<Adult> grownUps = new ArrayList<>();
      for (int i = 0; i < adults.size(); i++) {
        grownUps.add(adults.get(i).resolve("adult-" + (i + 1)));
      }
      Household h = Household.builder().children(kids).adults(grownUps).build();
      List<Ref> referred = new ArrayList<>();
      Map<Ref, String> exclusions = new LinkedHashMap<>();
      boolean all = true;
      for (int i = 0; i < kids.size(); i++) {
        all &= selection.excluded.get(i);
      }
      for (int i = 0; i < kids.size(); i++) {
        Ref r = kids.get(i).ref();
        if (selection.excluded.get(i) && !(all && i == 0)) {
          exclusions.put(r, selection.reasons.get(i));
        } else {
          referred.add(r);
        }
      }
      referred.sort(java.util.Comparator.comparingInt(
          r -> selection.order.indexOf(Integer.parseInt(r.value().substring(6)) - 1)));
      List<Concern> cs = new ArrayList<>();
      for (ConcernSeed c : concerns) {
        cs.add(c.resolve(h, referred, day));
      }
      Instant madeAt = time.toInstant();
      ConsentPlan plan = consent.plan(madeAt);
      List<SharingRecord> sharing = new ArrayList<>();
      for (SharingSeed x : extras.sharing()) {
        sharing.add(x.resolve(madeAt, plan));
      }
      Referral.Builder b = Referral.builder()
          .ref(Ref.of("referral-1"))
          .referrer(referrer)
          .madeAt(madeAt)
          .household(h)
          .referredChildren(referred)
          .exclusions(exclusions)
          .concerns(cs)
          .immediateDanger(extras.immediateDanger())
          .repeatReferral(extras.repeat())
          .sharing(sharing);
      plan.history().ifPresentOrElse(b::consentHistory, () -> b.consent(plan.current()));
      return b.build();
    }
  }

  /** Immediate danger, repeat referral, information-sharing records. */
  private record Extras(boolean immediateDanger, boolean repeat, List<SharingSeed> sharing) {}

  private static Arbitrary<Spec> specs(double personalData) {
    Arbitrary<Extras> flags = Combinators.combine(immediateDanger(),
        Arbitraries.of(true, false, false), sharingSeeds(personalData).list().ofMaxSize(2))
        .as(Extras::new);
    return Combinators.combine(
            referralTimes(),
            childSeeds(personalData).list().ofMinSize(1).ofMaxSize(5),
            adultSeeds(personalData).list().ofMinSize(0).ofMaxSize(3),
            selectionSeeds(),
            concernLists(personalData),
            referrers(personalData),
            consentSeeds(),
            flags)
        .as(Spec::new);
  }

  private static Arbitrary<List<ConcernSeed>> concernLists(double personalData) {
    Arbitrary<ConcernSeed> one = concernSeeds(personalData);
    return Arbitraries.frequencyOf(List.of(
        weighted(2, Arbitraries.just(List.<ConcernSeed>of())),
        weighted(4, one.list().ofMinSize(1).ofMaxSize(2)),
        weighted(3, one.list().ofMinSize(3).ofMaxSize(6))));
  }

  // ---- times ------------------------------------------------------------------------------------

  /**
   * @return times in Europe/London spread over office hours, the 08:30-09:00 gap, evenings and
   *     nights of working days, weekends, bank holidays and the days the clocks change, with the
   *     service boundaries (08:30, 09:00, 17:00) hit often
   */
  public static Arbitrary<ZonedDateTime> referralTimes() {
    return Arbitraries.frequencyOf(List.of(
        weighted(4, atTimes(workingDays(), secondsOfDay(LocalTime.of(9, 0), LocalTime.of(17, 0)))),
        weighted(2, atTimes(workingDays(), secondsOfDay(LocalTime.of(8, 30), LocalTime.of(9, 0)))),
        weighted(2, atTimes(workingDays(), secondsOfDay(LocalTime.of(17, 0), null))),
        weighted(1, atTimes(workingDays(), secondsOfDay(LocalTime.MIDNIGHT, LocalTime.of(8, 30)))),
        weighted(2, atTimes(days().filter(ReferralArbitraries::weekend), anyTime())),
        weighted(2, atTimes(bankHolidays(), anyTime())),
        weighted(1, atTimes(clockChangeDays(), anyTime()))));
  }

  private static Arbitrary<ZonedDateTime> atTimes(Arbitrary<LocalDate> days, Arbitrary<LocalTime> times) {
    return Combinators.combine(days, times).as((d, t) -> ZonedDateTime.of(d, t, ZONE));
  }

  private static Arbitrary<LocalDate> days() {
    long n = ChronoUnit.DAYS.between(FIRST_DAY, LAST_DAY);
    return Arbitraries.longs().between(0, n).map(FIRST_DAY::plusDays);
  }

  private static Arbitrary<LocalDate> workingDays() {
    return days().filter(CALENDAR::isWorkingDay);
  }

  private static Arbitrary<LocalDate> bankHolidays() {
    return Arbitraries.of(CALENDAR.holidays().keySet().stream()
        .filter(d -> !d.isBefore(FIRST_DAY) && !d.isAfter(LAST_DAY))
        .collect(Collectors.toList()));
  }

  private static Arbitrary<LocalDate> clockChangeDays() {
    List<LocalDate> out = new ArrayList<>();
    for (int y = FIRST_DAY.getYear(); y <= LAST_DAY.getYear(); y++) {
      out.add(LocalDate.of(y, Month.MARCH, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY)));
      out.add(LocalDate.of(y, Month.OCTOBER, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY)));
    }
    return Arbitraries.of(out);
  }

  private static boolean weekend(LocalDate d) {
    return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  /** Times from {@code from} (inclusive) to {@code until} (exclusive; null for midnight). */
  private static Arbitrary<LocalTime> secondsOfDay(LocalTime from, LocalTime until) {
    int a = from.toSecondOfDay();
    int b = (until == null ? 24 * 3600 : until.toSecondOfDay()) - 1;
    Arbitrary<Integer> uniform = Arbitraries.integers().between(a, b);
    Arbitrary<Integer> edges = Arbitraries.of(a, a + 59, b, b - 59);
    return Arbitraries.frequencyOf(List.of(weighted(4, uniform), weighted(1, edges)))
        .map(LocalTime::ofSecondOfDay);
  }

  private static Arbitrary<LocalTime> anyTime() {
    return secondsOfDay(LocalTime.MIDNIGHT, null);
  }

  // ---- households -------------------------------------------------------------------------------

  /**
   * @param day the referral day
   * @param personalData probability of personal details
   * @return households of 1 to 5 children and 0 to 3 adults
   */
  public static Arbitrary<Household> households(LocalDate day, double personalData) {
    return Combinators.combine(childSeeds(personalData).list().ofMinSize(1).ofMaxSize(5),
            adultSeeds(personalData).list().ofMinSize(0).ofMaxSize(3))
        .as((cs, as) -> {
          Household.Builder h = Household.builder();
          for (int i = 0; i < cs.size(); i++) {
            h.addChildren(cs.get(i).resolve("child-" + (i + 1), day));
          }
          for (int i = 0; i < as.size(); i++) {
            h.addAdults(as.get(i).resolve("adult-" + (i + 1)));
          }
          return h.build();
        });
  }

  /**
   * @param ref the child's reference
   * @param day the referral day
   * @param personalData probability of personal details
   * @return children of any age relative to {@code day}
   */
  public static Arbitrary<Child> children(String ref, LocalDate day, double personalData) {
    return childSeeds(personalData).map(s -> s.resolve(ref, day));
  }

  private enum BirthKind { UNBORN, EDD_PASSED, BORN, LEAP_DAY }

  private enum Position { ON_BIRTHDAY, DAY_AFTER_BIRTHDAY, DAY_BEFORE_NEXT_BIRTHDAY, WITHIN_YEAR }

  private enum Disability { NONE, NOT_ASSESSED, ASSESSED }

  /** When a child was (or will be) born relative to the referral day, and other plain facts. */
  private record ChildFacts(BirthKind kind, int years, Position position, int days, int mobility,
      Disability disability, boolean ehc) {}

  /** A child relative to the referral day: how old, how mobile, disabled, at school. */
  private record ChildSeed(ChildFacts f, Optional<SchoolAttendance> school,
      Optional<PersonalDetails> personal) {
    Child resolve(String ref, LocalDate day) {
      Child.Builder c = Child.builder()
          .ref(Ref.of(ref))
          .disabled(f.disability() != Disability.NONE)
          .disabilityNeedsAssessed(f.disability() == Disability.ASSESSED)
          .ehcPlan(f.ehc())
          .school(school)
          .personal(personal);
      switch (f.kind()) {
        case UNBORN:
          c.expectedDateOfDelivery(day.plusDays(1 + f.days() % 280));
          break;
        case EDD_PASSED:
          c.expectedDateOfDelivery(day.minusDays(f.days() % 700));
          break;
        case LEAP_DAY:
          c.dateOfBirth(leapDay(day, f.years()));
          break;
        default:
          c.dateOfBirth(dateOfBirth(day, f.years(), f.position(), f.days() % 365));
      }
      Mobility[] allowed = f.kind() == BirthKind.UNBORN || f.kind() == BirthKind.EDD_PASSED
          ? new Mobility[] {Mobility.UNKNOWN, Mobility.PRE_MOBILE, Mobility.NON_MOBILE}
          : Mobility.values();
      return c.mobility(allowed[f.mobility() % allowed.length]).build();
    }
  }

  private static Arbitrary<ChildSeed> childSeeds(double personalData) {
    Arbitrary<BirthKind> kinds = Arbitraries.frequencyOf(List.of(
        weighted(3, Arbitraries.just(BirthKind.UNBORN)),
        weighted(1, Arbitraries.just(BirthKind.EDD_PASSED)),
        weighted(14, Arbitraries.just(BirthKind.BORN)),
        weighted(1, Arbitraries.just(BirthKind.LEAP_DAY))));
    Arbitrary<Integer> years = Arbitraries.of(0, 0, 1, 2, 3, 4, 4, 5, 5, 6, 7, 8, 9, 9, 10, 10, 11,
        12, 12, 13, 13, 14, 14, 15, 15, 16, 16, 17, 17, 18, 18, 19, 25);
    Arbitrary<Disability> disability = Arbitraries.frequencyOf(List.of(
        weighted(6, Arbitraries.just(Disability.NONE)),
        weighted(1, Arbitraries.just(Disability.NOT_ASSESSED)),
        weighted(1, Arbitraries.just(Disability.ASSESSED))));
    Arbitrary<ChildFacts> facts = Combinators.combine(kinds, years,
            Arbitraries.of(Position.values()), Arbitraries.integers().between(0, 699),
            Arbitraries.integers().between(0, 3), disability, Arbitraries.of(true, false, false, false))
        .as(ChildFacts::new);
    return Combinators.combine(facts, schools().optional(0.4), personalDetails().optional(personalData))
        .as(ChildSeed::new);
  }

  /** A date of birth on 29 February, at most about {@code years} years before {@code day}. */
  private static LocalDate leapDay(LocalDate day, int years) {
    int y = day.getYear() - years;
    while (!java.time.Year.isLeap(y) || LocalDate.of(y, 2, 29).isAfter(day)) {
      y--;
    }
    return LocalDate.of(y, 2, 29);
  }

  private static LocalDate dateOfBirth(LocalDate day, int years, Position pos, int k) {
    switch (pos) {
      case ON_BIRTHDAY:
        return day.minusYears(years);
      case DAY_AFTER_BIRTHDAY:
        return day.minusYears(years).minusDays(1);
      case DAY_BEFORE_NEXT_BIRTHDAY:
        return day.minusYears(years + 1L).plusDays(1);
      default:
        LocalDate d = day.minusYears(years).minusDays(k);
        return d.isAfter(day.minusYears(years + 1L)) ? d : day.minusYears(years);
    }
  }

  /** @return school facts: on roll with or without attendance, home educated, or on no roll */
  public static Arbitrary<SchoolAttendance> schools() {
    Arbitrary<Integer> attendance = Arbitraries.frequencyOf(List.of(
        weighted(2, Arbitraries.integers().between(0, 100)),
        weighted(2, Arbitraries.of(0, 89, 90, 100))));
    Arbitrary<SchoolAttendance> onRoll = attendance.optional(0.7).map(p -> SchoolAttendance.builder()
        .onRoll(true)
        .attendancePercent(p.map(OptionalInt::of).orElse(OptionalInt.empty()))
        .build());
    Arbitrary<SchoolAttendance> offRoll = Arbitraries.of(true, false)
        .map(home -> SchoolAttendance.builder().onRoll(false).homeEducated(home).build());
    return Arbitraries.frequencyOf(List.of(weighted(3, onRoll), weighted(2, offRoll)));
  }

  /**
   * @param ref the adult's reference
   * @param personalData probability of personal details
   * @return adults with any relationship, with or without parental responsibility
   */
  public static Arbitrary<Adult> adults(String ref, double personalData) {
    return adultSeeds(personalData).map(a -> a.resolve(ref));
  }

  /** An adult without a reference yet. */
  private record AdultSeed(Relationship relationship, boolean pr, Optional<PersonalDetails> personal) {
    Adult resolve(String ref) {
      return Adult.builder().ref(Ref.of(ref)).relationship(relationship)
          .parentalResponsibility(pr).personal(personal).build();
    }
  }

  private static Arbitrary<AdultSeed> adultSeeds(double personalData) {
    return Combinators.combine(Arbitraries.of(Relationship.values()), Arbitraries.of(true, false),
            personalDetails().optional(personalData))
        .as(AdultSeed::new);
  }

  /**
   * Which of (up to five) children are excluded, with what reason, and the order the referred
   * children are listed in (a permutation of child positions).
   */
  private record SelectionSeed(List<Boolean> excluded, List<String> reasons, List<Integer> order) {}

  private static Arbitrary<SelectionSeed> selectionSeeds() {
    return Combinators.combine(Arbitraries.of(true, false, false, false).list().ofSize(5),
            distinctiveText().list().ofSize(5), Arbitraries.shuffle(0, 1, 2, 3, 4))
        .as(SelectionSeed::new);
  }

  // ---- concerns ---------------------------------------------------------------------------------

  /**
   * @param h the household
   * @param referred the referred children
   * @param day the referral day
   * @param personalData probability of a practitioner's note
   * @return valid concerns: an indicator from the catalogue, a subject kind it allows with an
   *     existing subject, observed on or before {@code day}
   */
  public static Arbitrary<Concern> concerns(
      Household h, List<Ref> referred, LocalDate day, double personalData) {
    return concernSeeds(personalData).map(s -> s.resolve(h, referred, day));
  }

  /**
   * A concern before it is fitted to a household: which indicator (from the whole catalogue or
   * from the special ones), which of its feasible subjects and references, how many days before
   * the referral day it was observed.
   */
  private record ConcernSeed(boolean special, int indicator, int subject, int ref, int daysBefore,
      Optional<String> note) {
    Concern resolve(Household h, List<Ref> referred, LocalDate day) {
      List<Indicator> from = special ? SPECIAL : CATALOGUE;
      Indicator i = from.get(indicator % from.size());
      for (int probe = 1; feasibleSubjects(i, h).isEmpty(); probe++) {
        i = from.get((indicator + probe) % from.size());
      }
      List<SubjectKind> subjects = feasibleSubjects(i, h);
      SubjectKind s = subjects.get(subject % subjects.size());
      List<Ref> refs = subjectRefs(s, h, referred);
      return Concern.builder().indicator(i.code()).subject(s).subjectRef(refs.get(ref % refs.size()))
          .observedOn(day.minusDays(daysBefore)).note(note).build();
    }
  }

  private static Arbitrary<ConcernSeed> concernSeeds(double personalData) {
    Arbitrary<Integer> daysBefore = Arbitraries.frequencyOf(List.of(
        weighted(4, Arbitraries.just(0)),
        weighted(4, Arbitraries.integers().between(1, 30)),
        weighted(2, Arbitraries.integers().between(31, 1000))));
    Arbitrary<Integer> index = Arbitraries.integers().between(0, 10_000);
    return Combinators.combine(Arbitraries.of(true, false, false), index, index, index, daysBefore,
            distinctiveText().optional(personalData))
        .as(ConcernSeed::new);
  }

  /**
   * @param i an indicator
   * @param h a household
   * @return the subject kinds the indicator allows that the household can supply
   */
  public static List<SubjectKind> feasibleSubjects(Indicator i, Household h) {
    return i.subjects().stream()
        .filter(s -> s != SubjectKind.PARENT_CARER || !h.adults().isEmpty())
        .sorted()
        .collect(Collectors.toList());
  }

  /**
   * @param s a subject kind
   * @param h the household
   * @param referred the referred children
   * @return the references a concern of that kind may name
   */
  public static List<Ref> subjectRefs(SubjectKind s, Household h, List<Ref> referred) {
    switch (s) {
      case CHILD:
        return referred;
      case PARENT_CARER:
        return h.adults().stream().map(Adult::ref).collect(Collectors.toList());
      default:
        List<Ref> all = new ArrayList<>();
        h.children().forEach(c -> all.add(c.ref()));
        h.adults().forEach(a -> all.add(a.ref()));
        return all;
    }
  }

  // ---- people, referrers, consent -----------------------------------------------------------------

  /**
   * @param personalData probability of a role and personal details
   * @return referrers of every agency type, parents, carers and the public drawn often; a
   *     designated safeguarding lead and a position only where the agency type allows them
   */
  public static Arbitrary<Referrer> referrers(double personalData) {
    Arbitrary<AgencyType> types = Arbitraries.frequencyOf(List.of(
        weighted(3, Arbitraries.of(AgencyType.PARENT_OR_CARER, AgencyType.MEMBER_OF_PUBLIC)),
        weighted(7, Arbitraries.of(AgencyType.values()))));
    return Combinators.combine(types, distinctiveText().optional(personalData),
            Arbitraries.of(true, false), Arbitraries.integers().between(0, 1000),
            personalDetails().optional(personalData))
        .as((type, role, dsl, pos, personal) -> {
          boolean professional = type.isProfessional();
          boolean lead = dsl && professional;
          List<ReferrerRole> fitting = java.util.Arrays.stream(ReferrerRole.values())
              .filter(r -> r.isProfessional() == professional)
              .filter(r -> !lead || r == ReferrerRole.DESIGNATED_SAFEGUARDING_LEAD)
              .collect(Collectors.toList());
          Optional<ReferrerRole> position = pos % 3 == 0 ? Optional.empty()
              : Optional.of(fitting.get(pos % fitting.size()));
          return Referrer.builder().agencyType(type).role(role).position(position)
              .designatedSafeguardingLead(lead).personal(personal).build();
        });
  }

  /**
   * @param madeAt when the referral is made
   * @return consent states of every status, each with the facts it needs, recorded up to ten days
   *     before {@code madeAt}
   */
  public static Arbitrary<ConsentState> consentStates(Instant madeAt) {
    return consentSeeds().map(s -> s.plan(madeAt).current());
  }

  /**
   * How consent is recorded on a referral: as a history (oldest first), or as the current state
   * alone.
   *
   * @param history the history, if recorded as one
   * @param current the current state
   */
  public record ConsentPlan(Optional<ConsentHistory> history, ConsentState current) {
    /** @return the history the referral's sharing records are checked against */
    public ConsentHistory effective() {
      return history.orElseGet(() -> current.recordedAt().isPresent()
          ? ConsentHistory.of(current) : ConsentHistory.empty());
    }
  }

  /**
   * A consent state of any status, recorded some seconds before the referral is made, either
   * alone or at the end of a history with a plausible earlier state.
   */
  private record ConsentSeed(ConsentStatus status, ConsentGiver by, ConsentForm form,
      NotSoughtReason reason, Authoriser authoriser, String basis, long secondsBefore,
      boolean asHistory) {
    ConsentPlan plan(Instant madeAt) {
      Instant at = madeAt.minusSeconds(secondsBefore);
      Instant earlier = at.minusSeconds(24 * 3600);
      switch (status) {
        case NOT_YET_SOUGHT:
          return direct(ConsentState.notYetSought());
        case GIVEN:
          return maybeAfter(ConsentState.withheld(by, earlier), ConsentState.given(by, form, at));
        case WITHHELD:
          return maybeAfter(ConsentState.notSoughtUnsafe(reason, earlier), ConsentState.withheld(by, at));
        case WITHDRAWN:
          // Only expressible as a history: consent given, then withdrawn.
          return new ConsentPlan(Optional.of(ConsentHistory.of(ConsentState.given(by, form, earlier),
                  ConsentState.builder().status(ConsentStatus.WITHDRAWN).by(by).recordedAt(at).build())),
              ConsentState.builder().status(ConsentStatus.WITHDRAWN).by(by).recordedAt(at).build());
        case NOT_SOUGHT_UNSAFE:
          return direct(ConsentState.notSoughtUnsafe(reason, at));
        default:
          return maybeAfter(ConsentState.withheld(by, earlier), ConsentState.builder()
              .status(ConsentStatus.SHARED_WITHOUT_CONSENT).authorisedBy(authoriser)
              .legalBasis(basis).recordedAt(at).build());
      }
    }

    private static ConsentPlan direct(ConsentState s) {
      return new ConsentPlan(Optional.empty(), s);
    }

    private ConsentPlan maybeAfter(ConsentState before, ConsentState now) {
      return asHistory ? new ConsentPlan(Optional.of(ConsentHistory.of(before, now)), now) : direct(now);
    }
  }

  private static Arbitrary<ConsentSeed> consentSeeds() {
    return Combinators.combine(Arbitraries.of(ConsentStatus.values()),
            Arbitraries.of(ConsentGiver.values()), Arbitraries.of(ConsentForm.values()),
            Arbitraries.of(NotSoughtReason.values()), Arbitraries.of(Authoriser.values()),
            distinctiveText(), Arbitraries.longs().between(0, 10L * 24 * 3600),
            Arbitraries.of(true, false))
        .as(ConsentSeed::new);
  }

  /** A record of information shared around the time of the referral. */
  private record SharingSeed(Set<SharedItem> items, Optional<String> description, String with,
      String purpose, SharingBasis basis, Authoriser authoriser, String legalBasis,
      long secondsBefore) {
    SharingRecord resolve(Instant madeAt, ConsentPlan plan) {
      Instant at = madeAt.minusSeconds(secondsBefore);
      SharingBasis b = basis;
      if (b == SharingBasis.CONSENT && plan.effective().at(at).status() != ConsentStatus.GIVEN) {
        b = SharingBasis.SAFEGUARDING_SIGNIFICANT_HARM;
      }
      SharingRecord.Builder r = SharingRecord.builder().items(items)
          .description(description).sharedWith(with).purpose(purpose).basis(b).sharedAt(at);
      if (b != SharingBasis.CONSENT) {
        r.authorisedBy(authoriser).legalBasis(legalBasis);
      }
      return r.build();
    }
  }

  private static Arbitrary<SharingSeed> sharingSeeds(double personalData) {
    return Combinators.combine(Arbitraries.subsetOf(SharedItem.values()).ofMinSize(1),
            distinctiveText().optional(personalData), distinctiveText(), distinctiveText(),
            Arbitraries.of(SharingBasis.values()), Arbitraries.of(Authoriser.values()),
            distinctiveText(), Arbitraries.longs().between(0, 3600))
        .as(SharingSeed::new);
  }

  /** @return consent withheld by either giver, recorded up to a day before {@code madeAt} */
  public static Arbitrary<ConsentState> withheld(Instant madeAt) {
    return Combinators.combine(Arbitraries.of(ConsentGiver.values()),
            Arbitraries.longs().between(0, 24L * 3600).map(madeAt::minusSeconds))
        .as(ConsentState::withheld);
  }

  /** @return personal details with every field filled with distinctive text */
  public static Arbitrary<PersonalDetails> personalDetails() {
    Arbitrary<String> text = distinctiveText();
    Arbitrary<String> nhs = Arbitraries.strings().numeric().ofLength(10)
        .map(s -> s.substring(0, 3) + " " + s.substring(3, 6) + " " + s.substring(6));
    return Combinators.combine(text, text, nhs, text, text, text, text, text)
        .as((fore, sur, nhsNo, upn, address, postcode, gender, ethnicity) -> PersonalDetails.builder()
            .forenames(fore).surname(sur).nhsNumber(nhsNo).uniquePupilNumber(upn)
            .address(address).postcode(postcode).gender(gender).ethnicity(ethnicity).build());
  }

  /**
   * @return text that cannot occur in a result by accident: lower-case letters between guillemets
   *     (never produced by codes, enums, references, instants or the policy's wording)
   */
  public static Arbitrary<String> distinctiveText() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(6).ofMaxLength(14)
        .map(s -> "\u00ab" + s + "\u00bb");
  }

  /**
   * Every personal value a referral holds: personal details of children, adults and the referrer,
   * the referrer's role, dates of birth and expected dates of delivery (ISO form), practitioners'
   * notes, exclusion reasons, the recorded legal basis for sharing without consent and the free
   * text of information-sharing records.
   *
   * @param r a referral
   * @return the values
   */
  public static List<String> personalValues(Referral r) {
    List<String> out = new ArrayList<>();
    List<Optional<PersonalDetails>> details = new ArrayList<>();
    r.household().children().forEach(c -> {
      details.add(c.personal());
      c.dateOfBirth().ifPresent(d -> out.add(d.toString()));
      c.expectedDateOfDelivery().ifPresent(d -> out.add(d.toString()));
    });
    r.household().adults().forEach(a -> details.add(a.personal()));
    details.add(r.referrer().personal());
    r.referrer().role().ifPresent(out::add);
    for (Optional<PersonalDetails> p : details) {
      p.ifPresent(d -> {
        d.forenames().ifPresent(out::add);
        d.surname().ifPresent(out::add);
        d.nhsNumber().ifPresent(out::add);
        d.uniquePupilNumber().ifPresent(out::add);
        d.address().ifPresent(out::add);
        d.postcode().ifPresent(out::add);
        d.gender().ifPresent(out::add);
        d.ethnicity().ifPresent(out::add);
      });
    }
    r.concerns().forEach(c -> c.note().ifPresent(out::add));
    out.addAll(r.exclusions().values());
    r.consent().legalBasis().ifPresent(out::add);
    r.consentHistory().entries().forEach(c -> c.legalBasis().ifPresent(out::add));
    for (SharingRecord x : r.sharing()) {
      x.description().ifPresent(out::add);
      out.add(x.sharedWith());
      out.add(x.purpose());
      x.legalBasis().ifPresent(out::add);
    }
    return out;
  }

  /**
   * @param <T> the type
   * @param weight the weight
   * @param a the arbitrary
   * @return the pair {@link Arbitraries#frequencyOf(List)} takes
   */
  public static <T> Tuple2<Integer, Arbitrary<T>> weighted(int weight, Arbitrary<T> a) {
    return Tuple.of(weight, a);
  }
}
