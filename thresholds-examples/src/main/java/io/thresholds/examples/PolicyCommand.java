package io.thresholds.examples;

import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.Contact;
import io.thresholds.core.policy.IndicatorKind;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.Policy;
import io.thresholds.core.policy.Provenance;
import io.thresholds.core.policy.TierDefinition;
import io.thresholds.core.time.WorkingCalendar;
import io.thresholds.jackson.ThresholdsJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code thresholds policy}: export the embedded policy as a {@code thresholds/policy@1} document,
 * or check a partnership's policy pack in that format.
 */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    header = "Export the embedded policy as JSON, or check a policy pack.",
    description = "The policy is data: tiers, indicators, consent rules, contacts, action rules and"
        + " the bank-holiday calendar of a partnership, as a thresholds/policy@1 JSON document"
        + " (thresholds-jackson/FORMAT.md). Export the City of London policy to start your own.",
    synopsisSubcommandLabel = "(export | validate | diff | impact | test | init)")
final class PolicyCommand implements Runnable {
  @Spec @Nullable CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(Objects.requireNonNull(spec).commandLine(),
        "Missing required subcommand: export, validate, diff, impact, test or init");
  }

  /**
   * @param policy the embedded policy
   * @param stdin what {@code validate -} reads
   * @return the command line of {@code policy} with its subcommands
   */
  static CommandLine commandLine(Policy policy, InputStream stdin) {
    CommandLine cl = new CommandLine(new PolicyCommand());
    cl.addSubcommand(new CommandLine(new Export(policy)));
    cl.addSubcommand(new CommandLine(new Validate(stdin)));
    cl.addSubcommand(new CommandLine(new PolicyTools.Diff()));
    cl.addSubcommand(new CommandLine(new PolicyTools.Impact()));
    cl.addSubcommand(new CommandLine(new PolicyTools.Test()));
    cl.addSubcommand(new CommandLine(new PolicyTools.Init()));
    return cl;
  }

  /** {@code thresholds policy export}. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      header = "Write the embedded City of London policy as a thresholds/policy@1 JSON document.",
      description = "Write the embedded City of London policy as a thresholds/policy@1 JSON document,"
          + " indented, one property a line, to review it or to edit it into your partnership's policy.")
  static final class Export implements Callable<Integer> {
    private Policy policy;

    @picocli.CommandLine.Mixin PolicyOption policyOption = new PolicyOption();

    @Spec @Nullable CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "write to FILE (created or replaced) instead of standard output (-: standard output)")
    @Nullable Path out;

    Export(Policy policy) {
      this.policy = policy;
    }

    @Override
    public Integer call() {
      CommandSpec spec = Objects.requireNonNull(this.spec);
      out = Output.dash(out);
      policy = policyOption.resolve(policy);
      String json = ThresholdsJson.writePolicy(policy);
      try (Writer w = Output.open(out, spec.commandLine().getOut())) {
        w.write(json);
        Output.check(w);
      } catch (IOException e) {
        throw new UserException("cannot write " + Output.name(out) + ": " + Output.why(out, e));
      }
      if (out != null) {
        spec.commandLine().getOut().println("thresholds policy export: wrote policy " + policy.id() + " "
            + policy.version() + " to " + out + ".");
      }
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  /** {@code thresholds policy validate FILE}. */
  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      header = "Check a policy: a pack directory, a thresholds/policy@1 JSON document or an embedded pack.",
      description = "Read a policy pack directory (resolving the packs it extends), a thresholds/policy@1"
          + " document or an embedded pack with every check of the SDK (each value, then the rules of the"
          + " whole policy) and summarise it; or name the file (or JSON path), line and rule of the first"
          + " problem and exit with 1.")
  static final class Validate implements Callable<Integer> {
    private final InputStream stdin;

    @Spec @Nullable CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR|FILE|ID|-",
        description = "a policy pack directory, a policy JSON file, an embedded pack id, or - for JSON on standard input")
    @Nullable String file;

    Validate(InputStream stdin) {
      this.stdin = stdin;
    }

    @Override
    public Integer call() {
      CommandSpec spec = Objects.requireNonNull(this.spec);
      String name = Objects.requireNonNull(file).equals("-") ? "standard input" : file;
      Policy policy = PolicyOption.load(file, stdin);
      boolean pack = !file.equals("-") && (java.nio.file.Files.isDirectory(java.nio.file.Path.of(file))
          || (!java.nio.file.Files.exists(java.nio.file.Path.of(file)) && Policies.embeddedIds().contains(file)));
      PrintWriter o = spec.commandLine().getOut();
      o.println(name + (pack ? ": a valid policy pack" : ": a valid thresholds/policy@1 policy")
          + (policy.equals(Policies.cityOfLondon()) ? ", the same as the embedded City of London policy" : "") + ".");
      o.println("  id:            " + policy.id());
      o.println("  version:       " + policy.version());
      o.println("  name:          " + policy.name());
      o.println("  document:      " + policy.documentTitle());
      o.println("  zone:          " + policy.zone());
      o.println("  tiers:         " + policy.tiers().stream()
          .sorted((a, b) -> Integer.compare(a.tier().number(), b.tier().number()))
          .map(PolicyCommand::tier).collect(Collectors.joining("; ")));
      o.println("  indicators:    " + policy.indicators().size() + " in " + policy.domains().size() + " domains ("
          + java.util.Arrays.stream(Tier.values()).map(t -> "Tier " + t.number() + ": " + policy.indicators().stream()
              .filter(i -> i.tier() == t).count()).collect(Collectors.joining(", "))
          + "; " + policy.indicators().stream().filter(i -> i.kind() == IndicatorKind.STRENGTH).count() + " strengths)");
      o.println("  consent rules: " + policy.consentRules().size());
      o.println("  action rules:  " + policy.actionRules().size());
      o.println("  contacts:      " + policy.contacts().size() + " (" + policy.contacts().stream()
          .map(Contact::id).collect(Collectors.joining(", ")) + "); referral route: " + policy.inHoursRoute()
          + " in office hours, " + policy.outOfHoursRoute() + " out of hours");
      policy.extendsPolicy().ifPresent(b -> o.println("  extends:       " + b + " (" + policy.provenance().values().stream()
          .filter(v -> v == Provenance.INHERITED).count() + " items inherited)"));
      if (policy.effectiveFrom().isPresent() || policy.effectiveUntil().isPresent()) {
        o.println("  in force:      from " + policy.effectiveFrom().map(Object::toString).orElse("the start")
            + (policy.effectiveUntil().map(u -> " until (not including) " + u).orElse("")));
      }
      long assumed = policy.provenance().values().stream().filter(v -> v == Provenance.ASSUMED).count();
      if (assumed > 0) {
        o.println("  assumed:       " + assumed + " items are readings of the pack, not stated by its document ("
            + policy.provenance().entrySet().stream().filter(e -> e.getValue() == Provenance.ASSUMED)
                .map(java.util.Map.Entry::getKey).collect(Collectors.joining(", ")) + ")");
      }
      if (!policy.services().isEmpty()) {
        o.println("  services:      " + policy.services().stream().map(sv -> sv.name() + " (tiers " + sv.tiers().stream()
            .map(t -> String.valueOf(t.number())).sorted().collect(Collectors.joining(", ")) + ")")
            .collect(Collectors.joining("; ")));
      }
      if (!policy.retiredIndicators().isEmpty()) {
        o.println("  retired:       " + policy.retiredIndicators().size() + " indicator codes (" + policy.retiredIndicators()
            .stream().map(r -> r.code() + r.replacedBy().map(x -> " -> " + x).orElse("")).collect(Collectors.joining(", ")) + ")");
      }
      WorkingCalendar c = policy.calendar();
      o.println("  calendar:      " + c.coveredFrom() + " to " + c.coveredUntil() + " (" + c.zone() + "), "
          + c.holidays().size() + " bank holidays; advice needing a day outside it fails");
      o.flush();
      return 0;
    }
  }

  private static String tier(TierDefinition t) {
    return t.tier().number() + " " + t.name();
  }
}
