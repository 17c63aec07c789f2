package io.thresholds.benchmarks;

import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.Policy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading a policy pack: a cold load in a fresh JVM (single shot, one per fork) and a warm load.
 * The pack is the embedded City of London pack copied to a temporary directory.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PolicyLoadBenchmark {
  private static final String[] FILES = {"policy.properties", "indicators.tsv", "actions.tsv", "bank-holidays.tsv"};
  private Path pack;

  /** Copies the embedded pack to a temporary directory. */
  @Setup
  public void setUp() throws IOException {
    pack = Files.createTempDirectory("thresholds-pack");
    for (String f : FILES) {
      try (InputStream in = Policies.class.getResourceAsStream("/io/thresholds/core/policy/city-of-london/" + f)) {
        if (in == null) {
          throw new UncheckedIOException(new IOException("missing " + f));
        }
        Files.copy(in, pack.resolve(f));
      }
    }
  }

  /** @return the policy, loaded in a fresh JVM (first call only is measured per fork) */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(5)
  public Policy coldLoad() {
    return Policies.load(pack);
  }

  /** @return the policy, loaded again in a warm JVM */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  @Fork(1)
  public Policy warmLoad() {
    return Policies.load(pack);
  }
}
