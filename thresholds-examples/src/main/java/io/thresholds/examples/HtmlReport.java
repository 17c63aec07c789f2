package io.thresholds.examples;

import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.ActionKind;
import io.thresholds.core.policy.Policy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The summary of a batch as one self-contained HTML page ({@code thresholds batch --report}): the
 * charts are SVG drawn here, inline, with the numbers in a table under each, and the style is in
 * the page; nothing is fetched, so it opens without a network. It holds counts only, never a
 * reference to a child or a referral.
 */
final class HtmlReport {
  /** Colours of Tier 1 to 4 and out of scope (Okabe-Ito, distinguishable with colour blindness). */
  static final List<String> COLOURS = List.of("#56B4E9", "#009E73", "#E69F00", "#D55E00", "#999999");
  private static final int WIDTH = 720;
  private static final int LABEL = 190;
  private static final int BAR = 22;
  private static final int GAP = 8;

  private HtmlReport() {}

  /**
   * @param summary the counts of the batch
   * @param policy the policy it was evaluated against
   * @param source the name of the input
   * @return the page
   */
  static String render(BatchSummary summary, Policy policy, String source) {
    StringBuilder h = new StringBuilder(32_768);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Thresholds batch summary</title>\n<style>\n")
        .append("body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}\n")
        .append("h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2.2rem;border-bottom:1px solid #ddd}\n")
        .append("figure{margin:1rem 0}figcaption{font-weight:600;margin-bottom:.4rem}\n")
        .append("table{border-collapse:collapse;font-size:.85rem;margin-top:.5rem}th,td{border:1px solid #ccc;padding:.2rem .5rem;text-align:right}th:first-child,td:first-child{text-align:left}\n")
        .append(".advisory{background:#fff8e1;border-left:4px solid #E69F00;padding:.6rem 1rem}.legend span{display:inline-block;margin-right:1rem}.legend i{display:inline-block;width:.9rem;height:.9rem;margin-right:.3rem;vertical-align:middle}\n")
        .append("svg text{font-size:12px;fill:#222}\n</style>\n</head>\n<body>\n");
    h.append("<h1>Thresholds batch summary</h1>\n");
    h.append("<p>Input <code>").append(esc(source)).append("</code>, evaluated with policy <code>")
        .append(esc(policy.id())).append(' ').append(esc(policy.version())).append("</code>: ")
        .append(n(summary.lines())).append(" lines, ").append(n(summary.referrals())).append(" referrals, ")
        .append(n(summary.children())).append(" children, ").append(n(summary.errors())).append(" error records.</p>\n");
    h.append("<p class=\"advisory\">").append(esc(Evaluation.ADVISORY)).append(" The tiers below are the lower")
        .append(" ends of the suggested ranges; ").append(n(summary.tierRangeCount()))
        .append(" children had a range spanning two tiers.</p>\n");
    legend(h, policy);

    h.append("<h2 id=\"tiers\">Children by suggested tier</h2>\n");
    Map<String, long[]> all = new LinkedHashMap<>();
    long[] totals = new long[BatchSummary.TIER_COLUMNS.size()];
    for (Tier t : Tier.values()) {
      totals[t.ordinal()] = summary.children(t);
    }
    totals[4] = summary.outOfScope();
    all.put("all children", totals);
    stacked(h, "chart-tiers", "All children, by the lower end of the suggested range", all);

    h.append("<h2 id=\"age-band\">Tier by age band</h2>\n");
    stacked(h, "chart-age-band", "Children by age band and suggested tier", summary.tierByAgeBand());
    h.append("<h2 id=\"agency-type\">Tier by agency type of the referrer</h2>\n");
    stacked(h, "chart-agency-type", "Children by the referrer's agency type and suggested tier",
        nonEmpty(summary.tierByAgencyType()));
    h.append("<h2 id=\"time-class\">Tier by when the referral was made</h2>\n");
    stacked(h, "chart-time-class", "Children by time of referral (in hours, out of hours, weekend, bank holiday) and suggested tier",
        summary.tierByTimeClass());

    h.append("<h2 id=\"pathways\">Pathways</h2>\n");
    Map<String, Double> rates = new LinkedHashMap<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    for (ActionKind k : ChildRow.PATHWAYS) {
      rates.put(ChildRow.wire(k), BatchSummary.rate(summary.referralsWith(k), summary.referrals()));
      counts.put(ChildRow.wire(k), summary.referralsWith(k));
    }
    bars(h, "chart-pathways", "Share of referrals whose advice includes each pathway", rates, counts, true);

    h.append("<h2 id=\"errors\">Error records by kind</h2>\n");
    Map<String, Double> errorCounts = new LinkedHashMap<>();
    Map<String, Long> errorRaw = new LinkedHashMap<>();
    for (ErrorKind k : ErrorKind.values()) {
      errorCounts.put(k.wireName(), (double) summary.errors(k));
      errorRaw.put(k.wireName(), summary.errors(k));
    }
    bars(h, "chart-errors", "Lines that gave an error record, by kind", errorCounts, errorRaw, false);

    if (policy.census().isPresent() && !summary.childrenByCensusFactor().isEmpty()) {
      h.append("<h2 id=\"census\">Candidate census factors</h2>\n<p>Children whose driving indicators map to")
          .append(" each children in need census factor (")
          .append(esc(policy.census().get().codeList())).append(", ").append(esc(policy.census().get().version()))
          .append("). Candidates for research, not factors recorded by an assessment.</p>\n");
      Map<String, Double> f = new LinkedHashMap<>();
      Map<String, Long> fc = new LinkedHashMap<>();
      summary.childrenByCensusFactor().forEach((k, v) -> {
        f.put(k, (double) v);
        fc.put(k, v);
      });
      bars(h, "chart-census", "Children by candidate census factor", f, fc, false);
    }
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private static void legend(StringBuilder h, Policy policy) {
    h.append("<p class=\"legend\">");
    for (int i = 0; i < BatchSummary.TIER_COLUMNS.size(); i++) {
      h.append("<span><i style=\"background:").append(COLOURS.get(i)).append("\"></i>")
          .append(esc(tierName(policy, i))).append("</span>");
    }
    h.append("</p>\n");
  }

  private static String tierName(Policy policy, int column) {
    if (column == 4) {
      return "out of scope (adult)";
    }
    Tier t = Tier.values()[column];
    return "Tier " + t.number() + " " + policy.tier(t).name();
  }

  private static Map<String, long[]> nonEmpty(Map<String, long[]> groups) {
    Map<String, long[]> out = new LinkedHashMap<>();
    groups.forEach((k, v) -> {
      if (sum(v) > 0) {
        out.put(k, v);
      }
    });
    return out;
  }

  /** Horizontal bars, one per group, stacked by tier; lengths are counts on one scale. */
  private static void stacked(StringBuilder h, String id, String caption, Map<String, long[]> groups) {
    long max = 1;
    for (long[] v : groups.values()) {
      max = Math.max(max, sum(v));
    }
    int height = Math.max(1, groups.size()) * (BAR + GAP) + GAP;
    h.append("<figure id=\"").append(id).append("\"><figcaption>").append(esc(caption)).append("</figcaption>\n");
    h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(WIDTH)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" aria-label=\"").append(esc(caption)).append("\">\n");
    int y = GAP;
    int span = WIDTH - LABEL - 70;
    for (Map.Entry<String, long[]> e : groups.entrySet()) {
      h.append("<text x=\"").append(LABEL - 6).append("\" y=\"").append(y + BAR * 0.7)
          .append("\" text-anchor=\"end\">").append(esc(e.getKey())).append("</text>\n");
      double x = LABEL;
      for (int i = 0; i < e.getValue().length; i++) {
        long v = e.getValue()[i];
        if (v == 0) {
          continue;
        }
        double w = span * (double) v / max;
        h.append("<rect class=\"bar\" data-group=\"").append(esc(e.getKey())).append("\" data-tier=\"")
            .append(BatchSummary.TIER_COLUMNS.get(i)).append("\" data-count=\"").append(v)
            .append("\" x=\"").append(fmt(x)).append("\" y=\"").append(y).append("\" width=\"").append(fmt(w))
            .append("\" height=\"").append(BAR).append("\" fill=\"").append(COLOURS.get(i)).append("\"><title>")
            .append(esc(e.getKey())).append(", ").append(BatchSummary.TIER_COLUMNS.get(i).equals("out-of-scope")
                ? "out of scope" : "Tier " + BatchSummary.TIER_COLUMNS.get(i)).append(": ").append(n(v))
            .append("</title></rect>\n");
        x += w;
      }
      h.append("<text x=\"").append(fmt(x + 4)).append("\" y=\"").append(y + BAR * 0.7).append("\">")
          .append(n(sum(e.getValue()))).append("</text>\n");
      y += BAR + GAP;
    }
    h.append("</svg>\n<table class=\"data\"><thead><tr><th></th>");
    for (String c : BatchSummary.TIER_COLUMNS) {
      h.append("<th>").append(c.equals("out-of-scope") ? "out of scope" : "Tier " + c).append("</th>");
    }
    h.append("<th>total</th></tr></thead><tbody>\n");
    for (Map.Entry<String, long[]> e : groups.entrySet()) {
      h.append("<tr><td>").append(esc(e.getKey())).append("</td>");
      for (long v : e.getValue()) {
        h.append("<td>").append(n(v)).append("</td>");
      }
      h.append("<td>").append(n(sum(e.getValue()))).append("</td></tr>\n");
    }
    h.append("</tbody></table></figure>\n");
  }

  /** Horizontal bars of one value each: a share (as a percentage) or a count. */
  private static void bars(StringBuilder h, String id, String caption, Map<String, Double> values,
      Map<String, Long> counts, boolean share) {
    double max = 1; // a share is drawn on a scale of 0 to 100%
    if (!share) {
      for (double v : values.values()) {
        max = Math.max(max, v);
      }
    }
    int height = Math.max(1, values.size()) * (BAR + GAP) + GAP;
    int span = WIDTH - LABEL - 90;
    h.append("<figure id=\"").append(id).append("\"><figcaption>").append(esc(caption)).append("</figcaption>\n");
    h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(WIDTH)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" aria-label=\"").append(esc(caption)).append("\">\n");
    int y = GAP;
    List<String> rows = new ArrayList<>();
    for (Map.Entry<String, Double> e : values.entrySet()) {
      double w = span * e.getValue() / max;
      String label = share ? String.format(Locale.ROOT, "%.1f%%", 100 * e.getValue()) : n(counts.get(e.getKey()));
      h.append("<text x=\"").append(LABEL - 6).append("\" y=\"").append(y + BAR * 0.7)
          .append("\" text-anchor=\"end\">").append(esc(e.getKey())).append("</text>\n");
      h.append("<rect class=\"bar\" data-group=\"").append(esc(e.getKey())).append("\" data-count=\"")
          .append(counts.get(e.getKey())).append("\" x=\"").append(LABEL).append("\" y=\"").append(y)
          .append("\" width=\"").append(fmt(w)).append("\" height=\"").append(BAR)
          .append("\" fill=\"#0072B2\"><title>").append(esc(e.getKey())).append(": ").append(label)
          .append("</title></rect>\n");
      h.append("<text x=\"").append(fmt(LABEL + w + 4)).append("\" y=\"").append(y + BAR * 0.7).append("\">")
          .append(label).append("</text>\n");
      rows.add("<tr><td>" + esc(e.getKey()) + "</td><td>" + n(counts.get(e.getKey())) + "</td>"
          + (share ? "<td>" + label + "</td>" : "") + "</tr>\n");
      y += BAR + GAP;
    }
    h.append("</svg>\n<table class=\"data\"><thead><tr><th></th><th>count</th>")
        .append(share ? "<th>share</th>" : "").append("</tr></thead><tbody>\n");
    rows.forEach(h::append);
    h.append("</tbody></table></figure>\n");
  }

  private static long sum(long[] v) {
    long s = 0;
    for (long x : v) {
      s += x;
    }
    return s;
  }

  private static String n(long v) {
    return BatchSummary.n(v);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** Escapes text for HTML content and attribute values. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&':
          b.append("&amp;");
          break;
        case '<':
          b.append("&lt;");
          break;
        case '>':
          b.append("&gt;");
          break;
        case '"':
          b.append("&quot;");
          break;
        case '\'':
          b.append("&#39;");
          break;
        default:
          b.append(c);
      }
    }
    return b.toString();
  }
}
