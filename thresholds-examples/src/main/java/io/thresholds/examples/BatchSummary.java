package io.thresholds.examples;

import io.thresholds.core.evaluation.Action;
import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.Scope;
import io.thresholds.core.evaluation.TierRange;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.ActionKind;
import io.thresholds.core.policy.Policy;
import java.io.PrintWriter;
import java.util.EnumSet;
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

  /** Counts an evaluated referral. */
  void count(Evaluation evaluation) {
    lines++;
    referrals++;
    Set<ActionKind> kinds = EnumSet.noneOf(ActionKind.class);
    Set<String> phoneContacts = new TreeSet<>();
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
