package io.thresholds.examples;

import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.Policy;
import io.thresholds.forms.Forms;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code thresholds}: evaluates referrals against the City of London Thresholds of Need, one or a
 * file of them, generates synthetic ones, lists its indicator catalogue, works with the referral
 * forms and exports or checks a policy.
 *
 * <pre>{@code
 * thresholds evaluate samples/01-tier2-school-consent-given.json
 * thresholds evaluate --json --at 2025-11-24T09:00 referral.json
 * thresholds generate 1000 --seed 7 --out referrals.jsonl
 * thresholds batch referrals.jsonl --out results.jsonl
 * thresholds indicators --tier 4
 * thresholds form marf --prefill samples/01-tier2-school-consent-given.json
 * thresholds policy validate our-policy.json
 * }</pre>
 */
@Command(
    name = "thresholds",
    mixinStandardHelpOptions = true,
    versionProvider = ThresholdsCommand.Version.class,
    description = {
      "Advice from the City of London Thresholds of Need for a safeguarding referral."
          + " The advice supports a professional's judgement; it does not replace it.",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:invalid input (the message names the file, field and line)",
      "2:usage error",
      "3:internal error (a bug: please report it)",
      "130:interrupted (batch: the results so far are in OUT.jsonl.partial)"
    },
    synopsisSubcommandLabel = "COMMAND")
public final class ThresholdsCommand implements Runnable {
  /** Exit code for invalid input. */
  public static final int INVALID_INPUT = 1;
  /** Exit code for a usage error (picocli's own convention). */
  public static final int USAGE = CommandLine.ExitCode.USAGE;
  /** Exit code for an internal error. */
  public static final int INTERNAL_ERROR = 3;

  /** Held so that the level set in {@link #main} is not lost when the logger is collected. */
  private static final java.util.logging.Logger QUIET_VALIDATOR_LOG =
      java.util.logging.Logger.getLogger("org.hibernate.validator");

  @Spec CommandSpec spec;

  /**
   * Runs the tool and exits the JVM with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    // Hibernate Validator (form validation) logs its version at INFO through java.util.logging:
    // keep the tool's standard error for the tool's own messages.
    QUIET_VALIDATOR_LOG.setLevel(java.util.logging.Level.WARNING);
    System.exit(commandLine(System.in).execute(args));
  }

  /**
   * The configured command line, for embedding and tests ({@link CommandLine#setOut} and {@link
   * CommandLine#setErr} capture its output).
   *
   * @param stdin what {@code evaluate -} and {@code batch -} read
   * @return the command line
   */
  public static CommandLine commandLine(InputStream stdin) {
    Policy policy = Policies.cityOfLondon();
    CommandLine cl = new CommandLine(new ThresholdsCommand());
    cl.addSubcommand(new CommandLine(new EvaluateCommand(policy, stdin)));
    cl.addSubcommand(new CommandLine(new BatchCommand(policy, stdin)));
    cl.addSubcommand(new CommandLine(new GenerateCommand(policy)));
    cl.addSubcommand(new CommandLine(new IndicatorsCommand(policy)));
    cl.addSubcommand(new CommandLine(new FormCommand(policy, Forms.cityOfLondon(), stdin, Clock.systemUTC())));
    cl.addSubcommand(PolicyCommand.commandLine(policy, stdin));
    cl.setExecutionExceptionHandler(ThresholdsCommand::handle);
    cl.setParameterExceptionHandler(ThresholdsCommand::usageError);
    // Fill the terminal's width where it can be found (else 80 columns); set after the subcommands
    // are added so that it applies to them too.
    cl.setUsageHelpAutoWidth(true);
    return cl;
  }

  @Override
  public void run() {
    // No subcommand: a usage error.
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand: evaluate, batch, generate, indicators, form or policy");
  }

  /**
   * A usage error: one line on standard error naming the command and what was wrong, and where the
   * help is, instead of picocli's default of the whole usage help after the message. Only a missing
   * subcommand (the command typed alone) also shows the usage help: the list of subcommands.
   */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    String command = cl.getCommandSpec().qualifiedName();
    String message = String.valueOf(e.getMessage()).replaceFirst("^Error: ", "").replaceAll("\\s*\\R\\s*", " ").strip();
    StringBuilder line = new StringBuilder(command).append(": ").append(message);
    if (e instanceof CommandLine.UnmatchedArgumentException) {
      List<String> suggestions = ((CommandLine.UnmatchedArgumentException) e).getSuggestions();
      if (!suggestions.isEmpty()) {
        line.append("; did you mean ").append(String.join(" or ", suggestions)).append('?');
      }
    }
    line.append(" (see: ").append(command).append(" --help)");
    err.println(line);
    if (message.startsWith("Missing required subcommand")) {
      err.println();
      cl.usage(err);
    }
    err.flush();
    return cl.getCommandSpec().exitCodeOnInvalidInput();
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (e instanceof UserException) {
      err.println("thresholds: " + e.getMessage());
      return INVALID_INPUT;
    }
    // A bug. The stack trace is shown on request only: it may carry values from the input.
    err.println("thresholds: internal error (" + e.getClass().getName() + "); please report it."
        + " Set THRESHOLDS_DEBUG=1 to see the stack trace.");
    if (System.getenv("THRESHOLDS_DEBUG") != null) {
      e.printStackTrace(err);
    }
    return INTERNAL_ERROR;
  }

  /** The project version, from the filtered version.properties, and the embedded policy's. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      Properties p = new Properties();
      try (InputStream in = ThresholdsCommand.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Policy policy = Policies.cityOfLondon();
      return new String[] {
        "thresholds " + p.getProperty("version", "unknown"),
        "policy " + policy.id() + " " + policy.version() + ": " + policy.name()
      };
    }
  }
}
