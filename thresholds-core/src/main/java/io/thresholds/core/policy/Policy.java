package io.thresholds.core.policy;

import io.thresholds.core.internal.Bounds;
import io.thresholds.core.InvalidValueException;
import io.thresholds.core.consent.ConsentRule;
import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.model.Tier;
import io.thresholds.core.time.WorkingCalendar;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * Everything partnership-specific, as one immutable, versioned value. The evaluator is generic:
 * another partnership is just another {@code Policy}.
 *
 * <p>Obtain the embedded City of London policy with {@link Policies#cityOfLondon()}, or read a
 * policy pack with {@link Policies#load(java.nio.file.Path)}. Construction checks the policy's
 * internal consistency (unique codes, existing references, a consent rule and name per tier).
 */
@Value.Immutable
public abstract class Policy {
  /** The highest age a policy may name (adult age, school age): 25, the oldest care leaver's. */
  public static final int MAX_AGE = 25;

  /** The largest cumulative count a policy may set. */
  public static final int MAX_CUMULATIVE_COUNT = 50;

  static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,63}");

  /** @return the policy's id, e.g. {@code city-of-london} */
  public abstract String id();

  /** @return the policy's version; results record it so they can be reproduced */
  public abstract String version();

  /** @return the partnership's name */
  public abstract String name();

  /** @return the title of the source document that citations refer to */
  public abstract String documentTitle();

  /** @return the time zone for office hours, working days and local dates */
  public abstract ZoneId zone();

  /** @return the four tiers with their local names */
  public abstract List<TierDefinition> tiers();

  /** @return domain codes and their names, in the document's order */
  public abstract Map<String, String> domains();

  /** @return the indicator catalogue */
  public abstract List<Indicator> indicators();

  /** @return the contacts */
  public abstract List<Contact> contacts();

  /** @return the contact id of the referral route in office hours (the Hub) */
  public abstract String inHoursRoute();

  /** @return the contact id of the referral route out of hours (the Emergency Duty Team) */
  public abstract String outOfHoursRoute();

  /** @return the consent rule of each tier */
  public abstract List<ConsentRule> consentRules();

  /** @return the action rules, in the order actions are advised */
  public abstract List<ActionRule> actionRules();

  /** @return working days and bank holidays */
  public abstract WorkingCalendar calendar();

  /** @return the age (in completed years) from which a person is outside the children's thresholds */
  @Value.Default
  public int adultAge() {
    return 18;
  }

  /**
   * @return how many distinct need indicators at the highest tier found make the suggested range
   *     reach one tier higher (several needs together may amount to more)
   */
  @Value.Default
  public int cumulativeCount() {
    return 2;
  }

  /** @return where the document supports the cumulative rule */
  public abstract Citation cumulativeCitation();

  /**
   * @return what counts as one need for {@link #cumulativeCount()}: distinct indicators (the
   *     default), areas or domains
   */
  @Value.Default
  public CountBy cumulativeCountBy() {
    return CountBy.INDICATOR;
  }

  /**
   * @return for the cumulative rule counted by domain, domains that count as another (for example
   *     a radicalisation guidance appendix counting with the matrix domain its rows restate)
   */
  public abstract Map<String, String> cumulativeDomainAliases();

  /**
   * @return the domain whose Tier 3 needs, for a disabled child, reach Tier 4: the document may say
   *     that a disabled child needs Tier 3 or 4 intervention only when concerns about the quality and
   *     consistency of their care continue (City of London, section 4)
   */
  public abstract Optional<String> disabilityCareDomain();

  /** @return concerns the document places at more than one tier, each a group of indicators */
  public abstract List<IndicatorGroup> groups();

  /** @return combinations of needs the document names at a higher tier */
  public abstract List<Combination> combinations();

  /** @return compulsory school age, lowest year (inclusive) */
  public abstract OptionalInt schoolAgeFrom();

  /** @return compulsory school age, highest year (inclusive) */
  public abstract OptionalInt schoolAgeTo();

  /** @return where compulsory school age and missing education are defined */
  public abstract Optional<Citation> schoolAgeCitation();

  /** @return attendance below this percentage is recorded as the low-attendance indicator */
  public abstract OptionalInt lowAttendanceBelowPercent();

  /** @return the indicator derived from low attendance */
  public abstract Optional<IndicatorCode> lowAttendanceIndicator();

  /** @return the indicator derived from a child missing education */
  public abstract Optional<IndicatorCode> missingEducationIndicator();

  /**
   * @return the indicator that applies to a concern about a child subject of a child protection
   *     plan (City of London: the Section 47 criterion of any suspicious injury or allegation
   *     involving such a child); absent when the policy has none. With a plan recorded, any need
   *     concern about the child may amount to it, and a concern listed in {@link
   *     #childProtectionPlanAllegations()} is it
   */
  public abstract Optional<IndicatorCode> childProtectionPlanIndicator();

  /**
   * @return the need indicators that are themselves an allegation, a suspicion of abuse or an
   *     injury: for a child on a child protection plan, {@link #childProtectionPlanIndicator()}
   *     applies to such a concern firmly; each is of a lower tier than that indicator
   */
  public abstract Set<IndicatorCode> childProtectionPlanAllegations();

  /** @return where the document ties a concern about a child on a plan to that indicator */
  public abstract Optional<Citation> childProtectionPlanCitation();

  /** @return the citation for disabled children's right to an assessment */
  public abstract Citation disabilityCitation();

  /** @return the lowest tier suggested when the referral reports immediate danger */
  public abstract Optional<Tier> immediateDangerTier();

  /** @return where the document ties immediate danger to that tier and to 999 */
  public abstract Citation immediateDangerCitation();

  /** @return where the document says the children's thresholds end at the adult age */
  public abstract Citation adultCitation();

  /** @return the citation for the tier when no need is reported */
  public abstract Citation noNeedCitation();

  /**
   * @return who decides whether a child the referrer proposes to leave out is included, with the
   *     document's words and citation; absent when the policy says nothing (exclusions are then
   *     shown as the referrer stated them)
   */
  public abstract Optional<ExclusionRule> exclusionRule();

  /**
   * @return where the document names each protective fact a referral may record (policy
   *     properties {@code protective.NAME.section}); a fact without one is shown as not cited
   */
  public abstract Map<io.thresholds.core.model.ProtectiveFact, Citation> protectiveCitations();

  /**
   * The builder of {@link Policy}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutablePolicy.Builder {
    Builder() {}
  }

  /**
   * @return the indicators mapped to the national children in need census codes, with the code
   *     list's version and source; absent when the pack has no such mapping
   */
  public abstract Optional<CensusCodes> census();

  /**
   * @return the first day (in the policy's zone) this version is in force; absent means since
   *     before any referral it will see
   */
  public abstract Optional<java.time.LocalDate> effectiveFrom();

  /**
   * @return the first day (in the policy's zone) this version is no longer in force; absent means
   *     until a later version starts (see {@link PolicyHistory})
   */
  public abstract Optional<java.time.LocalDate> effectiveUntil();

  /** @return services spanning adjacent tiers, e.g. "Family Help" across Tiers 2 and 3; often none */
  public abstract List<TierService> services();

  /** @return indicator codes this policy no longer has, with their replacements */
  public abstract List<RetiredIndicator> retiredIndicators();

  /**
   * @return where the items that are not {@link Provenance#STATED} come from, by item key: {@code
   *     tier.N}, {@code domain.CODE}, {@code contact.ID}, {@code routes}, {@code consent.N}, {@code
   *     rules.NAME}, {@code school-age}, {@code derive.NAME}, {@code service.ID}, {@code
   *     indicator.CODE}, {@code action.ID}, {@code calendar}
   */
  public abstract Map<String, Provenance> provenance();

  /** @return the id and version of the pack this one extends, e.g. {@code city-of-london 1.0.0} */
  public abstract Optional<String> extendsPolicy();

  /**
   * @param item an item key, e.g. {@code contact.hub} or {@code indicator.T4-S47-PHYSICAL-ABUSE}
   * @return where it comes from
   */
  public Provenance provenanceOf(String item) {
    return provenance().getOrDefault(item, Provenance.STATED);
  }

  /**
   * @param at an instant
   * @return whether this version is in force at that instant (its effective dates, in its zone)
   */
  public boolean inForceAt(java.time.Instant at) {
    java.time.LocalDate day = at.atZone(zone()).toLocalDate();
    return effectiveFrom().map(f -> !day.isBefore(f)).orElse(true)
        && effectiveUntil().map(u -> day.isBefore(u)).orElse(true);
  }

  /**
   * @param tier a tier
   * @return the service spanning it, if the policy groups tiers into services
   */
  public Optional<TierService> service(Tier tier) {
    return services().stream().filter(s -> s.tiers().contains(tier)).findFirst();
  }

  /**
   * @param code an indicator code
   * @return its retirement record, if this policy retired it
   */
  public Optional<RetiredIndicator> retired(IndicatorCode code) {
    return retiredIndicators().stream().filter(r -> r.code().equals(code)).findFirst();
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the catalogue by code */
  @Value.Lazy
  public Map<IndicatorCode, Indicator> catalogue() {
    Map<IndicatorCode, Indicator> m = new LinkedHashMap<>();
    for (Indicator i : indicators()) {
      m.put(i.code(), i);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * @param code a code
   * @return the indicator with that code
   */
  public Optional<Indicator> indicator(IndicatorCode code) {
    return Optional.ofNullable(catalogue().get(code));
  }

  /**
   * @param id a contact id
   * @return the contact
   */
  public Optional<Contact> contact(String id) {
    for (Contact c : contacts()) {
      if (c.id().equals(id)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * @param tier a tier
   * @return its definition
   */
  public TierDefinition tier(Tier tier) {
    return tiers().stream().filter(t -> t.tier() == tier).findFirst().orElseThrow();
  }

  /**
   * @param tier a tier
   * @return its consent rule
   */
  public ConsentRule consentRule(Tier tier) {
    return consentByTier().get(tier);
  }

  /** @return the consent rules by tier */
  @Value.Lazy
  Map<Tier, ConsentRule> consentByTier() {
    Map<Tier, ConsentRule> m = new java.util.EnumMap<>(Tier.class);
    for (ConsentRule r : consentRules()) {
      m.put(r.tier(), r);
    }
    return m;
  }

  /**
   * @param code an indicator code
   * @return the groups the indicator belongs to, in policy order (empty if none)
   */
  public List<IndicatorGroup> groupsOf(IndicatorCode code) {
    return groupIndex().getOrDefault(code, List.of());
  }

  /**
   * @param code an indicator code
   * @return the indicators whose {@code escalatesTo} names it
   */
  public List<Indicator> escalatingTo(IndicatorCode code) {
    return escalationIndex().getOrDefault(code, List.of());
  }

  @Value.Lazy
  Map<IndicatorCode, List<Indicator>> escalationIndex() {
    Map<IndicatorCode, List<Indicator>> m = new java.util.HashMap<>();
    for (Indicator i : indicators()) {
      i.escalatesTo().ifPresent(t -> m.computeIfAbsent(t, k -> new java.util.ArrayList<>()).add(i));
    }
    m.replaceAll((k, v) -> List.copyOf(v));
    return Map.copyOf(m);
  }

  @Value.Lazy
  Map<IndicatorCode, List<IndicatorGroup>> groupIndex() {
    Map<IndicatorCode, List<IndicatorGroup>> m = new java.util.HashMap<>();
    for (IndicatorGroup g : groups()) {
      for (IndicatorCode c : g.members()) {
        m.computeIfAbsent(c, k -> new java.util.ArrayList<>()).add(g);
      }
    }
    m.replaceAll((k, v) -> List.copyOf(v));
    return Map.copyOf(m);
  }

  @Value.Check
  void check() {
    if (!ID.matcher(id()).matches()) {
      throw new InvalidValueException("policy.id", "must be lower-case letters, digits and '-'");
    }
    if (version().isBlank()) {
      throw new InvalidValueException("policy.version", "must not be blank");
    }
    checkEachTierOnce("tiers", tiers().stream().map(TierDefinition::tier).toArray(Tier[]::new));
    checkEachTierOnce("consent", consentRules().stream().map(ConsentRule::tier).toArray(Tier[]::new));
    Set<IndicatorCode> codes = new HashSet<>();
    for (Indicator i : indicators()) {
      if (!codes.add(i.code())) {
        throw new InvalidValueException("indicators[" + i.code() + "]", "code is used twice");
      }
      if (!domains().containsKey(i.domain())) {
        throw new InvalidValueException("indicators[" + i.code() + "].domain", "is not a declared domain");
      }
    }
    for (Indicator i : indicators()) {
      if (i.escalatesTo().isPresent()) {
        Indicator target = catalogue().get(i.escalatesTo().get());
        String f = "indicators[" + i.code() + "].escalatesTo";
        if (target == null) {
          throw new InvalidValueException(f, "names an indicator that does not exist");
        }
        if (target.tier().compareTo(i.tier()) <= 0) {
          throw new InvalidValueException(f, "must name an indicator of a higher tier");
        }
        if (!target.hasConditions()) {
          throw new InvalidValueException(f, "the target needs an age or mobility condition");
        }
      }
    }
    for (Map.Entry<String, String> e : cumulativeDomainAliases().entrySet()) {
      if (!domains().containsKey(e.getKey()) || !domains().containsKey(e.getValue())
          || e.getKey().equals(e.getValue()) || cumulativeDomainAliases().containsKey(e.getValue())) {
        throw new InvalidValueException("cumulativeDomainAliases[" + e.getKey() + "]",
            "must map a declared domain onto another declared domain that is not itself mapped");
      }
    }
    if (disabilityCareDomain().isPresent() && !domains().containsKey(disabilityCareDomain().get())) {
      throw new InvalidValueException("disabilityCareDomain", "is not a declared domain");
    }
    Set<String> groupIds = new HashSet<>();
    for (IndicatorGroup g : groups()) {
      if (!groupIds.add(g.id())) {
        throw new InvalidValueException("groups[" + g.id() + "]", "id is used twice");
      }
      for (IndicatorCode c : g.members()) {
        if (!catalogue().containsKey(c)) {
          throw new InvalidValueException("groups[" + g.id() + "].members", "names an indicator that does not exist");
        }
        if (catalogue().get(c).kind() != IndicatorKind.NEED) {
          throw new InvalidValueException("groups[" + g.id() + "].members", "must name need indicators, not strengths");
        }
      }
    }
    Set<String> combinationIds = new HashSet<>();
    for (Combination k : combinations()) {
      String f = "combinations[" + k.id() + "]";
      if (!combinationIds.add(k.id())) {
        throw new InvalidValueException(f, "id is used twice");
      }
      Indicator target = catalogue().get(k.indicator());
      if (target == null || target.kind() != IndicatorKind.NEED) {
        throw new InvalidValueException(f + ".indicator", "must name a need indicator that exists");
      }
      for (IndicatorCode c : k.members()) {
        Indicator m = catalogue().get(c);
        if (m == null || m.kind() != IndicatorKind.NEED) {
          throw new InvalidValueException(f + ".members", "must name need indicators that exist");
        }
        if (m.tier().compareTo(target.tier()) >= 0) {
          throw new InvalidValueException(f + ".members", "must be of a lower tier than the combination's indicator");
        }
      }
    }
    Set<String> contactIds = new HashSet<>();
    for (Contact c : contacts()) {
      if (!contactIds.add(c.id()) || c.id().equals(ActionRule.ROUTE)) {
        throw new InvalidValueException("contacts[" + c.id() + "]", "id is used twice or reserved");
      }
    }
    for (String route : List.of(inHoursRoute(), outOfHoursRoute())) {
      Contact c = contact(route).orElseThrow(
          () -> new InvalidValueException("routes", "names a contact that does not exist"));
      if (c.hours().isEmpty()) {
        throw new InvalidValueException("contacts[" + route + "].hours", "a referral route needs service hours");
      }
    }
    Set<String> actionIds = new HashSet<>();
    for (ActionRule a : actionRules()) {
      String f = "actions[" + a.id() + "]";
      if (!actionIds.add(a.id())) {
        throw new InvalidValueException(f, "id is used twice");
      }
      if (a.contact().isPresent() && !a.contact().get().equals(ActionRule.ROUTE)
          && contact(a.contact().get()).isEmpty()) {
        throw new InvalidValueException(f + ".contact", "names a contact that does not exist");
      }
      if (a.id().equals(Timing.HUB_DISAGREEMENT)) {
        throw new InvalidValueException(f, "the id " + Timing.HUB_DISAGREEMENT + " is reserved for timings");
      }
      if (a.timing().afterAction().filter(Timing.HUB_DISAGREEMENT::equals).isPresent()) {
        if (!a.trigger().hasPart(Trigger.Kind.HUB_DISAGREEMENT)) {
          throw new InvalidValueException(f + ".timing",
              "counts from the hub disagreement, so the trigger must include hub-disagreement");
        }
      } else if (a.timing().afterAction().isPresent() && !actionIds.contains(a.timing().afterAction().get())) {
        throw new InvalidValueException(f + ".timing", "must count from an action listed before it");
      }
    }
    for (ActionRule a : actionRules()) {
      if (a.supersedes().isPresent()
          && (!actionIds.contains(a.supersedes().get()) || a.supersedes().get().equals(a.id()))) {
        throw new InvalidValueException("actions[" + a.id() + "].supersedes", "must name another action rule");
      }
    }
    boolean emergencyFirst = !actionRules().isEmpty()
        && actionRules().get(0).kind() == ActionKind.CALL_EMERGENCY_SERVICES
        && actionRules().get(0).trigger().kind() == Trigger.Kind.IMMEDIATE_DANGER
        && actionRules().get(0).modality() == Modality.MUST;
    if (!emergencyFirst) {
      throw new InvalidValueException("actions",
          "the first action rule must be a MUST call to the emergency services on immediate danger");
    }
    if (adultAge() < 1 || cumulativeCount() < 2) {
      throw new InvalidValueException("policy", "adultAge must be at least 1 and cumulativeCount at least 2");
    }
    if (adultAge() > MAX_AGE || cumulativeCount() > MAX_CUMULATIVE_COUNT) {
      throw new InvalidValueException("policy",
          "adultAge must be at most " + MAX_AGE + " and cumulativeCount at most " + MAX_CUMULATIVE_COUNT);
    }
    if (schoolAgeTo().isPresent() && schoolAgeTo().getAsInt() > MAX_AGE) {
      throw new InvalidValueException("schoolAge", "to must be at most " + MAX_AGE);
    }
    if (calendar().coveredFrom().isBefore(Bounds.EARLIEST_DATE) || calendar().coveredUntil().isAfter(Bounds.LATEST_DATE)) {
      throw new InvalidValueException("calendar", "the coverage " + Bounds.RULE);
    }
    for (String text : List.of(name(), documentTitle(), version())) {
      if (!Bounds.displayable(text)) {
        throw new InvalidValueException("policy", "name, documentTitle and version " + Indicator.NO_CONTROL_CHARACTERS);
      }
    }
    for (Map.Entry<String, String> d : domains().entrySet()) {
      if (!Bounds.displayable(d.getKey()) || !Bounds.displayable(d.getValue())) {
        throw new InvalidValueException("domains", Indicator.NO_CONTROL_CHARACTERS);
      }
    }
    for (Optional<IndicatorCode> derived : List.of(lowAttendanceIndicator(), missingEducationIndicator())) {
      if (derived.isPresent() && !catalogue().containsKey(derived.get())) {
        throw new InvalidValueException("derivations", "names an indicator that does not exist");
      }
    }
    checkChildProtectionPlan();
    if (lowAttendanceIndicator().isPresent() != lowAttendanceBelowPercent().isPresent()) {
      throw new InvalidValueException("derivations.lowAttendance", "needs both the percentage and the indicator");
    }
    if (schoolAgeFrom().isPresent() != schoolAgeTo().isPresent()) {
      throw new InvalidValueException("schoolAge", "needs both ends");
    }
    if (schoolAgeFrom().isPresent() && (schoolAgeFrom().getAsInt() < 0
        || schoolAgeFrom().getAsInt() > schoolAgeTo().getAsInt())) {
      throw new InvalidValueException("schoolAge", "from must be 0 or more and not above to");
    }
    if (lowAttendanceBelowPercent().isPresent()
        && (lowAttendanceBelowPercent().getAsInt() < 1 || lowAttendanceBelowPercent().getAsInt() > 100)) {
      throw new InvalidValueException("derivations.lowAttendance", "the percentage must be 1 to 100");
    }
    if (!calendar().zone().equals(zone())) {
      throw new InvalidValueException("calendar.zone", "must be the policy's zone");
    }
    if (effectiveFrom().isPresent() && effectiveUntil().isPresent()
        && !effectiveUntil().get().isAfter(effectiveFrom().get())) {
      throw new InvalidValueException("policy.effective-until", "must be after policy.effective-from");
    }
    Set<Tier> inService = EnumSet.noneOf(Tier.class);
    Set<String> serviceIds = new HashSet<>();
    for (TierService s : services()) {
      if (!serviceIds.add(s.id())) {
        throw new InvalidValueException("services[" + s.id() + "]", "id is used twice");
      }
      for (Tier t : s.tiers()) {
        if (!inService.add(t)) {
          throw new InvalidValueException("services[" + s.id() + "].tiers", "Tier " + t.number() + " is in two services");
        }
      }
    }
    Set<IndicatorCode> retired = new HashSet<>();
    for (RetiredIndicator r : retiredIndicators()) {
      String f = "retired[" + r.code() + "]";
      if (!retired.add(r.code()) || catalogue().containsKey(r.code())) {
        throw new InvalidValueException(f, "a retired code must be retired once and not be in the catalogue");
      }
      if (r.replacedBy().isPresent() && !catalogue().containsKey(r.replacedBy().get())) {
        throw new InvalidValueException(f + ".replacedBy", "names an indicator that is not in the catalogue");
      }
    }
    if (inHoursRoute().equals(outOfHoursRoute())) {
      throw new InvalidValueException("routes", "the in-hours and out-of-hours routes must be different contacts");
    }
    if (census().isPresent()) {
      for (CensusMapping m : census().get().mappings()) {
        Indicator i = catalogue().get(m.indicator());
        if (i == null) {
          throw new InvalidValueException("census[" + m.indicator() + "]", "names an indicator that does not exist");
        }
        if (!m.categories().isEmpty() && i.tier() != Tier.ACUTE) {
          throw new InvalidValueException("census[" + m.indicator() + "].categories", "apply to Tier 4 indicators only");
        }
      }
    }
  }

  private void checkChildProtectionPlan() {
    if (childProtectionPlanIndicator().isEmpty()) {
      if (!childProtectionPlanAllegations().isEmpty() || childProtectionPlanCitation().isPresent()) {
        throw new InvalidValueException("childProtectionPlanIndicator",
            "is needed with the child protection plan's allegations or citation");
      }
      return;
    }
    Indicator target = catalogue().get(childProtectionPlanIndicator().get());
    if (target == null || target.kind() != IndicatorKind.NEED || target.hasConditions()) {
      throw new InvalidValueException("childProtectionPlanIndicator",
          "must name a need indicator that exists and has no age or mobility condition");
    }
    if (childProtectionPlanCitation().isEmpty()) {
      throw new InvalidValueException("childProtectionPlanCitation", "is needed with the indicator");
    }
    for (IndicatorCode c : childProtectionPlanAllegations()) {
      Indicator m = catalogue().get(c);
      if (m == null || m.kind() != IndicatorKind.NEED || m.tier().compareTo(target.tier()) >= 0) {
        throw new InvalidValueException("childProtectionPlanAllegations",
            "must name need indicators that exist, of a lower tier than the plan's indicator");
      }
    }
  }

  private static void checkEachTierOnce(String field, Tier[] tiers) {
    EnumSet<Tier> seen = EnumSet.noneOf(Tier.class);
    for (Tier t : tiers) {
      if (!seen.add(t)) {
        throw new InvalidValueException(field, "Tier " + t.number() + " is defined twice");
      }
    }
    if (seen.size() != Tier.values().length) {
      throw new InvalidValueException(field, "every tier 1 to 4 must be defined");
    }
  }

  /**
   * @param code an indicator code
   * @return the indicator
   * @throws UnknownIndicatorException if the catalogue has no such code ({@link
   *     RetiredIndicatorException} if the policy retired it)
   */
  public Indicator require(IndicatorCode code) {
    Indicator i = catalogue().get(code);
    if (i == null) {
      Optional<RetiredIndicator> retired = retired(code);
      if (retired.isPresent()) {
        throw new RetiredIndicatorException(retired.get(), id() + " " + version());
      }
      throw new UnknownIndicatorException(code, id() + " " + version());
    }
    return i;
  }

  @Override
  public String toString() {
    return "Policy[" + id() + " " + version() + extendsPolicy().map(b -> " extends " + b).orElse("") + ", "
        + indicators().size() + " indicators]";
  }

}
