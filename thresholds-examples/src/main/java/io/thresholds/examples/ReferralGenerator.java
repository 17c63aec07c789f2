package io.thresholds.examples;

import io.thresholds.core.consent.Authoriser;
import io.thresholds.core.consent.Competence;
import io.thresholds.core.consent.ConsentForm;
import io.thresholds.core.consent.ConsentGiver;
import io.thresholds.core.consent.ConsentHistory;
import io.thresholds.core.consent.ConsentState;
import io.thresholds.core.consent.ConsentStatus;
import io.thresholds.core.consent.GiverConsent;
import io.thresholds.core.consent.NotSoughtReason;
import io.thresholds.core.model.Adult;
import io.thresholds.core.model.Age;
import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.AllocatedWorker;
import io.thresholds.core.model.ApproximateAge;
import io.thresholds.core.model.CaseHistory;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Household;
import io.thresholds.core.model.Mobility;
import io.thresholds.core.model.OpenPlan;
import io.thresholds.core.model.PreviousReferral;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.ReferralOutcome;
import io.thresholds.core.model.Referrer;
import io.thresholds.core.model.Relationship;
import io.thresholds.core.model.SchoolAttendance;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.Indicator;
import io.thresholds.core.policy.IndicatorFlag;
import io.thresholds.core.policy.IndicatorKind;
import io.thresholds.core.policy.Match;
import io.thresholds.core.policy.Policy;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Synthetic referrals for research and benchmarks: realistic in shape, about no one. They carry
 * pseudonymous references only ({@code syn-SEED-N}, children {@code c1..}, adults {@code a1..}):
 * no names, dates of birth of real people, addresses, notes or other free text beyond a few fixed
 * exclusion reasons. Every referral is valid and evaluates without error.
 *
 * <p>Referral {@code n} depends only on the seed and {@code n}, so a file is the same for a seed
 * whatever the number of threads, and line {@code n} of a longer file equals line {@code n} of a
 * shorter one. The distribution (the README gives the figures measured over a million):
 *
 * <ul>
 *   <li><b>Designed tier</b> of the first referred child: 20% Tier 1 (no need: nothing, or
 *       strengths only), 45% Tier 2 (one or two Tier 2 needs), 25% Tier 3 (one Tier 3 need, up to
 *       two Tier 2), 10% Tier 4 (a Tier 4 need, sometimes a second; 30% of them in immediate
 *       danger). Indicators are drawn from the policy's catalogue among those whose age and
 *       mobility conditions the child meets and that would not escalate; radicalisation
 *       (Prevent) indicators, a quarter of the catalogue, are drawn a 25th as often as others.
 *       Concerns about a parent apply to every referred child (but see below), so brothers and sisters often
 *       share the tier.
 *   <li><b>Households</b>: 1 child 50%, 2 28%, 3 14%, 4 6%, 5 2%; 3% are pre-birth referrals of an
 *       unborn child only and 4% more include an unborn brother or sister; 1.5% of the other
 *       children are 18 or 19 (mostly excluded, sometimes referred: out of scope). 15% of the
 *       other children are excluded with a reason. One adult 40%, two 52%, three 8%.
 *   <li><b>Children</b>: aged 0-4 28%, 5-10 34%, 11-15 28%, 16-17 10%; 4% disabled; school
 *       records for ages 5-17, mostly on roll with attendance of 90-100%.
 *   <li><b>Referrers</b>: schools 28%, police 14%, health 10%, GPs 7%, then other agencies; 3%
 *       parents or carers and 3% members of the public (non-professionals: "ask a professional").
 *   <li><b>Timing</b>: a day in 2025-2026 (weekends less likely); on working days 80% in office
 *       hours, 3% in the 08:30-09:00 gap, 17% in the evening or night: about a third of all
 *       referrals out of the Hub's hours, bank holidays included.
 *   <li><b>Consent</b> by designed tier: at Tier 1-2 mostly given, some not yet sought, withheld
 *       or withdrawn; at Tier 3 also not sought because unsafe; at Tier 4 often not sought because
 *       unsafe or shared without consent.
 *   <li><b>What the referrer does not know</b> (issue 11, {@code thresholds/referral@2}; the
 *       shares are this generator's assumption, no source gives them): an excluded brother or
 *       sister's age is approximate 30% and unknown 10%; a referred child's age (under 17) is
 *       approximate 3% (the first referred child) or 8% (the others), 15% when the referrer is not
 *       a professional; 3% of children not recorded as disabled are "disability not known". The
 *       approximate age holds the true age ("about 12", or years and months for a baby).
 *   <li><b>Concerns about one child</b>: in a referral of two or more children, 20% of the
 *       concerns about a parent or household member are about the first referred child only
 *       ({@code aboutChildren}). <b>Phone referral already made</b>: 10% of the referrals
 *       designed at Tier 3 or 4, 10 minutes to 2 hours before the written referral.
 *   <li>These facts are drawn from a second random stream after everything else, so the rest of
 *       referral {@code n} is what it was before they were added.
 *   <li><b>Consent per person</b> ({@code consentByGiver}): 15% of the referrals whose consent is
 *       a person's decision record it per person instead: each adult with parental responsibility
 *       (a second one disagrees 20% of the time), sometimes an unnamed parent elsewhere, and for a
 *       first referred child of 12-17 often the young person with a stated competence judgement
 *       (who disagrees 25% of the time). <b>Case history</b> ({@code caseHistory}): open plans by
 *       designed tier (early help 3-12% at Tier 1-3, child in need 3-8% at Tier 2-4, child
 *       protection 6% at Tier 4), mostly with their allocated worker; for 60% of the repeat
 *       referrals the previous referral with its outcome, and sometimes the time the referrer
 *       disagreed with the Hub's decision. Drawn from a third random stream after the others.
 * </ul>
 */
final class ReferralGenerator {
  private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
  private static final int DAYS = 730;
  private static final List<String> EXCLUSION_REASONS = List.of(
      "Lives with the other parent most of the week and is not part of these concerns.",
      "Already known to children's social care under a separate plan.",
      "Away at a residential college in term time; the college's safeguarding lead has been told.");
  /**
   * Radicalisation indicators are a quarter of the catalogue but Prevent referrals are rare: they
   * are drawn this much as often as other indicators.
   */
  private static final double PREVENT_WEIGHT = 0.04;
  private static final String ADULT_EXCLUSION = "Aged 18 or over: adult safeguarding routes apply.";
  /** Seeds the second random stream (what the referrer does not know) apart from the first. */
  private static final long UNKNOWNS_SALT = 0x1155_AB0E_D0C5_0011L;
  /** Seeds the third random stream (consent per person, the case's history) apart from the others. */
  private static final long HISTORY_SALT = 0x2C0A_5E41_57D2_0011L;

  private final Policy policy;
  private final long seed;
  private final Map<Tier, List<Indicator>> needs = new EnumMap<>(Tier.class);
  private final List<Indicator> strengths;

  /**
   * @param policy the policy whose catalogue the concerns come from
   * @param seed the seed: the same seed gives the same referrals
   */
  ReferralGenerator(Policy policy, long seed) {
    this.policy = policy;
    this.seed = seed;
    for (Tier t : Tier.values()) {
      needs.put(t, policy.indicators().stream()
          .filter(i -> i.kind() == IndicatorKind.NEED && i.tier() == t)
          .collect(Collectors.toList()));
    }
    this.strengths = policy.indicators().stream()
        .filter(i -> i.kind() == IndicatorKind.STRENGTH)
        .collect(Collectors.toList());
  }

  /**
   * @param index the referral's position, from 0
   * @return the referral; the same for the same seed and index
   */
  Referral referral(long index) {
    return new One(new SplittableRandom(mix(seed, index)), index).build();
  }

  /** A bijective mix of seed and index, so that nearby indexes give unrelated random streams. */
  static long mix(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The state of one referral being generated. */
  private final class One {
    private final SplittableRandom r;
    private final long index;
    private final List<Child> children = new ArrayList<>();
    private final List<Adult> adults = new ArrayList<>();
    private final List<Child> referred = new ArrayList<>();
    private final List<Concern> concerns = new ArrayList<>();
    private final Set<String> used = new HashSet<>();
    private LocalDate day = FIRST_DAY;
    private boolean referrerProfessional = true;
    private boolean repeat;
    private ConsentStatus consentStatus = ConsentStatus.NOT_YET_SOUGHT;
    private ConsentForm consentForm = ConsentForm.VERBAL;
    private Instant consentRecorded = Instant.EPOCH;

    One(SplittableRandom r, long index) {
      this.r = r;
      this.index = index;
    }

    Referral build() {
      LocalDateTime made = madeAt();
      Instant madeAt = made.atZone(policy.zone()).toInstant();
      day = madeAt.atZone(policy.zone()).toLocalDate();
      int design = pick(20, 45, 25, 10) + 1;
      household();
      Referral.Builder b = Referral.builder()
          .ref(Ref.of("syn-" + seed + "-" + (index + 1)))
          .referrer(referrer())
          .madeAt(madeAt)
          .household(Household.builder().children(children).adults(adults).build());
      for (Child c : children) {
        if (referred.contains(c)) {
          b.addReferredChildren(c.ref());
        } else {
          boolean adult = !c.recordedAsUnborn() && c.ageOn(day).years() >= policy.adultAge();
          b.putExclusions(c.ref(), adult ? ADULT_EXCLUSION : EXCLUSION_REASONS.get(r.nextInt(EXCLUSION_REASONS.size())));
        }
      }
      concerns(design);
      b.concerns(concerns);
      b.immediateDanger(design == 4 && chance(0.30));
      repeat = chance(design >= 3 ? 0.12 : 0.05);
      b.repeatReferral(repeat);
      consent(b, design, madeAt);
      new Unknowns(new SplittableRandom(mix(seed ^ UNKNOWNS_SALT, index))).apply(b, design, madeAt);
      History history = new History(new SplittableRandom(mix(seed ^ HISTORY_SALT, index)));
      history.consentByGiver(b);
      history.caseHistory(b, design, madeAt);
      return b.build();
    }

    /** What the referrer does not know, and what already happened (issue 11). */
    private final class Unknowns {
      private final SplittableRandom u;

      Unknowns(SplittableRandom u) {
        this.u = u;
      }

      void apply(Referral.Builder b, int design, Instant madeAt) {
        boolean lay = !referrerProfessional;
        List<Child> out = new ArrayList<>();
        for (Child c : children) {
          out.add(unknowns(c, lay));
        }
        b.household(Household.builder().children(out).adults(adults).build());
        if (referred.size() >= 2) {
          List<Concern> limited = new ArrayList<>();
          for (Concern c : concerns) {
            limited.add(c.subject() != SubjectKind.CHILD && u.nextDouble() < 0.20
                ? Concern.builder().from(c).addAboutChildren(referred.get(0).ref()).build() : c);
          }
          b.concerns(limited);
        }
        if (design >= 3 && u.nextDouble() < 0.10) {
          b.phoneReferralMadeAt(madeAt.minusSeconds(60L * (10 + u.nextInt(111))));
        }
      }

      private Child unknowns(Child c, boolean lay) {
        Child.Builder b = Child.builder().from(c);
        if (c.dateOfBirth().isPresent()) {
          Period age = Period.between(c.dateOfBirth().get(), day);
          boolean isReferred = referred.contains(c);
          double approximate = !isReferred ? 0.30 : lay ? 0.15 : c == referred.get(0) ? 0.03 : 0.08;
          double unknown = isReferred ? 0 : 0.10;
          double x = u.nextDouble();
          if (isReferred && age.getYears() >= policy.adultAge() - 1) {
            x = 1; // a referred child of 17 or over keeps the date: the scope depends on it
          }
          if (x < approximate && age.getYears() <= ApproximateAge.MAX_YEARS) {
            b.dateOfBirth(Optional.empty()).approximateAge(age.getYears() == 0
                ? ApproximateAge.of(0, age.getMonths()) : ApproximateAge.ofYears(age.getYears()));
          } else if (x < approximate + unknown) {
            b.dateOfBirth(Optional.empty()).ageUnknown(true);
          }
        }
        if (!c.disabled() && u.nextDouble() < 0.03) {
          b.disabilityUnknown(true);
        }
        return b.build();
      }
    }

    /**
     * Each person's own decision about consent, and the case's history (issue 11, drawn from a
     * third random stream after everything else, so the rest of referral {@code n} is what it was
     * before they were added). The shares are this generator's assumption; no source gives them.
     */
    private final class History {
      private final SplittableRandom h;

      History(SplittableRandom h) {
        this.h = h;
      }

      private boolean chance(double p) {
        return h.nextDouble() < p;
      }

      /**
       * In 15% of the referrals whose consent is a person's decision (given, withheld, withdrawn or
       * not yet sought), records it per person instead: each adult of the household with parental
       * responsibility, sometimes a parent with parental responsibility who lives elsewhere
       * (unnamed), and often the referred young person (12 or over) with a stated judgement of
       * their competence. A second parent disagrees 20% of the time, the young person 25%.
       */
      void consentByGiver(Referral.Builder b) {
        ConsentStatus base = consentStatus;
        boolean personal = base == ConsentStatus.GIVEN || base == ConsentStatus.WITHHELD
            || base == ConsentStatus.WITHDRAWN || base == ConsentStatus.NOT_YET_SOUGHT;
        if (!personal || !chance(0.15)) {
          return;
        }
        List<GiverConsent> givers = new ArrayList<>();
        int parents = 0;
        for (Adult a : adults) {
          if (a.parentalResponsibility()) {
            givers.add(decision(ConsentGiver.PARENTAL_RESPONSIBILITY, Optional.of(a.ref()), Optional.empty(),
                parents > 0 && chance(0.20) ? opposite(base) : base, parents));
            parents++;
          }
        }
        if (parents == 1 && chance(0.15)) { // a parent elsewhere, not recorded as a household adult
          givers.add(decision(ConsentGiver.PARENTAL_RESPONSIBILITY, Optional.empty(), Optional.empty(),
              chance(0.20) ? opposite(base) : base, parents));
          parents++;
        }
        Child child = referred.get(0);
        if (!child.recordedAsUnborn()) {
          int age = child.ageOn(day).years();
          if (age >= 12 && age < policy.adultAge() && chance(age >= 16 ? 0.8 : 0.5)) {
            Competence competence = new Competence[] {
              Competence.JUDGED_COMPETENT, Competence.JUDGED_NOT_COMPETENT, Competence.NOT_ASSESSED
            }[age >= 16 ? pick(75, 5, 20) : pick(45, 20, 35)];
            givers.add(decision(ConsentGiver.YOUNG_PERSON, Optional.of(child.ref()), Optional.of(competence),
                chance(0.25) ? opposite(base) : base, parents));
          }
        }
        b.consent(ConsentState.notYetSought()).consentHistory(ConsentHistory.empty()).consentByGiver(givers);
      }

      private GiverConsent decision(ConsentGiver giver, Optional<Ref> person, Optional<Competence> competence,
          ConsentStatus status, int n) {
        GiverConsent.Builder g = GiverConsent.builder().giver(giver).person(person).competence(competence)
            .status(status);
        if (status == ConsentStatus.GIVEN) {
          g.form(n == 0 ? consentForm : chance(0.6) ? ConsentForm.VERBAL : ConsentForm.WRITTEN);
        }
        if (status != ConsentStatus.NOT_YET_SOUGHT) {
          g.recordedAt(consentRecorded.minusSeconds(60L * n * h.nextInt(30)));
        }
        return g.build();
      }

      /** A different decision of another person: given against withheld, withdrawn against given. */
      private ConsentStatus opposite(ConsentStatus s) {
        switch (s) {
          case GIVEN:
            return ConsentStatus.WITHHELD;
          case WITHHELD:
          case WITHDRAWN:
            return ConsentStatus.GIVEN;
          default:
            return s; // not yet sought from anyone
        }
      }

      /**
       * The case's history: an open plan (early help, at Tier 1-3; a child in need plan at Tier
       * 2-4; a child protection plan at Tier 4), usually with its allocated worker (rarely a worker
       * without a plan); for 60% of repeat referrals the previous referral (2 weeks to 2 years
       * before, with its outcome) and, for 20% of those closed with early help or no further action,
       * the time the referrer recorded disagreeing with the Hub's decision (up to a week before).
       */
      void caseHistory(Referral.Builder b, int design, Instant madeAt) {
        CaseHistory.Builder c = CaseHistory.builder();
        double[] plans;
        switch (design) {
          case 1:
            plans = new double[] {0.03, 0, 0};
            break;
          case 2:
            plans = new double[] {0.10, 0.03, 0}; // a child in need plan: a step down to consider
            break;
          case 3:
            plans = new double[] {0.12, 0.08, 0};
            break;
          default:
            plans = new double[] {0.05, 0.08, 0.06};
        }
        OpenPlan[] kinds = OpenPlan.values();
        for (int i = 0; i < kinds.length; i++) {
          if (chance(plans[i])) {
            c.addOpenPlans(kinds[i]);
            if (chance(0.85)) {
              c.addAllocatedWorkers(kinds[i].statutory() ? AllocatedWorker.SOCIAL_WORKER : AllocatedWorker.EARLY_HELP_WORKER);
            }
          }
        }
        if (chance(0.02)) {
          c.addAllocatedWorkers(chance(0.5) ? AllocatedWorker.SOCIAL_WORKER : AllocatedWorker.EARLY_HELP_WORKER);
        }
        if (repeat && chance(0.60)) {
          ReferralOutcome[] outcomes = ReferralOutcome.values();
          // passed to the allocated worker, early help, assessment, strategy discussion, no further action, unknown
          ReferralOutcome outcome = outcomes[pick(5, 30, 25, 5, 25, 10)];
          c.previousReferral(PreviousReferral.builder().madeOn(day.minusDays(14 + h.nextInt(717))).outcome(outcome).build());
          if ((outcome == ReferralOutcome.EARLY_HELP || outcome == ReferralOutcome.NO_FURTHER_ACTION) && chance(0.20)) {
            c.hubDisagreementAt(madeAt.minusSeconds(3600L + h.nextInt(7 * 24 * 3600)));
          }
        }
        CaseHistory history = c.build();
        if (!history.isEmpty()) {
          b.caseHistory(history);
        }
      }

      private int pick(int... weights) {
        int total = 0;
        for (int w : weights) {
          total += w;
        }
        int x = h.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
          x -= weights[i];
          if (x < 0) {
            return i;
          }
        }
        throw new AssertionError();
      }
    }

    // ---- when ----------------------------------------------------------------------------------

    private LocalDateTime madeAt() {
      LocalDate date = FIRST_DAY.plusDays(r.nextInt(DAYS));
      if (weekend(date) && chance(0.6)) {
        date = FIRST_DAY.plusDays(r.nextInt(DAYS)); // fewer referrals at weekends
      }
      int minute;
      if (weekend(date)) {
        minute = 8 * 60 + r.nextInt(15 * 60); // 08:00-22:59
      } else {
        double p = r.nextDouble();
        if (p < 0.80) {
          minute = 9 * 60 + r.nextInt(8 * 60); // office hours 09:00-16:59
        } else if (p < 0.83) {
          minute = 8 * 60 + 30 + r.nextInt(30); // the 08:30-09:00 gap
        } else if (p < 0.96) {
          minute = 17 * 60 + r.nextInt(6 * 60); // evening 17:00-22:59
        } else {
          minute = r.nextInt(8 * 60 + 30); // night 00:00-08:29
        }
      }
      return date.atTime(LocalTime.of(minute / 60, minute % 60));
    }

    private boolean weekend(LocalDate d) {
      return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    // ---- who -----------------------------------------------------------------------------------

    private Referrer referrer() {
      AgencyType[] types = {
        AgencyType.SCHOOL, AgencyType.POLICE, AgencyType.HEALTH, AgencyType.GP, AgencyType.EARLY_YEARS,
        AgencyType.HOUSING, AgencyType.VOLUNTARY_AND_COMMUNITY, AgencyType.FURTHER_EDUCATION,
        AgencyType.YOUTH_OFFENDING, AgencyType.ADULT_SOCIAL_CARE, AgencyType.CHILDRENS_SERVICES,
        AgencyType.PROBATION, AgencyType.FAITH, AgencyType.SPORTS_AND_LEISURE,
        AgencyType.OTHER_PROFESSIONAL, AgencyType.PARENT_OR_CARER, AgencyType.MEMBER_OF_PUBLIC
      };
      AgencyType type = types[pick(28, 14, 10, 7, 5, 5, 5, 4, 3, 3, 3, 2, 1, 1, 3, 3, 3)];
      boolean education = type == AgencyType.SCHOOL || type == AgencyType.FURTHER_EDUCATION
          || type == AgencyType.EARLY_YEARS;
      boolean lead = type.isProfessional() && chance(education ? 0.6 : 0.2);
      referrerProfessional = type.isProfessional();
      return Referrer.builder().agencyType(type).designatedSafeguardingLead(lead).build();
    }

    private void household() {
      if (chance(0.03)) {
        children.add(unborn(1)); // a pre-birth referral
      } else {
        int n = pick(50, 28, 14, 6, 2) + 1;
        for (int i = 1; i <= n; i++) {
          children.add(born(i, i > 1 && chance(0.015) ? 18 + r.nextInt(2) : childAge()));
        }
        if (chance(0.04)) {
          children.add(unborn(n + 1));
        }
      }
      referred.add(children.get(0));
      for (Child c : children.subList(1, children.size())) {
        boolean adult = !c.recordedAsUnborn() && c.ageOn(day).years() >= policy.adultAge();
        if (adult ? chance(0.2) : !chance(0.15)) {
          referred.add(c);
        }
      }
      int n = pick(40, 52, 8) + 1;
      boolean motherFirst = chance(0.85);
      adults.add(adult(1, motherFirst ? Relationship.MOTHER : Relationship.FATHER, true));
      if (n >= 2) {
        Relationship[] second = {
          motherFirst ? Relationship.FATHER : Relationship.MOTHER, Relationship.STEP_PARENT, Relationship.PARENTS_PARTNER
        };
        Relationship rel = second[pick(60, 20, 20)];
        adults.add(adult(2, rel, rel != Relationship.PARENTS_PARTNER && (rel != Relationship.STEP_PARENT || chance(0.3))));
      }
      if (n >= 3) {
        Relationship[] third = {Relationship.GRANDPARENT, Relationship.OTHER_RELATIVE, Relationship.UNRELATED_ADULT};
        adults.add(adult(3, third[pick(50, 30, 20)], false));
      }
    }

    private int childAge() {
      switch (pick(28, 34, 28, 10)) {
        case 0:
          return r.nextInt(5);
        case 1:
          return 5 + r.nextInt(6);
        case 2:
          return 11 + r.nextInt(5);
        default:
          return 16 + r.nextInt(2);
      }
    }

    private Child born(int n, int age) {
      LocalDate dob = age == 0 ? day.minusDays(30 + r.nextInt(330)) : day.minusYears(age).minusDays(r.nextInt(365));
      boolean disabled = chance(0.04);
      Mobility mobility;
      if (age == 0) {
        mobility = new Mobility[] {Mobility.PRE_MOBILE, Mobility.MOBILE, Mobility.UNKNOWN}[pick(60, 25, 15)];
      } else if (disabled && chance(0.25)) {
        mobility = Mobility.NON_MOBILE;
      } else {
        mobility = chance(0.05) ? Mobility.UNKNOWN : Mobility.MOBILE;
      }
      Child.Builder c = Child.builder()
          .ref(Ref.of("c" + n))
          .dateOfBirth(dob)
          .mobility(mobility)
          .disabled(disabled)
          .disabilityNeedsAssessed(disabled && chance(0.5))
          .ehcPlan(disabled ? chance(0.4) : chance(0.02));
      if (age >= 5 && age <= 17) {
        if (age == 17 ? chance(0.5) : chance(0.95)) {
          c.school(SchoolAttendance.builder().onRoll(true).attendancePercent(chance(0.85) ? 90 + r.nextInt(11) : 70 + r.nextInt(20)).build());
        } else {
          c.school(SchoolAttendance.builder().onRoll(false).homeEducated(chance(0.6)).build());
        }
      }
      return c.build();
    }

    private Child unborn(int n) {
      return Child.builder()
          .ref(Ref.of("c" + n))
          .expectedDateOfDelivery(day.plusDays(14 + r.nextInt(200)))
          .build();
    }

    private Adult adult(int n, Relationship relationship, boolean parentalResponsibility) {
      return Adult.builder()
          .ref(Ref.of("a" + n))
          .relationship(relationship)
          .parentalResponsibility(parentalResponsibility)
          .build();
    }

    // ---- what ----------------------------------------------------------------------------------

    private void concerns(int design) {
      Tier[] tiers = Tier.values();
      if (design == 1) {
        int n = chance(0.5) ? 0 : 1 + r.nextInt(2);
        for (int i = 0; i < n; i++) {
          strength();
        }
        return;
      }
      need(tiers[design - 1]);
      if (design == 2 && chance(0.3)) {
        need(Tier.ADDITIONAL_NEEDS);
      } else if (design == 3) {
        for (int i = r.nextInt(3); i > 0; i--) {
          need(Tier.ADDITIONAL_NEEDS);
        }
      } else if (design == 4) {
        if (chance(0.25)) {
          need(chance(0.5) ? Tier.ACUTE : Tier.HIGH_OR_COMPLEX);
        }
        if (chance(0.5)) {
          need(Tier.ADDITIONAL_NEEDS);
        }
      }
      if (chance(0.25)) {
        strength();
      }
    }

    /** Adds a need at a tier about the first referred child, a parent or another household member. */
    private void need(Tier tier) {
      Child child = referred.get(0);
      boolean unborn = child.recordedAsUnborn();
      SubjectKind[] order;
      double p = r.nextDouble();
      if (unborn || p >= 0.55) {
        order = p >= 0.95
            ? new SubjectKind[] {SubjectKind.HOUSEHOLD_MEMBER, SubjectKind.PARENT_CARER, SubjectKind.CHILD}
            : new SubjectKind[] {SubjectKind.PARENT_CARER, SubjectKind.HOUSEHOLD_MEMBER, SubjectKind.CHILD};
      } else {
        order = new SubjectKind[] {SubjectKind.CHILD, SubjectKind.PARENT_CARER, SubjectKind.HOUSEHOLD_MEMBER};
      }
      for (SubjectKind subject : order) {
        List<Indicator> eligible = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (Indicator i : needs.get(tier)) {
          if (i.subjects().contains(subject) && !used.contains(i.code().value()) && fits(i, subject, child)) {
            eligible.add(i);
            weights.add(i.has(IndicatorFlag.PREVENT) ? PREVENT_WEIGHT : 1.0);
          }
        }
        if (!eligible.isEmpty()) {
          add(eligible.get(weighted(weights)), subject, child);
          return;
        }
      }
    }

    private void strength() {
      Child child = referred.get(0);
      SubjectKind subject = child.recordedAsUnborn() || chance(0.4) ? SubjectKind.PARENT_CARER : SubjectKind.CHILD;
      List<Indicator> eligible = strengths.stream()
          .filter(i -> i.subjects().contains(subject) && !used.contains(i.code().value()) && fits(i, subject, child))
          .collect(Collectors.toList());
      if (!eligible.isEmpty()) {
        add(eligible.get(r.nextInt(eligible.size())), subject, child);
      }
    }

    /**
     * True if the indicator's conditions hold for the children it will apply to and it would not
     * be replaced by a higher-tier one: the designed tier then stays the evaluated one.
     */
    private boolean fits(Indicator i, SubjectKind subject, Child child) {
      LocalDate observed = day.minusDays(14); // the earliest a concern is observed
      List<Child> applies = subject == SubjectKind.CHILD ? List.of(child) : referred;
      for (Child c : applies) {
        if (c.recordedAsUnborn() && subject == SubjectKind.CHILD && i.age().isEmpty()) {
          return false; // a need of a born child (attendance, behaviour) is not about an unborn one
        }
        if (!c.recordedAsUnborn() && c.ageOn(day).years() >= policy.adultAge()) {
          continue; // out of scope: the concern is noted, not assessed
        }
        for (LocalDate d : List.of(observed, day)) {
          Age age = c.ageOn(d);
          if (c == child && i.conditionsFor(age, c.mobility()) != Match.YES) {
            return false;
          }
          if (i.escalatesTo().isPresent()
              && policy.indicator(i.escalatesTo().get()).map(e -> e.conditionsFor(age, c.mobility()) != Match.NO).orElse(false)) {
            return false;
          }
        }
      }
      return true;
    }

    private void add(Indicator i, SubjectKind subject, Child child) {
      used.add(i.code().value());
      Ref about;
      if (subject == SubjectKind.CHILD) {
        about = child.ref();
      } else if (subject == SubjectKind.PARENT_CARER) {
        about = adults.get(r.nextInt(adults.size())).ref();
      } else {
        about = adults.get(adults.size() - 1).ref();
      }
      int daysAgo = Math.min(14, (int) (-Math.log(1 - r.nextDouble()) * 2.5)); // mostly the last few days
      concerns.add(Concern.of(i.code().value(), subject, about, day.minusDays(daysAgo)));
    }

    // ---- consent -------------------------------------------------------------------------------

    private void consent(Referral.Builder b, int design, Instant madeAt) {
      Instant recorded = madeAt.minusSeconds(60L * (5 + r.nextInt(175)));
      Child child = referred.get(0);
      int age = child.recordedAsUnborn() ? 0 : child.ageOn(day).years();
      ConsentGiver by = age >= 16 && chance(0.4) || age >= 13 && chance(0.15)
          ? ConsentGiver.YOUNG_PERSON : ConsentGiver.PARENTAL_RESPONSIBILITY;
      ConsentForm form = chance(0.6) ? ConsentForm.VERBAL : ConsentForm.WRITTEN;
      ConsentStatus[] statuses = ConsentStatus.values();
      int[] weights;
      switch (design) {
        case 1:
        case 2:
          // not yet sought, given, withheld, withdrawn, not sought (unsafe), shared without consent
          weights = new int[] {15, 70, 10, 5, 0, 0};
          break;
        case 3:
          weights = new int[] {25, 45, 12, 0, 15, 3};
          break;
        default:
          weights = new int[] {35, 15, 0, 0, 35, 15};
      }
      ConsentStatus status = statuses[pick(weights)];
      consentStatus = status;
      consentForm = form;
      consentRecorded = recorded;
      switch (status) {
        case NOT_YET_SOUGHT:
          b.consent(ConsentState.notYetSought());
          break;
        case GIVEN:
          b.consent(ConsentState.given(by, form, recorded));
          break;
        case WITHHELD:
          b.consent(ConsentState.withheld(by, recorded));
          break;
        case WITHDRAWN:
          b.consentHistory(ConsentHistory.of(
              ConsentState.given(by, form, recorded.minusSeconds(86_400L * (2 + r.nextInt(60)))),
              ConsentState.builder().status(ConsentStatus.WITHDRAWN).by(by).recordedAt(recorded).build()));
          break;
        case NOT_SOUGHT_UNSAFE:
          b.consent(ConsentState.notSoughtUnsafe(chance(0.7)
              ? NotSoughtReason.INCREASED_RISK_TO_CHILD : NotSoughtReason.COMPROMISE_POLICE_INVESTIGATION, recorded));
          break;
        default:
          b.consent(ConsentState.builder()
              .status(ConsentStatus.SHARED_WITHOUT_CONSENT)
              .recordedAt(recorded)
              .authorisedBy(chance(0.7) ? Authoriser.DESIGNATED_SAFEGUARDING_LEAD : Authoriser.LINE_MANAGER)
              .legalBasis("Children Act 1989 section 47: reasonable cause to suspect significant harm")
              .build());
      }
    }

    // ---- chance --------------------------------------------------------------------------------

    private boolean chance(double p) {
      return r.nextDouble() < p;
    }

    /** @return an index drawn with the given whole-number weights */
    private int pick(int... weights) {
      int total = 0;
      for (int w : weights) {
        total += w;
      }
      int x = r.nextInt(total);
      for (int i = 0; i < weights.length; i++) {
        x -= weights[i];
        if (x < 0) {
          return i;
        }
      }
      throw new AssertionError();
    }

    private int weighted(List<Double> weights) {
      double total = 0;
      for (double w : weights) {
        total += w;
      }
      double x = r.nextDouble() * total;
      for (int i = 0; i < weights.size(); i++) {
        x -= weights.get(i);
        if (x < 0) {
          return i;
        }
      }
      return weights.size() - 1;
    }
  }
}
