package io.thresholds.examples;

import com.fasterxml.jackson.core.JsonGenerator;
import io.thresholds.core.evaluation.Action;
import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.Scope;
import io.thresholds.core.evaluation.TierRange;
import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.ActionKind;
import io.thresholds.core.policy.Policy;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The counts of a batch: lines, children per suggested tier (the lower end of the range), referrals
 * per pathway (each kind of action advised) and error records per kind. Counts of parts of the
 * input are {@linkplain #add added} in input order, so the totals never depend on threads.
 */
final class BatchSummary {
  private long lines;
  private long referrals;
  private long children;
  private final long[] childrenByTier = new long[Tier.values().length];
  private long outOfScope;
  private long unborn;
  private long tierRanges;
  private final long[] referralsByAction = new long[ActionKind.values().length];
  /** Phone referrals by the contact they go to ("hub", "edt"); "" for none. */
  private final Map<String, Long> phoneReferralsByContact = new TreeMap<>();
  private final long[] errorsByKind = new long[ErrorKind.values().length];
  /** Breakdowns, counted from the rows of the children when asked for (see {@link #count(ChildRow)}). */
  private long rows;
  private long provisional;
  private final Map<String, long[]> tierByAgeBand = groups(ChildRow.AGE_BANDS);
  private final Map<String, long[]> tierByAgencyType = groups(agencyTypes());
  private final Map<String, long[]> tierByTimeClass = groups(ChildRow.TIME_CLASSES);
  private final long[] childrenByPathway = new long[ChildRow.PATHWAYS.size()];
  /** Counted in a hash map (per row, cheap); sorted when read. */
  private final Map<String, Long> childrenByCensusFactor = new java.util.HashMap<>();

  /** The columns of a tier breakdown: Tier 1 to 4 (the lower end of the range), then out of scope. */
  static final List<String> TIER_COLUMNS = List.of("1", "2", "3", "4", "out-of-scope");

  /** Counts an evaluated referral. */
  void count(Evaluation evaluation) {
    lines++;
    referrals++;
    Set<ActionKind> kinds = EnumSet.noneOf(ActionKind.class);
    Set<String> phoneContacts = Set.of(); // a TreeSet once a phone referral is found
    for (ChildAssessment child : evaluation.children()) {
      children++;
      Optional<TierRange> range = child.tierRange();
      if (range.isPresent()) {
        childrenByTier[range.get().min().ordinal()]++;
        if (!range.get().isSingle()) {
          tierRanges++;
        }
      }
      if (child.scope() == Scope.ADULT) {
        outOfScope++;
      } else if (child.scope() == Scope.UNBORN) {
        unborn++;
      }
      for (Action a : child.actions()) {
        kinds.add(a.kind());
        if (a.kind() == ActionKind.PHONE_REFERRAL) {
          if (phoneContacts.isEmpty()) {
            phoneContacts = new TreeSet<>();
          }
          phoneContacts.add(a.contact().map(c -> c.id()).orElse(""));
        }
      }
    }
    for (ActionKind k : kinds) {
      referralsByAction[k.ordinal()]++;
    }
    for (String c : phoneContacts) {
      phoneReferralsByContact.merge(c, 1L, Long::sum);
    }
  }

  /** Counts a child in the breakdowns. */
  void count(ChildRow row) {
    rows++;
    if (row.provisional) {
      provisional++;
    }
    tierByAgeBand.get(row.ageBand)[row.tierColumn()]++;
    tierByAgencyType.get(row.agencyType)[row.tierColumn()]++;
    tierByTimeClass.get(row.timeClass)[row.tierColumn()]++;
    for (int i = 0; i < childrenByPathway.length; i++) {
      if (row.has(ChildRow.PATHWAYS.get(i))) {
        childrenByPathway[i]++;
      }
    }
    for (String f : row.censusFactors) {
      childrenByCensusFactor.merge(f, 1L, Long::sum);
    }
  }

  private static Map<String, long[]> groups(List<String> names) {
    Map<String, long[]> m = new LinkedHashMap<>();
    for (String n : names) {
      m.put(n, new long[TIER_COLUMNS.size()]);
    }
    return m;
  }

  private static List<String> agencyTypes() {
    List<String> out = new ArrayList<>();
    for (AgencyType t : AgencyType.values()) {
      out.add(ChildRow.wire(t));
    }
    return out;
  }

  private static void add(Map<String, long[]> into, Map<String, long[]> from) {
    from.forEach((k, v) -> {
      long[] to = into.get(k);
      for (int i = 0; i < v.length; i++) {
        to[i] += v[i];
      }
    });
  }

  /** Counts an error record. */
  void count(ErrorKind kind) {
    lines++;
    errorsByKind[kind.ordinal()]++;
  }

  /** Adds the counts of another part of the input. */
  void add(BatchSummary other) {
    lines += other.lines;
    referrals += other.referrals;
    children += other.children;
    outOfScope += other.outOfScope;
    unborn += other.unborn;
    tierRanges += other.tierRanges;
    for (int i = 0; i < childrenByTier.length; i++) {
      childrenByTier[i] += other.childrenByTier[i];
    }
    for (int i = 0; i < referralsByAction.length; i++) {
      referralsByAction[i] += other.referralsByAction[i];
    }
    other.phoneReferralsByContact.forEach((k, v) -> phoneReferralsByContact.merge(k, v, Long::sum));
    for (int i = 0; i < errorsByKind.length; i++) {
      errorsByKind[i] += other.errorsByKind[i];
    }
    rows += other.rows;
    provisional += other.provisional;
    add(tierByAgeBand, other.tierByAgeBand);
    add(tierByAgencyType, other.tierByAgencyType);
    add(tierByTimeClass, other.tierByTimeClass);
    for (int i = 0; i < childrenByPathway.length; i++) {
      childrenByPathway[i] += other.childrenByPathway[i];
    }
    other.childrenByCensusFactor.forEach((k, v) -> childrenByCensusFactor.merge(k, v, Long::sum));
  }

  long children() {
    return children;
  }

  long outOfScope() {
    return outOfScope;
  }

  long tierRangeCount() {
    return tierRanges;
  }

  long provisional() {
    return provisional;
  }

  Map<String, long[]> tierByAgeBand() {
    return tierByAgeBand;
  }

  Map<String, long[]> tierByAgencyType() {
    return tierByAgencyType;
  }

  Map<String, long[]> tierByTimeClass() {
    return tierByTimeClass;
  }

  long childrenWith(ActionKind pathway) {
    return childrenByPathway[ChildRow.PATHWAYS.indexOf(pathway)];
  }

  /** @return children per candidate census factor, in code order (2A before 10A) */
  Map<String, Long> childrenByCensusFactor() {
    Map<String, Long> sorted = new TreeMap<>(ChildRow.FACTOR_ORDER);
    sorted.putAll(childrenByCensusFactor);
    return sorted;
  }

  /** The format of {@code --summary-json}. */
  static final String SUMMARY_FORMAT = "thresholds/batch-summary@1";

  /**
   * Writes the summary as a {@code thresholds/batch-summary@1} document: totals, children by tier,
   * the breakdowns of tier by age band, agency type and time class, pathway rates and error counts.
   */
  void writeJson(Policy policy, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("format", SUMMARY_FORMAT);
    g.writeObjectFieldStart("policy");
    g.writeStringField("id", policy.id());
    g.writeStringField("version", policy.version());
    if (policy.census().isPresent()) {
      g.writeStringField("censusCodeList", policy.census().get().version());
    }
    g.writeEndObject();
    g.writeNumberField("lines", lines);
    g.writeNumberField("referrals", referrals);
    g.writeNumberField("children", children);
    g.writeNumberField("errors", errors());
    g.writeObjectFieldStart("childrenByTier");
    for (Tier t : Tier.values()) {
      g.writeNumberField(String.valueOf(t.number()), childrenByTier[t.ordinal()]);
    }
    g.writeNumberField("out-of-scope", outOfScope);
    g.writeEndObject();
    g.writeNumberField("unborn", unborn);
    g.writeNumberField("tierRanges", tierRanges);
    g.writeNumberField("provisional", provisional);
    breakdown(g, "tierByAgeBand", tierByAgeBand);
    breakdown(g, "tierByAgencyType", tierByAgencyType);
    breakdown(g, "tierByTimeClass", tierByTimeClass);
    g.writeObjectFieldStart("pathways");
    for (ActionKind k : ChildRow.PATHWAYS) {
      long count = referralsByAction[k.ordinal()];
      g.writeObjectFieldStart(ChildRow.wire(k));
      g.writeNumberField("referrals", count);
      g.writeNumberField("referralRate", rate(count, referrals));
      g.writeNumberField("children", childrenWith(k));
      g.writeNumberField("childRate", rate(childrenWith(k), children));
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeObjectFieldStart("referralsByAction");
    for (ActionKind k : ActionKind.values()) {
      g.writeNumberField(ChildRow.wire(k), referralsByAction[k.ordinal()]);
    }
    g.writeEndObject();
    g.writeObjectFieldStart("childrenByCensusFactor");
    for (Map.Entry<String, Long> e : childrenByCensusFactor().entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeObjectFieldStart("errorsByKind");
    for (ErrorKind k : ErrorKind.values()) {
      g.writeNumberField(k.wireName(), errorsByKind[k.ordinal()]);
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void breakdown(JsonGenerator g, String name, Map<String, long[]> groups) throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, long[]> e : groups.entrySet()) {
      g.writeObjectFieldStart(e.getKey());
      for (int i = 0; i < TIER_COLUMNS.size(); i++) {
        g.writeNumberField(TIER_COLUMNS.get(i), e.getValue()[i]);
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /** @return count / of, rounded to 4 decimal places; 0 when of is 0 */
  static double rate(long count, long of) {
    return of == 0 ? 0 : Math.round(10_000.0 * count / of) / 10_000.0;
  }

  long lines() {
    return lines;
  }

  long referrals() {
    return referrals;
  }

  long errors() {
    return lines - referrals;
  }

  long errors(ErrorKind kind) {
    return errorsByKind[kind.ordinal()];
  }

  long children(Tier minTier) {
    return childrenByTier[minTier.ordinal()];
  }

  long referralsWith(ActionKind kind) {
    return referralsByAction[kind.ordinal()];
  }

  /**
   * Prints the summary.
   *
   * @param policy the policy, for the tier names
   * @param source the name of the input
   * @param out where to print
   */
  void print(Policy policy, String source, PrintWriter out) {
    out.println("Summary of " + source + ": " + n(lines, "line") + ", " + n(referrals, "referral")
        + " evaluated, " + n(errors(), "error record") + ".");
    out.println();
    out.println("Children by suggested tier (the lower end of the range), " + n(children) + " children:");
    for (Tier t : Tier.values()) {
      row(out, "Tier " + t.number() + "  " + policy.tier(t).name(), childrenByTier[t.ordinal()], children);
    }
    row(out, "out of scope (aged " + policy.adultAge() + " or over)", outOfScope, children);
    out.println("  of all children: " + n(unborn) + " unborn; " + n(tierRanges)
        + " with a range spanning two tiers (the professional's judgement decides)");
    out.println();
    out.println("Referrals whose advice includes (any child; a referral can count in several rows):");
    boolean any = false;
    for (ActionKind k : ActionKind.values()) {
      long count = referralsByAction[k.ordinal()];
      if (count == 0) {
        continue;
      }
      any = true;
      row(out, wireName(k), count, referrals);
      if (k == ActionKind.PHONE_REFERRAL) {
        for (Map.Entry<String, Long> e : phoneReferralsByContact.entrySet()) {
          row(out, "  to " + (e.getKey().isEmpty() ? "no contact" : e.getKey()), e.getValue(), referrals);
        }
      }
    }
    if (!any) {
      out.println("  (none)");
    }
    out.println();
    out.println("Error records by kind:");
    if (errors() == 0) {
      out.println("  (none)");
    }
    for (ErrorKind k : ErrorKind.values()) {
      if (errorsByKind[k.ordinal()] > 0) {
        row(out, k.wireName(), errorsByKind[k.ordinal()], lines);
      }
    }
  }

  private static void row(PrintWriter out, String label, long count, long of) {
    String share = of == 0 ? "" : String.format(Locale.ROOT, "%5.1f%%", 100.0 * count / of);
    out.println(String.format(Locale.ROOT, "  %-52s %12s  %s", label, n(count), share).stripTrailing());
  }

  /** @return the count with thousands separators: 1,234 */
  static String n(long count) {
    return String.format(Locale.UK, "%,d", count);
  }

  /** @return the count and the noun, plural unless the count is 1: "1 line", "1,234 lines" */
  static String n(long count, String noun) {
    return n(count) + " " + noun + (count == 1 ? "" : "s");
  }

  private static String wireName(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
