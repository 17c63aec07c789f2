package io.thresholds.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, defects 2, 3 and 9 in the pack reader: a bounded reader, only regular files inside the
 * pack, every broken line a {@link PolicyFormatException} naming file and line, and no timing or
 * label a policy cannot mean.
 */
class PackHardeningTest {
  private static final String BASE = "/io/thresholds/core/policy/city-of-london/";
  private static final List<String> FILES =
      List.of("policy.properties", "indicators.tsv", "actions.tsv", "bank-holidays.tsv", "census.properties", "census.tsv");

  @TempDir
  Path root;

  Path dir;

  @BeforeEach
  void copyEmbeddedPack() throws IOException {
    dir = Files.createDirectory(root.resolve("pack"));
    for (String file : FILES) {
      try (InputStream in = PackHardeningTest.class.getResourceAsStream(BASE + file)) {
        Files.copy(in, dir.resolve(file));
      }
    }
  }

  private PolicyFormatException loadFails() {
    PolicyFormatException e = catchThrowableOfType(PolicyFormatException.class, () -> Policies.load(dir));
    assertThat(e).as("expected PolicyFormatException").isNotNull();
    return e;
  }

  private int append(String file, String line) throws IOException {
    List<String> all = new ArrayList<>(Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8));
    all.add(line);
    Files.write(dir.resolve(file), all, StandardCharsets.UTF_8);
    return all.size();
  }

  private int replaceTiming(String actionId, String timing) throws IOException {
    List<String> all = new ArrayList<>(Files.readAllLines(dir.resolve("actions.tsv"), StandardCharsets.UTF_8));
    for (int i = 0; i < all.size(); i++) {
      String[] c = all.get(i).split("\t", -1);
      if (c[0].equals(actionId)) {
        c[6] = timing;
        all.set(i, String.join("\t", c));
        Files.write(dir.resolve("actions.tsv"), all, StandardCharsets.UTF_8);
        return i + 1;
      }
    }
    throw new AssertionError(actionId);
  }

  @Test
  void theCopyLoads() {
    assertThat(Policies.load(dir)).isEqualTo(Policies.cityOfLondon());
  }

  @Test
  void contactKeyWithoutProperty_failsNamingFileAndLine() throws IOException {
    int line = append("policy.properties", "contact.x = y");
    assertThat(loadFails()).hasMessageContaining("policy.properties line " + line)
        .hasMessageContaining("contact.ID.PROPERTY");
  }

  @Test
  void afterTimingOfMillionsOfYears_failsNamingTheLine() throws IOException {
    String id = firstActionWithTiming("after:");
    int line = replaceTiming(id, "after:phone-referral+PT2562047788015215H");
    assertThat(loadFails()).hasMessageContaining("actions.tsv line " + line).hasMessageContaining("26 weeks");
  }

  @Test
  void workingDaysOfIntMax_failsNamingTheLine() throws IOException {
    String id = firstActionWithTiming("working-days:");
    int line = replaceTiming(id, "working-days:2147483647");
    assertThat(loadFails()).hasMessageContaining("actions.tsv line " + line).hasMessageContaining("130 working days");
  }

  @Test
  void indicatorLabelWithEscapeOrBell_fails() throws IOException {
    List<String> all = new ArrayList<>(Files.readAllLines(dir.resolve("indicators.tsv"), StandardCharsets.UTF_8));
    int n = all.size() - 1;
    all.set(n, all.get(n) + "\u001b[31m\u0007");
    Files.write(dir.resolve("indicators.tsv"), all, StandardCharsets.UTF_8);
    assertThat(loadFails()).hasMessageContaining("indicators.tsv line " + (n + 1))
        .hasMessageContaining("control characters");
  }

  private String firstActionWithTiming(String prefix) throws IOException {
    for (String l : Files.readAllLines(dir.resolve("actions.tsv"), StandardCharsets.UTF_8)) {
      String[] c = l.split("\t", -1);
      if (c.length > 6 && c[6].startsWith(prefix)) {
        return c[0];
      }
    }
    throw new AssertionError(prefix);
  }

  // ---- the files themselves ------------------------------------------------------------------------

  @Test
  void fileWithoutLineBreaksBeyondTheLimit_failsWhileReading() throws IOException {
    Files.writeString(dir.resolve("indicators.tsv"), "x".repeat(PackFiles.MAX_FILE_CHARS + 1));
    assertThat(loadFails()).hasMessageContaining("indicators.tsv").hasMessageContaining("larger than");
  }

  @Test
  @Timeout(10)
  void boundedLines_stopsAnEndlessReaderAtTheLimit() {
    Reader endless = new Reader() {
      @Override
      public int read(char[] b, int off, int len) {
        java.util.Arrays.fill(b, off, off + len, 'x');
        return len;
      }

      @Override
      public void close() {}
    };
    assertThatThrownBy(() -> PackFiles.boundedLines(endless, 1000, () -> new PolicyFormatException("too large")))
        .isInstanceOf(PolicyFormatException.class);
  }

  @Test
  void boundedLines_splitsLikeReadLine() throws IOException {
    assertThat(PackFiles.boundedLines(new StringReader("a\nb\r\nc\rd\n\ne"), 100, IllegalStateException::new))
        .containsExactly("a", "b", "c", "d", "", "e");
    assertThat(PackFiles.boundedLines(new StringReader("a\n"), 100, IllegalStateException::new)).containsExactly("a");
  }

  @Test
  void symlinkToDevZero_isRefusedWithoutReading() throws IOException {
    assumeTrue(Files.exists(Path.of("/dev/zero")));
    Files.delete(dir.resolve("actions.tsv"));
    Files.createSymbolicLink(dir.resolve("actions.tsv"), Path.of("/dev/zero"));
    assertThat(loadFails()).hasMessageContaining("actions.tsv");
  }

  @Test
  void symlinkLeavingThePack_isRefused() throws IOException {
    Path outside = Files.copy(dir.resolve("actions.tsv"), root.resolve("actions-outside.tsv"));
    Files.delete(dir.resolve("actions.tsv"));
    Files.createSymbolicLink(dir.resolve("actions.tsv"), outside);
    assertThat(loadFails()).hasMessageContaining("actions.tsv").hasMessageContaining("outside the pack directory");
  }

  @Test
  void symlinkInsideThePack_isFollowed() throws IOException {
    Files.move(dir.resolve("actions.tsv"), dir.resolve("actions-v2.tsv"));
    Files.createSymbolicLink(dir.resolve("actions.tsv"), Path.of("actions-v2.tsv"));
    assertThat(Policies.load(dir)).isEqualTo(Policies.cityOfLondon());
  }

  @Test
  @Timeout(10)
  void fifo_isRefusedWithoutBlocking() throws Exception {
    Files.delete(dir.resolve("policy.properties"));
    Process p;
    try {
      p = new ProcessBuilder("mkfifo", dir.resolve("policy.properties").toString()).start();
    } catch (IOException e) {
      assumeTrue(false, "mkfifo not available");
      return;
    }
    assumeTrue(p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo failed");
    assertThat(loadFails()).hasMessageContaining("policy.properties").hasMessageContaining("not a regular file");
  }

  @Test
  void directoryInPlaceOfAFile_isRefused() throws IOException {
    Files.delete(dir.resolve("actions.tsv"));
    Files.createDirectory(dir.resolve("actions.tsv"));
    assertThat(loadFails()).hasMessageContaining("actions.tsv").hasMessageContaining("not a regular file");
  }

}
