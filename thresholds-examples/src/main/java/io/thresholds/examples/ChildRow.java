package io.thresholds.examples;

import io.thresholds.core.evaluation.AgeBasis;
import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.OpenFact;
import io.thresholds.core.evaluation.ReasonKind;
import io.thresholds.core.evaluation.TierRange;
import io.thresholds.core.evaluation.Widening;
import io.thresholds.core.model.Age;
import io.thresholds.core.model.ApproximateAge;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.ActionKind;
import io.thresholds.core.policy.CensusCodes;
import io.thresholds.core.policy.CensusMapping;
import io.thresholds.core.policy.ChildProtectionCategory;
import io.thresholds.core.policy.Indicator;
import io.thresholds.core.policy.Policy;
import io.thresholds.core.time.ServiceHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One referred child of an evaluated referral as a flat record for research: the input facts a
 * researcher groups by and the result. Holds references and codes only, never personal details: the
 * age is given in completed years and a band, never a date of birth. The columns of
 * {@code batch --format csv} and the breakdowns of the summary are made from these.
 */
final class ChildRow {
  /** Age bands, following the children in need statistics (under 1, 1-4, 5-9, 10-15, 16+). */
  static final List<String> AGE_BANDS = List.of("unborn", "under-1", "1-4", "5-9", "10-15", "16-17", "18-plus",
      "uncertain", "unknown");
  /** When the referral was made. */
  static final List<String> TIME_CLASSES = List.of("in-hours", "out-of-hours", "weekend", "bank-holiday");
  /** The pathways counted separately. */
  static final List<ActionKind> PATHWAYS = List.of(ActionKind.MACE_REFERRAL, ActionKind.PREVENT_REFERRAL,
      ActionKind.EDUCATION_SERVICE_REFERRAL, ActionKind.DISABILITY_ASSESSMENT);

  long line;
  String referral = "";
  String child = "";
  @Nullable Integer ageYears;
  String ageBand = "";
  String ageBasis = "";
  boolean unborn;
  String scope = "";
  boolean disabled;
  boolean disabilityUnknown;
  String agencyType = "";
  String referrerPosition = "";
  boolean designatedSafeguardingLead;
  boolean professional;
  String timeClass = "";
  boolean immediateDanger;
  boolean repeatReferral;
  String consentStatus = "";
  int referralConcerns;
  int childConcerns;
  List<String> drivingIndicators = List.of();
  List<String> drivingDomains = List.of();
  @Nullable Tier tierMin;
  @Nullable Tier tierMax;
  List<String> widenedBy = List.of();
  boolean provisional;
  List<String> openFacts = List.of();
  final Set<ActionKind> actions = EnumSet.noneOf(ActionKind.class);
  String firstAction = "";
  String consentCheck = "";
  List<String> censusFactors = List.of();
  List<String> cpCategories = List.of();
  boolean censusUnconfirmed;
  String policyVersion = "";

  /**
   * @return a row per referred child, in the evaluation's order
   */
  static List<ChildRow> of(long line, Policy policy, Referral referral, Evaluation evaluation) {
    String timeClass = timeClass(policy, referral.madeAt());
    List<ChildRow> rows = new ArrayList<>(evaluation.children().size());
    for (ChildAssessment a : evaluation.children()) {
      ChildRow r = new ChildRow();
      r.line = line;
      r.referral = referral.ref().value();
      r.timeClass = timeClass;
      r.input(policy, referral, a);
      r.result(policy, referral, a);
      r.policyVersion = evaluation.policyVersion();
      rows.add(r);
    }
    return rows;
  }

  /** The input facts of the row (methods of their own: one large method was slow to compile). */
  private void input(Policy policy, Referral referral, ChildAssessment a) {
    child = a.child().value();
    Optional<Child> c = referral.household().child(a.child());
    ageBasis = wire(a.ageBasis());
    switch (a.ageBasis()) {
      case EXACT:
        ageYears = a.age().unborn() ? null : a.age().years();
        ageBand = ageBand(a.age(), policy.adultAge());
        break;
      case APPROXIMATE:
        // the practitioner's estimate; the band only if every age the child may be is in it
        ageYears = c.flatMap(Child::approximateAge).map(ApproximateAge::years).orElse(null);
        String youngest = ageBand(a.age(), policy.adultAge());
        ageBand = youngest.equals(ageBand(a.oldestAge().orElse(a.age()), policy.adultAge())) ? youngest : "uncertain";
        break;
      default:
        ageYears = null;
        ageBand = "unknown";
        break;
    }
    unborn = a.age().unborn() && a.ageBasis() == AgeBasis.EXACT;
    scope = wire(a.scope());
    disabled = c.isPresent() && c.get().disabled();
    disabilityUnknown = c.isPresent() && c.get().disabilityUnknown();
    agencyType = wire(referral.referrer().agencyType());
    referrerPosition = referral.referrer().position().map(ChildRow::wire).orElse("");
    designatedSafeguardingLead = referral.referrer().designatedSafeguardingLead();
    professional = referral.referrer().professional();
    immediateDanger = referral.immediateDanger();
    repeatReferral = referral.repeatReferral();
    consentStatus = wire(consentStatus(referral, a.child()));
    referralConcerns = referral.concerns().size();
    for (int i = 0; i < referral.concerns().size(); i++) {
      if (referral.concerns().get(i).appliesTo(a.child())) {
        childConcerns++;
      }
    }
  }

  /** The result columns of the row. */
  private void result(Policy policy, Referral referral, ChildAssessment a) {
    List<String> codes = new ArrayList<>();
    Set<String> domains = new LinkedHashSet<>();
    for (IndicatorCode code : a.drivingIndicators()) {
      codes.add(code.value());
      Optional<Indicator> i = policy.indicator(code);
      if (i.isPresent()) {
        domains.add(i.get().domain());
      }
    }
    drivingIndicators = codes;
    drivingDomains = new ArrayList<>(domains);
    Optional<TierRange> range = a.tierRange();
    tierMin = range.isPresent() ? range.get().min() : null;
    tierMax = range.isPresent() ? range.get().max() : null;
    List<String> widened = new ArrayList<>();
    for (Widening w : a.widenedBy()) {
      widened.add(wire(w));
    }
    provisional = a.provisional() || a.widenedBy().contains(Widening.UNKNOWN_FACT);
    List<String> open = new ArrayList<>();
    for (OpenFact f : a.openFacts()) {
      open.add(wire(f));
    }
    openFacts = open;
    for (int i = 0; i < a.reasons().size(); i++) {
      if (a.reasons().get(i).kind() == ReasonKind.POSSIBLE_ESCALATION) {
        provisional = true;
      }
    }
    widenedBy = widened;
    for (int i = 0; i < a.actions().size(); i++) {
      actions.add(a.actions().get(i).kind());
    }
    firstAction = a.actions().isEmpty() ? "" : wire(a.actions().get(0).kind());
    consentCheck = a.consent().isEmpty() ? "" : wire(a.consent().get(0).check());
    Optional<CensusCodes> census = policy.census();
    if (census.isPresent()) {
      census(census.get(), policy, referral, a);
    }
  }

  /**
   * The candidate census codes of the driving indicators. A factor with an A/B/C suffix (1 to 6)
   * keeps only the suffixes of whom the reported concerns were about, where the concern is known.
   */
  private void census(CensusCodes census, Policy policy, Referral referral, ChildAssessment a) {
    Set<String> factors = new TreeSet<>(FACTOR_ORDER);
    Set<ChildProtectionCategory> categories = EnumSet.noneOf(ChildProtectionCategory.class);
    for (IndicatorCode code : a.drivingIndicators()) {
      Optional<CensusMapping> m = census.mapping(code);
      if (m.isEmpty()) {
        continue;
      }
      censusUnconfirmed |= !m.get().confirmed();
      int suffixes = 0; // bits of the suffixes A, B, C: whom the reported concerns were about
      for (Concern c : referral.concerns()) {
        if (c.indicator().equals(code) && (c.subject() != SubjectKind.CHILD || c.subjectRef().equals(a.child()))) {
          suffixes |= suffixBit(c.subject() == SubjectKind.CHILD ? 'A' : c.subject() == SubjectKind.PARENT_CARER ? 'B' : 'C');
        }
      }
      List<String> candidates = m.get().factors();
      List<String> bySubject = new ArrayList<>(candidates.size());
      boolean anyBySubject = false;
      boolean candidatesBySubject = false;
      for (String f : candidates) {
        boolean perSubject = isBySubject(f);
        candidatesBySubject |= perSubject;
        if (!perSubject || (suffixes & suffixBit(f.charAt(f.length() - 1))) != 0) {
          bySubject.add(f);
          anyBySubject |= perSubject;
        }
      }
      factors.addAll(suffixes == 0 || (candidatesBySubject && !anyBySubject) ? candidates : bySubject);
      Indicator indicator = policy.require(code);
      if (indicator.tier() == Tier.ACUTE) {
        categories.addAll(m.get().categories());
      }
    }
    censusFactors = new ArrayList<>(factors);
    cpCategories = new ArrayList<>();
    for (ChildProtectionCategory c : categories) {
      cpCategories.add(c.code());
    }
  }

  /** @return the bit of suffix A, B or C in a set of suffixes; 0 for any other character */
  private static int suffixBit(char suffix) {
    return suffix >= 'A' && suffix <= 'C' ? 1 << (suffix - 'A') : 0;
  }

  /** Factors 1 to 6 have a suffix by whom they concern: A the child, B a parent or carer, C another person. */
  private static boolean isBySubject(String factor) {
    return factor.length() == 2 && factor.charAt(0) >= '1' && factor.charAt(0) <= '6';
  }

  /** 2A before 10A: by number, then by letter. */
  static final Comparator<String> FACTOR_ORDER = Comparator
      .comparingInt(ChildRow::factorNumber)
      .thenComparing(Comparator.naturalOrder());

  /** @return the number of a factor code: 10 for 10A (no regular expression: this runs per row) */
  static int factorNumber(String factor) {
    int n = 0;
    for (int i = 0; i < factor.length() && Character.isDigit(factor.charAt(i)); i++) {
      n = n * 10 + (factor.charAt(i) - '0');
    }
    return n;
  }

  static String ageBand(Age age, int adultAge) {
    if (age.unborn()) {
      return "unborn";
    }
    int y = age.years();
    if (y >= adultAge) {
      return "18-plus";
    }
    return y < 1 ? "under-1" : y <= 4 ? "1-4" : y <= 9 ? "5-9" : y <= 15 ? "10-15" : "16-17";
  }

  /**
   * @return bank-holiday, weekend, in-hours (the in-hours referral route is open) or out-of-hours,
   *     in the policy's time zone and calendar
   */
  static String timeClass(Policy policy, Instant at) {
    LocalDate day = at.atZone(policy.zone()).toLocalDate();
    if (policy.calendar().holidays().containsKey(day)) {
      return "bank-holiday";
    }
    DayOfWeek d = day.getDayOfWeek();
    if (d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY) {
      return "weekend";
    }
    Optional<ServiceHours> hours = policy.contact(policy.inHoursRoute()).flatMap(c -> c.hours());
    return hours.isPresent() && hours.get().isOpen(at, policy.calendar()) ? "in-hours" : "out-of-hours";
  }

  /** The wire names of each enumeration, computed once per type. */
  private static final ClassValue<String[]> WIRE = new ClassValue<>() {
    @Override
    protected String[] computeValue(Class<?> type) {
      Object[] constants = type.getEnumConstants();
      String[] names = new String[constants.length];
      for (int i = 0; i < constants.length; i++) {
        names[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT).replace('_', '-');
      }
      return names;
    }
  };

  /** @return the JSON format's name of a constant: lower case with '-' */
  static String wire(Enum<?> e) {
    return WIRE.get(e.getDeclaringClass())[e.ordinal()];
  }

  /** @return the index of the tier column of a breakdown: 0 to 3 for Tier 1 to 4, 4 out of scope */
  int tierColumn() {
    return tierMin == null ? 4 : tierMin.ordinal();
  }

  boolean has(ActionKind kind) {
    return actions.contains(kind);
  }


  /**
   * The referral's consent state; with consent recorded per person and nothing recorded for the
   * referral itself, what those decisions amount to for this child: a refusal by anyone whose
   * decision counts, else a consent, else not yet sought.
   */
  static io.thresholds.core.consent.ConsentStatus consentStatus(Referral referral, Ref child) {
    io.thresholds.core.consent.ConsentStatus s = referral.consent().status();
    if (referral.consentByGiver().isEmpty() || s != io.thresholds.core.consent.ConsentStatus.NOT_YET_SOUGHT) {
      return s;
    }
    io.thresholds.core.consent.ConsentStatus out = s;
    for (io.thresholds.core.consent.GiverConsent g : referral.decisionsAbout(child)) {
      if (!g.decides()) {
        continue;
      }
      if (g.refused()) {
        return g.status();
      }
      if (g.status() == io.thresholds.core.consent.ConsentStatus.GIVEN) {
        out = g.status();
      }
    }
    return out;
  }
}
