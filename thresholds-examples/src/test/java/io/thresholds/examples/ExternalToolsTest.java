package io.thresholds.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outputs of {@code batch} in the tools researchers use: the HTML report rendered by headless
 * Chromium, the CSV read by the pandas and R examples of {@code research/}. Each test runs only
 * where its tool is installed and is skipped with the reason otherwise.
 */
class ExternalToolsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path csv;
  static Path report;
  static JsonNode summary;

  @BeforeAll
  static void runBatch() throws Exception {
    Path in = dir.resolve("referrals.jsonl");
    assertThat(Cli.run("generate", "400", "--seed", "5", "--out", in.toString()).exit).isZero();
    csv = dir.resolve("results.csv");
    report = dir.resolve("report.html");
    Path summaryFile = dir.resolve("summary.json");
    assertThat(Cli.run("batch", in.toString(), "--format", "csv", "--out", csv.toString(), "--summary-json",
        summaryFile.toString(), "--report", report.toString(), "--progress", "none").exit).isZero();
    summary = JSON.readTree(summaryFile.toFile());
  }

  /** @return the first of the commands found on the PATH */
  static Optional<Path> onPath(String... commands) {
    for (String dirName : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String c : commands) {
        Path p = Path.of(dirName, c);
        if (Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  static Run run(Path workDir, List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(false).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished: " + command).isTrue();
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
  }

  record Run(int exit, String out, String err) {}

  @Test
  void report_rendersInHeadlessChromium() throws Exception {
    Optional<Path> chromium = onPath("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
    assumeTrue(chromium.isPresent(),
        "skipped: no chromium, chromium-browser or google-chrome on the PATH to render the HTML report headless");
    Path png = dir.resolve("report.png");
    List<String> base = List.of(chromium.get().toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--user-data-dir=" + dir.resolve("profile"));
    List<String> shot = new ArrayList<>(base);
    shot.addAll(List.of("--window-size=1000,3000", "--screenshot=" + png, report.toUri().toString()));
    Run r = run(dir, shot);
    assertThat(r.exit).as(r.err).isZero();
    byte[] image = Files.readAllBytes(png);
    assertThat(image.length).isGreaterThan(10_000);
    assertThat(new String(image, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    List<String> dump = new ArrayList<>(base);
    dump.addAll(List.of("--dump-dom", report.toUri().toString()));
    Run dom = run(dir, dump);
    assertThat(dom.exit).as(dom.err).isZero();
    assertThat(dom.out).contains("id=\"chart-age-band\"").contains("<rect class=\"bar\"");
  }

  @Test
  void pandasExample_reproducesTheBreakdowns() throws Exception {
    Optional<Path> python = onPath("python3");
    assumeTrue(python.isPresent(), "skipped: python3 is not on the PATH to run research/breakdowns.py");
    Run probe = run(dir, List.of(python.get().toString(), "-c", "import pandas"));
    assumeTrue(probe.exit == 0, "skipped: pandas is not installed for python3 (pip install pandas) to run research/breakdowns.py");
    Run r = run(dir, List.of(python.get().toString(), Path.of("research/breakdowns.py").toAbsolutePath().toString(), csv.toString()));
    assertThat(r.exit).as(r.err).isZero();
    assertThat(parse(r.out)).isEqualTo(expected());
  }

  @Test
  void rExample_reproducesTheBreakdowns() throws Exception {
    Optional<Path> rscript = onPath("Rscript");
    assumeTrue(rscript.isPresent(), "skipped: Rscript is not on the PATH to run research/breakdowns.R");
    Run r = run(dir, List.of(rscript.get().toString(), Path.of("research/breakdowns.R").toAbsolutePath().toString(), csv.toString()));
    assertThat(r.exit).as(r.err).isZero();
    assertThat(parse(r.out)).isEqualTo(expected());
  }

  @Test
  void researchScripts_wrongInput_isOneLineNamingTheFile() throws Exception {
    Path jsonl = Files.writeString(dir.resolve("not-a-table.jsonl"), "{\"format\":\"thresholds/referral@1\"}\n");
    List<List<String>> scripts = new ArrayList<>();
    Optional<Path> python = onPath("python3");
    if (python.isPresent() && run(dir, List.of(python.get().toString(), "-c", "import pandas")).exit() == 0) {
      scripts.add(List.of(python.get().toString(), Path.of("research/breakdowns.py").toAbsolutePath().toString()));
    }
    onPath("Rscript").ifPresent(r -> scripts.add(List.of(r.toString(), Path.of("research/breakdowns.R").toAbsolutePath().toString())));
    assumeTrue(!scripts.isEmpty(), "skipped: neither python3 with pandas nor Rscript is on the PATH");
    for (List<String> script : scripts) {
      String name = Path.of(script.get(1)).getFileName().toString();
      for (String[] c : new String[][] {
          {dir.resolve("nope.csv").toString(), "cannot read " + dir.resolve("nope.csv") + ": no such file"},
          {dir.toString(), "it is a directory"},
          {jsonl.toString(), "not-a-table.jsonl has no column age_band, time_class, tier_min, error_kind"}}) {
        List<String> command = new ArrayList<>(script);
        command.add(c[0]);
        Run r = run(dir, command);
        assertThat(r.exit()).as(r.err()).isNotZero();
        assertThat(r.err().strip()).startsWith(name + ": ").contains(c[1]).doesNotContain("\n").doesNotContain("Traceback");
      }
    }
  }

  /** The two breakdowns of the summary JSON, as breakdown/group/tier to children, zeros left out. */
  static Map<String, Long> expected() {
    Map<String, Long> m = new HashMap<>();
    for (String b : List.of("tierByAgeBand", "tierByTimeClass")) {
      summary.get(b).properties().forEach(g -> g.getValue().properties().forEach(t -> {
        if (t.getValue().asLong() > 0) {
          m.put(b + "/" + g.getKey() + "/" + t.getKey(), t.getValue().asLong());
        }
      }));
    }
    assertThat(m).isNotEmpty();
    return m;
  }

  /** Parses the scripts' output: a header, then breakdown,group,tier,children. */
  static Map<String, Long> parse(String csvText) {
    Map<String, Long> m = new HashMap<>();
    String[] lines = csvText.strip().split("\\r?\\n");
    assertThat(lines[0]).isEqualTo("breakdown,group,tier,children");
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(",");
      assertThat(f).hasSize(4);
      m.put(f[0] + "/" + f[1] + "/" + f[2], Long.parseLong(f[3]));
    }
    return m;
  }

  @Test
  void parse_readsTheScriptsOutput() {
    assertThat(parse("breakdown,group,tier,children\r\ntierByAgeBand,1-4,2,17\ntierByTimeClass,weekend,out-of-scope,1\n"))
        .containsExactlyInAnyOrderEntriesOf(Map.of("tierByAgeBand/1-4/2", 17L, "tierByTimeClass/weekend/out-of-scope", 1L));
  }
}
