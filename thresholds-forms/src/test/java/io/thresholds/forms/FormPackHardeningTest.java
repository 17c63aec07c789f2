package io.thresholds.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, defect 3, in the forms module's copy of the pack file reader: bounded while reading,
 * only regular files inside the pack directory, failing fast with {@link FormFormatException}.
 */
class FormPackHardeningTest {
  private static final String BASE = "/io/thresholds/forms/city-of-london/";
  private static final List<String> FILES = List.of("forms.properties", "marf.tsv", "mace.tsv", "prevent.tsv");

  @TempDir
  Path root;

  Path dir;

  @BeforeEach
  void copyEmbeddedPack() throws IOException {
    dir = Files.createDirectory(root.resolve("pack"));
    for (String file : FILES) {
      try (InputStream in = FormPackHardeningTest.class.getResourceAsStream(BASE + file)) {
        assertThat(in).as(file).isNotNull();
        Files.copy(in, dir.resolve(file));
      }
    }
  }

  private FormFormatException loadFails() {
    FormFormatException e = catchThrowableOfType(FormFormatException.class, () -> Forms.load(dir));
    assertThat(e).as("expected FormFormatException").isNotNull();
    return e;
  }

  @Test
  void theCopyLoads() {
    assertThat(Forms.load(dir).forms()).hasSize(3);
  }

  @Test
  void fileWithoutLineBreaksBeyondTheLimit_failsWhileReading() throws IOException {
    Files.writeString(dir.resolve("marf.tsv"), "x".repeat(FormPackReader.MAX_FILE_CHARS + 1));
    assertThat(loadFails()).hasMessageContaining("marf.tsv").hasMessageContaining("larger than");
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
    assertThatThrownBy(() -> FormPackReader.boundedLines(endless, 1000, () -> new FormFormatException("too large")))
        .isInstanceOf(FormFormatException.class);
  }

  @Test
  void symlinkToDevZero_isRefused() throws IOException {
    assumeTrue(Files.exists(Path.of("/dev/zero")));
    Files.delete(dir.resolve("marf.tsv"));
    Files.createSymbolicLink(dir.resolve("marf.tsv"), Path.of("/dev/zero"));
    assertThat(loadFails()).hasMessageContaining("marf.tsv").hasMessageContaining("outside the pack directory");
  }

  @Test
  void symlinkLeavingThePack_isRefused() throws IOException {
    Path outside = Files.copy(dir.resolve("marf.tsv"), root.resolve("marf-outside.tsv"));
    Files.delete(dir.resolve("marf.tsv"));
    Files.createSymbolicLink(dir.resolve("marf.tsv"), outside);
    assertThat(loadFails()).hasMessageContaining("outside the pack directory");
  }

  @Test
  @Timeout(10)
  void fifo_isRefusedWithoutBlocking() throws Exception {
    Files.delete(dir.resolve("forms.properties"));
    Process p;
    try {
      p = new ProcessBuilder("mkfifo", dir.resolve("forms.properties").toString()).start();
    } catch (IOException e) {
      assumeTrue(false, "mkfifo not available");
      return;
    }
    assumeTrue(p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo failed");
    assertThat(loadFails()).hasMessageContaining("forms.properties").hasMessageContaining("not a regular file");
  }
}
