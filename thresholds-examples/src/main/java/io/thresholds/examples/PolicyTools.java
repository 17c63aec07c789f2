package io.thresholds.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thresholds.core.ThresholdsException;
import io.thresholds.core.consent.ConsentGuidance;
import io.thresholds.core.evaluation.Action;
import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.evaluation.TierRange;
import io.thresholds.core.model.Referral;
import io.thresholds.core.policy.GoldenCase;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.Policy;
import io.thresholds.core.policy.PolicyFormatException;
import io.thresholds.jackson.ThresholdsJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code thresholds policy diff | impact | test | init}: author, test and compare policy packs. */
final class PolicyTools {
  private PolicyTools() {}

  /** The OLD and NEW arguments of {@code diff} and {@code impact}, loaded the same way. */
  static final class TwoPolicies {
    @Parameters(index = "0", paramLabel = "OLD",
        description = "the policy before: a pack directory, a thresholds/policy@1 file or an embedded pack id")
    @Nullable String older;

    @Parameters(index = "1", paramLabel = "NEW",
        description = "the policy after: a pack directory, a thresholds/policy@1 file or an embedded pack id")
    @Nullable String newer;

    Policy older() throws IOException {
      return PolicyOption.load(Objects.requireNonNull(older), InputStream.nullInputStream());
    }

    Policy newer() throws IOException {
      return PolicyOption.load(Objects.requireNonNull(newer), InputStream.nullInputStream());
    }
  }

  /** {@code thresholds policy diff OLD NEW}. */
  @Command(
      name = "diff",
      mixinStandardHelpOptions = true,
      header = "Compare two policies entry by entry.",
      description = "Indicators added, removed (or retired), re-tiered or re-flagged; action rules, timescales,"
          + " contacts, hours, routes, consent rules, tier names, services and generic rules changed."
          + " OLD and NEW are each a pack directory, a thresholds/policy@1 file or an embedded pack id.")
  static final class Diff implements Callable<Integer> {
    @Spec @Nullable CommandSpec spec;

    @Mixin TwoPolicies policies = new TwoPolicies();

    @Option(names = "--json", description = "print the differences as a JSON document")
    boolean json;

    @Override
    public Integer call() throws IOException {
      PolicyDiff d = PolicyDiff.of(policies.older(), policies.newer());
      PrintWriter o = Objects.requireNonNull(spec).commandLine().getOut();
      if (json) {
        ObjectMapper mapper = ThresholdsJson.newMapper();
        o.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(d.toJson(mapper)));
      } else {
        o.print(d.toText());
      }
      o.flush();
      return 0;
    }
  }

  /** {@code thresholds policy impact OLD NEW REFERRALS.jsonl}. */
  @Command(
      name = "impact",
      mixinStandardHelpOptions = true,
      header = "Evaluate referrals under two policies and report what changes.",
      description = "Each line of REFERRALS.jsonl (thresholds/referral@1) is evaluated under OLD and under NEW,"
          + " each as of when the referral was made. The report counts the children whose tier range, route"
          + " (the contacts advised) or consent advice changes, with a table of tier range transitions and"
          + " example referral refs. This is how a partnership checks a refreshed document before adopting it.")
  static final class Impact implements Callable<Integer> {
    private static final int EXAMPLES = 3;

    @Spec @Nullable CommandSpec spec;

    @Mixin TwoPolicies policies = new TwoPolicies();

    @Parameters(index = "2", paramLabel = "REFERRALS.jsonl",
        description = "the referrals, one thresholds/referral@1 document per line (UTF-8)")
    @Nullable Path referrals;

    @Override
    public Integer call() throws IOException {
      Policy a = policies.older();
      Policy b = policies.newer();
      ThresholdEvaluator ea = ThresholdEvaluator.of(a);
      ThresholdEvaluator eb = ThresholdEvaluator.of(b);
      int lines = 0;
      int children = 0;
      int rangeChanged = 0;
      int routeChanged = 0;
      int consentChanged = 0;
      Map<String, Integer> errors = new TreeMap<>();
      Map<String, Integer> transitions = new TreeMap<>();
      Map<String, List<String>> examples = new TreeMap<>();
      if (Files.isDirectory(Objects.requireNonNull(referrals))) {
        throw new UserException("cannot read " + referrals + ": it is a directory; give a JSON Lines file of referrals");
      }
      try (BufferedReader r = Files.newBufferedReader(referrals, StandardCharsets.UTF_8)) {
        int n = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          n++;
          if (line.isBlank()) {
            continue;
          }
          lines++;
          Referral referral;
          try {
            referral = ThresholdsJson.readReferral(new StringReader(line));
          } catch (IOException e) {
            throw new UserException(referrals + " line " + n + ": not a thresholds/referral@1 document");
          }
          Evaluation va;
          Evaluation vb;
          try {
            va = ea.evaluate(referral, referral.madeAt());
          } catch (ThresholdsException e) {
            errors.merge("under OLD: " + e.getClass().getSimpleName(), 1, Integer::sum);
            continue;
          }
          try {
            vb = eb.evaluate(referral, referral.madeAt());
          } catch (ThresholdsException e) {
            errors.merge("under NEW only: " + e.getClass().getSimpleName(), 1, Integer::sum);
            example(examples, "error under NEW: " + e.getClass().getSimpleName(), referral.ref().toString());
            continue;
          }
          for (ChildAssessment ca : va.children()) {
            ChildAssessment cb = vb.children().stream().filter(x -> x.child().equals(ca.child())).findFirst().orElse(null);
            if (cb == null) {
              continue;
            }
            children++;
            String who = referral.ref() + "/" + ca.child();
            String ra = range(ca);
            String rb = range(cb);
            if (!ra.equals(rb)) {
              rangeChanged++;
              transitions.merge(ra + " -> " + rb, 1, Integer::sum);
              example(examples, "range " + ra + " -> " + rb, who);
            }
            if (!route(ca).equals(route(cb))) {
              routeChanged++;
              example(examples, "route " + route(ca) + " -> " + route(cb), who);
            }
            if (!consent(ca).equals(consent(cb))) {
              consentChanged++;
              example(examples, "consent advice", who);
            }
          }
        }
      } catch (NoSuchFileException e) {
        throw new UserException("cannot read " + referrals + ": no such file");
      } catch (CharacterCodingException e) {
        throw new UserException("cannot read " + referrals + ": not UTF-8 text");
      } catch (IOException e) {
        throw new UserException("cannot read " + referrals + ": " + Output.why(referrals, e));
      }
      if (lines == 0) {
        throw new UserException(referrals + " is empty: expected one thresholds/referral@1 document per line");
      }
      PrintWriter o = Objects.requireNonNull(spec).commandLine().getOut();
      o.println("Policy impact: " + a.id() + " " + a.version() + " -> " + b.id() + " " + b.version() + " on "
          + lines + " referrals, " + children + " children, each as of when the referral was made.");
      o.println("  tier range changed:     " + rangeChanged);
      o.println("  route changed:          " + routeChanged);
      o.println("  consent advice changed: " + consentChanged);
      errors.forEach((k, v) -> o.println("  errors " + k + ": " + v));
      if (!transitions.isEmpty()) {
        o.println();
        o.println("Tier range transitions (OLD -> NEW: children)");
        transitions.forEach((k, v) -> o.println("  " + k + ": " + v));
      }
      if (!examples.isEmpty()) {
        o.println();
        o.println("Examples (referral/child)");
        examples.forEach((k, v) -> o.println("  " + k + ": " + String.join(", ", v)));
      }
      o.flush();
      return 0;
    }

    private static void example(Map<String, List<String>> examples, String key, String who) {
      List<String> list = examples.computeIfAbsent(key, k -> new ArrayList<>());
      if (list.size() < EXAMPLES && !list.contains(who)) {
        list.add(who);
      }
    }

    private static String range(ChildAssessment c) {
      return c.tierRange().map(Impact::range).orElse("out of scope");
    }

    static String range(TierRange r) {
      return r.min() == r.max() ? String.valueOf(r.min().number()) : r.min().number() + "-" + r.max().number();
    }

    private static String route(ChildAssessment c) {
      List<String> contacts = c.actions().stream().map(Action::contact).flatMap(java.util.Optional::stream)
          .map(x -> x.id()).distinct().collect(Collectors.toList());
      return contacts.isEmpty() ? "none" : String.join("+", contacts);
    }

    private static String consent(ChildAssessment c) {
      return c.consent().stream().map((ConsentGuidance g) -> g.tier().number() + ":" + g.requirement() + ":"
          + g.givers() + ":" + g.maySeekConsent() + ":" + g.mayTellFamily() + ":" + g.mustShareToSafeguard() + ":"
          + g.ifWithheld() + ":" + g.restrictions()).collect(Collectors.joining("|"));
    }
  }

  /** {@code thresholds policy test DIR|ID}. */
  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      header = "Run a policy pack's own golden cases.",
      description = "Each row of the pack's golden.tsv names a referral file of the pack, the child, the expected"
          + " tier range and the expected action rules in order. Every case is evaluated under the pack;"
          + " any difference fails the command (exit 1).")
  static final class Test implements Callable<Integer> {
    @Spec @Nullable CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR|ID", description = "a pack directory or an embedded pack id")
    @Nullable String pack;

    @Override
    public Integer call() {
      String source = Objects.requireNonNull(pack);
      Policy policy = PolicyOption.load(source, InputStream.nullInputStream());
      List<GoldenCase> cases;
      try {
        Path dir = Path.of(source);
        cases = Files.isDirectory(dir) ? Policies.goldenCases(dir) : Policies.embeddedGoldenCases(source);
      } catch (PolicyFormatException e) {
        throw new UserException("invalid golden cases in " + source + ": " + e.getMessage());
      }
      if (cases.isEmpty()) {
        throw new UserException(source + " has no golden cases (golden.tsv); see docs/policy-pack.md");
      }
      PrintWriter o = Objects.requireNonNull(spec).commandLine().getOut();
      ThresholdEvaluator evaluator = ThresholdEvaluator.of(policy);
      int failed = 0;
      for (GoldenCase c : cases) {
        List<String> problems = run(policy, evaluator, c);
        o.println((problems.isEmpty() ? "PASS " : "FAIL ") + c.name());
        for (String p : problems) {
          o.println("     " + p);
        }
        failed += problems.isEmpty() ? 0 : 1;
      }
      o.println("policy " + policy.id() + " " + policy.version() + ": " + (cases.size() - failed) + " of " + cases.size()
          + " golden cases pass.");
      o.flush();
      return failed == 0 ? 0 : ThresholdsCommand.INVALID_INPUT;
    }

    static List<String> run(Policy policy, ThresholdEvaluator evaluator, GoldenCase c) {
      List<String> problems = new ArrayList<>();
      Evaluation e;
      try {
        Referral r = ThresholdsJson.readReferral(new StringReader(c.referralJson()), policy);
        Instant at = c.at().orElse(r.madeAt());
        e = evaluator.evaluate(r, at);
      } catch (IOException | ThresholdsException ex) {
        problems.add(c.source() + ": " + c.referralFile() + " does not evaluate: " + ex.getMessage());
        return problems;
      }
      ChildAssessment child = e.children().stream().filter(x -> x.child().toString().equals(c.child())).findFirst()
          .orElse(null);
      if (child == null) {
        problems.add(c.source() + ": no referred child " + c.child());
        return problems;
      }
      String expected = c.minTier() == c.maxTier() ? String.valueOf(c.minTier().number())
          : c.minTier().number() + "-" + c.maxTier().number();
      String actual = child.tierRange().map(Impact::range).orElse("none");
      if (!expected.equals(actual)) {
        problems.add("range: expected " + expected + ", got " + actual);
      }
      List<String> actions = child.actions().stream().map(Action::ruleId).collect(Collectors.toList());
      if (!actions.equals(c.actions())) {
        problems.add("actions: expected " + String.join(",", c.actions()));
        problems.add("              got " + String.join(",", actions));
      }
      return problems;
    }
  }

  /** {@code thresholds policy init --extends ID DIR}. */
  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      header = "Write a skeleton overlay pack that extends another.",
      description = "Writes DIR/policy.properties (identity, the base, commented examples of each kind of"
          + " override), an actions.tsv and indicators.tsv with their header lines, and an empty golden.tsv."
          + " The skeleton loads as it is: everything is inherited until you change it.")
  static final class Init implements Callable<Integer> {
    @Spec @Nullable CommandSpec spec;

    @Option(names = "--extends", paramLabel = "ID|PATH", required = true,
        description = "the base: an embedded pack id (city-of-london) or a path relative to DIR (../base)")
    @Nullable String base;

    @Option(names = "--id", paramLabel = "ID", description = "the new pack's id (default: the directory's name)")
    @Nullable String id;

    @Parameters(index = "0", paramLabel = "DIR", description = "the directory of the new pack (created if missing)")
    @Nullable Path dir;

    @Override
    public Integer call() throws IOException {
      Path target = Objects.requireNonNull(dir);
      if (Files.exists(target.resolve("policy.properties"))) {
        throw new UserException(target + " already holds a policy.properties; not overwritten");
      }
      String packId = id != null ? id : String.valueOf(target.toAbsolutePath().normalize().getFileName())
          .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
      boolean created = !Files.exists(target);
      List<String> fresh = SKELETON.stream().filter(f -> !Files.exists(target.resolve(f))).collect(Collectors.toList());
      Files.createDirectories(target);
      try {
        return write(target, packId);
      } catch (UserException e) {
        // The skeleton does not load (a base that does not exist, say): leave nothing half made.
        for (String f : fresh) {
          Files.deleteIfExists(target.resolve(f));
        }
        if (created) {
          Files.deleteIfExists(target);
        }
        throw new UserException(e.getMessage() + "; nothing written");
      }
    }

    /** The files {@code init} writes. */
    private static final List<String> SKELETON = List.of("policy.properties", "indicators.tsv", "actions.tsv", "golden.tsv");

    private int write(Path target, String packId) throws IOException {
      Files.writeString(target.resolve("policy.properties"), String.join("\n",
          "# Overlay policy pack: everything not set here is inherited from " + base + ".",
          "# Format: docs/policy-pack.md (\"Packs that extend another\"). Check it with",
          "#   thresholds policy validate " + target + "   and   thresholds policy diff " + base + " " + target,
          "",
          "policy.id = " + packId,
          "policy.version = 0.1.0",
          "policy.name = (your partnership's name)",
          "policy.document = (the title of your thresholds document)",
          "policy.extends = " + base,
          "# policy.effective-from = 2026-04-01",
          "",
          "# Override any key of the base, e.g. a contact's phone numbers or hours:",
          "# contact.hub.phones = 020 0000 0000",
          "# contact.hub.hours = office 09:00-17:00",
          "# Tier names, and services that span tiers:",
          "# tier.2.name = Family Help",
          "# service.family-help.name = Family Help",
          "# service.family-help.tiers = 2, 3",
          "# service.family-help.section = (section of your document)",
          "# Retire a base entry (an indicator may name its replacement; a retired code stays an error, never dropped):",
          "# retire.indicator.T2-DEV-OCCASIONALLY-MISSING = T2-YOUR-NEW-CODE",
          "# retire.action.early-help-referral = -",
          "# retire.contact.prevent = -",
          "# Mark a reading of your own that your document does not state:",
          "# basis.contact.hub.hours = assumed",
          ""), StandardCharsets.UTF_8);
      Files.writeString(target.resolve("indicators.tsv"), String.join("\n",
          "# Rows here replace base rows with the same code, or add new ones (after the row above them).",
          "code\ttier\tkind\tdomain\tarea\tsubjects\tage\tmobility\tflags\tescalates_to\tsection\tlabel", ""),
          StandardCharsets.UTF_8);
      Files.writeString(target.resolve("actions.tsv"), String.join("\n",
          "# Rows here replace base action rules with the same id, or add new ones (after the row above them).",
          "id\ttrigger\tkind\tmodality\tchannel\tcontact\ttiming\tsupersedes\tgates\tsection\tdescription", ""),
          StandardCharsets.UTF_8);
      Files.writeString(target.resolve("golden.tsv"), String.join("\n",
          "# Golden cases: a referral file of this pack, the child, the expected tier range (N or N-M) and the",
          "# action rule ids in order; at = - (when the referral was made) or an instant. Run: thresholds policy test DIR",
          "case\treferral\tat\tchild\trange\tactions", ""), StandardCharsets.UTF_8);
      Policy p = PolicyOption.load(target.toString(), InputStream.nullInputStream());
      PrintWriter o = Objects.requireNonNull(spec).commandLine().getOut();
      o.println("thresholds policy init: wrote an overlay pack " + p.id() + " extending " + p.extendsPolicy().orElse("?")
          + " to " + target + "; it loads as it is.");
      o.flush();
      return 0;
    }
  }
}
