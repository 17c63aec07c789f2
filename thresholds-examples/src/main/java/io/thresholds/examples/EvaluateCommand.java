package io.thresholds.examples;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.thresholds.core.InvalidValueException;
import io.thresholds.core.ThresholdsException;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.Referral;
import io.thresholds.core.policy.Policy;
import io.thresholds.core.text.EvaluationText;
import io.thresholds.jackson.ThresholdsJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code thresholds evaluate}: reads a referral, evaluates it and explains the result. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    header = "Evaluate a referral and explain the advice: tier, actions, reasons, consent.",
    // One element per paragraph: picocli wraps each to the usage help width (HelpLayoutTest).
    description = {
      "Evaluate a referral (a thresholds/referral@1 or @2 JSON document) against the City of London"
          + " Thresholds of Need and explain the suggested tier, the reasons, the actions in order with"
          + " contacts and deadlines, and the consent guidance.",
      "",
      "The advice is for the time given by --at, by default the referral's own madeAt, so the"
          + " same file always gives the same advice.",
      ""
    })
final class EvaluateCommand implements Callable<Integer> {
  private Policy policy;

  @picocli.CommandLine.Mixin PolicyOption policyOption = new PolicyOption();
  private final InputStream stdin;

  @Spec @Nullable CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE|-", description = "the referral JSON file, or - for standard input")
  @Nullable String file;

  @Option(names = "--json", description = "print the evaluation as a thresholds/evaluation@1 JSON document (@2 when the result"
      + " uses a fact only @2 carries, such as an approximate age; thresholds-jackson/FORMAT.md)")
  boolean json;

  @Option(
      names = "--at",
      paramLabel = "TIME",
      converter = AtConverter.class,
      description = "the time the advice is for: an ISO-8601 instant, such as 2025-11-21T19:00:00Z or with"
          + " an offset, or a local date-time in Europe/London, such as 2025-11-21T19:00; default: the"
          + " referral's madeAt. It may not be before madeAt.")
  @Nullable At at;

  EvaluateCommand(Policy policy, InputStream stdin) {
    this.policy = policy;
    this.stdin = stdin;
  }

  @Override
  public Integer call() {
    policy = policyOption.resolve(policy);
    CommandSpec spec = java.util.Objects.requireNonNull(this.spec);
    Input input = Input.read(java.util.Objects.requireNonNull(file), stdin);
    Referral referral = readReferral(input, policy);
    Instant when = at == null ? referral.madeAt() : at.resolve(policy.zone());
    if (when.isBefore(referral.madeAt())) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--at is before the referral was made (madeAt " + referral.madeAt() + ")");
    }
    Evaluation evaluation = evaluate(input, policy, referral, when);
    if (json) {
      try {
        spec.commandLine().getOut().println(
            ThresholdsJson.newMapper().writerWithDefaultPrettyPrinter().writeValueAsString(evaluation));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      spec.commandLine().getOut().print(EvaluationText.render(policy, referral, evaluation));
    }
    spec.commandLine().getOut().flush();
    return 0;
  }

  /**
   * Reads a referral, checking its indicator codes against the policy's catalogue.
   *
   * @param input the document
   * @param policy the policy
   * @return the referral
   * @throws UserException naming the file, path and line if it is not a valid referral
   */
  static Referral readReferral(Input input, Policy policy) {
    try {
      return ThresholdsJson.readReferral(new StringReader(input.text), policy);
    } catch (IOException e) {
      throw input.invalid(e);
    }
  }

  /**
   * Evaluates a referral read from a document.
   *
   * @param input the document, to name it and find lines
   * @param policy the policy
   * @param referral the referral read from it
   * @param when the time the advice is for
   * @return the evaluation
   * @throws UserException naming the file, field and line if the evaluator refuses the referral
   */
  static Evaluation evaluate(Input input, Policy policy, Referral referral, Instant when) {
    try {
      return ThresholdEvaluator.of(policy).evaluate(referral, when);
    } catch (InvalidValueException e) {
      throw new UserException(input.name + ": the referral cannot be evaluated: at " + e.field()
          + line(input, e.field()) + ": " + e.rule());
    } catch (ThresholdsException e) {
      throw new UserException(input.name + ": the referral cannot be evaluated: " + e.getMessage());
    }
  }

  private static String line(Input input, String field) {
    Optional<JsonLocation> l = JsonLines.locate(input.text, field);
    return l.map(loc -> " (line " + loc.getLineNr() + ")").orElse("");
  }

  /** The value of --at: an instant, or a local date-time resolved in the policy's zone. */
  static final class At {
    private final @Nullable Instant instant;
    private final @Nullable LocalDateTime local;

    At(@Nullable Instant instant, @Nullable LocalDateTime local) {
      this.instant = instant;
      this.local = local;
    }

    /** In a daylight-saving overlap the earlier instant is used; in a gap, the time after it. */
    Instant resolve(ZoneId zone) {
      return instant != null ? instant : java.util.Objects.requireNonNull(local).atZone(zone).toInstant();
    }
  }

  /** Parses --at; a failure is a usage error (exit code 2). */
  static final class AtConverter implements CommandLine.ITypeConverter<At> {
    @Override
    public At convert(String value) {
      try {
        return new At(OffsetDateTime.parse(value).toInstant(), null);
      } catch (DateTimeParseException notAnInstant) {
        try {
          return new At(null, LocalDateTime.parse(value));
        } catch (DateTimeException e) {
          throw new CommandLine.TypeConversionException(
              "'" + value + "' is neither an ISO-8601 instant (2025-11-21T19:00:00Z) nor a local"
                  + " date-time (2025-11-21T19:00)");
        }
      }
    }
  }
}
