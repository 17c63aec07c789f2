package io.thresholds.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.thresholds.core.policy.Policies;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 15, defect 7: {@code batch --out} never half-overwrites the previous results, and an
 * interrupted run finishes its started lines, writes whole lines and its summary, and exits 130.
 */
class BatchInterruptTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  static String lines;

  @BeforeAll
  static void generate() {
    Cli r = Cli.run("generate", "3000", "--seed", "7");
    assertThat(r.exit).as(r.toString()).isZero();
    lines = r.out;
  }

  private static void assertWholeJsonLines(Path file, int atLeast) throws IOException {
    String text = Files.readString(file);
    assertThat(text).endsWith("\n");
    List<String> all = text.lines().toList();
    assertThat(all.size()).isGreaterThanOrEqualTo(atLeast);
    for (String l : all) {
      assertThat(JSON.readTree(l).get("format").asText()).startsWith("thresholds/");
    }
  }

  @Test
  void completeRun_replacesTheResultsAtOnce_andLeavesNoPartialFile() throws IOException {
    Path in = Files.writeString(dir.resolve("in.jsonl"), lines);
    Path out = Files.writeString(dir.resolve("out.jsonl"), "previous\n");
    Cli r = Cli.run("batch", in.toString(), "--out", out.toString(), "--progress", "none");
    assertThat(r.exit).as(r.toString()).isZero();
    assertWholeJsonLines(out, 3000);
    assertThat(dir.resolve("out.jsonl.partial")).doesNotExist();
  }

  @Test
  void interruptedRun_keepsThePreviousResults_writesWholeLinesToTheNamedPartialFile_andExits130() throws IOException {
    Path out = Files.writeString(dir.resolve("out.jsonl"), "previous\n");
    BatchCommand[] batch = new BatchCommand[1];
    byte[] bytes = lines.getBytes(StandardCharsets.UTF_8);
    // Interrupted once about 40% of the input has been read (in the middle of a line).
    InputStream in = new FilterInputStream(new ByteArrayInputStream(bytes)) {
      long read;

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, Math.min(len, 4096));
        read += Math.max(n, 0);
        if (read > bytes.length * 2L / 5) {
          batch[0].requestStop();
        }
        return n;
      }
    };
    batch[0] = new BatchCommand(Policies.cityOfLondon(), in);
    CommandLine cl = new CommandLine(batch[0]);
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    cl.setOut(new PrintWriter(o, true));
    cl.setErr(new PrintWriter(e, true));
    int exit = cl.execute("-", "--out", out.toString(), "--progress", "none", "--threads", "2");
    assertThat(exit).as(o + "\n" + e).isEqualTo(BatchCommand.INTERRUPTED);
    assertThat(Files.readString(out)).isEqualTo("previous\n");
    Path partial = dir.resolve("out.jsonl.partial");
    assertWholeJsonLines(partial, 1);
    long n = Files.readString(partial).lines().count();
    assertThat(n).isLessThan(3000);
    assertThat(o.toString()).contains("Interrupted after " + BatchSummary.n(n, "line"))
        .contains(partial.toString()).contains("is left as it was");
  }

  /**
   * The real signal: a separate JVM running {@code batch - --out} is sent SIGINT while it reads
   * standard input (and, as a shell does to the producer of a pipeline, its input is then closed).
   */
  @Test
  @Timeout(90)
  void sigint_finishesWholeLines_writesTheSummary_andExits130() throws Exception {
    Path out = Files.writeString(dir.resolve("out.jsonl"), "previous\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        "io.thresholds.examples.ThresholdsCommand", "batch", "-", "--out", out.toString(),
        "--progress", "lines", "--progress-every", "0", "--threads", "1")
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .start();
    OutputStream stdin = p.getOutputStream();
    try (BufferedReader stderr = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
      String[] all = lines.split("\n");
      StringBuilder first = new StringBuilder();
      for (int i = 0; i < 1500; i++) {
        first.append(all[i]).append('\n');
      }
      stdin.write(first.toString().getBytes(StandardCharsets.UTF_8));
      stdin.flush();
      // The first part of 1,000 lines is done when its progress line appears.
      for (String l = stderr.readLine(); l != null && !l.contains("1,000 lines"); l = stderr.readLine()) {
        // wait
      }
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
      assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(200);
      stdin.close();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exits").isTrue();
    } finally {
      stdin.close();
      p.destroyForcibly();
    }
    assertThat(p.exitValue()).isEqualTo(130);
    assertThat(Files.readString(out)).isEqualTo("previous\n");
    assertWholeJsonLines(dir.resolve("out.jsonl.partial"), 1000);
    assertThat(Files.readString(dir.resolve("stdout.txt"))).contains("Interrupted after");
  }
}
