package io.thresholds.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.thresholds.core.InvalidValueException;
import io.thresholds.core.ThresholdsException;
import io.thresholds.core.consent.ConsentGiver;
import io.thresholds.core.consent.ConsentRequirement;
import io.thresholds.core.consent.ConsentRule;
import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.policy.ActionKind;
import io.thresholds.core.policy.Combination;
import io.thresholds.core.policy.ExclusionRule;
import io.thresholds.core.policy.CountBy;
import io.thresholds.core.policy.IndicatorGroup;
import io.thresholds.core.policy.ChildProtectionCategory;
import io.thresholds.core.policy.CensusMapping;
import io.thresholds.core.policy.CensusCodes;
import io.thresholds.core.policy.TierService;
import io.thresholds.core.policy.RetiredIndicator;
import io.thresholds.core.policy.Provenance;
import io.thresholds.core.policy.ActionRule;
import io.thresholds.core.policy.AgeCondition;
import io.thresholds.core.policy.Channel;
import io.thresholds.core.policy.Contact;
import io.thresholds.core.policy.Indicator;
import io.thresholds.core.policy.IndicatorFlag;
import io.thresholds.core.policy.IndicatorKind;
import io.thresholds.core.policy.Modality;
import io.thresholds.core.policy.Policy;
import io.thresholds.core.policy.TierDefinition;
import io.thresholds.core.policy.Timing;
import io.thresholds.core.policy.Trigger;
import io.thresholds.core.time.CalendarDataException;
import io.thresholds.core.time.ServiceHours;
import io.thresholds.core.time.WorkingCalendar;
import java.io.IOException;
import java.io.StringReader;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes {@code thresholds/policy@1} documents (a whole {@link Policy}) and every value
 * inside them. Property names are the accessor names of the core types; see FORMAT.md.
 *
 * <p>Triggers, timings and age conditions are JSON objects (kind plus arguments), not the text
 * forms of the text policy pack, so that every attribute has its own property and error path.
 * Service hours keep their text form ({@code "office 09:00-17:00"}), as in evaluations.
 */
final class PolicyCodec {
  static final String FORMAT = "thresholds/policy@1";

  private static final List<String> POLICY = List.of("format", "id", "version", "name",
      "documentTitle", "zone", "tiers", "domains", "indicators", "contacts", "inHoursRoute",
      "outOfHoursRoute", "consentRules", "actionRules", "calendar", "adultAge", "cumulativeCount",
      "cumulativeCountBy", "cumulativeDomainAliases", "cumulativeCitation", "groups", "combinations",
      "schoolAgeFrom", "schoolAgeTo", "schoolAgeCitation",
      "lowAttendanceBelowPercent", "lowAttendanceIndicator", "missingEducationIndicator",
      "childProtectionPlanIndicator", "childProtectionPlanAllegations", "childProtectionPlanCitation",
      "disabilityCitation", "disabilityCareDomain", "immediateDangerTier", "immediateDangerCitation",
      "adultCitation", "noNeedCitation", "exclusionRule", "census", "effectiveFrom", "effectiveUntil", "extendsPolicy",
      "services", "retiredIndicators", "provenance", "protectiveCitations");
  private static final List<String> CENSUS = List.of("codeList", "version", "source", "mappings");
  private static final List<String> CENSUS_MAPPING =
      List.of("indicator", "factors", "categories", "confirmed", "reading");
  private static final List<String> TIER = List.of("tier", "name", "citation");
  private static final List<String> SERVICE = List.of("id", "name", "tiers", "citation");
  private static final List<String> RETIRED = List.of("code", "replacedBy", "retiredBy");
  private static final List<String> INDICATOR = List.of("code", "tier", "kind", "domain", "area",
      "subjects", "age", "preOrNonMobileOnly", "flags", "escalatesTo", "label", "citation");
  private static final List<String> AGE = List.of("minYears", "maxYears", "includesUnborn");
  private static final List<String> CONSENT_RULE =
      List.of("tier", "requirement", "givers", "ifWithheld", "citation", "ifGiversDiffer",
          "giversDifferCitation");
  private static final List<String> EXCLUSION_RULE = List.of("decidedBy", "explanation", "citation");
  private static final List<String> ACTION_RULE = List.of("id", "trigger", "kind", "modality",
      "channel", "contact", "timing", "supersedes", "gates", "description", "citation");
  private static final List<String> GROUP = List.of("id", "members", "citation");
  private static final List<String> COMBINATION = List.of("id", "members", "atLeast", "indicator", "citation");
  private static final List<String> TRIGGER = List.of("kind", "tier", "flag", "and");
  private static final List<String> TIMING = List.of("kind", "afterAction", "duration", "workingDays");
  private static final List<String> CALENDAR = List.of("zone", "coveredFrom", "coveredUntil", "holidays");

  private PolicyCodec() {}

  static List<String> knownNames(Class<?> type) {
    if (type == Policy.class) {
      return POLICY;
    } else if (type == TierDefinition.class) {
      return TIER;
    } else if (type == TierService.class) {
      return SERVICE;
    } else if (type == RetiredIndicator.class) {
      return RETIRED;
    } else if (type == Indicator.class) {
      return INDICATOR;
    } else if (type == AgeCondition.class) {
      return AGE;
    } else if (type == ConsentRule.class) {
      return CONSENT_RULE;
    } else if (type == ExclusionRule.class) {
      return EXCLUSION_RULE;
    } else if (type == ActionRule.class) {
      return ACTION_RULE;
    } else if (type == Trigger.class) {
      return TRIGGER;
    } else if (type == IndicatorGroup.class) {
      return GROUP;
    } else if (type == Combination.class) {
      return COMBINATION;
    } else if (type == Timing.class) {
      return TIMING;
    } else if (type == WorkingCalendar.class) {
      return CALENDAR;
    } else if (type == CensusCodes.class) {
      return CENSUS;
    } else if (type == CensusMapping.class) {
      return CENSUS_MAPPING;
    }
    return List.of();
  }

  // ---- reading ---------------------------------------------------------------------------------

  static Policy policy(In in) throws IOException {
    Policy.Builder b = Policy.builder();
    Read read = new Read();
    Set<String> seen = in.object(Policy.class, POLICY, name -> {
      switch (name) {
        case "format":
          if (!FORMAT.equals(in.string())) {
            throw in.mismatch(Policy.class, "unsupported format: this reader reads " + FORMAT);
          }
          break;
        case "id":
          b.id(in.string());
          break;
        case "version":
          b.version(in.string());
          break;
        case "name":
          b.name(in.string());
          break;
        case "documentTitle":
          b.documentTitle(in.string());
          break;
        case "zone":
          b.zone(zone(in));
          break;
        case "tiers":
          b.tiers(in.list(PolicyCodec::tierDefinition));
          break;
        case "domains":
          b.domains(in.textToText(Policy.class));
          break;
        case "indicators":
          read.indicators.addAll(in.list(PolicyCodec::indicator));
          b.indicators(read.indicators);
          break;
        case "contacts":
          read.contacts.addAll(in.list(EvaluationCodec::contact));
          b.contacts(read.contacts);
          break;
        case "inHoursRoute":
          read.inHoursRoute = in.string();
          b.inHoursRoute(read.inHoursRoute);
          break;
        case "outOfHoursRoute":
          b.outOfHoursRoute(in.string());
          break;
        case "consentRules":
          b.consentRules(in.list(PolicyCodec::consentRule));
          break;
        case "actionRules":
          read.actions.addAll(in.list(PolicyCodec::actionRule));
          b.actionRules(read.actions);
          break;
        case "calendar":
          b.calendar(calendar(in));
          break;
        case "adultAge":
          b.adultAge(in.integer(1, Integer.MAX_VALUE));
          break;
        case "cumulativeCount":
          b.cumulativeCount(in.integer(2, Integer.MAX_VALUE));
          break;
        case "cumulativeCitation":
          b.cumulativeCitation(EvaluationCodec.citation(in));
          break;
        case "cumulativeCountBy":
          b.cumulativeCountBy(in.enumeration(CountBy.class));
          break;
        case "cumulativeDomainAliases":
          b.cumulativeDomainAliases(in.textToText(Policy.class));
          break;
        case "groups":
          b.groups(in.list(PolicyCodec::group));
          break;
        case "combinations":
          b.combinations(in.list(PolicyCodec::combination));
          break;
        case "schoolAgeFrom":
          b.schoolAgeFrom(in.integer(0, Integer.MAX_VALUE));
          read.schoolAgeFrom = true;
          break;
        case "schoolAgeTo":
          b.schoolAgeTo(in.integer(0, Integer.MAX_VALUE));
          read.schoolAgeTo = true;
          break;
        case "schoolAgeCitation":
          b.schoolAgeCitation(EvaluationCodec.citation(in));
          break;
        case "lowAttendanceBelowPercent":
          b.lowAttendanceBelowPercent(in.integer(1, 100));
          read.lowAttendanceBelowPercent = true;
          break;
        case "lowAttendanceIndicator":
          read.lowAttendanceIndicator = in.code();
          b.lowAttendanceIndicator(read.lowAttendanceIndicator);
          break;
        case "missingEducationIndicator":
          b.missingEducationIndicator(in.code());
          break;
        case "childProtectionPlanIndicator":
          b.childProtectionPlanIndicator(in.code());
          break;
        case "childProtectionPlanAllegations":
          b.childProtectionPlanAllegations(in.uniqueList(In::code));
          break;
        case "childProtectionPlanCitation":
          b.childProtectionPlanCitation(EvaluationCodec.citation(in));
          break;
        case "disabilityCitation":
          b.disabilityCitation(EvaluationCodec.citation(in));
          break;
        case "disabilityCareDomain":
          b.disabilityCareDomain(in.string());
          break;
        case "immediateDangerTier":
          b.immediateDangerTier(in.tier());
          break;
        case "immediateDangerCitation":
          b.immediateDangerCitation(EvaluationCodec.citation(in));
          break;
        case "adultCitation":
          b.adultCitation(EvaluationCodec.citation(in));
          break;
        case "noNeedCitation":
          b.noNeedCitation(EvaluationCodec.citation(in));
          break;
        case "exclusionRule":
          b.exclusionRule(exclusionRule(in));
          break;
        case "effectiveFrom":
          b.effectiveFrom(in.date());
          break;
        case "effectiveUntil":
          b.effectiveUntil(in.date());
          break;
        case "extendsPolicy":
          b.extendsPolicy(in.string());
          break;
        case "services":
          b.services(in.list(PolicyCodec::tierService));
          break;
        case "retiredIndicators":
          b.retiredIndicators(in.list(PolicyCodec::retiredIndicator));
          break;
        case "provenance":
          Map<String, String> provenance = in.textToText(Policy.class);
          Map<String, Provenance> parsed = new java.util.LinkedHashMap<>();
          for (Map.Entry<String, String> e : provenance.entrySet()) {
            parsed.put(e.getKey(), Names.parse(Provenance.class, e.getValue()).orElseThrow(() -> in.mismatch(
                Provenance.class, "expected " + Names.allowed(Provenance.class))));
          }
          b.provenance(parsed);
          break;
        case "census":
          b.census(census(in));
          break;
        case "protectiveCitations":
          // Issue 11: keyed by protective fact (wire name); each value a citation.
          in.entries(Policy.class, k -> k, key -> b.putProtectiveCitations(
              Names.parse(io.thresholds.core.model.ProtectiveFact.class, key).orElseThrow(() -> in.mismatch(
                  io.thresholds.core.model.ProtectiveFact.class,
                  "expected " + Names.allowed(io.thresholds.core.model.ProtectiveFact.class))),
              EvaluationCodec.citation(in)));
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(Policy.class, seen, "format", "id", "version", "name", "documentTitle", "zone",
        "tiers", "domains", "indicators", "contacts", "inHoursRoute", "outOfHoursRoute",
        "consentRules", "actionRules", "calendar", "cumulativeCitation", "disabilityCitation",
        "immediateDangerCitation", "adultCitation", "noNeedCitation");
    try {
      return b.build();
    } catch (InvalidValueException e) {
      // The policy's own consistency rules name the core field ("indicators[CODE].escalatesTo");
      // the JSON path points at the property that breaks it ("indicators[17].escalatesTo").
      throw located(in.invalid(Policy.class, e), e.field(), read);
    } catch (ThresholdsException | IllegalStateException e) {
      throw in.invalid(Policy.class, e);
    }
  }

  /** The census mapping: optional, so documents written before it existed still read. */
  static CensusCodes census(In in) throws IOException {
    var b = CensusCodes.builder();
    Set<String> seen = in.object(CensusCodes.class, CENSUS, name -> {
      switch (name) {
        case "codeList":
          b.codeList(in.string());
          break;
        case "version":
          b.version(in.string());
          break;
        case "source":
          b.source(in.string());
          break;
        case "mappings":
          b.mappings(in.list(PolicyCodec::censusMapping));
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(CensusCodes.class, seen, "codeList", "version", "source", "mappings");
    try {
      return b.build();
    } catch (ThresholdsException | IllegalStateException e) {
      throw in.invalid(CensusCodes.class, e);
    }
  }

  static CensusMapping censusMapping(In in) throws IOException {
    var b = CensusMapping.builder();
    Set<String> seen = in.object(CensusMapping.class, CENSUS_MAPPING, name -> {
      switch (name) {
        case "indicator":
          b.indicator(in.code());
          break;
        case "factors":
          b.factors(in.list(In::string));
          break;
        case "categories":
          b.categories(in.list(i -> {
            String code = i.string();
            return ChildProtectionCategory.ofCode(code).orElseThrow(
                () -> i.mismatch(CensusMapping.class, "unknown category of abuse; use NEG, PHY, SAB, EMO or MUL"));
          }));
          break;
        case "confirmed":
          b.confirmed(in.bool());
          break;
        case "reading":
          b.reading(in.string());
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(CensusMapping.class, seen, "indicator", "factors", "confirmed", "reading");
    try {
      return b.build();
    } catch (ThresholdsException | IllegalStateException e) {
      throw in.invalid(CensusMapping.class, e);
    }
  }

  static void writeCensus(CensusCodes c, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("codeList", c.codeList());
    g.writeStringField("version", c.version());
    g.writeStringField("source", c.source());
    g.writeArrayFieldStart("mappings");
    for (CensusMapping m : c.mappings()) {
      g.writeStartObject();
      g.writeStringField("indicator", m.indicator().value());
      g.writeArrayFieldStart("factors");
      for (String f : m.factors()) {
        g.writeString(f);
      }
      g.writeEndArray();
      if (!m.categories().isEmpty()) {
        g.writeArrayFieldStart("categories");
        for (ChildProtectionCategory k : m.categories()) {
          g.writeString(k.code());
        }
        g.writeEndArray();
      }
      g.writeBooleanField("confirmed", m.confirmed());
      g.writeStringField("reading", m.reading());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** What was read of a policy, to locate a broken consistency rule (see {@link #located}). */
  private static final class Read {
    final List<Indicator> indicators = new ArrayList<>();
    final List<Contact> contacts = new ArrayList<>();
    final List<ActionRule> actions = new ArrayList<>();
    @Nullable String inHoursRoute;
    @Nullable IndicatorCode lowAttendanceIndicator;
    boolean lowAttendanceBelowPercent;
    boolean schoolAgeFrom;
    boolean schoolAgeTo;
  }

  /**
   * Prepends the JSON path of the property a broken consistency rule of {@link Policy} is about.
   * {@code indicators[CODE]}, {@code contacts[ID]} and {@code actions[ID]} become the index of that
   * entry (the second one when an id is used twice) followed by the property named after it; the
   * other fields become the property they check. A field this does not know leaves the error at
   * the top of the document; its message still names the field.
   */
  private static JsonMappingException located(JsonMappingException e, String field, Read read) {
    int open = field.indexOf('[');
    int close = field.indexOf(']');
    if (open > 0 && close > open) {
      String list = field.substring(0, open);
      String key = field.substring(open + 1, close);
      String rest = field.substring(close + 1);
      List<String> keys;
      String property;
      if (list.equals("indicators")) {
        property = "indicators";
        keys = read.indicators.stream().map(i -> i.code().value()).toList();
      } else if (list.equals("contacts")) {
        property = "contacts";
        keys = read.contacts.stream().map(Contact::id).toList();
      } else if (list.equals("actions")) {
        property = "actionRules";
        keys = read.actions.stream().map(ActionRule::id).toList();
      } else {
        return e;
      }
      int index = indexOf(keys, key);
      if (index < 0) {
        return e;
      }
      JsonMappingException m = e;
      if (rest.startsWith(".") && rest.indexOf('.', 1) < 0) {
        m = JsonMappingException.wrapWithPath(m, Object.class, rest.substring(1));
      }
      m = JsonMappingException.wrapWithPath(m, List.class, index);
      return JsonMappingException.wrapWithPath(m, Policy.class, property);
    }
    String property;
    switch (field) {
      case "policy.id":
        property = "id";
        break;
      case "policy.version":
        property = "version";
        break;
      case "tiers":
        property = "tiers";
        break;
      case "consent":
        property = "consentRules";
        break;
      case "actions":
        // the first action rule must be the 999 rule
        return JsonMappingException.wrapWithPath(
            JsonMappingException.wrapWithPath(e, List.class, 0), Policy.class, "actionRules");
      case "routes":
        property = read.contacts.stream().anyMatch(c -> c.id().equals(read.inHoursRoute))
            ? "outOfHoursRoute" : "inHoursRoute";
        break;
      case "derivations":
        property = read.lowAttendanceIndicator != null && read.indicators.stream()
            .noneMatch(i -> i.code().equals(read.lowAttendanceIndicator))
            ? "lowAttendanceIndicator" : "missingEducationIndicator";
        break;
      case "childProtectionPlanIndicator":
      case "childProtectionPlanAllegations":
      case "childProtectionPlanCitation":
        property = field;
        break;
      case "derivations.lowAttendance":
        property = read.lowAttendanceBelowPercent ? "lowAttendanceIndicator" : "lowAttendanceBelowPercent";
        break;
      case "schoolAge":
        property = read.schoolAgeFrom && !read.schoolAgeTo ? "schoolAgeTo" : "schoolAgeFrom";
        break;
      default:
        return e;
    }
    return JsonMappingException.wrapWithPath(e, Policy.class, property);
  }

  /** The index of {@code key} in {@code keys}: the second occurrence if it occurs twice. */
  private static int indexOf(List<String> keys, String key) {
    int first = keys.indexOf(key);
    if (first < 0) {
      return -1;
    }
    int second = keys.subList(first + 1, keys.size()).indexOf(key);
    return second < 0 ? first : first + 1 + second;
  }

  static ZoneId zone(In in) throws IOException {
    String text = in.string();
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw in.mismatch(ZoneId.class, "expected a time zone id such as Europe/London");
    }
  }

  static TierService tierService(In in) throws IOException {
    var b = TierService.builder();
    Set<String> seen = in.object(TierService.class, SERVICE, name -> {
      switch (name) {
        case "id":
          b.id(in.string());
          break;
        case "name":
          b.name(in.string());
          break;
        case "tiers":
          b.tiers(in.list(In::tier));
          break;
        case "citation":
          b.citation(EvaluationCodec.citation(in));
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(TierService.class, seen, "id", "name", "tiers", "citation");
    return in.buildPart(TierService.class, SERVICE, b::build);
  }

  static RetiredIndicator retiredIndicator(In in) throws IOException {
    var b = RetiredIndicator.builder();
    Set<String> seen = in.object(RetiredIndicator.class, RETIRED, name -> {
      switch (name) {
        case "code":
          b.code(in.code());
          break;
        case "replacedBy":
          b.replacedBy(in.code());
          break;
        case "retiredBy":
          b.retiredBy(in.string());
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(RetiredIndicator.class, seen, "code", "retiredBy");
    return in.buildPart(RetiredIndicator.class, RETIRED, b::build);
  }

  static IndicatorGroup group(In in) throws IOException {
    var b = IndicatorGroup.builder();
    Set<String> seen = in.object(IndicatorGroup.class, GROUP, name -> {
      switch (name) {
        case "id":
          b.id(in.string());
          break;
        case "members":
          b.members(in.uniqueList(In::code));
          break;
        case "citation":
          b.citation(EvaluationCodec.citation(in));
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(IndicatorGroup.class, seen, "id", "members", "citation");
    return in.buildPart(IndicatorGroup.class, GROUP, b::build);
  }

  static Combination combination(In in) throws IOException {
    var b = Combination.builder();
    Set<String> seen = in.object(Combination.class, COMBINATION, name -> {
      switch (name) {
        case "id":
          b.id(in.string());
          break;
        case "members":
          b.members(in.uniqueList(In::code));
          break;
        case "atLeast":
          b.atLeast(in.integer(2, 1000));
          break;
        case "indicator":
          b.indicator(in.code());
          break;
        case "citation":
          b.citation(EvaluationCodec.citation(in));
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(Combination.class, seen, "id", "members", "atLeast", "indicator", "citation");
    return in.buildPart(Combination.class, COMBINATION, b::build);
  }

  static TierDefinition tierDefinition(In in) throws IOException {
    TierDefinition.Builder b = TierDefinition.builder();
    Set<String> seen = in.object(TierDefinition.class, TIER, name -> {
      switch (name) {
        case "tier":
          b.tier(in.tier());
          break;
        case "name":
          b.name(in.string());
          break;
        case "citation":
          b.citation(EvaluationCodec.citation(in));
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(TierDefinition.class, seen, "tier", "name", "citation");
    return in.buildPart(TierDefinition.class, TIER, b::build);
  }

  static Indicator indicator(In in) throws IOException {
    Indicator.Builder b = Indicator.builder();
    Set<String> seen = in.object(Indicator.class, INDICATOR, name -> {
      switch (name) {
        case "code":
          b.code(in.code());
          break;
        case "tier":
          b.tier(in.tier());
          break;
        case "kind":
          b.kind(in.enumeration(IndicatorKind.class));
          break;
        case "domain":
          b.domain(in.string());
          break;
        case "area":
          b.area(in.string());
          break;
        case "subjects":
          b.subjects(in.uniqueList(i -> i.enumeration(SubjectKind.class)));
          break;
        case "age":
          b.age(ageCondition(in));
          break;
        case "preOrNonMobileOnly":
          b.preOrNonMobileOnly(in.bool());
          break;
        case "flags":
          b.flags(in.uniqueList(i -> i.enumeration(IndicatorFlag.class)));
          break;
        case "escalatesTo":
          b.escalatesTo(in.code());
          break;
        case "label":
          b.label(in.string());
          break;
        case "citation":
          b.citation(EvaluationCodec.citation(in));
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(Indicator.class, seen, "code", "tier", "kind", "domain", "area", "subjects",
        "label", "citation");
    return in.buildPart(Indicator.class, INDICATOR, b::build);
  }

  static AgeCondition ageCondition(In in) throws IOException {
    AgeCondition.Builder b = AgeCondition.builder();
    in.object(AgeCondition.class, AGE, name -> {
      switch (name) {
        case "minYears":
          b.minYears(in.integer(0, Integer.MAX_VALUE));
          break;
        case "maxYears":
          b.maxYears(in.integer(0, Integer.MAX_VALUE));
          break;
        case "includesUnborn":
          b.includesUnborn(in.bool());
          break;
        default:
          throw new AssertionError(name);
      }
    });
    return in.buildPart(AgeCondition.class, AGE, b::build);
  }

  static ConsentRule consentRule(In in) throws IOException {
    ConsentRule.Builder b = ConsentRule.builder();
    Set<String> seen = in.object(ConsentRule.class, CONSENT_RULE, name -> {
      switch (name) {
        case "tier":
          b.tier(in.tier());
          break;
        case "requirement":
          b.requirement(in.enumeration(ConsentRequirement.class));
          break;
        case "givers":
          b.givers(in.uniqueList(i -> i.enumeration(ConsentGiver.class)));
          break;
        case "ifWithheld":
          b.ifWithheld(in.string());
          break;
        case "citation":
          b.citation(EvaluationCodec.citation(in));
          break;
        case "ifGiversDiffer":
          b.ifGiversDiffer(in.string());
          break;
        case "giversDifferCitation":
          b.giversDifferCitation(EvaluationCodec.citation(in));
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(ConsentRule.class, seen, "tier", "requirement", "givers", "ifWithheld", "citation");
    return in.buildPart(ConsentRule.class, CONSENT_RULE, b::build);
  }

  static ExclusionRule exclusionRule(In in) throws IOException {
    ExclusionRule.Builder b = ExclusionRule.builder();
    Set<String> seen = in.object(ExclusionRule.class, EXCLUSION_RULE, name -> {
      switch (name) {
        case "decidedBy":
          b.decidedBy(in.string());
          break;
        case "explanation":
          b.explanation(in.string());
          break;
        case "citation":
          b.citation(EvaluationCodec.citation(in));
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(ExclusionRule.class, seen, "decidedBy", "explanation", "citation");
    return in.buildPart(ExclusionRule.class, EXCLUSION_RULE, b::build);
  }

  static ActionRule actionRule(In in) throws IOException {
    ActionRule.Builder b = ActionRule.builder();
    Set<String> seen = in.object(ActionRule.class, ACTION_RULE, name -> {
      switch (name) {
        case "id":
          b.id(in.string());
          break;
        case "trigger":
          b.trigger(trigger(in));
          break;
        case "kind":
          b.kind(in.enumeration(ActionKind.class));
          break;
        case "modality":
          b.modality(in.enumeration(Modality.class));
          break;
        case "channel":
          b.channel(in.enumeration(Channel.class));
          break;
        case "contact":
          b.contact(in.string());
          break;
        case "timing":
          b.timing(timing(in));
          break;
        case "supersedes":
          b.supersedes(in.string());
          break;
        case "gates":
          b.gates(in.uniqueList(i -> i.enumeration(ActionRule.Gate.class)));
          break;
        case "description":
          b.description(in.string());
          break;
        case "citation":
          b.citation(EvaluationCodec.citation(in));
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(ActionRule.class, seen, "id", "trigger", "kind", "modality", "channel", "timing",
        "description", "citation");
    return in.buildPart(ActionRule.class, ACTION_RULE, b::build);
  }

  static Trigger trigger(In in) throws IOException {
    Trigger.Builder b = Trigger.builder();
    Set<String> seen = in.object(Trigger.class, TRIGGER, name -> {
      switch (name) {
        case "kind":
          b.kind(in.enumeration(Trigger.Kind.class));
          break;
        case "tier":
          b.tier(in.tier());
          break;
        case "flag":
          b.flag(in.enumeration(IndicatorFlag.class));
          break;
        case "and":
          b.and(trigger(in));
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(Trigger.class, seen, "kind");
    return in.buildPart(Trigger.class, TRIGGER, b::build);
  }

  static Timing timing(In in) throws IOException {
    Timing.Builder b = Timing.builder();
    Set<String> seen = in.object(Timing.class, TIMING, name -> {
      switch (name) {
        case "kind":
          b.kind(in.enumeration(Timing.Kind.class));
          break;
        case "afterAction":
          b.afterAction(in.string());
          break;
        case "duration":
          b.duration(duration(in));
          break;
        case "workingDays":
          b.workingDays(in.integer(1, Integer.MAX_VALUE));
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(Timing.class, seen, "kind");
    return in.buildPart(Timing.class, TIMING, b::build);
  }

  static Duration duration(In in) throws IOException {
    String text = in.string();
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw in.mismatch(Duration.class, "expected an ISO-8601 duration such as PT24H");
    }
  }

  static ServiceHours serviceHours(In in) throws IOException {
    String text = in.string();
    try {
      return ServiceHours.parse(text, "hours");
    } catch (InvalidValueException e) {
      throw in.mismatch(ServiceHours.class, e.rule());
    }
  }

  /**
   * A working calendar. Holidays are an object from ISO date to name, each a weekday inside the
   * coverage; names are either all given (as read from a bank-holiday file) or all empty (as made
   * by {@link WorkingCalendar#of}).
   */
  static WorkingCalendar calendar(In in) throws IOException {
    ZoneId[] zone = new ZoneId[1];
    LocalDate[] from = new LocalDate[1];
    LocalDate[] until = new LocalDate[1];
    List<Map<String, String>> holidays = new ArrayList<>(1);
    Set<String> seen = in.object(WorkingCalendar.class, CALENDAR, name -> {
      switch (name) {
        case "zone":
          zone[0] = zone(in);
          break;
        case "coveredFrom":
          from[0] = in.date();
          break;
        case "coveredUntil":
          until[0] = in.date();
          if (from[0] != null && until[0].isBefore(from[0])) {
            throw in.mismatch(LocalDate.class, "must not be before coveredFrom");
          }
          break;
        case "holidays":
          holidays.add(in.textToText(WorkingCalendar.class));
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(WorkingCalendar.class, seen, "zone", "coveredFrom", "coveredUntil", "holidays");
    if (until[0].isBefore(from[0])) {
      throw JsonMappingException.wrapWithPath(
          in.mismatch(LocalDate.class, "must not be before coveredFrom"),
          WorkingCalendar.class, "coveredUntil");
    }
    TreeMap<LocalDate, String> days = new TreeMap<>();
    int named = 0;
    for (Map.Entry<String, String> h : holidays.get(0).entrySet()) {
      LocalDate day = holiday(in, h.getKey(), h.getValue(), from[0], until[0]);
      days.put(day, h.getValue());
      if (!h.getValue().isEmpty()) {
        named++;
      }
    }
    if (named != 0 && named != days.size()) {
      LocalDate unnamed = days.entrySet().stream().filter(e -> e.getValue().isEmpty())
          .findFirst().orElseThrow().getKey();
      throw holidayError(in, unnamed.toString(),
          "a holiday needs a name when the others have one (names are all given or all empty)");
    }
    try {
      if (named == 0) {
        return WorkingCalendar.of(zone[0], days.keySet(), from[0], until[0]);
      }
      // WorkingCalendar has no factory for named holidays but its bank-holiday file reader, fed
      // here with checked values (so it cannot fail on them).
      StringBuilder tsv = new StringBuilder("# coverage: ")
          .append(from[0]).append("..").append(until[0]).append("\ndate\tname\n");
      days.forEach((day, name) -> tsv.append(day).append('\t').append(name).append('\n'));
      return WorkingCalendar.parse(new StringReader(tsv.toString()), zone[0], "calendar");
    } catch (InvalidValueException | CalendarDataException e) {
      throw in.invalid(WorkingCalendar.class, e);
    }
  }

  private static LocalDate holiday(In in, String key, String name, LocalDate from, LocalDate until)
      throws JsonMappingException {
    LocalDate day;
    try {
      day = LocalDate.parse(key);
    } catch (DateTimeParseException e) {
      // A key that is not even shaped like a date is unknown input: never echoed in the path.
      throw holidayError(in, key.matches("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}") ? key : In.UNKNOWN_FIELD,
          "a key is not an ISO-8601 date yyyy-MM-dd that exists");
    }
    if (!key.equals(day.toString())) {
      throw holidayError(in, key.matches("[0-9-]{1,12}") ? key : In.UNKNOWN_FIELD,
          "a key is not an ISO-8601 date yyyy-MM-dd that exists");
    }
    if (day.isBefore(from) || day.isAfter(until)) {
      throw holidayError(in, key, "every holiday must be within the coverage");
    }
    if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      throw holidayError(in, key, "a bank holiday must not fall on a Saturday or Sunday");
    }
    if (!name.equals(name.strip()) || name.indexOf('\t') >= 0 || name.indexOf('\n') >= 0
        || name.indexOf('\r') >= 0) {
      throw holidayError(in, key,
          "a holiday name has no tab or line break and no white space at either end");
    }
    return day;
  }

  private static JsonMappingException holidayError(In in, String key, String rule) {
    return JsonMappingException.wrapWithPath(JsonMappingException.wrapWithPath(
        in.mismatch(WorkingCalendar.class, rule), Map.class, key), WorkingCalendar.class, "holidays");
  }

  // ---- writing ---------------------------------------------------------------------------------

  static void writePolicy(Policy p, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("format", FORMAT);
    g.writeStringField("id", p.id());
    g.writeStringField("version", p.version());
    g.writeStringField("name", p.name());
    g.writeStringField("documentTitle", p.documentTitle());
    g.writeStringField("zone", p.zone().getId());
    g.writeArrayFieldStart("tiers");
    for (TierDefinition t : p.tiers()) {
      writeTierDefinition(t, g);
    }
    g.writeEndArray();
    g.writeObjectFieldStart("domains");
    for (Map.Entry<String, String> d : p.domains().entrySet()) {
      g.writeStringField(d.getKey(), d.getValue());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("indicators");
    for (Indicator i : p.indicators()) {
      writeIndicator(i, g);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("contacts");
    for (Contact c : p.contacts()) {
      EvaluationCodec.writeContact(c, g);
    }
    g.writeEndArray();
    g.writeStringField("inHoursRoute", p.inHoursRoute());
    g.writeStringField("outOfHoursRoute", p.outOfHoursRoute());
    g.writeArrayFieldStart("consentRules");
    for (ConsentRule r : p.consentRules()) {
      writeConsentRule(r, g);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("actionRules");
    for (ActionRule a : p.actionRules()) {
      writeActionRule(a, g);
    }
    g.writeEndArray();
    g.writeFieldName("calendar");
    writeCalendar(p.calendar(), g);
    g.writeNumberField("adultAge", p.adultAge());
    g.writeNumberField("cumulativeCount", p.cumulativeCount());
    g.writeStringField("cumulativeCountBy", Names.of(p.cumulativeCountBy()));
    g.writeObjectFieldStart("cumulativeDomainAliases");
    for (Map.Entry<String, String> e : p.cumulativeDomainAliases().entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeFieldName("cumulativeCitation");
    EvaluationCodec.writeCitation(p.cumulativeCitation(), g);
    g.writeArrayFieldStart("groups");
    for (IndicatorGroup x : p.groups()) {
      g.writeStartObject();
      g.writeStringField("id", x.id());
      g.writeArrayFieldStart("members");
      for (IndicatorCode c : x.members()) {
        g.writeString(c.value());
      }
      g.writeEndArray();
      g.writeFieldName("citation");
      EvaluationCodec.writeCitation(x.citation(), g);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("combinations");
    for (Combination x : p.combinations()) {
      g.writeStartObject();
      g.writeStringField("id", x.id());
      g.writeArrayFieldStart("members");
      for (IndicatorCode c : x.members()) {
        g.writeString(c.value());
      }
      g.writeEndArray();
      g.writeNumberField("atLeast", x.atLeast());
      g.writeStringField("indicator", x.indicator().value());
      g.writeFieldName("citation");
      EvaluationCodec.writeCitation(x.citation(), g);
      g.writeEndObject();
    }
    g.writeEndArray();
    optional(g, "schoolAgeFrom", p.schoolAgeFrom());
    optional(g, "schoolAgeTo", p.schoolAgeTo());
    if (p.schoolAgeCitation().isPresent()) {
      g.writeFieldName("schoolAgeCitation");
      EvaluationCodec.writeCitation(p.schoolAgeCitation().get(), g);
    }
    optional(g, "lowAttendanceBelowPercent", p.lowAttendanceBelowPercent());
    code(g, "lowAttendanceIndicator", p.lowAttendanceIndicator());
    code(g, "missingEducationIndicator", p.missingEducationIndicator());
    code(g, "childProtectionPlanIndicator", p.childProtectionPlanIndicator());
    if (!p.childProtectionPlanAllegations().isEmpty()) {
      g.writeArrayFieldStart("childProtectionPlanAllegations");
      for (IndicatorCode c : p.childProtectionPlanAllegations()) {
        g.writeString(c.value());
      }
      g.writeEndArray();
    }
    if (p.childProtectionPlanCitation().isPresent()) {
      g.writeFieldName("childProtectionPlanCitation");
      EvaluationCodec.writeCitation(p.childProtectionPlanCitation().get(), g);
    }
    g.writeFieldName("disabilityCitation");
    EvaluationCodec.writeCitation(p.disabilityCitation(), g);
    if (p.disabilityCareDomain().isPresent()) {
      g.writeStringField("disabilityCareDomain", p.disabilityCareDomain().get());
    }
    if (p.immediateDangerTier().isPresent()) {
      g.writeNumberField("immediateDangerTier", p.immediateDangerTier().get().number());
    }
    g.writeFieldName("immediateDangerCitation");
    EvaluationCodec.writeCitation(p.immediateDangerCitation(), g);
    g.writeFieldName("adultCitation");
    EvaluationCodec.writeCitation(p.adultCitation(), g);
    g.writeFieldName("noNeedCitation");
    EvaluationCodec.writeCitation(p.noNeedCitation(), g);
    if (p.exclusionRule().isPresent()) {
      g.writeFieldName("exclusionRule");
      writeExclusionRule(p.exclusionRule().get(), g);
    }
    if (p.census().isPresent()) {
      g.writeFieldName("census");
      writeCensus(p.census().get(), g);
    }
    // Issue 11: written only when set, so a policy without them is written exactly as before.
    if (!p.protectiveCitations().isEmpty()) {
      g.writeObjectFieldStart("protectiveCitations");
      for (Map.Entry<io.thresholds.core.model.ProtectiveFact, io.thresholds.core.policy.Citation> e : p.protectiveCitations().entrySet()) {
        g.writeFieldName(Names.of(e.getKey()));
        EvaluationCodec.writeCitation(e.getValue(), g);
      }
      g.writeEndObject();
    }
    // Added for packs that extend another and versions in force by date: written only when set, so
    // a policy without them is written exactly as before.
    if (p.effectiveFrom().isPresent()) {
      g.writeStringField("effectiveFrom", p.effectiveFrom().get().toString());
    }
    if (p.effectiveUntil().isPresent()) {
      g.writeStringField("effectiveUntil", p.effectiveUntil().get().toString());
    }
    if (p.extendsPolicy().isPresent()) {
      g.writeStringField("extendsPolicy", p.extendsPolicy().get());
    }
    if (!p.services().isEmpty()) {
      g.writeArrayFieldStart("services");
      for (TierService sv : p.services()) {
        g.writeStartObject();
        g.writeStringField("id", sv.id());
        g.writeStringField("name", sv.name());
        g.writeArrayFieldStart("tiers");
        for (io.thresholds.core.model.Tier t : sv.tiers()) {
          g.writeNumber(t.number());
        }
        g.writeEndArray();
        g.writeFieldName("citation");
        EvaluationCodec.writeCitation(sv.citation(), g);
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (!p.retiredIndicators().isEmpty()) {
      g.writeArrayFieldStart("retiredIndicators");
      for (RetiredIndicator r : p.retiredIndicators()) {
        g.writeStartObject();
        g.writeStringField("code", r.code().value());
        code(g, "replacedBy", r.replacedBy());
        g.writeStringField("retiredBy", r.retiredBy());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (!p.provenance().isEmpty()) {
      g.writeObjectFieldStart("provenance");
      for (Map.Entry<String, Provenance> e : p.provenance().entrySet()) {
        g.writeStringField(e.getKey(), Names.of(e.getValue()));
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  static void writeTierDefinition(TierDefinition t, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeNumberField("tier", t.tier().number());
    g.writeStringField("name", t.name());
    g.writeFieldName("citation");
    EvaluationCodec.writeCitation(t.citation(), g);
    g.writeEndObject();
  }

  static void writeIndicator(Indicator i, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("code", i.code().value());
    g.writeNumberField("tier", i.tier().number());
    g.writeStringField("kind", Names.of(i.kind()));
    g.writeStringField("domain", i.domain());
    g.writeStringField("area", i.area());
    names(g, "subjects", i.subjects());
    if (i.age().isPresent()) {
      g.writeFieldName("age");
      writeAgeCondition(i.age().get(), g);
    }
    g.writeBooleanField("preOrNonMobileOnly", i.preOrNonMobileOnly());
    names(g, "flags", i.flags());
    code(g, "escalatesTo", i.escalatesTo());
    g.writeStringField("label", i.label());
    g.writeFieldName("citation");
    EvaluationCodec.writeCitation(i.citation(), g);
    g.writeEndObject();
  }

  static void writeAgeCondition(AgeCondition a, JsonGenerator g) throws IOException {
    g.writeStartObject();
    optional(g, "minYears", a.minYears());
    optional(g, "maxYears", a.maxYears());
    g.writeBooleanField("includesUnborn", a.includesUnborn());
    g.writeEndObject();
  }

  static void writeExclusionRule(ExclusionRule r, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("decidedBy", r.decidedBy());
    g.writeStringField("explanation", r.explanation());
    g.writeFieldName("citation");
    EvaluationCodec.writeCitation(r.citation(), g);
    g.writeEndObject();
  }

  static void writeConsentRule(ConsentRule r, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeNumberField("tier", r.tier().number());
    g.writeStringField("requirement", Names.of(r.requirement()));
    names(g, "givers", r.givers());
    g.writeStringField("ifWithheld", r.ifWithheld());
    g.writeFieldName("citation");
    EvaluationCodec.writeCitation(r.citation(), g);
    ReferralCodec.optional(g, "ifGiversDiffer", r.ifGiversDiffer());
    if (r.giversDifferCitation().isPresent()) {
      g.writeFieldName("giversDifferCitation");
      EvaluationCodec.writeCitation(r.giversDifferCitation().get(), g);
    }
    g.writeEndObject();
  }

  static void writeActionRule(ActionRule a, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", a.id());
    g.writeFieldName("trigger");
    writeTrigger(a.trigger(), g);
    g.writeStringField("kind", Names.of(a.kind()));
    g.writeStringField("modality", Names.of(a.modality()));
    g.writeStringField("channel", Names.of(a.channel()));
    ReferralCodec.optional(g, "contact", a.contact());
    g.writeFieldName("timing");
    writeTiming(a.timing(), g);
    ReferralCodec.optional(g, "supersedes", a.supersedes());
    names(g, "gates", a.gates());
    g.writeStringField("description", a.description());
    g.writeFieldName("citation");
    EvaluationCodec.writeCitation(a.citation(), g);
    g.writeEndObject();
  }

  static void writeTrigger(Trigger t, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", Names.of(t.kind()));
    if (t.tier().isPresent()) {
      g.writeNumberField("tier", t.tier().get().number());
    }
    if (t.flag().isPresent()) {
      g.writeStringField("flag", Names.of(t.flag().get()));
    }
    if (t.and().isPresent()) {
      g.writeFieldName("and");
      writeTrigger(t.and().get(), g);
    }
    g.writeEndObject();
  }

  static void writeTiming(Timing t, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", Names.of(t.kind()));
    ReferralCodec.optional(g, "afterAction", t.afterAction());
    if (t.duration().isPresent()) {
      g.writeStringField("duration", t.duration().get().toString());
    }
    optional(g, "workingDays", t.workingDays());
    g.writeEndObject();
  }

  static void writeCalendar(WorkingCalendar c, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("zone", c.zone().getId());
    g.writeStringField("coveredFrom", c.coveredFrom().toString());
    g.writeStringField("coveredUntil", c.coveredUntil().toString());
    g.writeObjectFieldStart("holidays");
    for (Map.Entry<LocalDate, String> h : c.holidays().entrySet()) {
      g.writeStringField(h.getKey().toString(), h.getValue());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  static void writeServiceHours(ServiceHours h, JsonGenerator g) throws IOException {
    g.writeString(hoursText(h));
  }

  /**
   * {@link ServiceHours#toText()}, which formats with {@code String.format}; every action with a
   * contact writes one, so the JSON path builds the same text directly (a property pins that the
   * two agree).
   */
  static String hoursText(ServiceHours h) {
    char[] text = (h.kind() == ServiceHours.Kind.OFFICE_HOURS ? "office 00:00-00:00"
        : "out-of-hours 00:00-00:00").toCharArray();
    int at = text.length - "00:00-00:00".length();
    twoDigits(text, at, h.first().getHour());
    twoDigits(text, at + 3, h.first().getMinute());
    twoDigits(text, at + 6, h.second().getHour());
    twoDigits(text, at + 9, h.second().getMinute());
    return new String(text);
  }

  private static void twoDigits(char[] text, int at, int value) {
    text[at] = (char) ('0' + value / 10);
    text[at + 1] = (char) ('0' + value % 10);
  }

  private static void optional(JsonGenerator g, String name, OptionalInt value) throws IOException {
    if (value.isPresent()) {
      g.writeNumberField(name, value.getAsInt());
    }
  }

  private static void code(JsonGenerator g, String name, Optional<IndicatorCode> value)
      throws IOException {
    if (value.isPresent()) {
      g.writeStringField(name, value.get().value());
    }
  }

  private static void names(JsonGenerator g, String name, Set<? extends Enum<?>> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (Enum<?> v : values) {
      g.writeString(Names.of(v));
    }
    g.writeEndArray();
  }
}
