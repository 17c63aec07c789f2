package io.thresholds.examples;

import io.thresholds.core.policy.Policy;
import io.thresholds.jackson.ThresholdsJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code thresholds generate}: synthetic referrals as JSON Lines, for research and benchmarks. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    header = "Write N synthetic referrals as JSON Lines (about no real person).",
    // One element per paragraph: picocli wraps each to the usage help width (HelpLayoutTest).
    description = {
      "Write N synthetic thresholds/referral@1 (or @2) documents, one per line: realistic in shape, with"
          + " pseudonymous references only (no names, no notes). Most are Tier 1-2, a few Tier 4; some"
          + " are about unborn children or several children, with every consent state, out of hours and"
          + " on bank holidays. The README gives the distribution.",
      "",
      "The same --seed always gives the same file, whatever the number of threads.",
      ""
    })
final class GenerateCommand implements Callable<Integer> {
  /** The most referrals one run writes. */
  static final long MAX_COUNT = 100_000_000L;
  private static final int PART = 1_000;

  private Policy policy;

  @picocli.CommandLine.Mixin PolicyOption policyOption = new PolicyOption();

  @Spec @Nullable CommandSpec spec;

  @Parameters(index = "0", paramLabel = "N", description = "how many referrals (0 to 100000000)")
  long count;

  @Option(names = "--seed", paramLabel = "S", description = "the seed (default ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(names = "--out", paramLabel = "FILE", description = "write here (default, or -: standard output)")
  @Nullable Path out;

  @Option(names = "--threads", paramLabel = "N",
      description = "worker threads (default: the number of processors, here ${DEFAULT-VALUE})")
  int threads = Runtime.getRuntime().availableProcessors();

  GenerateCommand(Policy policy) {
    this.policy = policy;
  }

  @Override
  public Integer call() {
    out = Output.dash(out);
    policy = policyOption.resolve(policy);
    CommandLine cl = Objects.requireNonNull(spec).commandLine();
    if (count < 0 || count > MAX_COUNT) {
      throw new CommandLine.ParameterException(cl, "N must be 0 to " + MAX_COUNT);
    }
    if (threads < 1 || threads > 64) {
      throw new CommandLine.ParameterException(cl, "--threads must be 1 to 64");
    }
    if (Output.isSameFile(policyOption.source, out)) {
      throw new CommandLine.ParameterException(cl, "--out is the policy file: give another file");
    }
    ReferralGenerator generator = new ReferralGenerator(policy, seed);
    try (Writer w = Output.open(out, cl.getOut());
        OrderedPipeline<StringBuilder> pipeline = new OrderedPipeline<>("thresholds-generate", threads, lines -> {
          try {
            w.append(lines);
            Output.check(w);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        })) {
      for (long from = 0; from < count; from += PART) {
        long first = from;
        long last = Math.min(count, from + PART);
        pipeline.submit(() -> {
          StringBuilder b = new StringBuilder();
          for (long i = first; i < last; i++) {
            b.append(ThresholdsJson.writeReferral(generator.referral(i))).append('\n');
          }
          return b;
        });
      }
      pipeline.finish();
      w.flush();
      Output.check(w);
    } catch (IOException | UncheckedIOException e) {
      throw new UserException("cannot write " + Output.name(out) + ": "
          + Output.why(out, e instanceof UncheckedIOException ? ((UncheckedIOException) e).getCause() : (IOException) e));
    }
    return 0;
  }
}
