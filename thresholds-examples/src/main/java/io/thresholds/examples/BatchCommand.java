package io.thresholds.examples;

import io.thresholds.core.policy.Policy;
import io.thresholds.jackson.ThresholdsJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code thresholds batch}: evaluates a JSON Lines file of referrals, one result line per input
 * line, streaming, then prints a summary.
 */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    header = "Evaluate a JSON Lines file of referrals: one result per line, then a summary.",
    description = {
      "Evaluate one thresholds/referral@1 document per line, each as at its own madeAt, and write",
      "one line per input line, in the same order: the thresholds/evaluation@1 document, or for a",
      "line that cannot be evaluated a thresholds/batch-error@1 record with the line number, the",
      "kind of error and a message. A bad line never stops the run. Memory stays bounded however",
      "large the input.",
      "",
      "Progress goes to standard error; then a summary: children per tier, referrals per pathway",
      "(MACE, Prevent, the education service, ...) and error records per kind. The summary goes to",
      "standard output when the results go to --out, else to standard error.",
      "",
      "Exit code 1 if any line gave an error record (the results are still complete)."
    })
final class BatchCommand implements Callable<Integer> {
  /** Lines per part of the input handed to a worker. */
  static final int PART_LINES = 1_000;
  /** Bytes per part of the input, at most (plus one line). */
  static final int PART_BYTES = 4 * 1024 * 1024;
  /** Default for --max-line-length: 1 MiB, hundreds of times a typical referral line. */
  static final int DEFAULT_MAX_LINE = 1024 * 1024;
  /** Errors shown on standard error; all of them are in the output and the summary. */
  static final int ERRORS_SHOWN = 20;

  /** The choices of --progress. */
  enum ProgressMode {
    AUTO,
    BAR,
    LINES,
    NONE
  }

  private Policy policy;

  @picocli.CommandLine.Mixin PolicyOption policyOption = new PolicyOption();
  private final InputStream stdin;

  @Spec @Nullable CommandSpec spec;

  @Parameters(index = "0", paramLabel = "IN.jsonl|-",
      description = "the referrals, one JSON document per line (UTF-8), or - for standard input")
  @Nullable String in;

  @Option(names = "--out", paramLabel = "OUT.jsonl", description = "write the results here (default: standard output)")
  @Nullable Path out;

  @Option(names = "--errors-only",
      description = "write only the error records, not the evaluations: for the summary of a large file")
  boolean errorsOnly;

  @Option(names = "--progress", paramLabel = "MODE", converter = ProgressConverter.class,
      description = {
        "auto (default): a bar on a terminal, else plain lines; bar; lines: a line on standard",
        "error every --progress-every seconds; none"
      })
  ProgressMode progress = ProgressMode.AUTO;

  @Option(names = "--progress-every", paramLabel = "SECONDS",
      description = "seconds between progress lines (default ${DEFAULT-VALUE}; 0: after every part)")
  double progressEvery = 10;

  @Option(names = "--threads", paramLabel = "N",
      description = "worker threads (default: the number of processors, here ${DEFAULT-VALUE})")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--max-line-length", paramLabel = "BYTES",
      description = "a longer line is an error record, skipped unread (default ${DEFAULT-VALUE}, at most 4194304)")
  int maxLineLength = DEFAULT_MAX_LINE;

  BatchCommand(Policy policy, InputStream stdin) {
    this.policy = policy;
    this.stdin = stdin;
  }

  @Override
  public Integer call() throws IOException {
    policy = policyOption.resolve(policy);
    CommandSpec spec = Objects.requireNonNull(this.spec);
    CommandLine cl = spec.commandLine();
    String file = Objects.requireNonNull(in);
    if (threads < 1 || threads > 64) {
      throw new CommandLine.ParameterException(cl, "--threads must be 1 to 64");
    }
    if (maxLineLength < 1 || maxLineLength > ThresholdsJson.MAX_DOCUMENT_LENGTH) {
      throw new CommandLine.ParameterException(cl, "--max-line-length must be 1 to " + ThresholdsJson.MAX_DOCUMENT_LENGTH);
    }
    if (!(progressEvery >= 0)) {
      throw new CommandLine.ParameterException(cl, "--progress-every must be 0 or more seconds");
    }
    long start = System.nanoTime();
    PrintWriter err = cl.getErr();
    long size = -1;
    InputStream input;
    if (file.equals("-")) {
      input = stdin;
    } else {
      Path path = inputPath(file);
      size = size(path, file);
      checkNotTheInput(cl, path);
      input = open(path, file);
    }
    String name = file.equals("-") ? "standard input" : file;
    try {
      Writer output = Output.open(out, cl.getOut());
      try {
        BatchSummary total;
        Progress shown = progress(err, size);
        try {
          total = run(input, name, output, err, shown);
        } finally {
          shown.close();
        }
        output.flush();
        Output.check(output);
        if (total.lines() == 0) {
          throw new UserException(name + " is empty: expected one thresholds/referral@1 document per line");
        }
        long elapsed = System.nanoTime() - start;
        PrintWriter summary = out != null ? cl.getOut() : err;
        total.print(policy, name, summary);
        summary.println();
        summary.println(String.format(Locale.ROOT, "Took %.1f s (%s lines a second) with %d worker thread%s.",
            elapsed / 1e9, BatchSummary.n(Math.round(total.lines() / Math.max(elapsed / 1e9, 1e-9))),
            threads, threads == 1 ? "" : "s"));
        summary.flush();
        if (total.errors(ErrorKind.INTERNAL_ERROR) > 0) {
          err.println("thresholds: " + BatchSummary.n(total.errors(ErrorKind.INTERNAL_ERROR), "line")
              + " met an internal error (a bug): please report it");
          return ThresholdsCommand.INTERNAL_ERROR;
        }
        if (total.errors() > 0) {
          err.println("thresholds: " + BatchSummary.n(total.errors()) + " of " + BatchSummary.n(total.lines(), "line")
              + " gave error records (kind and line number in each); the other results are complete");
          return ThresholdsCommand.INVALID_INPUT;
        }
        return 0;
      } finally {
        output.close();
      }
    } catch (IOException e) {
      throw new UserException("cannot write " + Output.name(out) + ": " + e.getClass().getSimpleName());
    } finally {
      if (input != stdin) {
        input.close();
      }
    }
  }

  private BatchSummary run(InputStream input, String name, Writer output, PrintWriter err, Progress shown) {
    LineEvaluator evaluator = new LineEvaluator(policy, errorsOnly);
    BatchSummary total = new BatchSummary();
    long[] shownErrors = {0};
    try (OrderedPipeline<LineEvaluator.Part> pipeline = new OrderedPipeline<>("thresholds-batch", threads, part -> {
      try {
        output.append(part.out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Output.check(output);
      total.add(part.summary);
      for (String e : part.errors) {
        if (shownErrors[0] < ERRORS_SHOWN) {
          err.println("thresholds: " + name + " " + e);
        } else if (shownErrors[0] == ERRORS_SHOWN) {
          err.println("thresholds: more error records follow; every one is in the results and the summary");
        }
        shownErrors[0]++;
      }
      shown.update(total.lines(), total.errors(), part.consumed);
    })) {
      LineReader reader = new LineReader(input, maxLineLength);
      List<LineReader.Line> lines = new ArrayList<>(PART_LINES);
      long bytes = 0;
      for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
        lines.add(line);
        bytes += line.tooLong() ? 0 : line.length;
        if (lines.size() == PART_LINES || bytes >= PART_BYTES) {
          List<LineReader.Line> part = lines;
          long consumed = reader.consumed();
          pipeline.submit(() -> evaluator.evaluate(part, consumed));
          lines = new ArrayList<>(PART_LINES);
          bytes = 0;
        }
      }
      if (!lines.isEmpty()) {
        List<LineReader.Line> part = lines;
        long consumed = reader.consumed();
        pipeline.submit(() -> evaluator.evaluate(part, consumed));
      }
      pipeline.finish();
    } catch (IOException e) {
      throw new UserException("cannot read " + name + ": " + e.getClass().getSimpleName());
    } catch (UncheckedIOException e) {
      throw new UserException("cannot write " + Output.name(out) + ": " + e.getCause().getClass().getSimpleName());
    }
    return total;
  }

  private Progress progress(PrintWriter err, long size) {
    switch (progress) {
      case NONE:
        return Progress.none();
      case BAR:
        return Progress.bar(size);
      case LINES:
        return lines(err, size);
      case AUTO:
      default:
        return Progress.onTerminal() ? Progress.bar(size) : lines(err, size);
    }
  }

  private Progress lines(PrintWriter err, long size) {
    return Progress.lines(err, size, Math.round(progressEvery * 1e9), System::nanoTime);
  }

  private void checkNotTheInput(CommandLine cl, Path input) {
    try {
      if (out != null && Files.exists(out) && Files.isSameFile(input, out)) {
        throw new CommandLine.ParameterException(cl, "--out is the input file: give another file for the results");
      }
    } catch (IOException e) {
      // cannot tell: opening either file reports the problem
    }
  }

  private static Path inputPath(String file) {
    try {
      return Path.of(file);
    } catch (InvalidPathException e) {
      throw new UserException("cannot read " + file + ": not a valid path");
    }
  }

  private static long size(Path path, String file) {
    if (Files.isDirectory(path)) {
      throw new UserException("cannot read " + file + ": it is a directory; give a JSON Lines file of referrals");
    }
    long size;
    try {
      size = Files.size(path);
    } catch (NoSuchFileException e) {
      throw new UserException("cannot read " + file + ": no such file");
    } catch (IOException e) {
      throw new UserException("cannot read " + file + ": " + e.getClass().getSimpleName());
    }
    if (size == 0) {
      throw new UserException(file + " is empty: expected one thresholds/referral@1 document per line");
    }
    return size;
  }

  private static InputStream open(Path path, String file) {
    try {
      return Files.newInputStream(path);
    } catch (AccessDeniedException e) {
      throw new UserException("cannot read " + file + ": permission denied");
    } catch (IOException e) {
      throw new UserException("cannot read " + file + ": " + e.getClass().getSimpleName());
    }
  }

  /** Parses --progress case-insensitively; a wrong value is a usage error. */
  static final class ProgressConverter implements CommandLine.ITypeConverter<ProgressMode> {
    @Override
    public ProgressMode convert(String value) {
      try {
        return ProgressMode.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not one of auto, bar, lines, none");
      }
    }
  }
}
