package io.thresholds.core.evaluation;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.consent.ConsentAdvisor;
import io.thresholds.core.consent.ConsentGuidance;
import io.thresholds.core.consent.ConsentState;
import io.thresholds.core.consent.ConsentStatus;
import io.thresholds.core.model.Age;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.SchoolAttendance;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.ActionRule;
import io.thresholds.core.policy.Indicator;
import io.thresholds.core.policy.IndicatorFlag;
import io.thresholds.core.policy.IndicatorKind;
import io.thresholds.core.policy.Match;
import io.thresholds.core.policy.Modality;
import io.thresholds.core.policy.Policy;
import io.thresholds.core.policy.UnknownIndicatorException;
import java.time.Instant;
import java.time.LocalDate;
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

  DefaultThresholdEvaluator(Policy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.planner = new ActionPlanner(policy);
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
        result.addExclusions(Exclusion.of(c.ref(), reason));
      }
    }
    return result.build();
  }

  /** Looks up and checks each concern's indicator; the list is index-aligned with the concerns. */
  private List<Indicator> resolveConcerns(Referral referral, LocalDate referralDay) {
    List<Indicator> out = new ArrayList<>(referral.concerns().size());
    for (int i = 0; i < referral.concerns().size(); i++) {
      Concern c = referral.concerns().get(i);
      String field = "concerns[" + i + "]";
      Indicator ind = policy.indicator(c.indicator()).orElseThrow(
          () -> new UnknownIndicatorException(c.indicator(), policy.id() + " " + policy.version()));
      if (!ind.subjects().contains(c.subject())) {
        throw new InvalidValueException(field + ".subject",
            "indicator " + ind.code() + " is about " + ind.subjects() + ", not " + c.subject());
      }
      if (c.observedOn().isAfter(referralDay)) {
        throw new InvalidValueException(field + ".observedOn", "is after the day the referral was made");
      }
      out.add(ind);
    }
    return out;
  }

  private ChildAssessment assess(
      Referral referral, Child child, List<Indicator> reported, LocalDate referralDay, Instant at) {
    Age age = child.ageOn(referralDay);
    Scope scope = age.unborn() ? Scope.UNBORN
        : age.years() >= policy.adultAge() ? Scope.ADULT : Scope.CHILD;
    ChildAssessment.Builder out = ChildAssessment.builder()
        .child(child.ref())
        .age(age)
        .scope(scope);
    List<Reason> reasons = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (child.recordedAsUnborn() && !age.unborn()) {
      notes.add("The child is recorded by expected date of delivery, which has passed: the age is"
          + " estimated from it. Record the date of birth.");
    }

    if (scope == Scope.ADULT) {
      reasons.add(Reason.builder()
          .kind(ReasonKind.OUT_OF_SCOPE)
          .tier(Tier.UNIVERSAL)
          .explanation("Aged " + age.years() + ": the children's thresholds apply under "
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
      Facts facts = new Facts(referral, child, age, scope, null, EnumSet.noneOf(IndicatorFlag.class), false, at);
      return out.reasons(reasons)
          .actions(planner.plan(facts, at))
          .notes(notes)
          .build();
    }

    Map<IndicatorCode, Indicator> driving = new LinkedHashMap<>();
    Tier possibleMax = Tier.UNIVERSAL;
    for (int i : concernsFor(referral, child.ref())) {
      Concern concern = referral.concerns().get(i);
      Indicator ind = reported.get(i);
      Age ageThen = ageWhenObserved(child, concern.observedOn());
      if (ind.kind() == IndicatorKind.STRENGTH) {
        reasons.add(reason(ReasonKind.STRENGTH, ind, i,
            "Strength or protective factor: " + ind.label() + ". Recorded; it never lowers the range."));
        continue;
      }
      Indicator used = ind;
      if (ind.escalatesTo().isPresent()) {
        Indicator target = policy.require(ind.escalatesTo().get());
        Match m = target.conditionsFor(ageThen, child.mobility());
        if (m == Match.YES) {
          used = target;
          reasons.add(Reason.builder()
              .from(reason(ReasonKind.ESCALATED, target, i,
                  "Reported as " + ind.code() + " (Tier " + ind.tier().number() + "); the child meets"
                      + " the condition of " + target.code() + ", which applies instead: " + target.label()))
              .reportedAs(ind.code())
              .build());
        } else if (m == Match.UNKNOWN) {
          possibleMax = Tier.max(possibleMax, target.tier());
          reasons.add(reason(ReasonKind.POSSIBLE_ESCALATION, target, i,
              "If the child is pre- or non-mobile, " + target.code() + " (Tier "
                  + target.tier().number() + ") applies instead of " + ind.code()
                  + ": mobility is not recorded."));
        }
      }
      if (used == ind) {
        Match m = ind.conditionsFor(ageThen, child.mobility());
        if (m == Match.NO) {
          reasons.add(reason(ReasonKind.CONDITION_NOT_MET, ind, i,
              ind.label() + ". Its age or mobility condition does not hold for this child when"
                  + " observed (" + ageThen + "); kept at Tier " + ind.tier().number()
                  + " so that risk is not understated: check the indicator chosen."));
        } else {
          reasons.add(reason(ReasonKind.INDICATOR, ind, i, ind.label()
              + (m == Match.UNKNOWN ? " (the child's mobility is not recorded)" : "")));
        }
      }
      driving.put(used.code(), used);
    }
    boolean missingEducation = deriveSchoolIndicators(child, age, driving, reasons);

    Tier min = Tier.UNIVERSAL;
    for (Indicator d : driving.values()) {
      min = Tier.max(min, d.tier());
    }
    if (referral.immediateDanger()) {
      reasons.add(immediateDangerReason());
      min = Tier.max(min, policy.immediateDangerTier().orElse(Tier.UNIVERSAL));
    }
    Tier max = min;
    final Tier top = min;
    int atTop = 0;
    for (Indicator d : driving.values()) {
      atTop += d.tier() == top ? 1 : 0;
    }
    if (atTop >= policy.cumulativeCount() && top != Tier.ACUTE) {
      max = top.oneUp();
      reasons.add(Reason.builder()
          .kind(ReasonKind.CUMULATIVE)
          .tier(max)
          .explanation(atTop + " needs at Tier " + top.number() + " together may amount to Tier "
              + max.number() + ": weigh them together.")
          .citation(policy.cumulativeCitation())
          .build());
    }
    max = Tier.max(max, possibleMax);
    if (child.disabled()) {
      reasons.add(Reason.builder()
          .kind(ReasonKind.DISABILITY)
          .tier(Tier.ADDITIONAL_NEEDS)
          .explanation("The child is disabled: most disabled children's needs are met by universal,"
              + " specialist and voluntary services, some with early help support"
              + (child.disabilityNeedsAssessed() ? "." : "; a disabled child whose needs were never"
                  + " assessed has a right to an assessment."))
          .citation(policy.disabilityCitation())
          .build());
      max = Tier.max(max, Tier.ADDITIONAL_NEEDS);
    }
    if (driving.isEmpty() && min == Tier.UNIVERSAL) {
      reasons.add(Reason.builder()
          .kind(ReasonKind.NO_NEED_REPORTED)
          .tier(Tier.UNIVERSAL)
          .explanation("No need indicator is reported for this child, so nothing places the need"
              + " above Tier 1: universal services meet it"
              + (child.disabled() && !child.disabilityNeedsAssessed()
                  ? "; the child's disability still gives a right to an assessment (see the actions)."
                  : " and no referral form is needed.")
              + " Re-refer if needs increase.")
          .citation(policy.noNeedCitation())
          .build());
    }
    TierRange range = TierRange.of(min, max);
    EnumSet<IndicatorFlag> flags = EnumSet.noneOf(IndicatorFlag.class);
    driving.values().forEach(d -> flags.addAll(d.flags()));
    Facts facts = new Facts(referral, child, age, scope, range, flags, missingEducation, at);
    List<ConsentGuidance> consent = new ArrayList<>();
    for (Tier t : Tier.values()) {
      if (range.contains(t)) {
        consent.add(ConsentAdvisor.advise(policy, t, driving.values(), consentAt(referral, at), age.unborn()));
      }
    }
    return out.tierRange(range)
        .drivingIndicators(driving.keySet())
        .reasons(reasons)
        .actions(planner.plan(facts, at, consent))
        .consent(consent)
        .notes(notes)
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

  private static List<Integer> concernsFor(Referral referral, Ref child) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < referral.concerns().size(); i++) {
      Concern c = referral.concerns().get(i);
      if (c.subject() != SubjectKind.CHILD || c.subjectRef().equals(child)) {
        out.add(i);
      }
    }
    return out;
  }

  private static Age ageWhenObserved(Child child, LocalDate observedOn) {
    if (child.dateOfBirth().isPresent() && child.dateOfBirth().get().isAfter(observedOn)) {
      return Age.unbornChild();
    }
    return child.ageOn(observedOn);
  }

  /** Adds indicators derived from school facts; returns true if the child is missing education. */
  private boolean deriveSchoolIndicators(
      Child child, Age age, Map<IndicatorCode, Indicator> driving, List<Reason> reasons) {
    Optional<SchoolAttendance> school = child.school();
    if (school.isEmpty() || age.unborn()) {
      return false;
    }
    SchoolAttendance s = school.get();
    if (policy.lowAttendanceIndicator().isPresent() && s.attendancePercent().isPresent()
        && s.attendancePercent().getAsInt() < policy.lowAttendanceBelowPercent().getAsInt()) {
      Indicator ind = policy.require(policy.lowAttendanceIndicator().get());
      if (driving.putIfAbsent(ind.code(), ind) == null) {
        reasons.add(derived(ind, "Attendance of " + s.attendancePercent().getAsInt() + "% is below "
            + policy.lowAttendanceBelowPercent().getAsInt() + "%: " + ind.label()));
      }
    }
    boolean schoolAge = policy.schoolAgeFrom().isPresent()
        && age.years() >= policy.schoolAgeFrom().getAsInt()
        && age.years() <= policy.schoolAgeTo().getAsInt();
    boolean missing = schoolAge && !s.onRoll() && !s.homeEducated();
    if (missing && policy.missingEducationIndicator().isPresent()) {
      Indicator ind = policy.require(policy.missingEducationIndicator().get());
      if (driving.putIfAbsent(ind.code(), ind) == null) {
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
    final boolean missingEducation;
    final ConsentState consent;

    Facts(Referral referral, Child child, Age age, Scope scope, @Nullable TierRange range,
        Set<IndicatorFlag> flags, boolean missingEducation, Instant at) {
      this.referral = referral;
      this.child = child;
      this.age = age;
      this.scope = scope;
      this.range = range;
      this.flags = flags;
      this.missingEducation = missingEducation;
      this.consent = consentAt(referral, at);
    }

    boolean inScope() {
      return scope != Scope.ADULT;
    }

    boolean consentRefused() {
      ConsentStatus s = consent.status();
      return s == ConsentStatus.WITHHELD || s == ConsentStatus.WITHDRAWN;
    }
  }

  static Modality firm(ActionRule rule, boolean firm) {
    return firm ? rule.modality() : Modality.CONSIDER;
  }
}
