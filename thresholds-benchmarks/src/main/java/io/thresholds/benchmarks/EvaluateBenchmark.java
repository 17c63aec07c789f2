package io.thresholds.benchmarks;

import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.Referral;
import io.thresholds.core.policy.Policies;
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
 * Full evaluation (tier range, reasons, actions with deadlines, consent guidance) of a typical and
 * a large referral. Run with {@code -prof gc} for bytes allocated per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EvaluateBenchmark {
  private ThresholdEvaluator evaluator;
  private Referral typical;
  private Referral large;

  /** Loads the policy and builds the referrals once. */
  @Setup
  public void setUp() {
    evaluator = ThresholdEvaluator.of(Policies.cityOfLondon());
    typical = Referrals.typical();
    large = Referrals.large();
  }

  /** @return the evaluation of a typical referral (1 child, 3 concerns) */
  @Benchmark
  public Evaluation typicalReferral() {
    return evaluator.evaluate(typical, Referrals.AT);
  }

  /** @return the evaluation of a large referral (5 children, 20 concerns) */
  @Benchmark
  public Evaluation largeReferral() {
    return evaluator.evaluate(large, Referrals.AT);
  }
}
