package io.thresholds.core.consent;

import static io.thresholds.core.testing.ReferralArbitraries.POLICY;
import static io.thresholds.core.testing.ReferralArbitraries.weighted;

import io.thresholds.core.model.Adult;
import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Household;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Referrer;
import io.thresholds.core.model.Relationship;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.Indicator;
import io.thresholds.core.policy.IndicatorFlag;
import io.thresholds.core.policy.IndicatorKind;
import io.thresholds.core.testing.ReferralArbitraries;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators for the consent properties: valid consent histories made by walking the transitions
 * {@link ConsentHistory} allows, referrals focused on Tier 2 (where consent gates the early help
 * referral), and concerns whose indicator forbids telling the family or seeking consent.
 *
 * <p>The transition model below is written from the documented rules (ConsentHistory's Javadoc and
 * the README): consent can be withdrawn only after it was given; consent that was given is
 * withdrawn, not withheld; "not yet sought" is never recorded together with anything else; entries
 * are in time order (equal instants allowed); consent may be given again after it was withheld or
 * withdrawn, and information may be shared without consent after any state.
 */
final class ConsentArbitraries {
  /** Statuses a history may hold after its first entry (never "not yet sought"). */
  static final List<ConsentStatus> RECORDED = List.of(ConsentStatus.GIVEN, ConsentStatus.WITHHELD,
      ConsentStatus.WITHDRAWN, ConsentStatus.NOT_SOUGHT_UNSAFE, ConsentStatus.SHARED_WITHOUT_CONSENT);

  /** Indicators flagged "do not tell the family" or "police investigation". */
  static final List<Indicator> FLAGGED = POLICY.indicators().stream()
      .filter(i -> i.has(IndicatorFlag.DO_NOT_TELL_FAMILY) || i.has(IndicatorFlag.POLICE_INVESTIGATION))
      .collect(Collectors.toUnmodifiableList());

  /** Tier 2 need indicators that can be about a child or a parent. */
  static final List<Indicator> TIER2_NEEDS = POLICY.indicators().stream()
      .filter(i -> i.kind() == IndicatorKind.NEED && i.tier() == Tier.ADDITIONAL_NEEDS)
      .filter(i -> i.subjects().contains(SubjectKind.CHILD) || i.subjects().contains(SubjectKind.PARENT_CARER))
      .collect(Collectors.toUnmodifiableList());

  private ConsentArbitraries() {}

  // ---- the transition model -------------------------------------------------------------------

  /** The last of GIVEN, WITHHELD or WITHDRAWN recorded so far, or empty. */
  static Optional<ConsentStatus> consentBearing(List<ConsentStatus> sofar) {
    for (int i = sofar.size() - 1; i >= 0; i--) {
      ConsentStatus s = sofar.get(i);
      if (s == ConsentStatus.GIVEN || s == ConsentStatus.WITHHELD || s == ConsentStatus.WITHDRAWN) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * @param sofar the statuses recorded so far, oldest first
   * @return the statuses the next entry may have
   */
  static List<ConsentStatus> allowedNext(List<ConsentStatus> sofar) {
    if (sofar.contains(ConsentStatus.NOT_YET_SOUGHT)) {
      return List.of();
    }
    boolean given = consentBearing(sofar).equals(Optional.of(ConsentStatus.GIVEN));
    List<ConsentStatus> out = new ArrayList<>();
    if (sofar.isEmpty()) {
      out.add(ConsentStatus.NOT_YET_SOUGHT);
    }
    for (ConsentStatus s : RECORDED) {
      if (s == ConsentStatus.WITHDRAWN && !given) {
        continue;
      }
      if (s == ConsentStatus.WITHHELD && given) {
        continue;
      }
      if ((s == ConsentStatus.SHARED_WITHOUT_CONSENT || s == ConsentStatus.NOT_SOUGHT_UNSAFE) && given) {
        continue;
      }
      out.add(s);
    }
    return out;
  }

  /**
   * @param sofar the statuses recorded so far (not containing "not yet sought")
   * @return the one consent-bearing status the next entry may not have
   */
  static ConsentStatus forbiddenNext(List<ConsentStatus> sofar) {
    return consentBearing(sofar).equals(Optional.of(ConsentStatus.GIVEN))
        ? ConsentStatus.WITHHELD : ConsentStatus.WITHDRAWN;
  }

  /** A transition's name: "start -> GIVEN", "WITHHELD -> GIVEN". */
  static String transition(Optional<ConsentStatus> from, ConsentStatus to) {
    return from.map(ConsentStatus::name).orElse("start") + " -> " + to;
  }

  /** Every transition the model allows, by name (the coverage target). */
  static List<String> allTransitions() {
    List<String> out = new ArrayList<>();
    for (ConsentStatus s : allowedNext(List.of())) {
      out.add(transition(Optional.empty(), s));
    }
    // After each recorded status, with consent given or not given earlier.
    for (ConsentStatus prev : RECORDED) {
      for (boolean givenBefore : List.of(true, false)) {
        List<ConsentStatus> sofar = new ArrayList<>();
        if (givenBefore && prev != ConsentStatus.GIVEN) {
          sofar.add(ConsentStatus.GIVEN);
        }
        if (prev == ConsentStatus.WITHDRAWN && !givenBefore) {
          continue;
        }
        if (!allowedNext(sofar).contains(prev)) {
          continue; // e.g. "not sought, unsafe" cannot follow consent in force
        }
        sofar.add(prev);
        for (ConsentStatus next : allowedNext(sofar)) {
          String t = transition(Optional.of(prev), next);
          if (!out.contains(t)) {
            out.add(t);
          }
        }
      }
    }
    return out;
  }

  // ---- building states ------------------------------------------------------------------------

  /** The facts a state may need; only those its status needs are used. */
  record Facts(ConsentGiver by, ConsentForm form, NotSoughtReason reason, Authoriser authoriser,
      String legalBasis) {
    ConsentState state(ConsentStatus status, Instant at) {
      ConsentState.Builder b = ConsentState.builder().status(status);
      switch (status) {
        case NOT_YET_SOUGHT:
          return b.build();
        case GIVEN:
          return b.by(by).form(form).recordedAt(at).build();
        case WITHHELD:
        case WITHDRAWN:
          return b.by(by).recordedAt(at).build();
        case NOT_SOUGHT_UNSAFE:
          return b.notSoughtReason(reason).recordedAt(at).build();
        case SHARED_WITHOUT_CONSENT:
          return b.authorisedBy(authoriser).legalBasis(legalBasis).recordedAt(at).build();
        default:
          throw new AssertionError(status);
      }
    }
  }

  static Arbitrary<Facts> facts() {
    return Combinators.combine(Arbitraries.of(ConsentGiver.values()), Arbitraries.of(ConsentForm.values()),
            Arbitraries.of(NotSoughtReason.values()), Arbitraries.of(Authoriser.values()),
            ReferralArbitraries.distinctiveText())
        .as(Facts::new);
  }

  /** Seconds between one entry and the next: often equal instants, else up to three days. */
  static Arbitrary<Long> gaps() {
    return Arbitraries.frequencyOf(List.of(
        weighted(1, Arbitraries.just(0L)),
        weighted(1, Arbitraries.of(1L, 59L, 3600L)),
        weighted(4, Arbitraries.longs().between(1, 3L * 24 * 3600))));
  }

  /** One step of a walk: which allowed status (by index), its facts, the gap before the next. */
  record Step(int choice, Facts facts, long gapSeconds) {}

  static Arbitrary<Step> steps() {
    return Combinators.combine(Arbitraries.integers().between(0, 1000), facts(), gaps()).as(Step::new);
  }

  /**
   * A valid history with the transitions taken to make it.
   *
   * @param history the history
   * @param transitions the transitions, by name, one per entry
   */
  record Walk(ConsentHistory history, List<String> transitions) {
    List<ConsentStatus> statuses() {
      return history.entries().stream().map(ConsentState::status).collect(Collectors.toList());
    }
  }

  /**
   * A walk plan: resolved against the instant its last entry is recorded at or before.
   *
   * @param steps the steps
   * @param endGap seconds between the last entry and the end instant
   * @param notYetSought whether the walk is the lone "not yet sought" entry (if it has steps)
   */
  record WalkPlan(List<Step> steps, long endGap, boolean notYetSought) {
    Walk resolve(Instant end) {
      List<ConsentStatus> statuses = new ArrayList<>();
      List<String> transitions = new ArrayList<>();
      for (Step step : steps) {
        List<ConsentStatus> allowed = new ArrayList<>(allowedNext(statuses));
        if (notYetSought) {
          allowed.retainAll(List.of(ConsentStatus.NOT_YET_SOUGHT));
        } else {
          allowed.remove(ConsentStatus.NOT_YET_SOUGHT);
        }
        if (allowed.isEmpty()) {
          break;
        }
        // Withdrawal is the one transition open only after consent was given: favour it then, so
        // that it is not rare.
        ConsentStatus next = allowed.contains(ConsentStatus.WITHDRAWN) && step.choice() % 4 == 0
            ? ConsentStatus.WITHDRAWN : allowed.get(step.choice() / 4 % allowed.size());
        transitions.add(transition(statuses.isEmpty() ? Optional.empty()
            : Optional.of(statuses.get(statuses.size() - 1)), next));
        statuses.add(next);
      }
      // Times backwards from the end: the last entry endGap before it, each earlier one its gap before.
      Instant[] times = new Instant[statuses.size()];
      Instant t = end.minusSeconds(endGap);
      for (int i = statuses.size() - 1; i >= 0; i--) {
        times[i] = t;
        t = t.minusSeconds(steps.get(i).gapSeconds());
      }
      List<ConsentState> entries = new ArrayList<>();
      for (int i = 0; i < statuses.size(); i++) {
        entries.add(steps.get(i).facts().state(statuses.get(i), times[i]));
      }
      return new Walk(ConsentHistory.builder().entries(entries).build(), transitions);
    }
  }

  /**
   * @param maxSize the most entries
   * @param notYetSought whether a walk may be the lone "not yet sought" entry (one in eight)
   * @return walk plans of 0 to maxSize steps
   */
  static Arbitrary<WalkPlan> walkPlans(int maxSize, boolean notYetSought) {
    Arbitrary<Boolean> lone = notYetSought
        ? Arbitraries.frequencyOf(List.of(weighted(1, Arbitraries.just(true)), weighted(7, Arbitraries.just(false))))
        : Arbitraries.just(false);
    // Without jqwik's edge cases: mixed in, they would make most walks a single first-or-last
    // choice. The interesting edges (equal instants, the empty and the lone entry) are drawn anyway.
    return Combinators.combine(steps().list().ofMaxSize(maxSize),
            Arbitraries.longs().between(0, 10L * 24 * 3600), lone)
        .as(WalkPlan::new)
        .withoutEdgeCases();
  }

  // ---- referrals ------------------------------------------------------------------------------

  /**
   * The effective history a referral's sharing records are checked against: the history, or the
   * directly given state when it was recorded (a lone WITHDRAWN state is not a valid history, so it
   * is taken as consent given and withdrawn at the same instant).
   */
  static ConsentHistory effective(Referral r) {
    if (!r.consentHistory().entries().isEmpty()) {
      return r.consentHistory();
    }
    ConsentState s = r.consent();
    if (s.recordedAt().isEmpty()) {
      return ConsentHistory.empty();
    }
    if (s.status() == ConsentStatus.WITHDRAWN) {
      return ConsentHistory.of(ConsentState.given(s.by().orElseThrow(), ConsentForm.VERBAL,
          s.recordedAt().get()), s);
    }
    return ConsentHistory.of(s);
  }

  /**
   * @param r a referral
   * @param h a valid history
   * @return the referral with that history (its latest entry the current consent), keeping only the
   *     sharing records consistent with it
   */
  static Referral withHistory(Referral r, ConsentHistory h) {
    return Referral.builder().from(r)
        .consentHistory(h)
        .consent(h.current())
        .sharing(r.sharing().stream().filter(x -> x.consistentWith(h)).collect(Collectors.toList()))
        .build();
  }

  /**
   * @param r a referral
   * @param s a state
   * @return the referral with that state given directly, no history, keeping only the sharing
   *     records consistent with it (on consent only if it was given at or before the sharing)
   */
  static Referral withState(Referral r, ConsentState s) {
    return Referral.builder().from(r)
        .consentHistory(ConsentHistory.empty())
        .consent(s)
        .sharing(r.sharing().stream()
            .filter(x -> x.basis() != SharingBasis.CONSENT || (s.status() == ConsentStatus.GIVEN
                && !s.recordedAt().orElseThrow().isAfter(x.sharedAt())))
            .collect(Collectors.toList()))
        .build();
  }

  /** A Tier 2 referral before it is fitted to a time. */
  private record Tier2Seed(ZonedDateTime time, List<Integer> ages, List<int[]> concerns,
      boolean pr, int referrer) {
    Referral build() {
      LocalDate day = time.toLocalDate();
      List<Child> kids = new ArrayList<>();
      for (int i = 0; i < ages.size(); i++) {
        kids.add(Child.builder().ref(Ref.of("child-" + (i + 1))).dateOfBirth(day.minusDays(ages.get(i))).build());
      }
      Adult mum = Adult.builder().ref(Ref.of("mum")).relationship(Relationship.MOTHER)
          .parentalResponsibility(pr).build();
      Household h = Household.builder().children(kids).addAdults(mum).build();
      List<Ref> referred = kids.stream().map(Child::ref).collect(Collectors.toList());
      List<Concern> cs = new ArrayList<>();
      for (int[] c : concerns) {
        Indicator ind = TIER2_NEEDS.get(c[0] % TIER2_NEEDS.size());
        List<SubjectKind> subjects = ReferralArbitraries.feasibleSubjects(ind, h);
        SubjectKind s = subjects.get(c[1] % subjects.size());
        List<Ref> refs = ReferralArbitraries.subjectRefs(s, h, referred);
        cs.add(Concern.builder().indicator(ind.code()).subject(s).subjectRef(refs.get(c[2] % refs.size()))
            .observedOn(day.minusDays(c[3])).build());
      }
      List<AgencyType> types = List.of(AgencyType.SCHOOL, AgencyType.GP, AgencyType.HEALTH,
          AgencyType.PARENT_OR_CARER);
      return Referral.builder().ref(Ref.of("referral-t2")).referrer(Referrer.of(types.get(referrer % types.size())))
          .madeAt(time.toInstant()).household(h).referredChildren(referred).concerns(cs).build();
    }
  }

  /**
   * @return referrals of one or two children aged 0 to 17 living with their mother, with one to
   *     three Tier 2 needs (so Tier 2 is usually in the range)
   */
  static Arbitrary<Referral> tier2Referrals() {
    Arbitrary<int[]> concern = Combinators.combine(Arbitraries.integers().between(0, 10_000),
            Arbitraries.integers().between(0, 10), Arbitraries.integers().between(0, 10),
            Arbitraries.integers().between(0, 60))
        .as((a, b, c, d) -> new int[] {a, b, c, d});
    return Combinators.combine(ReferralArbitraries.referralTimes(),
            Arbitraries.integers().between(0, 17 * 365).list().ofMinSize(1).ofMaxSize(2),
            concern.list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(true, true, false),
            Arbitraries.integers().between(0, 7))
        .as(Tier2Seed::new)
        .map(Tier2Seed::build);
  }

  /** Referrals of any shape (the shared generators) and Tier 2 referrals, half and half. */
  static Arbitrary<Referral> mixedReferrals() {
    return Arbitraries.frequencyOf(List.of(weighted(1, ReferralArbitraries.referrals()),
        weighted(1, tier2Referrals())));
  }

  /**
   * @param r a referral
   * @param walk a valid history ending at or before the referral is made
   * @param direct whether to give its latest state directly instead
   * @return the referral with the walk's consent
   */
  static Referral withConsent(Referral r, Walk walk, boolean direct) {
    return direct ? withState(r, walk.history().current()) : withHistory(r, walk.history());
  }

  /** A flagged concern before it is fitted to a referral. */
  record FlaggedSeed(int indicator, int subject, int ref, int daysBefore) {
    Concern resolve(Referral r) {
      Household h = r.household();
      Indicator ind = FLAGGED.get(indicator % FLAGGED.size());
      for (int probe = 1; ReferralArbitraries.feasibleSubjects(ind, h).isEmpty(); probe++) {
        ind = FLAGGED.get((indicator + probe) % FLAGGED.size());
      }
      List<SubjectKind> subjects = ReferralArbitraries.feasibleSubjects(ind, h);
      SubjectKind s = subjects.get(subject % subjects.size());
      List<Ref> refs = ReferralArbitraries.subjectRefs(s, h, r.referredChildren());
      return Concern.builder().indicator(ind.code()).subject(s).subjectRef(refs.get(ref % refs.size()))
          .observedOn(ReferralArbitraries.referralDay(r).minusDays(daysBefore)).build();
    }
  }

  static Arbitrary<FlaggedSeed> flaggedSeeds() {
    Arbitrary<Integer> index = Arbitraries.integers().between(0, 10_000);
    return Combinators.combine(index, index, index, Arbitraries.integers().between(0, 400))
        .as(FlaggedSeed::new);
  }
}
