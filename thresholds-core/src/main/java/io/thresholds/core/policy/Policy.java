package io.thresholds.core.policy;

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
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,63}");

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
   * The builder of {@link Policy}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutablePolicy.Builder {
    Builder() {}
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
      if (a.timing().afterAction().isPresent() && !actionIds.contains(a.timing().afterAction().get())) {
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
    for (Optional<IndicatorCode> derived : List.of(lowAttendanceIndicator(), missingEducationIndicator())) {
      if (derived.isPresent() && !catalogue().containsKey(derived.get())) {
        throw new InvalidValueException("derivations", "names an indicator that does not exist");
      }
    }
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
    if (inHoursRoute().equals(outOfHoursRoute())) {
      throw new InvalidValueException("routes", "the in-hours and out-of-hours routes must be different contacts");
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
   * @throws UnknownIndicatorException if the catalogue has no such code
   */
  public Indicator require(IndicatorCode code) {
    Indicator i = catalogue().get(code);
    if (i == null) {
      throw new UnknownIndicatorException(code, id() + " " + version());
    }
    return i;
  }

  @Override
  public String toString() {
    return "Policy[" + id() + " " + version() + ", " + indicators().size() + " indicators]";
  }

}
