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
 * The pack is the embedded City of London pack copied to a temporary directory; the overlay is a
 * pack beside it that extends it ({@code policy.extends = ../city}) with a changed contact, a
 * replaced and a new action row, a retired and a new indicator.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PolicyLoadBenchmark {
  private static final String[] FILES = {"policy.properties", "indicators.tsv", "actions.tsv", "bank-holidays.tsv"};
  private Path pack;
  private Path overlay;

  /** Copies the embedded pack to a temporary directory. */
  @Setup
  public void setUp() throws IOException {
    Path root = Files.createTempDirectory("thresholds-pack");
    pack = Files.createDirectory(root.resolve("city"));
    overlay = Files.createDirectory(root.resolve("overlay"));
    Files.writeString(overlay.resolve("policy.properties"), String.join("\n",
        "policy.id = overlay", "policy.version = 1", "policy.name = Overlay", "policy.document = Overlay document",
        "policy.extends = ../city", "contact.hub.phones = 020 0000 0000",
        "retire.indicator.T2-DEV-OCCASIONALLY-MISSING = T2-NEW-MISSING", ""));
    Files.writeString(overlay.resolve("indicators.tsv"),
        "code\ttier\tkind\tdomain\tarea\tsubjects\tage\tmobility\tflags\tescalates_to\tsection\tlabel\n"
        + "T2-NEW-MISSING\t2\tNEED\tDEVELOPMENTAL_NEEDS\tMissing\tCHILD\t-\t-\t-\t-\tS\tMissing\n");
    Files.writeString(overlay.resolve("actions.tsv"),
        "id\ttrigger\tkind\tmodality\tchannel\tcontact\ttiming\tsupersedes\tgates\tsection\tdescription\n"
        + "monitor\ttier>=2\tMONITOR_AND_REREFER\tMUST\tIN_AGENCY\t-\tnone\t-\tprofessional\tS\tMonitor.\n"
        + "extra\ttier>=2\tMONITOR_AND_REREFER\tSHOULD\tIN_AGENCY\t-\tnone\t-\t-\tS\tExtra.\n");
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

  /** @return the overlay resolved with its base, loaded in a fresh JVM */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(5)
  public Policy coldLoadOverlay() {
    return Policies.load(overlay);
  }

  /** @return the overlay resolved with its base, loaded again in a warm JVM */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  @Fork(1)
  public Policy warmLoadOverlay() {
    return Policies.load(overlay);
  }

  /** @return the embedded Early Help Hub pack (extends the embedded City pack), warm */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  @Fork(1)
  public Policy warmLoadEmbeddedOverlay() {
    return Policies.embedded("early-help-hub");
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
