package io.thresholds.examples;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.thresholds.core.policy.Policy;
import io.thresholds.jackson.ThresholdsJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
    // One element per paragraph: picocli wraps each to the usage help width (HelpLayoutTest).
    description = {
      "Evaluate one thresholds/referral@1 (or @2) document per line, each as at its own madeAt, and write"
          + " one line per input line, in the same order: the thresholds/evaluation@1 document (@2 when the"
          + " result uses a fact only @2 carries), or for a"
          + " line that cannot be evaluated a thresholds/batch-error@1 record with the line number, the"
          + " kind of error and a message. A bad line never stops the run. Memory stays bounded however"
          + " large the input.",
      "",
      "Progress goes to standard error; then a summary: children per tier, referrals per pathway"
          + " (MACE, Prevent, the education service, ...) and error records per kind. The summary goes to"
          + " standard output when the results go to --out, else to standard error.",
      "",
      "With --format csv the results are a table instead: a header, then one RFC 4180 row per"
          + " referred child (and one per error record), with the input facts and the result; the"
          + " columns are described in thresholds-examples/COLUMNS.md. --summary-json writes the summary"
          + " as data with breakdowns; --report writes it as a self-contained HTML page with charts.",
      "",
      "Exit code 1 if any line gave an error record (the results are still complete).",
      "",
      "With --out, the results are written to OUT.partial in the same directory and renamed"
          + " to OUT when the run is complete, so a previous OUT is never half overwritten"
          + " (a device or pipe such as /dev/null is written directly)."
          + " Interrupted (Ctrl-C, SIGINT), the run stops reading, finishes the lines it has started,"
          + " writes whole result lines and the summary of what was done, and exits with code 130,"
          + " leaving the results so far in OUT.partial.",
      ""
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

  /** Exit code of a run interrupted by SIGINT (128 + 2, the shell's convention). */
  static final int INTERRUPTED = 130;
  /** The suffix of the results file while it is written. */
  static final String PARTIAL = ".partial";
  /** How long an interrupted run may take to finish its started lines before the JVM exits. */
  static final long FINISH_SECONDS = 30;

  /** The choices of --format. */
  enum Format {
    JSONL,
    CSV
  }

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
  /** Set on SIGINT (by the shutdown hook) or by {@link #requestStop()}: read no further line. */
  private final AtomicBoolean stopRequested = new AtomicBoolean();
  /** Counted down when the run has written what it will write. */
  private final CountDownLatch finished = new CountDownLatch(1);

  @Spec @Nullable CommandSpec spec;

  @Parameters(index = "0", paramLabel = "IN.jsonl|-",
      description = "the referrals, one JSON document per line (UTF-8), or - for standard input")
  @Nullable String in;

  @Option(names = "--out", paramLabel = "OUT.jsonl", description = "write the results here (default, or -: standard output)")
  @Nullable Path out;

  @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
      description = "jsonl (default): one thresholds/evaluation@1 (or @2) document per line; csv: one row per child"
          + " (see COLUMNS.md)")
  Format format = Format.JSONL;

  @Option(names = "--summary-json", paramLabel = "FILE",
      description = "also write the summary as a thresholds/batch-summary@1 JSON document, with breakdowns")
  @Nullable Path summaryJson;

  @Option(names = "--report", paramLabel = "FILE.html",
      description = "also write the summary as a self-contained HTML page with charts (opens without a network)")
  @Nullable Path report;

  @Option(names = "--errors-only",
      description = "write only the error records, not the evaluations: for the summary of a large file")
  boolean errorsOnly;

  @Option(names = "--progress", paramLabel = "MODE", converter = ProgressConverter.class,
      description = "auto (default): a bar on a terminal, else plain lines; bar; lines: a line on standard"
          + " error every --progress-every seconds; none")
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

  /** Stops the run as SIGINT does: no further line is read, started lines are finished. */
  void requestStop() {
    stopRequested.set(true);
  }

  @Override
  public Integer call() throws IOException {
    Thread hook = new Thread(() -> {
      // SIGINT: let the run finish its started lines and write its summary, then let the JVM exit
      // (with 130, the status the JVM gives a SIGINT).
      requestStop();
      try {
        finished.await(FINISH_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "thresholds-batch-interrupt");
    boolean hooked = false;
    try {
      Runtime.getRuntime().addShutdownHook(hook);
      hooked = true;
    } catch (IllegalStateException | SecurityException e) {
      // already shutting down: run without
    }
    try {
      return runCommand();
    } finally {
      finished.countDown();
      if (hooked) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // shutting down: the hook is running and returns now
        }
      }
    }
  }

  private Integer runCommand() throws IOException {
    policy = policyOption.resolve(policy);
    CommandSpec spec = Objects.requireNonNull(this.spec);
    CommandLine cl = spec.commandLine();
    out = Output.dash(out);
    if (Output.dash(summaryJson) == null && summaryJson != null || Output.dash(report) == null && report != null) {
      throw new CommandLine.ParameterException(cl, (summaryJson != null && Output.dash(summaryJson) == null
          ? "--summary-json" : "--report") + " needs a file: standard output carries the results or the summary");
    }
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
      checkNotTheInput(cl, path, out, "--out");
      checkNotTheInput(cl, path, summaryJson, "--summary-json");
      checkNotTheInput(cl, path, report, "--report");
      input = open(path, file);
    }
    String name = file.equals("-") ? "standard input" : file;
    // Each output its own file: the report written over the results (--out R --report R) lost them.
    checkDistinct(cl, out, "--out", summaryJson, "--summary-json");
    checkDistinct(cl, out, "--out", report, "--report");
    checkDistinct(cl, summaryJson, "--summary-json", report, "--report");
    // nor a file of the policy the run reads (--policy P.json --out P.json replaced the policy)
    checkNotThePolicy(cl, policyOption.source, out, "--out");
    checkNotThePolicy(cl, policyOption.source, summaryJson, "--summary-json");
    checkNotThePolicy(cl, policyOption.source, report, "--report");
    // Written at the end of the run: found unwritable now, not after a long run.
    Output.checkWritable(summaryJson);
    Output.checkWritable(report);
    if (out != null && Files.isDirectory(out)) {
      throw new UserException("cannot write " + out + ": it is a directory; give a file");
    }
    // The file the results end up in: through a symbolic link, its target (the link is kept).
    Path target = out == null ? null : realTarget(out);
    // A device or a pipe (/dev/null, a FIFO) is written directly: a .partial file beside it renamed
    // over it would replace the device with a plain file.
    boolean direct = target != null && Files.exists(target) && !Files.isRegularFile(target);
    Path partial = target == null || direct ? null : target.resolveSibling(target.getFileName() + PARTIAL);
    boolean keepPartial = false;
    try {
      Writer output = direct || partial == null
          ? Output.open(target, cl.getOut(), Output.name(out))
          : Output.openNew(partial, Output.name(out));
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
        if (stopRequested.get()) {
          output.close();
          keepPartial = true;
          PrintWriter summary = out != null ? cl.getOut() : err;
          total.print(policy, name, summary);
          summary.println();
          summary.println("Interrupted after " + BatchSummary.n(total.lines(), "line") + ": "
              + (partial != null ? "the results so far, whole lines, are in " + partial + "; " + out
                  + (Files.exists(out) ? " is left as it was." : " is not written.")
                  : "the results so far are whole lines."));
          summary.flush();
          err.println("thresholds: interrupted; " + BatchSummary.n(total.lines(), "line") + " evaluated");
          err.flush();
          return INTERRUPTED;
        }
        output.close();
        if (partial != null) {
          publish(partial, Objects.requireNonNull(target));
        }
        if (total.lines() == 0) {
          throw new UserException(name + " is empty: expected one thresholds/referral@1 document per line");
        }
        writeSummaryJson(total);
        writeReport(total, name);
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
        if (total.errors() == total.lines() && total.lines() > 1) {
          // Nothing read: most likely one pretty-printed referral, or not referrals at all.
          err.println("thresholds: every one of the " + BatchSummary.n(total.lines(), "line") + " of " + name
              + " gave an error record: batch reads one thresholds/referral@1 document per line (JSON Lines);"
              + " for one referral in a JSON file, use thresholds evaluate");
          return ThresholdsCommand.INVALID_INPUT;
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
      throw new UserException("cannot write " + Output.name(out) + ": " + Output.why(out, e));
    } finally {
      if (input != stdin) {
        input.close();
      }
      if (partial != null && !keepPartial) {
        try {
          Files.deleteIfExists(partial); // gone once published; a failed run leaves no half file
        } catch (IOException e) {
          // it could not be created either (its "directory" is a file, say): the error is reported
        }
      }
    }
  }

  /** @return {@code out} with symbolic links resolved where it exists, else {@code out} */
  private static Path realTarget(Path out) {
    try {
      // a link to a file not there yet is followed too: the file is created where it points
      return Files.exists(out) ? out.toRealPath() : Output.linkTarget(out);
    } catch (IOException e) {
      return out;
    }
  }

  /** Renames the complete results over {@code out}, atomically where the file system can. */
  private static void publish(Path partial, Path out) throws IOException {
    try {
      Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private BatchSummary run(InputStream input, String name, Writer output, PrintWriter err, Progress shown) {
    boolean csv = format == Format.CSV;
    LineEvaluator evaluator = new LineEvaluator(policy, errorsOnly, csv, summaryJson != null || report != null);
    BatchSummary total = new BatchSummary();
    if (csv) {
      try {
        output.append(CsvRows.header());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
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
      for (LineReader.Line line = stopRequested.get() ? null : reader.next(); line != null;
          line = stopRequested.get() ? null : reader.next()) {
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
      throw new UserException("cannot write " + Output.name(out) + ": " + Output.why(out, e.getCause()));
    }
    return total;
  }

  private void writeSummaryJson(BatchSummary total) {
    if (summaryJson == null) {
      return;
    }
    try (Writer w = Output.open(summaryJson, new PrintWriter(Writer.nullWriter()));
        JsonGenerator g = new JsonFactory().createGenerator(w).useDefaultPrettyPrinter()) {
      total.writeJson(policy, g);
    } catch (IOException e) {
      throw new UserException("cannot write " + summaryJson + ": " + Output.why(summaryJson, e));
    }
  }

  private void writeReport(BatchSummary total, String name) {
    if (report == null) {
      return;
    }
    try (Writer w = Output.open(report, new PrintWriter(Writer.nullWriter()))) {
      w.write(HtmlReport.render(total, policy, name));
    } catch (IOException e) {
      throw new UserException("cannot write " + report + ": " + Output.why(report, e));
    }
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

  private static void checkNotTheInput(CommandLine cl, Path input, @Nullable Path out, String option) {
    try {
      if (out != null && Files.exists(out) && Files.isSameFile(input, out)) {
        throw new CommandLine.ParameterException(cl, option + " is the input file: give another file");
      }
    } catch (IOException e) {
      // cannot tell: opening either file reports the problem
    }
  }

  private static void checkNotThePolicy(CommandLine cl, @Nullable String source, @Nullable Path out, String option) {
    if (source == null || out == null || source.equals("-")) {
      return;
    }
    try {
      Path policy = Path.of(source);
      if (!Files.exists(policy) || !Files.exists(out)) {
        return;
      }
      Path file = out.toRealPath();
      Path real = policy.toRealPath();
      if (Files.isDirectory(real) ? file.startsWith(real) : file.equals(real)) {
        throw new CommandLine.ParameterException(cl, option + (Files.isDirectory(real)
            ? " is a file of the policy pack" : " is the policy file") + ": give another file");
      }
    } catch (InvalidPathException | IOException e) {
      // cannot tell: the policy was read; an embedded pack's id is not a path
    }
  }

  private static void checkDistinct(CommandLine cl, @Nullable Path a, String optionA, @Nullable Path b,
      String optionB) {
    if (a != null && b != null && fileOf(a).equals(fileOf(b))) {
      throw new CommandLine.ParameterException(cl, optionB + " is the same file as " + optionA + ": give another file");
    }
  }

  /** The file a path names, through symbolic links and relative parts, as far as it exists. */
  private static Path fileOf(Path p) {
    Path absolute = Output.linkTarget(p).toAbsolutePath().normalize();
    try {
      if (Files.exists(absolute)) {
        return absolute.toRealPath();
      }
      Path parent = absolute.getParent();
      Path fileName = absolute.getFileName();
      if (parent != null && fileName != null && Files.isDirectory(parent)) {
        return parent.toRealPath().resolve(fileName);
      }
    } catch (IOException e) {
      // cannot tell: compared as given
    }
    return absolute;
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
      if (Files.exists(path) && !Files.isRegularFile(path)) {
        return -1; // a pipe such as <(zcat referrals.jsonl.gz): no size, and empty only once read
      }
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

  /** Parses --format case-insensitively; a wrong value is a usage error. */
  static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      try {
        return Format.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not one of jsonl, csv");
      }
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
