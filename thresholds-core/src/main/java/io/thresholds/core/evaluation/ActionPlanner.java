package io.thresholds.core.evaluation;

import io.thresholds.core.consent.ConsentCheck;
import io.thresholds.core.consent.ConsentGuidance;
import io.thresholds.core.consent.ConsentRequirement;
import io.thresholds.core.evaluation.DefaultThresholdEvaluator.Facts;
import io.thresholds.core.model.OpenPlan;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.ActionKind;
import io.thresholds.core.policy.ActionRule;
import io.thresholds.core.policy.Channel;
import io.thresholds.core.policy.Contact;
import io.thresholds.core.policy.IndicatorFlag;
import io.thresholds.core.policy.Modality;
import io.thresholds.core.policy.Policy;
import io.thresholds.core.policy.Timing;
import io.thresholds.core.policy.Trigger;
import io.thresholds.core.time.ServiceHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Turns the policy's action rules into the ordered actions for one child at one time. */
final class ActionPlanner {
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", java.util.Locale.UK);

  private final Policy policy;
  private final List<ActionRule> rules;
  /** For each rule, the index of the rule it supersedes, or -1. */
  private final int[] supersedes;
  /** For each rule, the index of the rule its timing counts from, or -1. */
  private final int[] countsFrom;
  /** For each rule, its resolved contact (null for none or the route). */
  private final Contact[] contacts;
  /** For each rule, the parts of its trigger. */
  private final Part[][] triggers;
  /** For each rule, the plain name of the rule's kind, used in deadline wording. */
  private final String[] kindNames;
  private final Contact inRoute;
  private final Contact outRoute;
  private final LocalTime officeClose;
  /** {@link #officeClose} as HH:mm, formatted once. */
  private final String officeCloseText;
  /** For each rule, "the " and the plain name of its kind: what a timing counting from it names. */
  private final String[] baseNames;
  /**
   * For each rule, the start of its deadline's wording ("within 24 hours of ", "by 17:00 on the 5th
   * working day after "), or null for a timing that has none; and the whole wording when the timing
   * counts from the advice. Made once: the wording is the same for every referral.
   */
  private final @Nullable String[] duePrefix;
  private final @Nullable String[] dueFromAdvice;
  private static final String ADVICE = "the time of this advice";

  ActionPlanner(Policy policy) {
    this.policy = policy;
    this.rules = policy.actionRules();
    int n = rules.size();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(rules.get(i).id(), i);
    }
    supersedes = new int[n];
    countsFrom = new int[n];
    contacts = new Contact[n];
    kindNames = new String[n];
    triggers = new Part[n][];
    for (int i = 0; i < n; i++) {
      triggers[i] = parts(rules.get(i).trigger());
      ActionRule r = rules.get(i);
      supersedes[i] = r.supersedes().map(index::get).orElse(-1);
      countsFrom[i] = r.timing().afterAction().map(index::get).orElse(-1);
      contacts[i] = r.contact().filter(c -> !c.equals(ActionRule.ROUTE))
          .map(c -> policy.contact(c).orElseThrow()).orElse(null);
      kindNames[i] = r.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
    inRoute = policy.contact(policy.inHoursRoute()).orElseThrow();
    outRoute = policy.contact(policy.outOfHoursRoute()).orElseThrow();
    ServiceHours h = inRoute.hours().orElseThrow();
    officeClose = h.kind() == ServiceHours.Kind.OFFICE_HOURS ? h.second() : LocalTime.of(17, 0);
    officeCloseText = officeClose.format(HH_MM);
    baseNames = new String[n];
    duePrefix = new String[n];
    dueFromAdvice = new String[n];
    for (int i = 0; i < n; i++) {
      baseNames[i] = "the " + kindNames[i];
      Timing timing = rules.get(i).timing();
      if (timing.kind() == Timing.Kind.AFTER) {
        duePrefix[i] = "within " + words(timing.duration().orElseThrow()) + " of ";
      } else if (timing.kind() == Timing.Kind.WORKING_DAYS) {
        duePrefix[i] = "by " + officeCloseText + " on the " + ordinal(timing.workingDays().getAsInt())
            + " working day after ";
      }
      dueFromAdvice[i] = duePrefix[i] == null ? null : duePrefix[i] + ADVICE;
    }
  }

  List<Action> plan(Facts facts, Instant at) {
    return plan(facts, at, List.of());
  }

  List<Action> plan(Facts facts, Instant at, List<ConsentGuidance> consent) {
    Modality[] applicable = applicable(facts);
    boolean[] removed = new boolean[applicable.length];
    int[] alias = supersede(applicable, removed);
    return actions(applicable, alias, removed, facts, at, consent);
  }

  // plan's three loops are methods of their own: the JIT compiles a long-running loop on its own
  // (on-stack replacement), and one method holding all three was compiled several times over.

  /** For each rule, the modality it applies with, or null. */
  private Modality[] applicable(Facts facts) {
    Modality[] applicable = new Modality[rules.size()];
    for (int i = 0; i < applicable.length; i++) {
      applicable[i] = applies(i, facts);
    }
    return applicable;
  }

  /**
   * A firm rule that supersedes another applicable rule replaces it; timings that counted from the
   * replaced rule count from its replacement.
   *
   * @param removed set for each rule replaced
   * @return for each rule, the rule that stands for it: itself, or the rule that replaces it
   */
  private int[] supersede(Modality[] applicable, boolean[] removed) {
    int n = applicable.length;
    int[] alias = new int[n];
    for (int i = 0; i < n; i++) {
      alias[i] = i;
    }
    for (int i = 0; i < n; i++) {
      int s = supersedes[i];
      if (applicable[i] != null && applicable[i] != Modality.CONSIDER && s >= 0 && applicable[s] != null) {
        removed[s] = true;
        alias[s] = i;
      }
    }
    return alias;
  }

  /** The actions of the applicable rules that are not replaced, in the policy's order. */
  private List<Action> actions(Modality[] applicable, int[] alias, boolean[] removed, Facts facts, Instant at,
      List<ConsentGuidance> consent) {
    int n = applicable.length;
    Instant[] due = new Instant[n];
    boolean[] done = new boolean[n];
    @Nullable Action[] chased = new Action[n]; // the phone referrals planned so far, which a chase may follow
    List<Action> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (applicable[i] == null || removed[i]) {
        continue;
      }
      int from = countsFrom[i] < 0 ? -1 : alias[countsFrom[i]];
      Action a = planned(i, applicable[i], from >= 0 && due[from] != null ? from : -1, due, facts, at, consent);
      if (from >= 0 && rules.get(i).kind() == ActionKind.CHASE_FEEDBACK && chased[from] != null) {
        a = chasing(a, chased[from], done[from], otherReady(chased, from));
      }
      if (rules.get(i).kind() == ActionKind.PHONE_REFERRAL) {
        chased[i] = a;
        done[i] = a.due().filter(Deadline::isRecordedDone).isPresent();
      }
      due[i] = a.due().map(Deadline::dueBy).orElse(null);
      out.add(a);
    }
    return out;
  }

  /**
   * Chasing the phone referral: its consent gate, there so that nothing is chased while the
   * referral waits, gives way to what holds the referral itself up (at a range of tiers the two
   * gates may read different tiers' consent rules). A referral recorded as made holds nothing up;
   * what would have held the chase up is kept as a note.
   */
  private static Action chasing(Action a, Action referral, boolean made, boolean otherReady) {
    List<String> blockers = made ? List.of() : referral.blockers();
    boolean considered = !made && referral.modality() == Modality.CONSIDER;
    boolean other = !blockers.isEmpty() && otherReady;
    if (blockers.equals(a.blockers()) && !considered && !other) {
      return a;
    }
    Action.Builder b = Action.builder().from(a).blockers(blockers);
    if (made && !a.blockers().isEmpty()) {
      b.addNotes("The referral it chases is recorded as made, so this step is not held up; what would"
          + " have held it up: " + String.join(" ", a.blockers()));
    }
    if (considered) {
      // vig5 observation 5: a chase of a referral that is only to be considered presumes it was made.
      b.addNotes("The phone referral it chases is one to consider: this step applies once you have made it.");
    }
    if (other) {
      // hostile review C: at a range, the referral this chase counts from may wait for consent while
      // another phone referral (the urgent one) is not held up.
      b.addNotes("If you make the other phone referral advised here, which is not held up, chase it the same"
          + " way: this step's wait is for the referral it counts from.");
    }
    return b.build();
  }

  /** Whether a phone referral other than {@code from}, planned so far, is not held up. */
  private static boolean otherReady(@Nullable Action[] chased, int from) {
    for (int k = 0; k < chased.length; k++) {
      if (k != from && chased[k] != null && chased[k].blockers().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The action of one applicable rule (a method of its own, like the parts below, so that each
   * stays small enough for the JIT's optimising compiler).
   *
   * @param from the rule whose deadline this rule's timing counts from, or -1 for the advice's time
   */
  private Action planned(int i, Modality modality, int from, Instant[] due, Facts facts, Instant at,
      List<ConsentGuidance> consent) {
    Instant base = from >= 0 ? due[from] : at;
    String baseName = from >= 0 ? baseNames[from] : ADVICE;
    if (rules.get(i).timing().afterAction().filter(Timing.HUB_DISAGREEMENT::equals).isPresent()) {
      // Issue 11: counts from the recorded disagreement (the trigger guarantees one, not after at).
      base = facts.referral.caseHistory().hubDisagreementAt().orElseThrow();
      baseName = "the disagreement with the Hub decision, recorded at " + local(base);
    }
    Optional<Instant> called = facts.referral.phoneReferralMadeAt().filter(t -> !t.isAfter(at));
    boolean chaseOfCall = false;
    if (from < 0 && called.isPresent() && rules.get(i).kind() == ActionKind.CHASE_FEEDBACK
        && countsFrom[i] >= 0 && rules.get(countsFrom[i]).kind() == ActionKind.PHONE_REFERRAL) {
      // No phone referral is advised (say at a firm Tier 2), but one is recorded as made: the chase
      // follows that call, as it would follow an advised one (hostile review D).
      base = called.get();
      baseName = "the phone referral recorded as made at " + local(base);
      chaseOfCall = true;
    }
    List<String> blockers = blockers(rules.get(i), facts, consent);
    Action a = action(i, modality, base, baseName, chaseOfCall ? List.of() : blockers);
    if (chaseOfCall && !blockers.isEmpty()) {
      a = Action.builder().from(a).addNotes("The phone referral it chases is recorded as made, so this step"
          + " is not held up; what would have held it up: " + String.join(" ", blockers)).build();
    }
    if (called.isPresent() && rules.get(i).kind() == ActionKind.PHONE_REFERRAL) {
      return calledAlready(i, a, called.get());
    }
    if (blockers.isEmpty() && rules.get(i).gates().contains(ActionRule.Gate.CONSENT)
        && rules.get(i).kind() != ActionKind.CHASE_FEEDBACK) {
      String before = consentFirst(rules.get(i), facts, consent);
      if (before != null) {
        a = Action.builder().from(a).addNotes(before).build();
      }
    }
    return a;
  }

  /**
   * Where consent is to be sought unless that is unsafe and it is not yet in place, a consent-gated
   * step is not held up (only a refusal holds it up), but the person making it is told to seek
   * consent first or to record why not: section 2 Tier 3 (the form is completed with the parents'
   * consent), section 3 (seek parental consent unless it places the child at further risk) and the
   * MARF's consent section (state the reason where consent could not be obtained). Nothing is said
   * where consent must not be sought.
   */
  private static @Nullable String consentFirst(ActionRule rule, Facts f, List<ConsentGuidance> consent) {
    if (f.range == null) {
      return null;
    }
    Tier tier = gateTier(rule.trigger(), f.range);
    for (ConsentGuidance g : consent) {
      if (g.tier() == tier && g.check() == ConsentCheck.NOT_SATISFIED
          && g.requirement() == ConsentRequirement.SEEK_UNLESS_UNSAFE && g.maySeekConsent()
          && g.mayTellFamily() && g.missing().isPresent()) {
        return "Consent is not in place yet: " + g.missing().get() + " This step is not held up for it,"
            + (tier == Tier.ACUTE ? " and seeking consent must not delay a referral where the child may be"
                + " suffering significant harm." : " but seek it before you make the referral where that is safe.")
            + " The written form asks for the reason where consent could not be obtained.";
      }
    }
    return null;
  }

  /**
   * A phone referral already made: shown as made, and the timings that count from it count from the
   * call. A call to the referral route went to the service staffed when it was made, not to the one
   * staffed at the time of this advice.
   */
  private Action calledAlready(int i, Action a, Instant called) {
    Action.Builder done = Action.builder().from(a);
    if (rules.get(i).contact().isPresent() && contacts[i] == null) {
      done.notes(List.of()); // the route's note is about calling now, and the call is made
      Route then = route(called);
      if (then.note == null) { // a service was staffed at the time of the call
        done.contact(then.contact);
      }
    }
    done
        .description("Done: the phone referral is recorded as made at " + local(called)
            + ". Nothing more to do for this step; what the policy asks of it: " + a.description())
        .due(Deadline.recordedDone(called, local(called)))
        .addNotes("The phone referral is recorded as made at " + local(called)
            + ": the deadlines that count from it count from that call.");
    if (!a.blockers().isEmpty()) {
      // A step already taken is not held up; what would have held it up stays visible as a note.
      done.blockers(List.of())
          .addNotes("Made although this advice would have held it up: " + String.join(" ", a.blockers()));
    }
    return done.build();
  }

  /** The reasons a gated action cannot go ahead yet. */
  private static List<String> blockers(ActionRule rule, Facts f, List<ConsentGuidance> consent) {
    if (rule.gates().isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(2);
    if (rule.gates().contains(ActionRule.Gate.PROFESSIONAL) && !f.referral.referrer().professional()) {
      out.add("This is for a professional who works with the child, or their organisation, to do.");
    }
    if (f.range == null) {
      return out;
    }
    Tier tier = gateTier(rule.trigger(), f.range);
    for (ConsentGuidance g : consent) {
      if (g.tier() != tier) {
        continue;
      }
      if (rule.gates().contains(ActionRule.Gate.TELLS_FAMILY) && !g.mayTellFamily()) {
        out.add("The family must not be told: " + String.join(" ", g.restrictions()));
      }
      if (rule.gates().contains(ActionRule.Gate.CONSENT) && g.check() == ConsentCheck.NOT_SATISFIED
          && (g.requirement() == ConsentRequirement.REQUIRED || f.consentRefused())) {
        // Where consent is to be sought unless unsafe, only a refusal holds the action up.
        out.add(g.missing().orElse("Consent is needed first."));
      }
    }
    return out;
  }

  /**
   * The tier whose consent rule gates an action: a {@code tier=N} trigger's own tier, a {@code
   * tier>=N} trigger's tier when the range reaches above it, else the range's lower end.
   */
  private static Tier gateTier(Trigger t, TierRange range) {
    for (Optional<Trigger> c = Optional.of(t); c.isPresent(); c = c.get().and()) {
      if (c.get().kind() == Trigger.Kind.TIER_IS) {
        return c.get().tier().orElseThrow();
      }
      if (c.get().kind() == Trigger.Kind.TIER_AT_LEAST) {
        return Tier.max(c.get().tier().orElseThrow(), range.min());
      }
    }
    return range.min();
  }

  /** The modality the rule applies with for these facts, or null if it does not apply. */
  private @Nullable Modality applies(int i, Facts f) {
    Part[] parts = triggers[i];
    boolean firm = true;
    for (Part p : parts) {
      int m = p.match(f);
      if (m == NO) {
        return null;
      }
      firm &= m == FIRM;
    }
    return DefaultThresholdEvaluator.firm(rules.get(i), firm);
  }

  private static final Optional<Boolean> YES_FIRM = Optional.of(true);
  private static final Optional<Boolean> YES_SOFT = Optional.of(false);
  private static final int NO = 0;
  private static final int FIRM = 1;
  private static final int SOFT = 2;

  /** One part of a trigger, its arguments unpacked once. */
  private static final class Part {
    final Trigger.Kind kind;
    final @Nullable Tier tier;
    final @Nullable IndicatorFlag flag;

    Part(Trigger t) {
      this.kind = t.kind();
      this.tier = t.tier().orElse(null);
      this.flag = t.flag().orElse(null);
    }

    int match(Facts f) {
      Optional<Boolean> m = single(this, f);
      return m.isEmpty() ? NO : m.get() ? FIRM : SOFT;
    }
  }

  private static Part[] parts(Trigger t) {
    List<Part> out = new ArrayList<>();
    for (Optional<Trigger> c = Optional.of(t); c.isPresent(); c = c.get().and()) {
      out.add(new Part(c.get()));
    }
    return out.toArray(new Part[0]);
  }

  private static Optional<Boolean> single(Part t, Facts f) {
    TierRange r = f.range;
    boolean yes;
    boolean firm = true;
    switch (t.kind) {
      case IMMEDIATE_DANGER:
        yes = f.referral.immediateDanger();
        break;
      case NOT_PROFESSIONAL:
        yes = !f.referral.referrer().professional();
        break;
      case ADULT:
        yes = !f.inScope();
        break;
      case ALWAYS:
        yes = f.inScope();
        break;
      case TIER_AT_LEAST:
        yes = r != null && t.tier != null && r.max().isAtLeast(t.tier);
        firm = r != null && t.tier != null && r.min().isAtLeast(t.tier);
        break;
      case TIER_IS:
        yes = r != null && t.tier != null && r.contains(t.tier);
        firm = r != null && r.min() == t.tier;
        break;
      case FLAG:
        // Firm for a driving indicator's flag; to consider for a flag of an indicator the concerns
        // may amount to (the same concern listed at a higher tier, a possible escalation).
        yes = f.inScope() && (f.flags.contains(t.flag) || f.possibleFlags.contains(t.flag));
        firm = f.flags.contains(t.flag);
        break;
      case DISABLED_NOT_ASSESSED:
        // A disability not recorded either way: the assessment is one to consider.
        yes = f.inScope() && (f.child.disabled() && !f.child.disabilityNeedsAssessed()
            || f.child.disabilityUnknown());
        firm = f.child.disabled();
        break;
      case MISSING_EDUCATION:
        yes = f.inScope() && (f.missingEducation || f.mayMissEducation);
        firm = f.missingEducation;
        break;
      case CONSENT_WITHHELD:
        yes = f.inScope() && f.consentRefused();
        break;
      case CONSENT_NOT_SOUGHT_UNSAFE:
        yes = f.inScope() && f.notSoughtUnsafe();
        break;
      case RANGE_UNCERTAIN:
        yes = r != null && !r.isSingle();
        break;
      // ---- issue 11: the case's history ----
      case TIER_AT_MOST:
        yes = r != null && t.tier != null && t.tier.isAtLeast(r.max());
        break;
      case EARLY_HELP_PLAN:
        yes = f.inScope() && f.referral.caseHistory().openPlans().contains(OpenPlan.EARLY_HELP);
        break;
      case STATUTORY_PLAN:
        yes = f.inScope() && DefaultThresholdEvaluator.statutoryPlan(f.referral);
        break;
      case NO_STATUTORY_PLAN:
        yes = f.inScope() && !DefaultThresholdEvaluator.statutoryPlan(f.referral);
        break;
      case CHILD_PROTECTION_PLAN:
        yes = f.inScope() && f.referral.caseHistory().openPlans().contains(OpenPlan.CHILD_PROTECTION);
        break;
      case ALLOCATED_WORKER:
        yes = f.inScope() && !f.referral.caseHistory().allocatedWorkers().isEmpty();
        break;
      case HUB_DISAGREEMENT:
        yes = f.inScope() && f.referral.caseHistory().hubDisagreementAt().filter(d -> !d.isAfter(f.at)).isPresent();
        break;
      default:
        throw new AssertionError(t.kind);
    }
    return yes ? (firm ? YES_FIRM : YES_SOFT) : Optional.empty();
  }

  private Action action(int i, Modality modality, Instant base, String baseName, List<String> blockers) {
    ActionRule rule = rules.get(i);
    Timing timing = rule.timing();
    List<String> notes = List.of();
    Optional<Contact> contact = Optional.empty();
    Instant opensAt = base;
    if (rule.contact().isPresent()) {
      if (contacts[i] == null) {
        Route route = route(base);
        contact = Optional.of(route.contact);
        opensAt = route.opensAt;
        if (route.note != null) {
          notes = List.of(route.note);
        }
      } else {
        Contact c = contacts[i];
        contact = Optional.of(c);
        boolean timed = timing.kind() == Timing.Kind.IMMEDIATELY || timing.kind() == Timing.Kind.NEXT_OPENING;
        if (timed && c.hours().isPresent()) {
          opensAt = c.hours().get().nextOpening(base, policy.calendar());
        } else if (timing.kind() == Timing.Kind.NONE && rule.channel() == Channel.PHONE && c.hours().isPresent()
            && !c.hours().get().isOpen(base, policy.calendar())) {
          notes = List.of(closed(c, c.hours().get(), base));
        }
      }
    }
    Optional<Deadline> due;
    switch (timing.kind()) {
      case NONE:
        due = Optional.empty();
        break;
      case IMMEDIATELY:
        due = Optional.of(Deadline.of(opensAt, opensAt.equals(base) ? "immediately"
            : "as soon as " + contact.map(Contact::name).orElse("the service") + " opens, at "
                + local(opensAt)));
        break;
      case NEXT_OPENING:
        due = Optional.of(Deadline.of(opensAt, opensAt.equals(base)
            ? "now: " + contact.map(Contact::name).orElse("the service") + " is open"
            : "when " + contact.map(Contact::name).orElse("the service") + " next opens, at " + local(opensAt)));
        break;
      case AFTER:
        Duration d = timing.duration().orElseThrow();
        due = Optional.of(Deadline.of(base.plus(d), dueText(i, baseName)));
        break;
      case WORKING_DAYS:
        int n = timing.workingDays().getAsInt();
        LocalDate day = policy.calendar().nthWorkingDayAfter(base.atZone(policy.zone()).toLocalDate(), n);
        Instant dueBy = ZonedDateTime.of(day, officeClose, policy.zone()).toInstant();
        due = Optional.of(Deadline.of(dueBy, dueText(i, baseName)));
        break;
      default:
        throw new AssertionError(timing.kind());
    }
    return Action.builder()
        .ruleId(rule.id())
        .kind(rule.kind())
        .modality(modality)
        .channel(rule.channel())
        .contact(contact)
        .due(due)
        .description(rule.description())
        .notes(notes)
        .blockers(blockers)
        .citation(rule.citation())
        .build();
  }

  /** The referral route at a time: in-hours service if open, else out-of-hours, else the next to open. */
  private Route route(Instant t) {
    Contact in = inRoute;
    Contact out = outRoute;
    ServiceHours inHours = in.hours().orElseThrow();
    ServiceHours outHours = out.hours().orElseThrow();
    if (inHours.isOpen(t, policy.calendar())) {
      return new Route(in, t, null);
    }
    if (outHours.isOpen(t, policy.calendar())) {
      return new Route(out, t, null);
    }
    Instant inNext = inHours.nextOpening(t, policy.calendar());
    Instant outNext = outHours.nextOpening(t, policy.calendar());
    Contact next = inNext.isAfter(outNext) ? out : in;
    Instant opens = inNext.isAfter(outNext) ? outNext : inNext;
    String note = "Neither " + in.name() + " nor " + out.name() + " is staffed at " + local(t) + " ("
        + in.name() + ": " + inHours.toText() + "; " + out.name() + ": " + outHours.toText() + "). "
        + next.name() + " opens at " + local(opens) + ": phone then. If a child is in immediate"
        + " danger, call 999 now.";
    return new Route(next, opens, note);
  }

  /**
   * A call without a deadline to a service that is closed at the time of the advice: when it opens,
   * and what is open now if the matter cannot wait.
   */
  private String closed(Contact c, ServiceHours hours, Instant t) {
    String note = c.name() + " is not staffed at " + local(t) + " (" + hours.toText() + "); it opens at "
        + local(hours.nextOpening(t, policy.calendar())) + ".";
    if (!outRoute.equals(c) && outRoute.hours().filter(h -> h.isOpen(t, policy.calendar())).isPresent()) {
      note += " If the matter cannot wait, " + outRoute.name() + " is open now.";
    }
    return note + " If a child is in immediate danger, call 999 now.";
  }

  private String local(Instant t) {
    return local(t.atZone(policy.zone()).toLocalDateTime());
  }

  // The names of days and months as the formatter writes them (taken from it, so they follow the
  // JDK's locale data): formatting a time field by field is several times faster than the
  // formatter, and an evaluation writes a local time for most of its deadlines and notes.
  private static final String[] DAY_NAMES = new String[7];
  private static final String[] MONTH_NAMES = new String[12];

  static {
    for (int d = 0; d < 7; d++) {
      DAY_NAMES[d] = LocalDate.of(2024, 1, 1).plusDays(d).format(DateTimeFormatter.ofPattern("EEE", java.util.Locale.UK));
    }
    for (int m = 0; m < 12; m++) {
      MONTH_NAMES[m] = LocalDate.of(2024, m + 1, 1).format(DateTimeFormatter.ofPattern("d MMM", java.util.Locale.UK))
          .substring(2);
    }
  }

  /** A local time as {@link #LOCAL} writes it: {@code Sat 5 Dec 2026 09:00}. */
  static String local(java.time.LocalDateTime t) {
    int year = t.getYear();
    if (year < 1000 || year > 9999) {
      return t.format(LOCAL); // signs and padding as the formatter writes them
    }
    int h = t.getHour();
    int m = t.getMinute();
    return new StringBuilder(24)
        .append(DAY_NAMES[t.getDayOfWeek().ordinal()]).append(' ')
        .append(t.getDayOfMonth()).append(' ')
        .append(MONTH_NAMES[t.getMonthValue() - 1]).append(' ')
        .append(year).append(' ')
        .append(h < 10 ? "0" : "").append(h).append(m < 10 ? ":0" : ":").append(m)
        .toString();
  }

  /** {@link #local(java.time.LocalDateTime)} by the formatter itself, which it must equal. */
  static String localByFormatter(java.time.LocalDateTime t) {
    return t.format(LOCAL);
  }

  /** The wording of rule i's deadline counting from {@code baseName}. */
  private String dueText(int i, String baseName) {
    // ADVICE is compared by reference: it is the constant passed when the timing counts from the advice.
    return baseName == ADVICE ? dueFromAdvice[i] : duePrefix[i] + baseName;
  }

  private static String words(Duration d) {
    if (d.toMinutes() % 60 == 0) {
      long h = d.toHours();
      return h + (h == 1 ? " hour" : " hours");
    }
    return d.toMinutes() + " minutes";
  }

  private static String ordinal(int n) {
    int tens = n % 100;
    if (tens >= 11 && tens <= 13) {
      return n + "th";
    }
    switch (n % 10) {
      case 1:
        return n + "st";
      case 2:
        return n + "nd";
      case 3:
        return n + "rd";
      default:
        return n + "th";
    }
  }

  private static final class Route {
    final Contact contact;
    final Instant opensAt;
    /** Why the route waits for a service to open, or null when one is open now. */
    final @Nullable String note;

    Route(Contact contact, Instant opensAt, @Nullable String note) {
      this.contact = contact;
      this.opensAt = opensAt;
      this.note = note;
    }
  }
}
