package io.thresholds.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thresholds.core.consent.ConsentRule;
import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.ActionRule;
import io.thresholds.core.policy.Contact;
import io.thresholds.core.policy.Indicator;
import io.thresholds.core.policy.Policy;
import io.thresholds.core.policy.TierService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What differs between two policies, entry by entry: indicators added, removed (or retired),
 * re-tiered, re-flagged or otherwise changed; action rules, timescales, contacts, hours, routes,
 * consent rules, tier names, services and generic rules changed.
 */
final class PolicyDiff {
  /** One difference: the section, what happened, the entry, and its value before and after. */
  static final class Change {
    final String section;
    final String change;
    final String item;
    final String from;
    final String to;

    Change(String section, String change, String item, String from, String to) {
      this.section = section;
      this.change = change;
      this.item = item;
      this.from = from;
      this.to = to;
    }

    String toText() {
      switch (change) {
        case "added":
          return "+ " + item + (to.isEmpty() ? "" : ": " + to);
        case "removed":
          return "- " + item + (from.isEmpty() ? "" : ": " + from);
        default:
          return "~ " + item + " " + change + ": " + from + " -> " + to;
      }
    }
  }

  final Policy older;
  final Policy newer;
  final List<Change> changes = new ArrayList<>();

  private PolicyDiff(Policy older, Policy newer) {
    this.older = older;
    this.newer = newer;
  }

  static PolicyDiff of(Policy older, Policy newer) {
    PolicyDiff d = new PolicyDiff(older, newer);
    d.compute();
    List<String> order = List.of("policy", "tiers", "services", "indicators", "actions", "timescales", "contacts",
        "hours", "routes", "consent", "rules", "calendar");
    d.changes.sort(java.util.Comparator.comparingInt(c -> order.indexOf(c.section)));
    return d;
  }

  private void add(String section, String change, String item, Object from, Object to) {
    changes.add(new Change(section, change, item, text(from), text(to)));
  }

  private static String text(Object o) {
    if (o == null) {
      return "";
    }
    if (o instanceof java.util.Optional) {
      return ((java.util.Optional<?>) o).map(PolicyDiff::text).orElse("-");
    }
    if (o instanceof java.util.Collection) {
      List<String> parts = ((java.util.Collection<?>) o).stream().map(PolicyDiff::text).sorted().collect(Collectors.toList());
      return parts.isEmpty() ? "-" : String.join(",", parts);
    }
    if (o instanceof Tier) {
      return String.valueOf(((Tier) o).number());
    }
    if (o instanceof io.thresholds.core.time.ServiceHours) {
      return ((io.thresholds.core.time.ServiceHours) o).toText();
    }
    return String.valueOf(o);
  }

  private void compute() {
    field("policy", "version", older.version(), newer.version());
    field("policy", "id", older.id(), newer.id());
    field("policy", "effective-from", older.effectiveFrom(), newer.effectiveFrom());
    field("policy", "effective-until", older.effectiveUntil(), newer.effectiveUntil());
    for (Tier t : Tier.values()) {
      field("tiers", "tier." + t.number() + ".name", older.tier(t).name(), newer.tier(t).name());
    }
    keyed("services", older.services(), newer.services(), TierService::id, (item, a, b) -> {
      field("services", item + ".name", a.name(), b.name());
      field("services", item + ".tiers", a.tiers(), b.tiers());
    }, s -> s.name() + " (tiers " + text(s.tiers()) + ")");
    indicators();
    keyed("actions", older.actionRules(), newer.actionRules(), ActionRule::id, (item, a, b) -> {
      field("actions", item + ".trigger", a.trigger().toText(), b.trigger().toText());
      field("actions", item + ".kind", a.kind(), b.kind());
      field("actions", item + ".modality", a.modality(), b.modality());
      field("actions", item + ".channel", a.channel(), b.channel());
      field("actions", item + ".contact", a.contact(), b.contact());
      field("timescales", item + ".timing", a.timing().toText(), b.timing().toText());
      field("actions", item + ".supersedes", a.supersedes(), b.supersedes());
      field("actions", item + ".gates", a.gates(), b.gates());
      field("actions", item + ".description", a.description(), b.description());
      field("actions", item + ".section", a.citation().toText(), b.citation().toText());
    }, a -> a.trigger().toText() + " " + a.kind() + " " + a.modality());
    keyed("contacts", older.contacts(), newer.contacts(), Contact::id, (item, a, b) -> {
      field("contacts", item + ".name", a.name(), b.name());
      field("contacts", item + ".phones", a.phones(), b.phones());
      field("contacts", item + ".email", a.email(), b.email());
      field("hours", item + ".hours", a.hours(), b.hours());
    }, Contact::name);
    field("routes", "routes.in-hours", older.inHoursRoute(), newer.inHoursRoute());
    field("routes", "routes.out-of-hours", older.outOfHoursRoute(), newer.outOfHoursRoute());
    for (Tier t : Tier.values()) {
      ConsentRule a = older.consentRule(t);
      ConsentRule b = newer.consentRule(t);
      String item = "consent." + t.number();
      field("consent", item + ".requirement", a.requirement(), b.requirement());
      field("consent", item + ".from", a.givers(), b.givers());
      field("consent", item + ".if-withheld", a.ifWithheld(), b.ifWithheld());
      field("consent", item + ".if-givers-differ", a.ifGiversDiffer(), b.ifGiversDiffer());
    }
    field("rules", "rules.exclusions.decided-by", older.exclusionRule().map(r -> r.decidedBy()),
        newer.exclusionRule().map(r -> r.decidedBy()));
    field("rules", "rules.adult-age", older.adultAge(), newer.adultAge());
    field("rules", "rules.cumulative-count", older.cumulativeCount(), newer.cumulativeCount());
    field("rules", "rules.immediate-danger-tier", older.immediateDangerTier(), newer.immediateDangerTier());
    field("rules", "school-age", older.schoolAgeFrom() + ".." + older.schoolAgeTo(),
        newer.schoolAgeFrom() + ".." + newer.schoolAgeTo());
    field("rules", "derive.low-attendance", older.lowAttendanceBelowPercent() + " " + text(older.lowAttendanceIndicator()),
        newer.lowAttendanceBelowPercent() + " " + text(newer.lowAttendanceIndicator()));
    field("rules", "derive.missing-education.indicator", older.missingEducationIndicator(), newer.missingEducationIndicator());
    field("rules", "rules.child-protection-plan.indicator", older.childProtectionPlanIndicator(),
        newer.childProtectionPlanIndicator());
    field("rules", "rules.child-protection-plan.allegations", older.childProtectionPlanAllegations(),
        newer.childProtectionPlanAllegations());
    field("calendar", "calendar", older.calendar().coveredFrom() + ".." + older.calendar().coveredUntil() + " "
        + older.calendar().holidays().size() + " holidays", newer.calendar().coveredFrom() + ".."
        + newer.calendar().coveredUntil() + " " + newer.calendar().holidays().size() + " holidays");
  }

  private void indicators() {
    Map<IndicatorCode, Indicator> a = older.catalogue();
    Map<IndicatorCode, Indicator> b = newer.catalogue();
    for (Indicator i : newer.indicators()) {
      if (!a.containsKey(i.code())) {
        add("indicators", "added", i.code().value(), null, "Tier " + i.tier().number() + ", " + i.label());
      }
    }
    for (Indicator i : older.indicators()) {
      Indicator n = b.get(i.code());
      String item = i.code().value();
      if (n == null) {
        String how = newer.retired(i.code()).map(r -> "retired" + r.replacedBy().map(x -> ", replaced by " + x).orElse(""))
            .orElse("removed");
        add("indicators", "removed", item, "Tier " + i.tier().number() + " (" + how + ")", null);
        continue;
      }
      if (n.tier() != i.tier()) {
        add("indicators", "re-tiered", item, i.tier(), n.tier());
      }
      if (!n.flags().equals(i.flags())) {
        add("indicators", "re-flagged", item, i.flags(), n.flags());
      }
      field("indicators", item + ".label", i.label(), n.label());
      field("indicators", item + ".age", i.age().map(x -> x.toText()), n.age().map(x -> x.toText()));
      field("indicators", item + ".subjects", i.subjects(), n.subjects());
      field("indicators", item + ".escalates-to", i.escalatesTo(), n.escalatesTo());
      field("indicators", item + ".kind", i.kind(), n.kind());
    }
  }

  private void field(String section, String item, Object a, Object b) {
    if (!Objects.equals(text(a), text(b))) {
      add(section, "changed", item, a, b);
    }
  }

  private interface Pair<T> {
    void compare(String item, T a, T b);
  }

  private <T> void keyed(String section, List<T> as, List<T> bs, Function<T, String> key, Pair<T> pair,
      Function<T, String> summary) {
    Map<String, T> a = new LinkedHashMap<>();
    as.forEach(x -> a.put(key.apply(x), x));
    Map<String, T> b = new LinkedHashMap<>();
    bs.forEach(x -> b.put(key.apply(x), x));
    for (Map.Entry<String, T> e : b.entrySet()) {
      if (!a.containsKey(e.getKey())) {
        add(section, "added", e.getKey(), null, summary.apply(e.getValue()));
      }
    }
    for (Map.Entry<String, T> e : a.entrySet()) {
      T other = b.get(e.getKey());
      if (other == null) {
        add(section, "removed", e.getKey(), summary.apply(e.getValue()), null);
      } else {
        pair.compare(e.getKey(), e.getValue(), other);
      }
    }
  }

  /** @return the counts by section and change, e.g. "indicators re-tiered" -> 1 */
  Map<String, Integer> counts() {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Change c : changes) {
      out.merge(c.section + " " + c.change, 1, Integer::sum);
    }
    return out;
  }

  String toText() {
    StringBuilder b = new StringBuilder();
    b.append("Policy diff: ").append(older.id()).append(' ').append(older.version()).append(" -> ")
        .append(newer.id()).append(' ').append(newer.version()).append(": ").append(changes.size())
        .append(changes.size() == 1 ? " change" : " changes").append('\n');
    String section = null;
    for (Change c : changes) {
      if (!c.section.equals(section)) {
        section = c.section;
        long n = changes.stream().filter(x -> x.section.equals(c.section)).count();
        b.append('\n').append(section).append(" (").append(n).append(")\n");
      }
      b.append("  ").append(c.toText()).append('\n');
    }
    return b.toString();
  }

  ObjectNode toJson(ObjectMapper mapper) {
    ObjectNode root = mapper.createObjectNode();
    root.put("format", "thresholds/policy-diff@1");
    root.putObject("old").put("id", older.id()).put("version", older.version());
    root.putObject("new").put("id", newer.id()).put("version", newer.version());
    ObjectNode counts = root.putObject("counts");
    counts().forEach(counts::put);
    ArrayNode list = root.putArray("changes");
    for (Change c : changes) {
      ObjectNode o = list.addObject().put("section", c.section).put("change", c.change).put("item", c.item);
      if (!c.change.equals("added")) {
        o.put("from", c.from);
      }
      if (!c.change.equals("removed")) {
        o.put("to", c.to);
      }
    }
    return root;
  }
}
