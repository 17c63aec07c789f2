package io.thresholds.core.evaluation;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.consent.ConsentAdvisor;
import io.thresholds.core.consent.ConsentGuidance;
import io.thresholds.core.consent.ConsentState;
import io.thresholds.core.consent.ConsentStatus;
import io.thresholds.core.consent.GiverConsent;
import io.thresholds.core.model.Age;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.model.OpenPlan;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.SchoolAttendance;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.ActionRule;
import io.thresholds.core.policy.Combination;
import io.thresholds.core.policy.ExclusionRule;
import io.thresholds.core.policy.Indicator;
import io.thresholds.core.policy.IndicatorFlag;
import io.thresholds.core.policy.IndicatorGroup;
import io.thresholds.core.policy.IndicatorKind;
import io.thresholds.core.policy.Match;
import io.thresholds.core.policy.Modality;
import io.thresholds.core.policy.Policy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The generic evaluator: everything partnership-specific comes from the {@link Policy}. */
final class DefaultThresholdEvaluator implements ThresholdEvaluator {
  private final Policy policy;
  private final ActionPlanner planner;
  private final TimeChecks times;

  DefaultThresholdEvaluator(Policy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.planner = new ActionPlanner(policy);
    this.times = new TimeChecks(policy);
  }

  @Override
  public Policy policy() {
    return policy;
  }

  @Override
  public Evaluation evaluate(Referral referral, Instant at) {
    Objects.requireNonNull(referral, "referral");
    Objects.requireNonNull(at, "at");
    if (at.isBefore(referral.madeAt())) {
      throw new InvalidValueException("at", "is before the referral was made");
    }
    times.check(referral, at);
    LocalDate referralDay = referral.madeAt().atZone(policy.zone()).toLocalDate();
    List<Indicator> reported = resolveConcerns(referral, referralDay);

    Evaluation.Builder result = Evaluation.builder()
        .referral(referral.ref())
        .policyId(policy.id())
        .policyVersion(policy.version())
        .evaluatedAt(at);
    for (Ref ref : referral.referredChildren()) {
      Child child = referral.household().child(ref).orElseThrow();
      result.addChildren(assess(referral, child, reported, referralDay, at));
    }
    // In household order, not the map's insertion order: equal referrals give equal results.
    for (Child c : referral.household().children()) {
      String reason = referral.exclusions().get(c.ref());
      if (reason != null) {
        result.addExclusions(exclusion(referral, reported, c.ref(), reason));
      }
    }
    return result.build();
  }

  /**
   * A child the referrer leaves out: where the policy says who decides, a proposal for them to
   * decide, with the concerns about the whole household or a parent that apply to the child too.
   */
  private Exclusion exclusion(Referral referral, List<Indicator> reported, Ref child, String reason) {
    Optional<ExclusionRule> rule = policy.exclusionRule();
    if (rule.isEmpty()) {
      return Exclusion.of(child, reason);
    }
    Exclusion.Builder b = Exclusion.builder().child(child).reason(reason)
        .decidedBy(rule.get().decidedBy())
        .explanation(rule.get().explanation())
        .citation(rule.get().citation());
    Set<IndicatorCode> shared = new java.util.LinkedHashSet<>();
    for (int i = 0; i < referral.concerns().size(); i++) {
      Concern c = referral.concerns().get(i);
      if (c.subject() != SubjectKind.CHILD && c.aboutChildren().isEmpty() && !c.subjectRef().equals(child)) {
        shared.add(reported.get(i).code());
      }
    }
    return b.sharedConcerns(shared).build();
  }

  /** Looks up and checks each concern's indicator; the list is index-aligned with the concerns. */
  private List<Indicator> resolveConcerns(Referral referral, LocalDate referralDay) {
    List<Indicator> out = new ArrayList<>(referral.concerns().size());
    for (int i = 0; i < referral.concerns().size(); i++) {
      Concern c = referral.concerns().get(i);
      Indicator ind = policy.require(c.indicator()); // unknown or retired: a typed error
      if (!ind.subjects().contains(c.subject())) {
        throw new InvalidValueException("concerns[" + i + "].subject",
            "indicator " + ind.code() + " is about " + ind.subjects() + ", not " + c.subject());
      }
      if (c.observedOn().isAfter(referralDay)) {
        throw new InvalidValueException("concerns[" + i + "].observedOn", "is after the day the referral was made");
      }
      out.add(ind);
    }
    return out;
  }

  private ChildAssessment assess(
      Referral referral, Child child, List<Indicator> reported, LocalDate referralDay, Instant at) {
    boolean exact = child.hasExactAge();
    Age age = exact ? child.ageOn(referralDay) : ageFrom(child.latestBirth(referralDay), referralDay);
    // The oldest the child may be; null when the age is unknown (no upper bound).
    Age oldest = exact ? age : child.ageUnknown() ? null : ageFrom(child.earliestBirth(referralDay), referralDay);
    AgeBasis basis = exact ? AgeBasis.EXACT : child.ageUnknown() ? AgeBasis.UNKNOWN : AgeBasis.APPROXIMATE;
    Scope scope = age.unborn() ? Scope.UNBORN
        : age.years() >= policy.adultAge() ? Scope.ADULT : Scope.CHILD;
    ChildAssessment.Builder out = ChildAssessment.builder()
        .child(child.ref())
        .age(age)
        .ageBasis(basis)
        .scope(scope);
    if (basis == AgeBasis.APPROXIMATE) {
      out.oldestAge(oldest);
    }
    List<Reason> reasons = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    EnumSet<OpenFact> open = EnumSet.noneOf(OpenFact.class);
    // Adulthood uncertain: the child stays in scope (never silently dropped), and the result says so.
    boolean scopeOpen = scope == Scope.CHILD && !exact
        && (oldest == null || oldest.years() >= policy.adultAge());
    if (scopeOpen) {
      notes.add(scopeOpenNote(child, basis));
    }
    if (child.recordedAsUnborn() && !age.unborn()) {
      notes.add("The child is recorded by expected date of delivery, which has passed: the age is"
          + " estimated from it. Record the date of birth.");
    }

    if (scope == Scope.ADULT) {
      return assessAdult(out, referral, child, age, scope, basis, exact, reasons, notes, at);
    }

    Work w = new Work(referral, child, referralDay, at, age, oldest, basis, scope, exact, reasons, notes, open);
    for (int i : concernsFor(referral, child.ref())) {
      concern(w, i, referral.concerns().get(i), reported.get(i));
    }
    education(w);
    combinations(w);
    range(w);
    household(w, reported);
    childProtectionPlan(w, reported);
    disability(w);
    return finish(w, out, scopeOpen);
  }

  /**
   * One child's assessment as it is worked out. {@link #assess} fills it in phases, each a method
   * of its own: one method holding every phase was so large that the JIT's optimising compiler took
   * seconds over it, again after each deoptimisation, which slowed the first minutes of a batch.
   */
  private static final class Work {
    final Referral referral;
    final Child child;
    final LocalDate referralDay;
    final Instant at;
    final Age age;
    /** The oldest the child may be; null when the age is unknown. */
    final @Nullable Age oldest;
    final AgeBasis basis;
    final Scope scope;
    final boolean exact;
    final List<Reason> reasons;
    final List<String> notes;
    final EnumSet<OpenFact> open;
    final Map<IndicatorCode, Indicator> driving = new LinkedHashMap<>();
    /**
     * The lower end each concern firmly supports (a concern whose condition cannot be checked may
     * support less than its indicator's tier).
     */
    final Map<IndicatorCode, Tier> floors = new LinkedHashMap<>();
    /** The highest tier any concern may reach. */
    Tier possibleMax = Tier.UNIVERSAL;
    final EnumSet<Widening> widening = EnumSet.noneOf(Widening.class);
    final EnumSet<IndicatorFlag> possibleFlags = EnumSet.noneOf(IndicatorFlag.class);
    final Map<IndicatorCode, Indicator> related = new LinkedHashMap<>();
    final List<Indicator> possibleNeeds = new ArrayList<>();
    boolean missingEducation;
    boolean mayMissEducation;
    Tier min = Tier.UNIVERSAL;
    Tier max = Tier.UNIVERSAL;
    /** Indicators of concerns about the household's other children (set by the household phase). */
    Map<IndicatorCode, Indicator> household = new LinkedHashMap<>(0);

    Work(Referral referral, Child child, LocalDate referralDay, Instant at, Age age, @Nullable Age oldest,
        AgeBasis basis, Scope scope, boolean exact, List<Reason> reasons, List<String> notes,
        EnumSet<OpenFact> open) {
      this.referral = referral;
      this.child = child;
      this.referralDay = referralDay;
      this.at = at;
      this.age = age;
      this.oldest = oldest;
      this.basis = basis;
      this.scope = scope;
      this.exact = exact;
      this.reasons = reasons;
      this.notes = notes;
      this.open = open;
    }
  }

  /** One reported concern about the child: its indicator, the escalation or fallback, the groups. */
  private void concern(Work w, int i, Concern concern, Indicator ind) {
    if (ind.kind() == IndicatorKind.STRENGTH) {
      w.reasons.add(reason(ReasonKind.STRENGTH, ind, i,
          "Strength or protective factor: " + ind.label() + ". Recorded; it never lowers the range."));
      return;
    }
    Indicator used = ind;
    Tier floor = ind.tier();
    if (ind.escalatesTo().isPresent()) {
      Indicator target = escalation(w, i, concern, ind);
      if (target != null) {
        used = target;
        floor = target.tier();
      }
    }
    if (used == ind) {
      floor = ownCondition(w, i, concern, ind);
    }
    w.driving.put(used.code(), used);
    w.floors.merge(used.code(), floor, Tier::max);
    sameConcernAtHigherTier(w, i, concern, used);
  }

  /**
   * The indicator a concern escalates to when the child meets its condition, or null; a condition
   * that cannot be checked widens the range to the target instead.
   */
  private @Nullable Indicator escalation(Work w, int i, Concern concern, Indicator ind) {
    Indicator target = policy.require(ind.escalatesTo().orElseThrow());
    Condition c = condition(target, w.child, concern.observedOn(), w.referralDay);
    if (c.match == Match.YES) {
      w.reasons.add(escalatedReason(ind, target, i));
      return target;
    }
    if (c.match == Match.UNKNOWN) {
      w.possibleMax = Tier.max(w.possibleMax, target.tier());
      w.possibleFlags.addAll(target.flags());
      w.related.put(target.code(), target);
      w.widening.add(c.widening());
      w.open.addAll(c.openFacts());
      w.reasons.add(reason(ReasonKind.POSSIBLE_ESCALATION, target, i,
          "If " + c.unknownText() + ", " + target.code() + " (Tier " + target.tier().number()
              + ") applies instead of " + ind.code() + ": " + c.why() + "."));
    }
    return null;
  }

  /** The reason for a concern's own indicator and the lower end it firmly supports. */
  private Tier ownCondition(Work w, int i, Concern concern, Indicator ind) {
    Condition c = condition(ind, w.child, concern.observedOn(), w.referralDay);
    if (c.match == Match.NO) {
      w.reasons.add(reason(ReasonKind.CONDITION_NOT_MET, ind, i,
          ind.label() + ". Its age or mobility condition does not hold for this child when"
              + " observed (" + c.ageText + "); kept at Tier " + ind.tier().number()
              + " so that risk is not understated: check the indicator chosen."));
      return ind.tier();
    }
    if (c.match != Match.UNKNOWN) {
      w.reasons.add(reason(ReasonKind.INDICATOR, ind, i, ind.label()));
      return ind.tier();
    }
    Optional<Indicator> fallback = fallback(ind, w.child, concern.observedOn(), w.referralDay);
    w.widening.add(c.widening());
    w.open.addAll(c.openFacts());
    w.reasons.add(reason(ReasonKind.INDICATOR, ind, i, ind.label() + " (" + c.why()
        + (fallback.isPresent()
            ? ": if " + c.notText() + ", " + fallback.get().code() + " (Tier "
                + fallback.get().tier().number() + ") applies instead, so the range starts there)"
            : ")")));
    return fallback.isPresent() ? fallback.get().tier() : ind.tier();
  }

  /** The same concern listed at a higher tier: the range reaches it, its protective flags apply. */
  private void sameConcernAtHigherTier(Work w, int i, Concern concern, Indicator used) {
    for (IndicatorGroup g : policy.groupsOf(used.code())) {
      Indicator highest = null;
      for (IndicatorCode code : g.members()) {
        Indicator m = policy.require(code);
        w.related.putIfAbsent(m.code(), m);
        if (m.tier().compareTo(used.tier()) <= 0
            || condition(m, w.child, concern.observedOn(), w.referralDay).match == Match.NO) {
          continue;
        }
        w.possibleFlags.addAll(m.flags());
        if (highest == null || m.tier().compareTo(highest.tier()) > 0) {
          highest = m;
        }
      }
      if (highest != null) {
        w.possibleMax = Tier.max(w.possibleMax, highest.tier());
        w.widening.add(Widening.SAME_CONCERN_AT_HIGHER_TIER);
        w.reasons.add(listedAtHigherTierReason(highest, used, i, g));
      }
    }
  }

  /** Missing education derived from the school facts, or possible where the age is not exact. */
  private void education(Work w) {
    w.missingEducation = deriveSchoolIndicators(w.child, w.age, w.oldest, w.driving, w.floors, w.reasons);
    if (!w.exact && !w.missingEducation && mayBeMissingEducation(w.child, w.age, w.oldest)) {
      // Whether the child is of compulsory school age depends on the age not known exactly.
      Indicator ind = policy.require(policy.missingEducationIndicator().orElseThrow());
      if (!w.driving.containsKey(ind.code())) {
        w.mayMissEducation = true;
        w.possibleNeeds.add(ind);
        w.possibleMax = Tier.max(w.possibleMax, ind.tier());
        w.possibleFlags.addAll(ind.flags());
        w.related.putIfAbsent(ind.code(), ind);
        w.widening.add(w.basis == AgeBasis.UNKNOWN ? Widening.UNKNOWN_FACT : Widening.AGE_BOUNDARY);
        w.open.add(OpenFact.DATE_OF_BIRTH);
        w.reasons.add(Reason.builder()
            .from(derived(ind, "On no school roll and not home educated; the child's age is "
                + (w.basis == AgeBasis.UNKNOWN ? "not known" : "approximate") + ", so the child may be of"
                + " compulsory school age: if so, " + ind.label()))
            .kind(ReasonKind.POSSIBLE_ESCALATION)
            .build());
      }
    }
    if (policy.missingEducationIndicator().isPresent()
        && w.driving.containsKey(policy.missingEducationIndicator().get())) {
      w.missingEducation = true;
    }
  }

  /** Needs the document places together at a higher tier. */
  private void combinations(Work w) {
    for (Combination k : policy.combinations()) {
      // Members count once per area, so that two domestic abuse indicators are not a combination.
      java.util.Set<String> areas = new java.util.HashSet<>();
      for (IndicatorCode code : k.members()) {
        Indicator m = w.driving.get(code);
        if (m != null) {
          areas.add(m.domain() + "/" + m.area());
        }
      }
      int n = areas.size();
      Indicator target = policy.require(k.indicator());
      if (n >= k.atLeast() && !w.driving.containsKey(target.code())) {
        w.possibleMax = Tier.max(w.possibleMax, target.tier());
        w.possibleFlags.addAll(target.flags());
        w.related.putIfAbsent(target.code(), target);
        w.widening.add(Widening.COMBINATION);
        w.reasons.add(combinationReason(k, target, n));
      }
    }
  }

  /** The range from the driving indicators, immediate danger and the cumulative rule. */
  private void range(Work w) {
    Tier min = Tier.UNIVERSAL;
    for (Tier f : w.floors.values()) {
      min = Tier.max(min, f);
    }
    Tier max = min;
    for (Indicator d : w.driving.values()) {
      max = Tier.max(max, d.tier());
    }
    if (w.referral.immediateDanger()) {
      w.reasons.add(immediateDangerReason());
      min = Tier.max(min, policy.immediateDangerTier().orElse(Tier.UNIVERSAL));
      max = Tier.max(max, min);
    }
    final Tier top = min;
    java.util.Set<String> needsAtTop = new java.util.HashSet<>();
    for (Map.Entry<IndicatorCode, Tier> e : w.floors.entrySet()) {
      if (e.getValue() == top) {
        Indicator d = w.driving.get(e.getKey());
        needsAtTop.add(countKey(d));
      }
    }
    if (needsAtTop.size() >= policy.cumulativeCount() && top != Tier.ACUTE) {
      Tier up = top.oneUp();
      if (up.compareTo(max) > 0) {
        w.widening.add(Widening.CUMULATIVE);
      }
      max = Tier.max(max, up);
      w.reasons.add(Reason.builder()
          .kind(ReasonKind.CUMULATIVE)
          .tier(up)
          .explanation(needsAtTop.size() + " needs at Tier " + top.number() + countWords()
              + " together may amount to Tier " + up.number() + ": weigh them together.")
          .citation(policy.cumulativeCitation())
          .build());
    }
    w.min = min;
    w.max = max;
    uncertainCumulative(w);
    w.max = Tier.max(w.max, w.possibleMax);
  }

  /**
   * The cumulative rule at the upper end: a need that may apply (a fact not recorded) counts too,
   * so that an unknown fact never lowers the range's upper end.
   */
  private void uncertainCumulative(Work w) {
    if (w.possibleNeeds.isEmpty() && !anyFloorBelowItsTier(w)) {
      return; // nothing may apply beyond what is counted already
    }
    Map<Tier, Set<String>> mayCount = new java.util.EnumMap<>(Tier.class);
    EnumSet<Tier> uncertainAt = EnumSet.noneOf(Tier.class);
    for (Map.Entry<IndicatorCode, Tier> e : w.floors.entrySet()) {
      Indicator d = w.driving.get(e.getKey());
      mayCount.computeIfAbsent(d.tier(), t -> new java.util.HashSet<>()).add(countKey(d));
      if (e.getValue() != d.tier()) {
        uncertainAt.add(d.tier());
      }
    }
    for (Indicator p : w.possibleNeeds) {
      mayCount.computeIfAbsent(p.tier(), t -> new java.util.HashSet<>()).add(countKey(p));
      uncertainAt.add(p.tier());
    }
    for (Tier t : uncertainAt) {
      if (t != Tier.ACUTE && mayCount.get(t).size() >= policy.cumulativeCount()
          && t.oneUp().compareTo(Tier.max(w.max, w.possibleMax)) > 0) {
        w.possibleMax = t.oneUp();
        w.widening.add(Widening.UNKNOWN_FACT);
        w.reasons.add(Reason.builder()
            .kind(ReasonKind.CUMULATIVE)
            .tier(t.oneUp())
            .explanation("If the facts not recorded are confirmed, " + mayCount.get(t).size() + " needs at"
                + " Tier " + t.number() + countWords() + " together may amount to Tier "
                + t.oneUp().number() + ": weigh them together.")
            .citation(policy.cumulativeCitation())
            .build());
      }
    }
  }

  /** Whether a concern firmly supports less than its indicator's tier (a fact not recorded). */
  private static boolean anyFloorBelowItsTier(Work w) {
    for (Map.Entry<IndicatorCode, Tier> e : w.floors.entrySet()) {
      if (e.getValue() != w.driving.get(e.getKey()).tier()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Concerns about another child of the household: the Social Work Manager decides whom the
   * assessment includes, and most include every child, so the range reaches their tier.
   */
  private void household(Work w, List<Indicator> reported) {
    w.household = householdIndicators(aboutOtherChildren(w.referral, w.child.ref(), reported));
    Tier householdMax = Tier.UNIVERSAL;
    for (Indicator h : w.household.values()) {
      householdMax = Tier.max(householdMax, h.tier());
    }
    if (householdMax.compareTo(w.max) > 0) {
      w.max = householdMax;
      w.widening.add(Widening.HOUSEHOLD);
      w.reasons.add(householdReason(householdMax));
    }
  }

  /**
   * A need concern about a child on a child protection plan reaches the policy's indicator for it
   * (City of London: the Section 47 criterion of any suspicious injury or allegation involving such
   * a child). A concern the policy lists as an allegation or injury is that indicator, firmly, when
   * the plan is this child's (the household's only child; plans are recorded for the household);
   * any other concern may be, so the range's upper end reaches its tier. Nothing is lowered.
   */
  private void childProtectionPlan(Work w, List<Indicator> reported) {
    Optional<IndicatorCode> code = policy.childProtectionPlanIndicator();
    if (code.isEmpty() || !w.referral.caseHistory().openPlans().contains(OpenPlan.CHILD_PROTECTION)) {
      return;
    }
    int first = -1;
    int allegation = -1;
    for (int i : concernsFor(w.referral, w.child.ref())) {
      Indicator ind = reported.get(i);
      if (ind.kind() == IndicatorKind.NEED) {
        first = first < 0 ? i : first;
        if (allegation < 0 && policy.childProtectionPlanAllegations().contains(ind.code())) {
          allegation = i;
        }
      }
    }
    Indicator target = policy.require(code.get());
    // The plan is this child's when no other child of the household may be under the adult age.
    boolean onlyOne = w.referral.household().children().size() == 1;
    boolean ownPlan = onlyOne || !anotherMayBeAChild(w);
    String plan = ownPlan ? "The referral records a child protection plan and this is the household's only child"
        + (onlyOne ? "" : " under " + policy.adultAge())
        : "The referral records a child protection plan for a child of the household (it may be another child's)";
    if (allegation >= 0 && ownPlan) {
      w.driving.putIfAbsent(target.code(), target);
      w.floors.merge(target.code(), target.tier(), Tier::max);
      w.min = Tier.max(w.min, target.tier());
      w.max = Tier.max(w.max, w.min);
      w.reasons.add(Reason.builder()
          .kind(ReasonKind.ESCALATED)
          .indicator(target.code())
          .reportedAs(reported.get(allegation).code())
          .tier(target.tier())
          .concernIndex(allegation)
          .explanation(plan + ": " + reported.get(allegation).code() + " is an allegation or injury concerning a"
              + " child on the plan, so " + target.code() + " (Tier " + target.tier().number()
              + ") applies as well: " + target.label() + ".")
          .citation(policy.childProtectionPlanCitation().orElseThrow())
          .build());
    } else if (first >= 0 && w.min.compareTo(target.tier()) < 0) {
      if (w.max.compareTo(target.tier()) < 0) {
        w.max = target.tier();
        w.widening.add(Widening.CHILD_PROTECTION_PLAN);
      }
      w.possibleFlags.addAll(target.flags());
      w.related.putIfAbsent(target.code(), target);
      w.reasons.add(Reason.builder()
          .kind(ReasonKind.POSSIBLE_ESCALATION)
          .indicator(target.code())
          .tier(target.tier())
          .concernIndex(allegation >= 0 ? allegation : first)
          .explanation(plan + ". If this concern is a suspicious injury or an allegation concerning the child"
              + " on the plan, " + target.code() + " (Tier " + target.tier().number() + ") applies: "
              + target.label() + ". That is for the professional to weigh, so the range reaches Tier "
              + target.tier().number() + ".")
          .citation(policy.childProtectionPlanCitation().orElseThrow())
          .build());
    }
  }

  /** Whether another child of the household is, or may be (age approximate or unknown), under the adult age. */
  private boolean anotherMayBeAChild(Work w) {
    for (Child c : w.referral.household().children()) {
      if (c.ref().equals(w.child.ref())) {
        continue;
      }
      if (c.ageUnknown()) {
        return true;
      }
      Age youngest = c.hasExactAge() ? c.ageOn(w.referralDay) : ageFrom(c.latestBirth(w.referralDay), w.referralDay);
      if (youngest.unborn() || youngest.years() < policy.adultAge()) {
        return true;
      }
    }
    return false;
  }

  /** A disabled child, or one whose disability is not recorded either way. */
  private void disability(Work w) {
    if (w.child.disabled() || w.child.disabilityUnknown()) {
      // A disability not recorded either way is treated as possible: unknown never lowers a tier.
      Widening why = w.child.disabled() ? Widening.DISABILITY : Widening.UNKNOWN_FACT;
      if (w.child.disabilityUnknown()) {
        w.open.add(OpenFact.DISABILITY);
      }
      w.reasons.add(disabilityReason(w.child));
      if (w.max.compareTo(Tier.ADDITIONAL_NEEDS) < 0) {
        w.widening.add(why);
      }
      w.max = Tier.max(w.max, Tier.ADDITIONAL_NEEDS);
      Optional<String> careDomain = policy.disabilityCareDomain();
      if (careDomain.isPresent() && w.min == Tier.HIGH_OR_COMPLEX && w.max.compareTo(Tier.ACUTE) < 0) {
        for (Map.Entry<IndicatorCode, Tier> e : w.floors.entrySet()) {
          Indicator d = w.driving.get(e.getKey());
          if (e.getValue() == Tier.HIGH_OR_COMPLEX && d.domain().equals(careDomain.get())) {
            w.max = Tier.ACUTE;
            w.widening.add(why);
            w.reasons.add(Reason.builder()
                .kind(ReasonKind.DISABILITY)
                .indicator(d.code())
                .tier(Tier.ACUTE)
                .explanation("A disabled child with continuing concerns about the quality and consistency"
                    + " of their care (" + d.code() + ") may need Tier 3 or Tier 4 intervention: weigh"
                    + " whether support has been provided and the concerns continue.")
                .citation(policy.disabilityCitation())
                .build());
            break;
          }
        }
      }
    }
  }

  /** The reasons, consent guidance and actions of the range worked out. */
  private ChildAssessment finish(Work w, ChildAssessment.Builder out, boolean scopeOpen) {
    if (w.driving.isEmpty() && w.min == Tier.UNIVERSAL) {
      w.reasons.add(noNeedReason(w.child, w.max, w.referral));
    }
    if (w.min == w.max) {
      w.widening.clear();
    }
    if (scopeOpen) {
      w.open.add(OpenFact.DATE_OF_BIRTH);
    }
    TierRange range = TierRange.of(w.min, w.max);
    protectiveReasons(w.referral, range, w.reasons);
    EnumSet<IndicatorFlag> flags = EnumSet.noneOf(IndicatorFlag.class);
    w.driving.values().forEach(d -> flags.addAll(d.flags()));
    w.possibleFlags.removeAll(flags);
    Facts facts = new Facts(w.referral, w.child, w.age, w.scope, range, flags, w.possibleFlags, w.missingEducation,
        w.mayMissEducation, w.at);
    w.related.keySet().removeAll(w.driving.keySet());
    // Concerns about other children of the same family restrict what the family may be told.
    w.household.keySet().removeAll(w.driving.keySet());
    w.household.keySet().removeAll(w.related.keySet());
    List<ConsentGuidance> consent = new ArrayList<>();
    for (Tier t : Tier.values()) {
      if (range.contains(t)) {
        consent.add(ConsentAdvisor.advise(policy, t, w.driving.values(), w.related.values(),
            w.household.values(), consentAt(w.referral, w.at), giversAt(w.referral, w.child.ref(), w.at), w.age.unborn()));
      }
    }
    return out.tierRange(range)
        .widenedBy(w.widening)
        .openFacts(w.open)
        .drivingIndicators(w.driving.keySet())
        .reasons(w.reasons)
        .actions(planner.plan(facts, w.at, consent))
        .consent(consent)
        .notes(w.notes)
        .build();
  }

  // ---- issue 11: protective facts --------------------------------------------------------------

  /**
   * The referral's protective facts as reasons of their own kind. They are added after the range is
   * set and never change it: where the range is a matter of judgement they are reasons to consider
   * its lower end, never to go below it.
   */
  private void protectiveReasons(Referral referral, TierRange range, List<Reason> reasons) {
    for (io.thresholds.core.model.ProtectiveFact f : io.thresholds.core.model.ProtectiveFact.values()) {
      if (!referral.protectiveFacts().contains(f)) {
        continue;
      }
      String text = protectiveLabel(f) + ". A protective fact: "
          + (range.isSingle()
              ? "recorded; it never lowers the suggested tier."
              : "where the tier is a matter of judgement (Tier " + range.min().number() + " to "
                  + range.max().number() + "), it is a reason to consider the lower end, Tier "
                  + range.min().number() + "; it never lowers the range.")
          + (referral.immediateDanger() ? " Immediate danger comes first, whatever the protective facts." : "");
      reasons.add(Reason.builder()
          .kind(ReasonKind.PROTECTIVE)
          .tier(range.min())
          .explanation(text)
          .citation(policy.protectiveCitations().getOrDefault(f, io.thresholds.core.policy.Citation.builder()
              .document(policy.documentTitle())
              .section("not cited by this policy")
              .reading("this policy pack names no section for this protective fact")
              .build()))
          .build());
    }
  }

  private static String protectiveLabel(io.thresholds.core.model.ProtectiveFact f) {
    switch (f) {
      case PARENT_ACTS_PROTECTIVELY:
        return "A parent or carer acts protectively";
      case PARENTS_ENGAGE_WITH_SERVICES:
        return "The parents are willing and able to engage with services";
      case FAMILY_ENGAGES_WITH_PLAN:
        return "The family engages effectively in its early help plan";
      default:
        throw new AssertionError(f);
    }
  }

  // ---- end of issue 11: protective facts -------------------------------------------------------

  private String scopeOpenNote(Child child, AgeBasis basis) {
    return basis == AgeBasis.UNKNOWN
        ? "The child's age is not known: the children's thresholds are applied so that the child is not"
            + " left out; a person aged " + policy.adultAge() + " or over is outside them. Record the"
            + " date of birth or an approximate age."
        : "The child's age is approximate (" + child.approximateAge().orElseThrow() + ") and may be "
            + policy.adultAge() + " or over: the children's thresholds are applied so that the child"
            + " does not drop out of scope. Record the date of birth.";
  }

  // The parts below are methods of their own to keep assess small enough for the JIT compilers:
  // C1 gave up on its profiling compile ("out of virtual registers"), which left it unoptimised.

  private ChildAssessment assessAdult(ChildAssessment.Builder out, Referral referral, Child child,
      Age age, Scope scope, AgeBasis basis, boolean exact, List<Reason> reasons, List<String> notes,
      Instant at) {
    reasons.add(Reason.builder()
        .kind(ReasonKind.OUT_OF_SCOPE)
        .tier(Tier.UNIVERSAL)
        .explanation("Aged " + (exact ? "" : "at least ") + age.years()
            + ": the children's thresholds apply under "
            + policy.adultAge() + ". Use adult safeguarding routes.")
        .citation(policy.adultCitation())
        .build());
    int n = concernsFor(referral, child.ref()).size();
    if (n > 0) {
      notes.add(n + " reported concern(s) apply to this person but are not assessed against"
          + " the children's thresholds.");
    }
    if (referral.immediateDanger()) {
      reasons.add(immediateDangerReason());
    }
    Facts facts = new Facts(referral, child, age, scope, null, EnumSet.noneOf(IndicatorFlag.class),
        EnumSet.noneOf(IndicatorFlag.class), false, false, at);
    if (basis == AgeBasis.APPROXIMATE) {
      notes.add("The child's age is approximate (" + child.approximateAge().orElseThrow() + "): even"
          + " the youngest it may be is " + policy.adultAge() + " or over. Record the date of birth.");
    }
    return out.reasons(reasons)
        .actions(planner.plan(facts, at))
        .notes(notes)
        .build();
  }

  private static Reason escalatedReason(Indicator ind, Indicator target, int i) {
    return Reason.builder()
        .from(reason(ReasonKind.ESCALATED, target, i,
            "Reported as " + ind.code() + " (Tier " + ind.tier().number() + "); the child meets"
                + " the condition of " + target.code() + ", which applies instead: " + target.label()))
        .reportedAs(ind.code())
        .build();
  }

  private static Reason listedAtHigherTierReason(Indicator highest, Indicator used, int i, IndicatorGroup g) {
    return Reason.builder()
        .kind(ReasonKind.LISTED_AT_HIGHER_TIER)
        .indicator(highest.code())
        .reportedAs(used.code())
        .tier(highest.tier())
        .concernIndex(i)
        .explanation("The document also places this concern at Tier " + highest.tier().number()
            + " (" + highest.code() + ": " + highest.label() + "). Which applies is a professional"
            + " judgement, so the range reaches Tier " + highest.tier().number()
            + " and its protective actions are listed to consider.")
        .citation(g.citation())
        .build();
  }

  private static Reason combinationReason(Combination k, Indicator target, int n) {
    return Reason.builder()
        .kind(ReasonKind.COMBINATION)
        .indicator(target.code())
        .tier(target.tier())
        .explanation(n + " of the needs reported together are a combination the document places at"
            + " Tier " + target.tier().number() + " (" + target.code() + ": " + target.label()
            + "): weigh whether it applies.")
        .citation(k.citation())
        .build();
  }

  private Reason noNeedReason(Child child, Tier max, Referral referral) {
    if (statutoryPlan(referral)) {
      // Section 8: a child on a statutory plan steps down to early help first, when the allocated
      // social worker decides; "universal services meet it" would contradict the open plan.
      return Reason.builder()
          .kind(ReasonKind.NO_NEED_REPORTED)
          .tier(Tier.UNIVERSAL)
          .explanation("No need indicator is reported for this child, so nothing in this referral places"
              + " the need above Tier 1. The case history records an open child in need or child"
              + " protection plan: the plan rests on the whole picture, and stepping down from it (to"
              + " early help first, then universal services) is for the allocated social worker to decide"
              + " (see the actions). Share what you know with them; re-refer if needs increase.")
          .citation(policy.noNeedCitation())
          .build();
    }
    return Reason.builder()
        .kind(ReasonKind.NO_NEED_REPORTED)
        .tier(Tier.UNIVERSAL)
        .explanation("No need indicator is reported for this child, so nothing places the need"
            + " above Tier 1: universal services meet it"
            + (child.disabled() && !child.disabilityNeedsAssessed()
                ? "; the child's disability still gives a right to an assessment (see the actions)."
                : max == Tier.UNIVERSAL ? " and no referral form is needed." : " (but see the other reasons).")
            + " Re-refer if needs increase.")
        .citation(policy.noNeedCitation())
        .build();
  }

  private Reason disabilityReason(Child child) {
    return Reason.builder()
        .kind(ReasonKind.DISABILITY)
        .tier(Tier.ADDITIONAL_NEEDS)
        .explanation((child.disabled() ? "The child is disabled: m" : "Whether the child is disabled is"
            + " not recorded. If the child is disabled: m")
            + "ost disabled children's needs are met by universal,"
            + " specialist and voluntary services, some with early help support"
            + (child.disabilityNeedsAssessed() ? "." : "; a disabled child whose needs were never"
                + " assessed has a right to an assessment."))
        .citation(policy.disabilityCitation())
        .build();
  }

  /** The consent state in force at the time of the advice: later entries are not yet known. */
  static ConsentState consentAt(Referral referral, Instant at) {
    if (!referral.consentHistory().entries().isEmpty()) {
      return referral.consentHistory().at(at);
    }
    ConsentState c = referral.consent();
    return c.recordedAt().map(t -> t.isAfter(at)).orElse(false) ? ConsentState.notYetSought() : c;
  }

  /**
   * Each person's decision in force at the time of the advice that bears on this child: every
   * person with parental responsibility, and the young person's own (the child named, or the only
   * referred child). A decision recorded later is not yet known.
   */
  static List<GiverConsent> giversAt(Referral referral, Ref child, Instant at) {
    List<GiverConsent> out = referral.decisionsAbout(child);
    out.removeIf(g -> g.recordedAt().map(t -> t.isAfter(at)).orElse(false));
    return out;
  }

  /**
   * The concerns about other children and what the document lists them as too (their escalation,
   * the members of their groups): the highest of these tiers is the household's reach.
   */
  private Map<IndicatorCode, Indicator> householdIndicators(List<Indicator> siblings) {
    Map<IndicatorCode, Indicator> household = new LinkedHashMap<>();
    for (Indicator s : siblings) {
      household.putIfAbsent(s.code(), s);
      for (IndicatorGroup g : policy.groupsOf(s.code())) {
        for (IndicatorCode code : g.members()) {
          household.putIfAbsent(code, policy.require(code));
        }
      }
      s.escalatesTo().ifPresent(code -> household.putIfAbsent(code, policy.require(code)));
    }
    return household;
  }

  private Reason householdReason(Tier householdMax) {
    return Reason.builder()
        .kind(ReasonKind.HOUSEHOLD)
        .tier(householdMax)
        .explanation("A concern reported about another child of the household reaches Tier "
            + householdMax.number() + ". When a household has more than one child, the Social Work"
            + " Manager decides which children the assessment includes, and most assessments include"
            + " them all; harm also includes seeing or hearing another person being ill-treated. The"
            + " range for this child therefore reaches Tier " + householdMax.number() + ".")
        .citation(policy.exclusionRule().map(ExclusionRule::citation).orElse(policy.noNeedCitation()))
        .build();
  }

  /** The indicators of the concerns reported about another child of the household, not this one. */
  private static List<Indicator> aboutOtherChildren(Referral referral, Ref child, List<Indicator> reported) {
    List<Indicator> out = new ArrayList<>();
    for (int i = 0; i < referral.concerns().size(); i++) {
      Indicator ind = reported.get(i);
      if (!referral.concerns().get(i).appliesTo(child) && ind.kind() != IndicatorKind.STRENGTH) {
        out.add(ind);
      }
    }
    return out;
  }

  private static List<Integer> concernsFor(Referral referral, Ref child) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < referral.concerns().size(); i++) {
      Concern c = referral.concerns().get(i);
      if (c.appliesTo(child)) {
        out.add(i);
      }
    }
    return out;
  }

  /** What counts as one need for the cumulative rule. */
  private String countKey(Indicator d) {
    switch (policy.cumulativeCountBy()) {
      case DOMAIN:
        return policy.cumulativeDomainAliases().getOrDefault(d.domain(), d.domain());
      case AREA:
        return d.domain() + "/" + d.area();
      default:
        return d.code().toString();
    }
  }

  private String countWords() {
    switch (policy.cumulativeCountBy()) {
      case DOMAIN:
        return " in different domains";
      case AREA:
        return " in different areas";
      default:
        return "";
    }
  }

  /**
   * An indicator's age and mobility conditions for a child on the day a concern was observed. A
   * condition that holds on that day but not the day before (or the reverse), such as an under-13
   * criterion observed on the 13th birthday, is a boundary: the event may fall either side, so it is
   * treated as unknown rather than guessed.
   */
  private static Condition condition(Indicator ind, Child child, LocalDate observedOn, LocalDate referralDay) {
    if (!child.hasExactAge()) {
      return approximateCondition(ind, child, observedOn, referralDay);
    }
    Age age = ageWhenObserved(child, observedOn);
    Match m = ind.conditionsFor(age, child.mobility());
    if (ind.age().isPresent() && m != Match.UNKNOWN) {
      Match before = ind.conditionsFor(ageWhenObserved(child, observedOn.minusDays(1)), child.mobility());
      if (before != Match.UNKNOWN && before != m) {
        return new Condition(Match.UNKNOWN, true, false, false, age.toString());
      }
    }
    return new Condition(m, false, false, m == Match.UNKNOWN, age.toString());
  }

  /**
   * An indicator's conditions for a child whose age is approximate or unknown: checked for every age
   * the child may have had when the concern was observed. If they differ, the match is unknown (the
   * age straddles the condition's boundary), never a guess.
   */
  private static Condition approximateCondition(
      Indicator ind, Child child, LocalDate observedOn, LocalDate referralDay) {
    LocalDate latest = child.latestBirth(referralDay);
    LocalDate earliest = child.earliestBirth(referralDay);
    // An unknown age is that of a born child (an unborn one is recorded by expected date of delivery).
    boolean mayBeUnborn = child.approximateAge().isPresent() && latest.isAfter(observedOn);
    int lo = latest.isAfter(observedOn) ? 0 : Period.between(latest, observedOn).getYears();
    int hi = earliest.isAfter(observedOn) ? -1 : Period.between(earliest, observedOn).getYears();
    EnumSet<Match> seen = EnumSet.noneOf(Match.class);
    if (mayBeUnborn) {
      seen.add(ind.conditionsFor(Age.unbornChild(), child.mobility()));
    }
    for (int y = lo; y <= hi; y++) {
      seen.add(ind.conditionsFor(Age.ofYears(y), child.mobility()));
    }
    if (seen.isEmpty()) {
      seen.add(ind.conditionsFor(Age.unbornChild(), child.mobility()));
    }
    String text = child.approximateAge().map(a -> a + " when referred").orElse("age not known");
    if (seen.size() == 1) {
      Match m = seen.iterator().next();
      return new Condition(m, false, false, m == Match.UNKNOWN, text);
    }
    return new Condition(Match.UNKNOWN, false, true, seen.contains(Match.UNKNOWN), text).unknownAge(child.ageUnknown());
  }

  private static Age ageFrom(LocalDate birth, LocalDate day) {
    return birth.isAfter(day) ? Age.unbornChild() : Age.ofYears(Period.between(birth, day).getYears());
  }

  /** True if a child not on roll nor home educated may (not must) be of compulsory school age. */
  private boolean mayBeMissingEducation(Child child, Age youngest, @Nullable Age oldest) {
    if (child.school().isEmpty() || policy.missingEducationIndicator().isEmpty()
        || policy.schoolAgeFrom().isEmpty()) {
      return false;
    }
    SchoolAttendance s = child.school().get();
    if (s.onRoll() || s.homeEducated()) {
      return false;
    }
    return (oldest == null || oldest.years() >= policy.schoolAgeFrom().getAsInt())
        && youngest.years() <= policy.schoolAgeTo().getAsInt();
  }

  /**
   * The indicator a concern falls back to when the condition of the indicator reported cannot be
   * checked: the highest-tier indicator that escalates to it and whose own condition holds.
   */
  private Optional<Indicator> fallback(Indicator ind, Child child, LocalDate observedOn, LocalDate referralDay) {
    Indicator best = null;
    for (Indicator source : policy.escalatingTo(ind.code())) {
      // On an age boundary the lower row is uncertain too, but it is what applies if the higher does not.
      if (condition(source, child, observedOn, referralDay).match != Match.NO
          && (best == null || source.tier().compareTo(best.tier()) > 0)) {
        best = source;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The outcome of checking a condition, and whether it was a boundary. */
  private static final class Condition {
    final Match match;
    /** Observed on the day an age condition changes (exact age). */
    final boolean boundary;
    /** The age is approximate or unknown and the condition differs across the ages it may be. */
    final boolean ageUncertain;
    /** The mobility is not recorded and the condition needs it. */
    final boolean mobility;
    final String ageText;
    boolean unknownAge;

    Condition(Match match, boolean boundary, boolean ageUncertain, boolean mobility, String ageText) {
      this.match = match;
      this.boundary = boundary;
      this.ageUncertain = ageUncertain;
      this.mobility = mobility;
      this.ageText = ageText;
    }

    Condition unknownAge(boolean unknown) {
      this.unknownAge = unknown;
      return this;
    }

    Widening widening() {
      return boundary || (ageUncertain && !unknownAge) ? Widening.AGE_BOUNDARY : Widening.UNKNOWN_FACT;
    }

    Set<OpenFact> openFacts() {
      EnumSet<OpenFact> out = EnumSet.noneOf(OpenFact.class);
      if (boundary) {
        out.add(OpenFact.EVENT_DATE);
      }
      if (ageUncertain) {
        out.add(OpenFact.DATE_OF_BIRTH);
      }
      if (mobility) {
        out.add(OpenFact.MOBILITY);
      }
      return out;
    }

    String why() {
      if (ageUncertain) {
        return "the child's age is " + (unknownAge ? "not known" : "approximate (" + ageText + ")")
            + ", so it may fall either side of the indicator's age condition"
            + (mobility ? ", and the child's mobility is not recorded" : "");
      }
      return boundary
          ? "the concern was observed on the day the age condition changes, so the event may fall either side of it"
          : "the child's mobility is not recorded";
    }

    String unknownText() {
      if (ageUncertain) {
        return "the child's age meets its condition" + (mobility ? " and the child is pre- or non-mobile" : "");
      }
      return boundary ? "the event happened on the other side of the age boundary" : "the child is pre- or non-mobile";
    }

    String notText() {
      if (ageUncertain) {
        return "the child's age does not meet it" + (mobility ? " or the child is mobile" : "");
      }
      return boundary ? "the event happened on the other side of the age boundary" : "the child is mobile";
    }
  }

  private static Age ageWhenObserved(Child child, LocalDate observedOn) {
    if (child.dateOfBirth().isPresent() && child.dateOfBirth().get().isAfter(observedOn)) {
      return Age.unbornChild();
    }
    return child.ageOn(observedOn);
  }

  /** Adds indicators derived from school facts; returns true if the child is missing education. */
  private boolean deriveSchoolIndicators(Child child, Age age, @Nullable Age oldest, Map<IndicatorCode, Indicator> driving,
      Map<IndicatorCode, Tier> floors, List<Reason> reasons) {
    Optional<SchoolAttendance> school = child.school();
    if (school.isEmpty() || age.unborn()) {
      return false;
    }
    SchoolAttendance s = school.get();
    if (policy.lowAttendanceIndicator().isPresent() && s.attendancePercent().isPresent()
        && s.attendancePercent().getAsInt() < policy.lowAttendanceBelowPercent().getAsInt()) {
      Indicator ind = policy.require(policy.lowAttendanceIndicator().get());
      if (driving.putIfAbsent(ind.code(), ind) == null) {
        floors.put(ind.code(), ind.tier());
        reasons.add(derived(ind, "Attendance of " + s.attendancePercent().getAsInt() + "% is below "
            + policy.lowAttendanceBelowPercent().getAsInt() + "%: " + ind.label()));
      }
    }
    boolean schoolAge = policy.schoolAgeFrom().isPresent()
        && age.years() >= policy.schoolAgeFrom().getAsInt()
        && oldest != null && oldest.years() <= policy.schoolAgeTo().getAsInt();
    boolean missing = schoolAge && !s.onRoll() && !s.homeEducated();
    if (missing && policy.missingEducationIndicator().isPresent()) {
      Indicator ind = policy.require(policy.missingEducationIndicator().get());
      if (driving.putIfAbsent(ind.code(), ind) == null) {
        floors.put(ind.code(), ind.tier());
        reasons.add(derived(ind, "Of compulsory school age, on no school roll and not home"
            + " educated: " + ind.label()));
      }
    }
    return missing;
  }

  private static Reason derived(Indicator ind, String explanation) {
    return Reason.builder()
        .kind(ReasonKind.DERIVED)
        .indicator(ind.code())
        .tier(ind.tier())
        .explanation(explanation)
        .citation(ind.citation())
        .build();
  }

  private Reason immediateDangerReason() {
    Tier t = policy.immediateDangerTier().orElse(Tier.UNIVERSAL);
    return Reason.builder()
        .kind(ReasonKind.IMMEDIATE_DANGER)
        .tier(t)
        .explanation("The referral reports a child in immediate danger: call 999 first.")
        .citation(policy.immediateDangerCitation())
        .build();
  }

  private static Reason reason(ReasonKind kind, Indicator ind, int concern, String explanation) {
    return Reason.builder()
        .kind(kind)
        .indicator(ind.code())
        .tier(ind.tier())
        .concernIndex(concern)
        .explanation(explanation)
        .citation(ind.citation())
        .build();
  }

  /** What the action planner needs to know about one child. */
  static final class Facts {
    final Referral referral;
    final Child child;
    final Age age;
    final Scope scope;
    final @Nullable TierRange range;
    final Set<IndicatorFlag> flags;
    /** Flags of indicators the child's concerns may amount to (same concern at a higher tier, ...). */
    final Set<IndicatorFlag> possibleFlags;
    final boolean missingEducation;
    /** Missing education is possible: whether the child is of compulsory school age is not known. */
    final boolean mayMissEducation;
    final ConsentState consent;
    /** Each person's decision in force that bears on this child. */
    final List<GiverConsent> givers;
    final boolean unborn;
    /** The time of the advice. */
    final Instant at;

    Facts(Referral referral, Child child, Age age, Scope scope, @Nullable TierRange range,
        Set<IndicatorFlag> flags, Set<IndicatorFlag> possibleFlags, boolean missingEducation,
        boolean mayMissEducation, Instant at) {
      this.referral = referral;
      this.child = child;
      this.age = age;
      this.scope = scope;
      this.range = range;
      this.flags = flags;
      this.possibleFlags = possibleFlags;
      this.missingEducation = missingEducation;
      this.mayMissEducation = mayMissEducation;
      this.consent = consentAt(referral, at);
      this.givers = giversAt(referral, child.ref(), at);
      this.unborn = age.unborn();
      this.at = at;
    }

    boolean inScope() {
      return scope != Scope.ADULT;
    }

    /**
     * Consent is recorded as not sought because unsafe, and that is the decision in force: no
     * decision of a person whose decision counts was recorded after it (as the consent guidance
     * reads it).
     */
    boolean notSoughtUnsafe() {
      return consent.status() == ConsentStatus.NOT_SOUGHT_UNSAFE
          && io.thresholds.core.consent.ConsentAdvisor.referralDecisionStands(consent, givers, unborn);
    }

    boolean consentRefused() {
      ConsentStatus s = consent.status();
      if (s == ConsentStatus.WITHHELD || s == ConsentStatus.WITHDRAWN) {
        return true;
      }
      // A refusal by anyone whose decision counts (a person with parental responsibility, a young
      // person judged of sufficient age and understanding): it only ever adds the consent-withheld
      // actions, it never removes one.
      for (GiverConsent g : givers) {
        if (g.refused() && g.decides()
            && !(unborn && g.giver() == io.thresholds.core.consent.ConsentGiver.YOUNG_PERSON)) {
          return true;
        }
      }
      return false;
    }
  }

  /** @return true if the referral's case history records an open child in need or child protection plan */
  static boolean statutoryPlan(Referral referral) {
    for (io.thresholds.core.model.OpenPlan p : referral.caseHistory().openPlans()) {
      if (p.statutory()) {
        return true;
      }
    }
    return false;
  }

  static Modality firm(ActionRule rule, boolean firm) {
    return firm ? rule.modality() : Modality.CONSIDER;
  }
}
