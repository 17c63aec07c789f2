package io.thresholds.examples;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * How far a batch has got: a progress bar on a terminal, plain lines in a log, or nothing. Called
 * on one thread after each part of the input is written.
 */
interface Progress extends AutoCloseable {
  /**
   * @param lines lines written so far
   * @param errors error records among them
   * @param bytes bytes of the input read so far
   */
  void update(long lines, long errors, long bytes);

  @Override
  void close();

  /** @return progress that shows nothing */
  static Progress none() {
    return new Progress() {
      @Override
      public void update(long lines, long errors, long bytes) {}

      @Override
      public void close() {}
    };
  }

  /**
   * A progress bar on standard error (JLine measures the terminal's width), by input bytes when the
   * size is known.
   *
   * @param totalBytes the size of the input, or -1 if unknown (standard input)
   * @return the bar; close it at the end
   */
  static Progress bar(long totalBytes) {
    ProgressBar bar = new ProgressBarBuilder()
        .setTaskName("batch")
        .setInitialMax(totalBytes)
        .setUnit(" MiB", 1024 * 1024)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250)
        .build();
    return new Progress() {
      @Override
      public void update(long lines, long errors, long bytes) {
        bar.stepTo(bytes);
        bar.setExtraMessage(BatchSummary.n(lines, "line") + (errors == 0 ? "" : ", " + BatchSummary.n(errors, "error")));
      }

      @Override
      public void close() {
        bar.close();
      }
    };
  }

  /**
   * A plain line on {@code err} at most every {@code everyNanos} (and none for a batch that ends
   * sooner), for logs and pipes where a bar would be noise.
   *
   * @param err where to print
   * @param totalBytes the size of the input, or -1 if unknown
   * @param everyNanos the interval; 0 prints after every part
   * @param clock a nanosecond clock
   * @return the progress
   */
  static Progress lines(PrintWriter err, long totalBytes, long everyNanos, LongSupplier clock) {
    long start = clock.getAsLong();
    return new Progress() {
      private long last = start;

      @Override
      public void update(long lines, long errors, long bytes) {
        long now = clock.getAsLong();
        if (now - last < everyNanos) {
          return;
        }
        last = now;
        StringBuilder b = new StringBuilder("thresholds batch: ").append(BatchSummary.n(lines, "line")).append(", ")
            .append(BatchSummary.n(errors, "error record"));
        if (totalBytes > 0) {
          b.append(String.format(Locale.ROOT, ", %.0f%% of the input", 100.0 * bytes / totalBytes));
        }
        b.append(String.format(Locale.ROOT, ", %.1f s", (now - start) / 1e9));
        err.println(b);
        err.flush();
      }

      @Override
      public void close() {}
    };
  }

  /**
   * @return true if the tool runs on an interactive terminal. {@code System.console()} is null when
   *     input or output is redirected up to Java 21; from Java 22 it may exist anyway and {@code
   *     Console.isTerminal()} says (called reflectively: the tool is built for Java 17).
   */
  static boolean onTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return Boolean.TRUE.equals(isTerminal.invoke(console));
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
