package io.thresholds.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the whole benchmark suite with {@code -prof gc} and writes the results, with the machine,
 * the JDK, the date, the load average and the ratios against the goals, as a markdown file.
 *
 * <pre>
 * java -cp thresholds-benchmarks/target/benchmarks.jar io.thresholds.benchmarks.Suite [RESULTS.md] [--quick]
 * </pre>
 *
 * <p>{@code --quick} (one short iteration each) only checks that everything runs; its figures mean
 * nothing. The full run takes about six minutes on two cores.
 */
public final class Suite {
  private static final String PACKAGE = "io.thresholds.benchmarks.";
  private static final String EVALUATE = PACKAGE + "EvaluateBenchmark.typicalReferral";
  private static final String EVALUATE_LARGE = PACKAGE + "EvaluateBenchmark.largeReferral";
  private static final String DMN = PACKAGE + "DmnBenchmark.evaluate";
  private static final String BARE = PACKAGE + "BareLookupBenchmark.lookup";
  private static final String JSON = PACKAGE + "JsonBenchmark.readEvaluateWrite";
  private static final String COLD = PACKAGE + "PolicyLoadBenchmark.coldLoad";
  private static final String WARM = PACKAGE + "PolicyLoadBenchmark.warmLoad";
  private static final String ALLOC = "gc.alloc.rate.norm";

  private Suite() {}

  /**
   * @param args the results file (default {@code thresholds-benchmarks/RESULTS.md}), and
   *     {@code --quick} for a smoke run
   * @throws RunnerException if JMH fails
   * @throws IOException if the file cannot be written
   */
  public static void main(String[] args) throws RunnerException, IOException {
    boolean quick = List.of(args).contains("--quick");
    Path out = Path.of(List.of(args).stream().filter(a -> !a.startsWith("--")).findFirst()
        .orElse("thresholds-benchmarks/RESULTS.md"));
    String loadBefore = loadAverage();
    Instant start = Instant.now();
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include("^" + escape(EVALUATE) + "$")
        .include("^" + escape(EVALUATE_LARGE) + "$")
        .include("^" + escape(DMN) + "$")
        .include("^" + escape(BARE) + "$")
        .include("^" + escape(JSON) + "$")
        .include("^" + escape(PACKAGE) + "PolicyLoadBenchmark\\..*")
        .addProfiler(GCProfiler.class)
        .shouldFailOnError(true);
    if (quick) {
      options.warmupIterations(1).warmupTime(TimeValue.milliseconds(200))
          .measurementIterations(1).measurementTime(TimeValue.milliseconds(200)).forks(1);
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    Duration took = Duration.between(start, Instant.now()).truncatedTo(ChronoUnit.SECONDS);
    String markdown = markdown(new ArrayList<>(results), start, took, loadBefore, loadAverage(), quick);
    Files.writeString(out, markdown, StandardCharsets.UTF_8);
    System.out.println(markdown);
    System.out.println("Written to " + out.toAbsolutePath());
  }

  private static String markdown(List<RunResult> results, Instant start, Duration took, String loadBefore,
      String loadAfter, boolean quick) {
    results.sort(Comparator.comparing((RunResult r) -> r.getParams().getBenchmark())
        .thenComparing(r -> param(r.getParams(), "size")).thenComparing(r -> param(r.getParams(), "engine")));
    StringBuilder b = new StringBuilder();
    b.append("# Benchmark results\n\n");
    b.append("Written by `thresholds-benchmarks/run.sh` (JMH 1.37, `-prof gc`, one fork each; warm-up 5 x 2 s"
        + " for the DMN engines). Do not edit by hand: run it again.");
    if (quick) {
      b.append(" **This was a `--quick` smoke run: the figures mean nothing.**");
    }
    b.append("\n\n| | |\n| --- | --- |\n");
    b.append("| machine | ").append(machine()).append(" |\n");
    b.append("| JDK | ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.runtime.version")).append(" |\n");
    b.append("| date | ").append(start.truncatedTo(ChronoUnit.SECONDS)).append(" |\n");
    b.append("| load average (1, 5, 15 min) | before ").append(loadBefore).append("; after ").append(loadAfter)
        .append(" (other work on the machine shares its 2 cores) |\n");
    b.append("| duration | ").append(took.toMinutes()).append(" min ").append(took.toSecondsPart()).append(" s |\n\n");

    RunResult sdk = find(results, EVALUATE, "", "");
    Optional<RunResult> bestDmn = results.stream()
        .filter(r -> r.getParams().getBenchmark().equals(DMN) && param(r.getParams(), "size").equals("typical"))
        .max(Comparator.comparingDouble(r -> r.getPrimaryResult().getScore()));
    RunResult bare = find(results, BARE, "typical", "");
    RunResult cold = find(results, COLD, "", "");
    double sdkOps = sdk.getPrimaryResult().getScore();
    double dmnOps = bestDmn.orElseThrow().getPrimaryResult().getScore();
    double bareOps = bare.getPrimaryResult().getScore();
    double sdkBytes = alloc(sdk);
    double coldMs = cold.getPrimaryResult().getScore();

    b.append("## Goals (typical referral: 1 child, 3 concerns)\n\n");
    b.append("| goal | result | met |\n| --- | --- | --- |\n");
    goal(b, "SDK full evaluation at least 100 x the best DMN configuration",
        String.format(Locale.ROOT, "%,.0f x (SDK %s ops/s; best DMN: %s, %s ops/s)", sdkOps / dmnOps,
            ops(sdkOps), param(bestDmn.get().getParams(), "engine"), ops(dmnOps)), sdkOps / dmnOps >= 100);
    goal(b, "SDK within 20 x of the bare lookup",
        String.format(Locale.ROOT, "bare / SDK = %.1f x (bare %s ops/s)", bareOps / sdkOps, ops(bareOps)),
        bareOps / sdkOps <= 20);
    goal(b, "at most 2 KB allocated per typical evaluation",
        String.format(Locale.ROOT, "%,.0f B/op", sdkBytes), sdkBytes <= 2048);
    goal(b, "policy load under 50 ms in a fresh JVM",
        String.format(Locale.ROOT, "%.1f ms (mean of %d fresh JVMs, %.1f to %.1f)", coldMs,
            cold.getPrimaryResult().getStatistics().getN(), cold.getPrimaryResult().getStatistics().getMin(),
            cold.getPrimaryResult().getStatistics().getMax()), coldMs < 50);
    b.append('\n');

    b.append("## Ratios\n\n| referral | SDK / best DMN | SDK / each DMN configuration | bare / SDK |\n"
        + "| --- | --- | --- | --- |\n");
    for (String size : List.of("typical", "large")) {
      double s = find(results, size.equals("typical") ? EVALUATE : EVALUATE_LARGE, "", "").getPrimaryResult().getScore();
      StringBuilder each = new StringBuilder();
      double best = 0;
      for (String engine : DmnEngine.NAMES) {
        double d = find(results, DMN, size, engine).getPrimaryResult().getScore();
        best = Math.max(best, d);
        each.append(each.length() == 0 ? "" : ", ").append(engine).append(' ')
            .append(String.format(Locale.ROOT, "%,.0f x", s / d));
      }
      double bareSize = find(results, BARE, size, "").getPrimaryResult().getScore();
      b.append("| ").append(size).append(" | ").append(String.format(Locale.ROOT, "%,.0f x", s / best))
          .append(" | ").append(each).append(" | ").append(String.format(Locale.ROOT, "%.1f x", bareSize / s))
          .append(" |\n");
    }
    b.append('\n');

    b.append("## All results\n\n| benchmark | referral | engine | score | ± (99.9%) | unit | allocated (B/op) |\n"
        + "| --- | --- | --- | ---: | ---: | --- | ---: |\n");
    for (RunResult r : results) {
      Result<?> p = r.getPrimaryResult();
      String name = r.getParams().getBenchmark().substring(PACKAGE.length());
      b.append("| ").append(name).append(" | ").append(param(r.getParams(), "size")).append(" | ")
          .append(param(r.getParams(), "engine")).append(" | ")
          .append(String.format(Locale.ROOT, "%,.3f", p.getScore())).append(" | ")
          .append(Double.isNaN(p.getScoreError()) ? "" : String.format(Locale.ROOT, "%,.3f", p.getScoreError()))
          .append(" | ").append(p.getScoreUnit()).append(" | ")
          .append(String.format(Locale.ROOT, "%,.0f", alloc(r))).append(" |\n");
    }
    b.append("\nThe SDK's evaluation gives the tier range, reasons with citations, ordered actions with contacts"
        + " and deadlines, and consent guidance; the DMN engines give only the tier and the three pathway"
        + " values of the exported model (one evaluation of its four decisions per concern), and the bare"
        + " lookup only the tier. The JSON row reads the referral document, evaluates it and writes the"
        + " evaluation document. `coldLoad` is the first `Policies.load` of the City of London pack in a"
        + " fresh JVM (class loading included); `warmLoad` the same in a warm one.\n");
    return b.toString();
  }

  private static void goal(StringBuilder b, String goal, String result, boolean met) {
    b.append("| ").append(goal).append(" | ").append(result).append(" | ").append(met ? "yes" : "**no**").append(" |\n");
  }

  private static RunResult find(List<RunResult> results, String benchmark, String size, String engine) {
    return results.stream()
        .filter(r -> r.getParams().getBenchmark().equals(benchmark))
        .filter(r -> size.isEmpty() || param(r.getParams(), "size").equals(size))
        .filter(r -> engine.isEmpty() || param(r.getParams(), "engine").equals(engine))
        .findFirst().orElseThrow(() -> new IllegalStateException("no result for " + benchmark + " " + size + " " + engine));
  }

  private static String param(BenchmarkParams params, String name) {
    String v = params.getParam(name);
    return v == null ? "" : v;
  }

  private static double alloc(RunResult r) {
    Result<?> a = r.getSecondaryResults().get(ALLOC);
    return a == null ? Double.NaN : a.getScore();
  }

  private static String ops(double ops) {
    return String.format(Locale.ROOT, "%,.0f", ops);
  }

  private static String escape(String name) {
    return name.replace(".", "\\.");
  }

  private static String machine() {
    String cpu = System.getProperty("os.arch");
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          cpu = line.substring(line.indexOf(':') + 1).trim();
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: keep the architecture
    }
    long bytes = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getTotalMemorySize();
    return String.format(Locale.ROOT, "%s, %d cores, %.0f GiB, %s %s %s", cpu,
        Runtime.getRuntime().availableProcessors(), bytes / (1024.0 * 1024 * 1024),
        System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"));
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + ", " + f[1] + ", " + f[2];
    } catch (IOException | RuntimeException e) {
      return String.format(Locale.ROOT, "%.2f (1 min)", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }
}
