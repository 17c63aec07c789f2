package io.thresholds.core.policy;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.ThresholdsException;
import io.thresholds.core.consent.ConsentGiver;
import io.thresholds.core.consent.ConsentRequirement;
import io.thresholds.core.consent.ConsentRule;
import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.model.Tier;
import io.thresholds.core.time.CalendarDataException;
import io.thresholds.core.time.ServiceHours;
import io.thresholds.core.time.WorkingCalendar;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a policy pack: {@code policy.properties}, {@code indicators.tsv}, {@code actions.tsv} and
 * {@code bank-holidays.tsv}. Every error names the file, line and rule.
 *
 * <p>A pack whose {@code policy.properties} sets {@code policy.extends} is an overlay: its base is
 * resolved first (recursively), then the overlay's keys replace the base's, its rows replace base
 * rows with the same code or id (new rows go after the row above them in the overlay file), its
 * {@code retire.*} keys retire base entries, and files it does not have are the base's.
 */
final class PolicyPackReader {
  static final String PROPERTIES = "policy.properties";
  static final String INDICATORS = "indicators.tsv";
  static final String ACTIONS = "actions.tsv";
  static final String HOLIDAYS = "bank-holidays.tsv";
  /** Optional: the indicators mapped to the children in need census codes, and that code list. */
  static final String CENSUS = "census.tsv";
  static final String CENSUS_PROPERTIES = "census.properties";
  static final String GOLDEN = "golden.tsv";
  static final String GOLDEN_HEADER = "case\treferral\tat\tchild\trange\tactions";

  static final String INDICATOR_HEADER =
      "code\ttier\tkind\tdomain\tarea\tsubjects\tage\tmobility\tflags\tescalates_to\tsection\tlabel";
  static final String CENSUS_HEADER = "indicator\tfactors\tcp_categories\tstatus\treading";
  static final String ACTION_HEADER =
      "id\ttrigger\tkind\tmodality\tchannel\tcontact\ttiming\tsupersedes\tgates\tsection\tdescription";

  private final PackFiles files;
  /** Where each indicator code and action id was read, for errors found once the policy is built. */
  private final Map<String, String> whereDefined = new LinkedHashMap<>();

  PolicyPackReader(PackFiles files) {
    this.files = files;
  }

  Policy read() {
    Layer top = layer(files, new ArrayList<>());
    StrictProperties p = top.props;
    String document = p.required("policy.document");
    ZoneId zone;
    try {
      zone = ZoneId.of(p.required("policy.zone"));
    } catch (DateTimeException e) {
      throw new PolicyFormatException(p.where("policy.zone") + ": unknown time zone", e);
    }
    Policy.Builder b = Policy.builder()
        .id(p.required("policy.id"))
        .version(p.required("policy.version"))
        .name(p.required("policy.name"))
        .documentTitle(document)
        .zone(zone);
    p.optional("policy.effective-from").ifPresent(v -> b.effectiveFrom(date(p, "policy.effective-from", v)));
    p.optional("policy.effective-until").ifPresent(v -> b.effectiveUntil(date(p, "policy.effective-until", v)));
    top.baseLabel.ifPresent(b::extendsPolicy);
    b.retiredIndicators(top.retired);
    b.provenance(top.provenance);
    List<String> serviceIds = new ArrayList<>();
    for (String key : p.keysWithPrefix("service.")) {
      String id = key.substring("service.".length(), Math.max("service.".length(), key.lastIndexOf('.')));
      if (!serviceIds.contains(id)) {
        serviceIds.add(id);
      }
    }
    for (String id : serviceIds) {
      String k = "service." + id;
      var sv = TierService.builder().id(id).name(p.required(k + ".name")).citation(citation(p, k, document));
      for (String n : p.required(k + ".tiers").split(",")) {
        sv.addTiers(at(p, k + ".tiers", () -> Tier.of(integer(p, k + ".tiers", n.strip()))));
      }
      b.addServices(at(p, k, sv::build));
    }
    for (Tier t : Tier.values()) {
      String k = "tier." + t.number();
      Citation citation = citation(p, k, document);
      b.addTiers(at(p, k + ".name", () -> TierDefinition.builder()
          .tier(t)
          .name(p.required(k + ".name"))
          .citation(citation)
          .build()));
    }
    Map<String, String> domains = new LinkedHashMap<>();
    for (String key : p.keysWithPrefix("domain.")) {
      domains.put(key.substring("domain.".length()), p.required(key));
    }
    b.domains(domains);
    List<String> contactIds = new ArrayList<>();
    for (String key : p.keysWithPrefix("contact.")) {
      int dot = key.lastIndexOf('.');
      if (dot <= "contact.".length()) {
        throw new PolicyFormatException(p.where(key) + ": expected contact.ID.PROPERTY (name, phones, email, hours)");
      }
      String id = key.substring("contact.".length(), dot);
      if (!contactIds.contains(id)) {
        contactIds.add(id);
      }
    }
    for (String id : contactIds) {
      String k = "contact." + id;
      Contact.Builder c = Contact.builder().id(id).name(p.required(k + ".name"));
      p.optional(k + ".phones").ifPresent(v -> {
        for (String phone : v.split("\\|")) {
          c.addPhones(phone.strip());
        }
      });
      p.optional(k + ".email").ifPresent(c::email);
      Optional<String> hours = p.optional(k + ".hours");
      if (hours.isPresent()) {
        c.hours(at(p, k + ".hours", () -> ServiceHours.parse(hours.get(), k + ".hours")));
      }
      b.addContacts(at(p, k, c::build));
    }
    b.inHoursRoute(p.required("routes.in-hours")).outOfHoursRoute(p.required("routes.out-of-hours"));
    for (Tier t : Tier.values()) {
      String k = "consent." + t.number();
      ConsentRule.Builder c = ConsentRule.builder()
          .tier(t)
          .requirement(enumValue(p, k + ".requirement", ConsentRequirement.class))
          .ifWithheld(p.required(k + ".if-withheld"))
          .citation(citation(p, k, document));
      for (String giver : p.required(k + ".from").split(",")) {
        c.addGivers(enumText(p, k + ".from", giver, ConsentGiver.class));
      }
      Optional<String> differ = p.optional(k + ".if-givers-differ");
      if (differ.isPresent()) {
        c.ifGiversDiffer(differ.get()).giversDifferCitation(citation(p, k + ".if-givers-differ", document));
      }
      b.addConsentRules(at(p, k + ".if-withheld", c::build));
    }
    p.optional("rules.adult-age").ifPresent(v -> b.adultAge(integer(p, "rules.adult-age", v)));
    b.adultCitation(citation(p, "rules.adult", document));
    p.optional("rules.cumulative-count").ifPresent(v -> b.cumulativeCount(integer(p, "rules.cumulative-count", v)));
    b.cumulativeCitation(citation(p, "rules.cumulative", document));
    p.optional("rules.cumulative-count-by").ifPresent(
        v -> b.cumulativeCountBy(enumText(p, "rules.cumulative-count-by", v, CountBy.class)));
    for (String key : p.keysWithPrefix("rules.cumulative-domain-alias.")) {
      b.putCumulativeDomainAliases(key.substring("rules.cumulative-domain-alias.".length()), p.required(key));
    }
    groups(p, document, b);
    p.optional("rules.immediate-danger-tier").ifPresent(
        v -> b.immediateDangerTier(at(p, "rules.immediate-danger-tier", () -> Tier.of(integer(p, "rules.immediate-danger-tier", v)))));
    b.immediateDangerCitation(citation(p, "rules.immediate-danger", document));
    b.noNeedCitation(citation(p, "rules.no-need", document));
    b.disabilityCitation(citation(p, "rules.disability", document));
    p.optional("rules.disability.care-domain").ifPresent(b::disabilityCareDomain);
    // A concern about a child on a child protection plan; Policy checks that the keys go together.
    for (String k : List.of("indicator", "allegations", "section")) {
      String key = "rules.child-protection-plan." + k;
      if (p.has(key)) {
        whereDefined.put(k.equals("section") ? "childProtectionPlanCitation"
            : k.equals("indicator") ? "childProtectionPlanIndicator" : "childProtectionPlanAllegations", p.where(key));
      }
    }
    p.optional("rules.child-protection-plan.indicator").ifPresent(v -> b.childProtectionPlanIndicator(
        at(p, "rules.child-protection-plan.indicator", () -> IndicatorCode.of(v))));
    if (p.optional("rules.child-protection-plan.section").isPresent()) {
      b.childProtectionPlanCitation(citation(p, "rules.child-protection-plan", document));
    } else if (p.has("rules.child-protection-plan.reading")) {
      throw new PolicyFormatException(p.where("rules.child-protection-plan.reading")
          + ": a reading needs the section it reads (rules.child-protection-plan.section)");
    }
    for (String code : allegations(p)) {
      b.addChildProtectionPlanAllegations(at(p, "rules.child-protection-plan.allegations",
          () -> IndicatorCode.of(code)));
    }
    Optional<String> decidedBy = p.optional("rules.exclusions.decided-by");
    if (decidedBy.isPresent()) {
      b.exclusionRule(at(p, "rules.exclusions.decided-by", () -> ExclusionRule.builder()
          .decidedBy(decidedBy.get())
          .explanation(p.required("rules.exclusions.explanation"))
          .citation(citation(p, "rules.exclusions", document))
          .build()));
    }
    for (io.thresholds.core.model.ProtectiveFact f : io.thresholds.core.model.ProtectiveFact.values()) {
      String k = "protective." + f.name();
      if (p.optional(k + ".section").isPresent()) {
        b.putProtectiveCitations(f, citation(p, k, document));
      }
    }
    p.optional("school-age.from").ifPresent(v -> b.schoolAgeFrom(integer(p, "school-age.from", v)));
    p.optional("school-age.to").ifPresent(v -> b.schoolAgeTo(integer(p, "school-age.to", v)));
    if (p.optional("school-age.section").isPresent()) {
      b.schoolAgeCitation(citation(p, "school-age", document));
    }
    p.optional("derive.low-attendance.below-percent").ifPresent(
        v -> b.lowAttendanceBelowPercent(integer(p, "derive.low-attendance.below-percent", v)));
    p.optional("derive.low-attendance.indicator").ifPresent(
        v -> b.lowAttendanceIndicator(at(p, "derive.low-attendance.indicator", () -> IndicatorCode.of(v))));
    p.optional("derive.missing-education.indicator").ifPresent(
        v -> b.missingEducationIndicator(at(p, "derive.missing-education.indicator", () -> IndicatorCode.of(v))));
    p.finish();

    b.indicators(indicators(top.indicators.values(), domains));
    b.actionRules(actions(top.actions.values()));
    if (top.censusPack != null) {
      // An inherited mapping follows the catalogue: the rows of indicators the overlay retired go.
      java.util.Set<String> retired = new java.util.HashSet<>();
      if (top.censusPack != files) {
        top.retired.forEach(r -> retired.add(r.code().value()));
      }
      b.census(census(top.censusPack, top.document, retired));
    }
    String holidays = String.join("\n", top.holidays);
    try (Reader r = new StringReader(holidays)) {
      b.calendar(WorkingCalendar.parse(r, zone, top.holidaySource));
    } catch (CalendarDataException e) {
      throw new PolicyFormatException(e.getMessage(), e);
    } catch (IOException e) {
      throw new PolicyFormatException(top.holidaySource + ": cannot be read", e);
    }
    try {
      return b.build();
    } catch (InvalidValueException e) {
      throw new PolicyFormatException(locate(e.field()) + "policy pack is inconsistent: " + e.getMessage(), e);
    } catch (IllegalStateException e) {
      throw new PolicyFormatException("policy pack is incomplete: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a pack's own golden cases ({@code golden.tsv}, not inherited), or none if it has none.
   *
   * @param pack the pack's files
   * @return the cases
   */
  static List<GoldenCase> goldenCases(PackFiles pack) {
    if (!pack.exists(GOLDEN)) {
      return List.of();
    }
    List<GoldenCase> out = new ArrayList<>();
    java.util.Set<String> names = new java.util.HashSet<>();
    for (Row row : rows(pack, GOLDEN, GOLDEN_HEADER, "")) {
      out.add(row.parse(() -> {
        String file = row.get(1);
        if (file.startsWith("/") || file.contains("..") || file.contains("\\")) {
          throw new InvalidValueException(row.field(1), "must be a path inside the pack, without ..");
        }
        if (!names.add(row.get(0))) {
          throw new InvalidValueException(row.field(0), "names a case twice");
        }
        String[] range = row.get(4).split("-", -1);
        if (range.length > 2) {
          throw new InvalidValueException(row.field(4), "must be N or N-M");
        }
        var b = GoldenCase.builder()
            .name(row.get(0))
            .source(row.where())
            .referralFile(file)
            .referralJson(String.join("\n", pack.lines(file)))
            .child(row.get(3))
            .minTier(tierText(row, range[0]))
            .maxTier(tierText(row, range[range.length - 1]))
            .actions(row.list(5));
        row.optional(2).ifPresent(at -> {
          try {
            b.at(Instant.parse(at));
          } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidValueException(row.field(2), "must be - or an instant such as 2025-11-18T10:00:00Z");
          }
        });
        return b.build();
      }));
    }
    return out;
  }

  private static Tier tierText(Row row, String n) {
    try {
      return Tier.of(Integer.parseInt(n.strip()));
    } catch (NumberFormatException e) {
      throw new InvalidValueException(row.field(4), "must be N or N-M with tiers 1 to 4");
    }
  }

  /** How many packs deep {@code policy.extends} may go. */
  static final int MAX_DEPTH = 8;

  /** Keys of a base pack an overlay never inherits: its identity, dates, base and own declarations. */
  private static boolean ownOnly(String key) {
    return key.equals("policy.id") || key.equals("policy.version") || key.equals("policy.name")
        || key.equals("policy.document") || key.equals("policy.extends")
        || key.equals("policy.effective-from") || key.equals("policy.effective-until")
        || key.startsWith("basis.") || key.startsWith("retire.");
  }

  /**
   * The item a properties key belongs to, for provenance: {@code contact.hub.phones} belongs to
   * {@code contact.hub}, {@code rules.adult-age} to {@code rules.adult}; null for identity keys.
   */
  static String item(String key) {
    if (ownOnly(key) || key.startsWith("policy.")) {
      return null;
    }
    String[] parts = key.split("\\.");
    if (parts[0].equals("routes") || parts[0].equals("school-age") || parts.length < 2) {
      return parts[0];
    }
    String second = parts[1];
    if (parts[0].equals("rules")) {
      second = second.replaceAll("-(age|count|tier)$", "");
    }
    return parts[0] + "." + second;
  }

  /** One pack with its bases resolved: merged keys and rows, what it retired, where items come from. */
  private static final class Layer {
    StrictProperties props;
    String document;
    LinkedHashMap<String, Row> indicators;
    LinkedHashMap<String, Row> actions;
    List<String> holidays;
    String holidaySource;
    List<RetiredIndicator> retired = new ArrayList<>();
    Map<String, Provenance> provenance = new LinkedHashMap<>();
    Optional<String> baseLabel = Optional.empty();
    java.util.Set<String> ownIndicators = new java.util.HashSet<>();
    java.util.Set<String> ownActions = new java.util.HashSet<>();
    boolean ownCalendar = true;
    /** The pack whose census files apply: this one's if it has them, else its base's; null if none. */
    PackFiles censusPack;
  }

  private static boolean hasCensus(PackFiles pack) {
    return pack.exists(CENSUS) || pack.exists(CENSUS_PROPERTIES);
  }

  private static Layer layer(PackFiles pack, List<String> chain) {
    String source = pack.describe(PROPERTIES);
    if (chain.contains(pack.identity())) {
      throw new PolicyFormatException(source + ": the packs extend each other in a cycle");
    }
    if (chain.size() >= MAX_DEPTH) {
      throw new PolicyFormatException(source + ": packs extend one another more than " + MAX_DEPTH + " deep");
    }
    StrictProperties p = new StrictProperties(source, pack.lines(PROPERTIES));
    Layer l = new Layer();
    l.props = p;
    l.document = p.required("policy.document");
    Optional<String> ext = p.optional("policy.extends");
    if (ext.isEmpty()) {
      l.indicators = keyed(rows(pack, INDICATORS, INDICATOR_HEADER, l.document));
      l.actions = keyed(rows(pack, ACTIONS, ACTION_HEADER, l.document));
      l.holidays = pack.lines(HOLIDAYS);
      l.holidaySource = pack.describe(HOLIDAYS);
      l.ownIndicators.addAll(l.indicators.keySet());
      l.ownActions.addAll(l.actions.keySet());
      l.censusPack = hasCensus(pack) ? pack : null;
      declaredBasis(l, items(l));
      return l;
    }
    String where = p.where("policy.extends");
    Optional<PackFiles> basePack;
    try {
      basePack = pack.base(ext.get());
    } catch (IllegalArgumentException e) {
      throw new PolicyFormatException(where + ": not a valid path", e);
    }
    if (basePack.isEmpty()) {
      throw new PolicyFormatException(where + ": names neither an embedded pack (" + String.join(", ",
          new java.util.TreeSet<>(PackFiles.EMBEDDED.keySet())) + ") nor a relative path starting ./ or ../");
    }
    List<String> inner = new ArrayList<>(chain);
    inner.add(pack.identity());
    Layer base = layer(basePack.get(), inner);
    String baseLabel = base.props.required("policy.id") + " " + base.props.required("policy.version");
    l.baseLabel = Optional.of(baseLabel);
    String label = p.required("policy.id") + " " + p.required("policy.version");

    // Retirements, each checked against the base entry it names.
    java.util.Set<String> retiredIndicators = new java.util.LinkedHashSet<>();
    java.util.Set<String> retiredActions = new java.util.LinkedHashSet<>();
    java.util.Set<String> retiredContacts = new java.util.LinkedHashSet<>();
    Map<String, String> retireKey = new LinkedHashMap<>();
    l.retired.addAll(base.retired);
    for (String key : p.keysWithPrefix("retire.")) {
      String rest = key.substring("retire.".length());
      int dot = rest.indexOf('.');
      String kind = dot < 0 ? rest : rest.substring(0, dot);
      String name = dot < 0 ? "" : rest.substring(dot + 1);
      String value = p.required(key);
      switch (kind) {
        case "indicator":
          if (!base.indicators.containsKey(name)) {
            throw new PolicyFormatException(p.where(key) + ": retires indicator " + name + ", which base pack "
                + baseLabel + " does not have");
          }
          retiredIndicators.add(name);
          retireKey.put("indicator." + name, p.where(key));
          Optional<IndicatorCode> replacement = value.equals("-") ? Optional.empty()
              : Optional.of(at(p, key, () -> IndicatorCode.of(value)));
          l.retired.add(RetiredIndicator.builder().code(IndicatorCode.of(name)).replacedBy(replacement)
              .retiredBy(label).build());
          break;
        case "action":
        case "contact":
          boolean known = kind.equals("action") ? base.actions.containsKey(name) : base.props.has("contact." + name + ".name");
          if (!known) {
            throw new PolicyFormatException(p.where(key) + ": retires " + kind + " " + name + ", which base pack "
                + baseLabel + " does not have");
          }
          if (!value.equals("-")) {
            throw new PolicyFormatException(p.where(key) + ": the value must be - (an action or contact has no replacement)");
          }
          (kind.equals("action") ? retiredActions : retiredContacts).add(name);
          retireKey.put(kind + "." + name, p.where(key));
          break;
        default:
          throw new PolicyFormatException(p.where(key) + ": retire.indicator.CODE, retire.action.ID or retire.contact.ID expected");
      }
    }
    p.inherit(base.props, base.document, key -> ownOnly(key)
        || retiredContacts.stream().anyMatch(c -> key.startsWith("contact." + c + ".")));
    l.indicators = merge(base.indicators, pack.exists(INDICATORS) ? rows(pack, INDICATORS, INDICATOR_HEADER, l.document)
        : List.of(), retiredIndicators, "indicator", l.ownIndicators);
    l.actions = merge(base.actions, pack.exists(ACTIONS) ? rows(pack, ACTIONS, ACTION_HEADER, l.document)
        : List.of(), retiredActions, "action", l.ownActions);
    l.censusPack = hasCensus(pack) ? pack : base.censusPack;
    l.ownCalendar = pack.exists(HOLIDAYS);
    l.holidays = l.ownCalendar ? pack.lines(HOLIDAYS) : base.holidays;
    l.holidaySource = l.ownCalendar ? pack.describe(HOLIDAYS) : base.holidaySource;
    stillNamed(l, retireKey);

    // Provenance: what the overlay did not set is the base's.
    // An item the overlay does not touch is inherited whole; of an item it changes in part (say a
    // contact's phones), each key it leaves is recorded as inherited.
    Map<String, Boolean> own = items(l);
    for (Map.Entry<String, Boolean> e : own.entrySet()) {
      if (!e.getValue()) {
        Provenance was = base.provenance.getOrDefault(e.getKey(), Provenance.STATED);
        l.provenance.put(e.getKey(), was == Provenance.STATED ? Provenance.INHERITED : was);
      }
    }
    for (String key : p.keysWithPrefix("")) {
      String item = item(key);
      if (item != null && own.getOrDefault(item, false) && p.isInherited(key)) {
        Provenance was = base.provenance.getOrDefault(key, base.provenance.getOrDefault(item, Provenance.STATED));
        l.provenance.put(key, was == Provenance.STATED ? Provenance.INHERITED : was);
      }
    }
    declaredBasis(l, own);
    return l;
  }

  /** Every item of a resolved layer, and whether the layer itself sets (part of) it. */
  private static Map<String, Boolean> items(Layer l) {
    Map<String, Boolean> out = new LinkedHashMap<>();
    for (String key : l.props.keysWithPrefix("")) {
      String item = item(key);
      if (item != null) {
        out.merge(item, !l.props.isInherited(key), Boolean::logicalOr);
      }
    }
    for (String key : l.indicators.keySet()) {
      out.put("indicator." + key, l.ownIndicators.contains(key));
    }
    for (String key : l.actions.keySet()) {
      out.put("action." + key, l.ownActions.contains(key));
    }
    out.put("calendar", l.ownCalendar);
    return out;
  }

  /** Applies the layer's own {@code basis.ITEM = assumed} keys. */
  private static void declaredBasis(Layer l, Map<String, Boolean> items) {
    StrictProperties p = l.props;
    for (String key : p.ownKeys()) {
      if (!key.startsWith("basis.")) {
        continue;
      }
      String item = key.substring("basis.".length());
      if (!items.containsKey(item) && (item(item) == null || !p.has(item))) {
        throw new PolicyFormatException(p.where(key) + ": names no item or key of this policy"
            + " (e.g. contact.ID, contact.ID.hours, action.ID, indicator.CODE, consent.N)");
      }
      if (!p.required(key).equals("assumed")) {
        throw new PolicyFormatException(p.where(key) + ": the only basis a pack declares is assumed"
            + " (stated is the default; inherited is worked out)");
      }
      l.provenance.put(item, Provenance.ASSUMED);
    }
  }

  /** A retired entry must not still be named by a row or key the overlay keeps. */
  private static void stillNamed(Layer l, Map<String, String> retireKey) {
    for (Map.Entry<String, String> e : retireKey.entrySet()) {
      String kind = e.getKey().substring(0, e.getKey().indexOf('.'));
      String name = e.getKey().substring(kind.length() + 1);
      String user = null;
      if (kind.equals("indicator")) {
        for (Row r : l.indicators.values()) {
          if (r.cells[9].strip().equals(name)) {
            user = "indicator " + r.key() + " (" + r.where() + ", escalates_to)";
          }
        }
        for (String k : List.of("derive.low-attendance.indicator", "derive.missing-education.indicator",
            "rules.child-protection-plan.indicator")) {
          if (l.props.has(k) && l.props.optional(k).orElse("").equals(name)) {
            user = l.props.where(k);
          }
        }
        if (allegations(l.props).contains(name)) {
          user = l.props.where("rules.child-protection-plan.allegations");
        }
      } else if (kind.equals("action")) {
        for (Row r : l.actions.values()) {
          String timing = r.cells[6].strip();
          if (r.cells[7].strip().equals(name) || timing.startsWith("after:" + name + "+") || timing.endsWith("@" + name)) {
            user = "action " + r.key() + " (" + r.where() + ")";
          }
        }
      } else {
        for (Row r : l.actions.values()) {
          if (r.cells[5].strip().equals(name)) {
            user = "action " + r.key() + " (" + r.where() + ", contact)";
          }
        }
        for (String k : List.of("routes.in-hours", "routes.out-of-hours")) {
          if (l.props.has(k) && l.props.optional(k).orElse("").equals(name)) {
            user = l.props.where(k);
          }
        }
      }
      if (user != null) {
        throw new PolicyFormatException(e.getValue() + ": retires " + kind + " " + name + ", but " + user
            + " still names it; replace or retire that entry too");
      }
    }
  }

  private static LinkedHashMap<String, Row> keyed(List<Row> rows) {
    LinkedHashMap<String, Row> out = new LinkedHashMap<>();
    for (Row r : rows) {
      Row before = out.put(r.key(), r);
      if (before != null) {
        throw new PolicyFormatException(r.where() + ": " + r.key() + " is used twice (also on line " + before.line + ")");
      }
    }
    return out;
  }

  /**
   * Overlay rows onto base rows: a row with a base key replaces it in place; a new row goes after
   * the row above it in the overlay file (at the end if it is the first).
   */
  private static LinkedHashMap<String, Row> merge(LinkedHashMap<String, Row> base, List<Row> own,
      java.util.Set<String> retired, String kind, java.util.Set<String> ownKeys) {
    List<String> order = new ArrayList<>(base.keySet());
    order.removeAll(retired);
    Map<String, Row> rows = new java.util.HashMap<>(base);
    String previous = null;
    Map<String, Row> seen = new LinkedHashMap<>();
    for (Row r : own) {
      String key = r.key();
      Row twice = seen.put(key, r);
      if (twice != null) {
        throw new PolicyFormatException(r.where() + ": " + key + " is used twice (also on line " + twice.line + ")");
      }
      if (retired.contains(key)) {
        throw new PolicyFormatException(r.where() + ": " + kind + " " + key + " is retired by this pack's retire." + kind
            + "." + key + " key; a retired " + kind + " cannot also be redefined");
      }
      Row was = rows.put(key, r);
      ownKeys.add(key);
      if (was != null) {
        r.overrides = was.where();
      } else if (previous == null) {
        order.add(key);
      } else {
        order.add(order.indexOf(previous) + 1, key);
      }
      previous = key;
    }
    LinkedHashMap<String, Row> out = new LinkedHashMap<>();
    for (String key : order) {
      out.put(key, rows.get(key));
    }
    return out;
  }

  /** The file and line a consistency error's field points at, as a message prefix, or "". */
  private String locate(String field) {
    String key = null;
    if (field.startsWith("indicators[") || field.startsWith("actions[") || field.startsWith("census[")) {
      key = field.substring(0, field.indexOf(']') + 1);
    } else if (field.equals("actions")) {
      key = whereDefined.keySet().stream().filter(k -> k.startsWith("actions[")).findFirst().orElse(null);
    } else if (field.startsWith("childProtectionPlan")) {
      key = field.equals("childProtectionPlanCitation") && !whereDefined.containsKey(field)
          ? "childProtectionPlanIndicator" : field;
    }
    String where = key == null ? null : whereDefined.get(key);
    return where == null ? "" : where + ": ";
  }

  private List<Indicator> indicators(java.util.Collection<Row> rows, Map<String, String> domains) {
    List<Indicator> out = new ArrayList<>();
    for (Row row : rows) {
      String document = row.document;
      whereDefined.put("indicators[" + row.cells[0].strip() + "]", row.source + " line " + row.line);
      out.add(row.parse(() -> {
        Tier tier = Tier.of(row.integer(1));
        Indicator.Builder i = Indicator.builder()
            .code(IndicatorCode.of(row.get(0)))
            .tier(tier)
            .kind(row.enumValue(2, IndicatorKind.class))
            .domain(row.get(3))
            .area(row.get(4))
            .label(row.get(11));
        for (String s : row.list(5)) {
          if (s.equals("ANY")) {
            i.addSubjects(SubjectKind.values());
          } else {
            i.addSubjects(row.enumText(5, s, SubjectKind.class));
          }
        }
        row.optional(6).ifPresent(a -> i.age(AgeCondition.parse(a, row.field(6))));
        row.optional(7).ifPresent(m -> {
          if (!m.equals("PRE_OR_NON_MOBILE")) {
            throw new InvalidValueException(row.field(7), "must be - or PRE_OR_NON_MOBILE");
          }
          i.preOrNonMobileOnly(true);
        });
        for (String f : row.list(8)) {
          i.addFlags(row.enumText(8, f, IndicatorFlag.class));
        }
        row.optional(9).ifPresent(e -> i.escalatesTo(IndicatorCode.of(e)));
        String domainName = domains.get(row.get(3));
        if (domainName == null) {
          throw new InvalidValueException(row.field(3), "is not declared as domain." + row.get(3) + " in " + PROPERTIES);
        }
        Citation cell = Citation.ofCell(document, row.get(10));
        i.citation(Citation.builder()
            .from(cell)
            .tier(tier)
            .domain(domainName)
            .area(row.get(4))
            .build());
        return i.build();
      }));
    }
    return out;
  }

  /** census.properties (the code list) and census.tsv (one mapping per indicator). */
  private CensusCodes census(PackFiles pack, String document, java.util.Set<String> retired) {
    StrictProperties p = new StrictProperties(pack.describe(CENSUS_PROPERTIES), pack.lines(CENSUS_PROPERTIES));
    var c = CensusCodes.builder()
        .codeList(p.required("census.code-list"))
        .version(p.required("census.code-list.version"))
        .source(p.required("census.source"));
    p.finish();
    for (Row row : rows(pack, CENSUS, CENSUS_HEADER, document)) {
      if (retired.contains(row.cells[0].strip())) {
        continue;
      }
      whereDefined.put("census[" + row.cells[0].strip() + "]", row.source + " line " + row.line);
      c.addMappings(row.parse(() -> {
        var m = CensusMapping.builder()
            .indicator(IndicatorCode.of(row.get(0)))
            .factors(row.list(1))
            .reading(row.get(4));
        for (String code : row.list(2)) {
          m.addCategories(ChildProtectionCategory.ofCode(code).orElseThrow(() -> new InvalidValueException(
              row.field(2), "unknown category " + code + "; use NEG, PHY, SAB, EMO or MUL")));
        }
        String status = row.get(3);
        if (!status.equals("confirmed") && !status.equals("unconfirmed")) {
          throw new InvalidValueException(row.field(3), "must be confirmed or unconfirmed");
        }
        m.confirmed(status.equals("confirmed"));
        return m.build();
      }));
    }
    try {
      return c.build();
    } catch (InvalidValueException e) {
      throw new PolicyFormatException(locate(e.field()) + e.getMessage(), e);
    }
  }

  private List<ActionRule> actions(java.util.Collection<Row> rows) {
    List<ActionRule> out = new ArrayList<>();
    for (Row row : rows) {
      String document = row.document;
      whereDefined.put("actions[" + row.cells[0].strip() + "]", row.source + " line " + row.line);
      out.add(row.parse(() -> {
        ActionRule.Builder a = ActionRule.builder()
            .id(row.get(0))
            .trigger(Trigger.parse(row.get(1), row.field(1)))
            .kind(row.enumValue(2, ActionKind.class))
            .modality(row.enumValue(3, Modality.class))
            .channel(row.enumValue(4, Channel.class))
            .timing(Timing.parse(row.get(6), row.field(6)))
            .citation(Citation.ofCell(document, row.get(9)))
            .description(row.get(10));
        for (String g : row.list(8)) {
          a.addGates(row.enumText(8, g.toUpperCase(Locale.ROOT).replace('-', '_'), ActionRule.Gate.class));
        }
        row.optional(5).ifPresent(a::contact);
        row.optional(7).ifPresent(a::supersedes);
        return a.build();
      }));
    }
    return out;
  }

  private static List<Row> rows(PackFiles files, String file, String header, String document) {
    List<String> lines = files.lines(file);
    String source = files.describe(file);
    List<Row> rows = new ArrayList<>();
    boolean seenHeader = false;
    int columns = header.split("\t").length;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (!seenHeader) {
        if (!line.equals(header)) {
          throw new PolicyFormatException(source + " line " + (i + 1) + ": header must be: "
              + header.replace("\t", " <TAB> "));
        }
        seenHeader = true;
        continue;
      }
      String[] cells = line.split("\t", -1);
      if (cells.length != columns) {
        throw new PolicyFormatException(source + " line " + (i + 1) + ": expected " + columns
            + " tab-separated fields, found " + cells.length);
      }
      rows.add(new Row(source, i + 1, header.split("\t"), cells, document));
    }
    if (!seenHeader) {
      throw new PolicyFormatException(source + ": no header line");
    }
    return rows;
  }

  /** The codes listed in {@code rules.child-protection-plan.allegations}, stripped; none when absent. */
  private static List<String> allegations(StrictProperties p) {
    List<String> out = new ArrayList<>();
    for (String code : p.optional("rules.child-protection-plan.allegations").orElse("").split(",")) {
      out.add(code.strip());
    }
    return p.has("rules.child-protection-plan.allegations") ? out : List.of();
  }

  private static Citation citation(StrictProperties p, String prefix, String document) {
    Citation.Builder c = Citation.builder()
        .document(p.optional(prefix + ".document").orElse(p.documentOf(prefix + ".section", document)))
        .section(p.required(prefix + ".section"));
    p.optional(prefix + ".reading").ifPresent(c::reading);
    return at(p, prefix + ".section", c::build);
  }

  /** Reads {@code group.ID.*} and {@code combination.ID.*}. */
  private static void groups(StrictProperties p, String document, Policy.Builder b) {
    for (String id : ids(p, "group.")) {
      String k = "group." + id;
      IndicatorGroup.Builder g = IndicatorGroup.builder().id(id).citation(citation(p, k, document));
      for (String code : p.required(k + ".members").split(",")) {
        g.addMembers(at(p, k + ".members", () -> IndicatorCode.of(code.strip())));
      }
      b.addGroups(at(p, k + ".members", g::build));
    }
    for (String id : ids(p, "combination.")) {
      String k = "combination." + id;
      Combination.Builder c = Combination.builder().id(id)
          .atLeast(integer(p, k + ".at-least", p.required(k + ".at-least")))
          .indicator(at(p, k + ".indicator", () -> IndicatorCode.of(p.required(k + ".indicator"))))
          .citation(citation(p, k, document));
      for (String code : p.required(k + ".members").split(",")) {
        c.addMembers(at(p, k + ".members", () -> IndicatorCode.of(code.strip())));
      }
      b.addCombinations(at(p, k + ".members", c::build));
    }
  }

  /** The distinct ids of keys {@code PREFIX.ID.FIELD}, in file order. */
  private static List<String> ids(StrictProperties p, String prefix) {
    List<String> ids = new ArrayList<>();
    for (String key : p.keysWithPrefix(prefix)) {
      int dot = key.indexOf('.', prefix.length());
      if (dot < 0) {
        throw new PolicyFormatException(p.where(key) + ": expected " + prefix + "ID.FIELD");
      }
      String id = key.substring(prefix.length(), dot);
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  private static java.time.LocalDate date(StrictProperties p, String key, String v) {
    try {
      return java.time.LocalDate.parse(v);
    } catch (java.time.format.DateTimeParseException e) {
      throw new PolicyFormatException(p.where(key) + ": not a date YYYY-MM-DD", e);
    }
  }

  private static int integer(StrictProperties p, String key, String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new PolicyFormatException(p.where(key) + ": not a whole number", e);
    }
  }

  private static <E extends Enum<E>> E enumValue(StrictProperties p, String key, Class<E> type) {
    return enumText(p, key, p.required(key), type);
  }

  private static <E extends Enum<E>> E enumText(StrictProperties p, String key, String text, Class<E> type) {
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new PolicyFormatException(p.where(key) + ": unknown " + type.getSimpleName(), e);
    }
  }

  private static <T> T at(StrictProperties p, String key, java.util.function.Supplier<T> make) {
    try {
      return make.get();
    } catch (ThresholdsException | IllegalStateException e) {
      throw new PolicyFormatException(p.where(key) + ": " + e.getMessage(), e);
    }
  }

  /** One data line of a TSV file. */
  private static final class Row {
    final String source;
    final int line;
    final String[] names;
    final String[] cells;
    /** The title of the document of the pack the row belongs to, for its citation. */
    final String document;
    /** Where the base row this overlay row replaces was read, if it replaces one. */
    String overrides;

    Row(String source, int line, String[] names, String[] cells, String document) {
      this.source = source;
      this.line = line;
      this.names = names;
      this.cells = cells;
      this.document = document;
    }

    String key() {
      return cells[0].strip();
    }

    String where() {
      return source + " line " + line;
    }

    private String suffix() {
      return overrides == null ? "" : " (this row replaces " + key() + " of the base pack, " + overrides + ")";
    }

    String field(int i) {
      return source + " line " + line + " column " + names[i];
    }

    String get(int i) {
      String v = cells[i].strip();
      if (v.isEmpty()) {
        throw new InvalidValueException(field(i), "is empty; use - for none");
      }
      return v;
    }

    Optional<String> optional(int i) {
      String v = get(i);
      return v.equals("-") ? Optional.empty() : Optional.of(v);
    }

    List<String> list(int i) {
      List<String> out = new ArrayList<>();
      optional(i).ifPresent(v -> {
        for (String s : v.split(",")) {
          out.add(s.strip());
        }
      });
      return out;
    }

    int integer(int i) {
      try {
        return Integer.parseInt(get(i));
      } catch (NumberFormatException e) {
        throw new InvalidValueException(field(i), "not a whole number");
      }
    }

    <E extends Enum<E>> E enumValue(int i, Class<E> type) {
      return enumText(i, get(i), type);
    }

    <E extends Enum<E>> E enumText(int i, String text, Class<E> type) {
      try {
        return Enum.valueOf(type, text);
      } catch (IllegalArgumentException e) {
        throw new InvalidValueException(field(i), "unknown " + type.getSimpleName() + " " + text);
      }
    }

    <T> T parse(java.util.function.Supplier<T> make) {
      try {
        return make.get();
      } catch (InvalidValueException e) {
        String msg = e.field().startsWith(source) ? e.getMessage()
            : source + " line " + line + ": " + e.getMessage();
        throw new PolicyFormatException(msg + suffix(), e);
      } catch (ThresholdsException | IllegalStateException e) {
        throw new PolicyFormatException(source + " line " + line + ": " + e.getMessage() + suffix(), e);
      }
    }
  }

}
