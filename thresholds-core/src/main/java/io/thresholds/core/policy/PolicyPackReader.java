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
 */
final class PolicyPackReader {
  static final String PROPERTIES = "policy.properties";
  static final String INDICATORS = "indicators.tsv";
  static final String ACTIONS = "actions.tsv";
  static final String HOLIDAYS = "bank-holidays.tsv";

  static final String INDICATOR_HEADER =
      "code\ttier\tkind\tdomain\tarea\tsubjects\tage\tmobility\tflags\tescalates_to\tsection\tlabel";
  static final String ACTION_HEADER =
      "id\ttrigger\tkind\tmodality\tchannel\tcontact\ttiming\tsupersedes\tgates\tsection\tdescription";

  private final PackFiles files;
  /** Where each indicator code and action id was read, for errors found once the policy is built. */
  private final Map<String, String> whereDefined = new LinkedHashMap<>();

  PolicyPackReader(PackFiles files) {
    this.files = files;
  }

  Policy read() {
    StrictProperties p = new StrictProperties(files.describe(PROPERTIES), files.lines(PROPERTIES));
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
    for (Tier t : Tier.values()) {
      String k = "tier." + t.number();
      b.addTiers(TierDefinition.builder()
          .tier(t)
          .name(p.required(k + ".name"))
          .citation(citation(p, k, document))
          .build());
    }
    Map<String, String> domains = new LinkedHashMap<>();
    for (String key : p.keysWithPrefix("domain.")) {
      domains.put(key.substring("domain.".length()), p.required(key));
    }
    b.domains(domains);
    List<String> contactIds = new ArrayList<>();
    for (String key : p.keysWithPrefix("contact.")) {
      String id = key.substring("contact.".length(), key.lastIndexOf('.'));
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
      b.addConsentRules(c.build());
    }
    p.optional("rules.adult-age").ifPresent(v -> b.adultAge(integer(p, "rules.adult-age", v)));
    b.adultCitation(citation(p, "rules.adult", document));
    p.optional("rules.cumulative-count").ifPresent(v -> b.cumulativeCount(integer(p, "rules.cumulative-count", v)));
    b.cumulativeCitation(citation(p, "rules.cumulative", document));
    p.optional("rules.immediate-danger-tier").ifPresent(
        v -> b.immediateDangerTier(at(p, "rules.immediate-danger-tier", () -> Tier.of(integer(p, "rules.immediate-danger-tier", v)))));
    b.immediateDangerCitation(citation(p, "rules.immediate-danger", document));
    b.noNeedCitation(citation(p, "rules.no-need", document));
    b.disabilityCitation(citation(p, "rules.disability", document));
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

    b.indicators(indicators(document, domains));
    b.actionRules(actions(document));
    String holidays = String.join("\n", files.lines(HOLIDAYS));
    try (Reader r = new StringReader(holidays)) {
      b.calendar(WorkingCalendar.parse(r, zone, files.describe(HOLIDAYS)));
    } catch (CalendarDataException e) {
      throw new PolicyFormatException(e.getMessage(), e);
    } catch (IOException e) {
      throw new PolicyFormatException(files.describe(HOLIDAYS) + ": cannot be read", e);
    }
    try {
      return b.build();
    } catch (InvalidValueException e) {
      throw new PolicyFormatException(locate(e.field()) + "policy pack is inconsistent: " + e.getMessage(), e);
    } catch (IllegalStateException e) {
      throw new PolicyFormatException("policy pack is incomplete: " + e.getMessage(), e);
    }
  }

  /** The file and line a consistency error's field points at, as a message prefix, or "". */
  private String locate(String field) {
    String key = null;
    if (field.startsWith("indicators[") || field.startsWith("actions[")) {
      key = field.substring(0, field.indexOf(']') + 1);
    } else if (field.equals("actions")) {
      key = whereDefined.keySet().stream().filter(k -> k.startsWith("actions[")).findFirst().orElse(null);
    }
    String where = key == null ? null : whereDefined.get(key);
    return where == null ? "" : where + ": ";
  }

  private List<Indicator> indicators(String document, Map<String, String> domains) {
    List<Indicator> out = new ArrayList<>();
    for (Row row : rows(INDICATORS, INDICATOR_HEADER)) {
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
        i.citation(Citation.builder()
            .document(document)
            .section(row.get(10))
            .tier(tier)
            .domain(domainName)
            .area(row.get(4))
            .build());
        return i.build();
      }));
    }
    return out;
  }

  private List<ActionRule> actions(String document) {
    List<ActionRule> out = new ArrayList<>();
    for (Row row : rows(ACTIONS, ACTION_HEADER)) {
      whereDefined.put("actions[" + row.cells[0].strip() + "]", row.source + " line " + row.line);
      out.add(row.parse(() -> {
        ActionRule.Builder a = ActionRule.builder()
            .id(row.get(0))
            .trigger(Trigger.parse(row.get(1), row.field(1)))
            .kind(row.enumValue(2, ActionKind.class))
            .modality(row.enumValue(3, Modality.class))
            .channel(row.enumValue(4, Channel.class))
            .timing(Timing.parse(row.get(6), row.field(6)))
            .citation(Citation.of(document, row.get(9)))
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

  private List<Row> rows(String file, String header) {
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
      rows.add(new Row(source, i + 1, header.split("\t"), cells));
    }
    if (!seenHeader) {
      throw new PolicyFormatException(source + ": no header line");
    }
    return rows;
  }

  private static Citation citation(StrictProperties p, String prefix, String document) {
    return Citation.builder()
        .document(p.optional(prefix + ".document").orElse(document))
        .section(p.required(prefix + ".section"))
        .build();
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

    Row(String source, int line, String[] names, String[] cells) {
      this.source = source;
      this.line = line;
      this.names = names;
      this.cells = cells;
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
        throw new PolicyFormatException(msg, e);
      } catch (ThresholdsException | IllegalStateException e) {
        throw new PolicyFormatException(source + " line " + line + ": " + e.getMessage(), e);
      }
    }
  }

}
