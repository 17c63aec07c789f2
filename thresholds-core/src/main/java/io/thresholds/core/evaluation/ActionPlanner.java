package io.thresholds.core.evaluation;

import io.thresholds.core.consent.ConsentCheck;
import io.thresholds.core.consent.ConsentGuidance;
import io.thresholds.core.evaluation.DefaultThresholdEvaluator.Facts;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.ActionRule;
import io.thresholds.core.policy.Contact;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns the policy's action rules into the ordered actions for one child at one time. */
final class ActionPlanner {
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  private final Policy policy;

  ActionPlanner(Policy policy) {
    this.policy = policy;
  }

  List<Action> plan(Facts facts, Instant at) {
    return plan(facts, at, List.of());
  }

  List<Action> plan(Facts facts, Instant at, List<ConsentGuidance> consent) {
    Map<String, Modality> applicable = new LinkedHashMap<>();
    for (ActionRule rule : policy.actionRules()) {
      Optional<Modality> m = applies(rule, facts);
      m.ifPresent(modality -> applicable.put(rule.id(), modality));
    }
    Map<String, String> alias = new HashMap<>();
    Set<String> removed = new HashSet<>();
    for (ActionRule rule : policy.actionRules()) {
      Modality m = applicable.get(rule.id());
      if (m != null && m != Modality.CONSIDER && rule.supersedes().isPresent()
          && applicable.containsKey(rule.supersedes().get())) {
        removed.add(rule.supersedes().get());
        alias.put(rule.supersedes().get(), rule.id());
      }
    }
    Map<String, Instant> dueById = new HashMap<>();
    List<Action> out = new ArrayList<>();
    for (ActionRule rule : policy.actionRules()) {
      Modality m = applicable.get(rule.id());
      if (m == null || removed.contains(rule.id())) {
        continue;
      }
      out.add(action(rule, m, at, dueById, alias, blockers(rule, facts, consent)));
    }
    return out;
  }

  /** The reasons a gated action cannot go ahead yet. */
  private static List<String> blockers(ActionRule rule, Facts f, List<ConsentGuidance> consent) {
    List<String> out = new ArrayList<>();
    if (rule.gates().contains(ActionRule.Gate.PROFESSIONAL) && !f.referral.referrer().professional()) {
      out.add("Only a professional can do this: ask a professional who works with the child to refer.");
    }
    if (rule.gates().isEmpty() || f.range == null) {
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
      if (rule.gates().contains(ActionRule.Gate.CONSENT) && g.check() == ConsentCheck.NOT_SATISFIED) {
        out.add(g.missing().orElse("Consent is needed first."));
      }
    }
    return out;
  }

  /** The tier whose consent rule gates an action: the trigger's own tier, else the range's lower end. */
  private static Tier gateTier(Trigger t, TierRange range) {
    for (Optional<Trigger> c = Optional.of(t); c.isPresent(); c = c.get().and()) {
      if (c.get().kind() == Trigger.Kind.TIER_IS) {
        return c.get().tier().orElseThrow();
      }
    }
    return range.min();
  }

  private Optional<Modality> applies(ActionRule rule, Facts f) {
    Optional<Boolean> firm = firmness(rule.trigger(), f);
    return firm.map(isFirm -> DefaultThresholdEvaluator.firm(rule, isFirm));
  }

  /** Empty if the trigger (and any {@code &} part) does not apply; otherwise whether it applies firmly. */
  private static Optional<Boolean> firmness(Trigger t, Facts f) {
    Optional<Boolean> head = single(t, f);
    if (head.isEmpty() || t.and().isEmpty()) {
      return head;
    }
    return firmness(t.and().get(), f).map(rest -> rest && head.get());
  }

  private static Optional<Boolean> single(Trigger t, Facts f) {
    TierRange r = f.range;
    boolean yes;
    boolean firm = true;
    switch (t.kind()) {
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
        yes = r != null && r.max().isAtLeast(t.tier().orElseThrow());
        firm = r != null && r.min().isAtLeast(t.tier().orElseThrow());
        break;
      case TIER_IS:
        yes = r != null && r.contains(t.tier().orElseThrow());
        firm = r != null && r.min() == t.tier().orElseThrow();
        break;
      case FLAG:
        yes = f.inScope() && f.flags.contains(t.flag().orElseThrow());
        break;
      case DISABLED_NOT_ASSESSED:
        yes = f.inScope() && f.child.disabled() && !f.child.disabilityNeedsAssessed();
        break;
      case MISSING_EDUCATION:
        yes = f.inScope() && f.missingEducation;
        break;
      case CONSENT_WITHHELD:
        yes = f.inScope() && f.consentRefused();
        break;
      case RANGE_UNCERTAIN:
        yes = r != null && !r.isSingle();
        break;
      default:
        throw new AssertionError(t.kind());
    }
    return yes ? Optional.of(firm) : Optional.empty();
  }

  private Action action(ActionRule rule, Modality modality, Instant at,
      Map<String, Instant> dueById, Map<String, String> alias, List<String> blockers) {
    Timing timing = rule.timing();
    List<String> notes = new ArrayList<>();
    Instant base = at;
    String baseName = "the time of this advice";
    if (timing.afterAction().isPresent()) {
      String ref = timing.afterAction().get();
      String resolved = alias.getOrDefault(ref, ref);
      Instant refDue = dueById.get(resolved);
      if (refDue != null) {
        base = refDue;
        baseName = "the " + policy.actionRules().stream()
            .filter(r -> r.id().equals(resolved))
            .findFirst()
            .map(r -> r.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
            .orElse(resolved);
      }
    }
    Optional<Contact> contact = Optional.empty();
    Instant opensAt = base;
    if (rule.contact().isPresent()) {
      if (rule.contact().get().equals(ActionRule.ROUTE)) {
        Route route = route(base, notes);
        contact = Optional.of(route.contact);
        opensAt = route.opensAt;
      } else {
        Contact c = policy.contact(rule.contact().get()).orElseThrow();
        contact = Optional.of(c);
        if (c.hours().isPresent()) {
          opensAt = c.hours().get().nextOpening(base, policy.calendar());
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
        due = Optional.of(Deadline.of(base.plus(d), "within " + words(d) + " of " + baseName));
        break;
      case WORKING_DAYS:
        int n = timing.workingDays().getAsInt();
        LocalDate day = policy.calendar().nthWorkingDayAfter(base.atZone(policy.zone()).toLocalDate(), n);
        LocalTime close = officeClose();
        Instant dueBy = ZonedDateTime.of(day, close, policy.zone()).toInstant();
        due = Optional.of(Deadline.of(dueBy, "by " + close.format(HH_MM) + " on the " + ordinal(n)
            + " working day after " + baseName));
        break;
      default:
        throw new AssertionError(timing.kind());
    }
    due.ifPresent(dl -> dueById.put(rule.id(), dl.dueBy()));
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
  private Route route(Instant t, List<String> notes) {
    Contact in = policy.contact(policy.inHoursRoute()).orElseThrow();
    Contact out = policy.contact(policy.outOfHoursRoute()).orElseThrow();
    ServiceHours inHours = in.hours().orElseThrow();
    ServiceHours outHours = out.hours().orElseThrow();
    if (inHours.isOpen(t, policy.calendar())) {
      return new Route(in, t);
    }
    if (outHours.isOpen(t, policy.calendar())) {
      return new Route(out, t);
    }
    Instant inNext = inHours.nextOpening(t, policy.calendar());
    Instant outNext = outHours.nextOpening(t, policy.calendar());
    Contact next = inNext.isAfter(outNext) ? out : in;
    Instant opens = inNext.isAfter(outNext) ? outNext : inNext;
    notes.add("Neither " + in.name() + " nor " + out.name() + " is staffed at " + local(t) + " ("
        + in.name() + ": " + inHours.toText() + "; " + out.name() + ": " + outHours.toText() + "). "
        + next.name() + " opens at " + local(opens) + ": phone then. If a child is in immediate"
        + " danger, call 999 now.");
    return new Route(next, opens);
  }

  private LocalTime officeClose() {
    ServiceHours h = policy.contact(policy.inHoursRoute()).orElseThrow().hours().orElseThrow();
    return h.kind() == ServiceHours.Kind.OFFICE_HOURS ? h.second() : LocalTime.of(17, 0);
  }

  private String local(Instant t) {
    ZonedDateTime z = t.atZone(policy.zone());
    return z.format(DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", java.util.Locale.UK));
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

    Route(Contact contact, Instant opensAt) {
      this.contact = contact;
      this.opensAt = opensAt;
    }
  }
}
