package io.thresholds.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.Referral;
import io.thresholds.core.policy.Policies;
import io.thresholds.jackson.ThresholdsJson;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JSON path of a service: a referral document read, evaluated and the evaluation written, for
 * a typical referral (1 child, 3 concerns, about 1 KB with the child's personal details and a note)
 * and a large one (5 children, 20 concerns). The parts are measured too: reading alone, reading and
 * evaluating (the goal: 300,000 typical referrals a second on one core), and writing the
 * evaluation alone. Run with {@code -prof gc} for bytes allocated per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JsonBenchmark {
  /** Which referral. */
  @Param({"typical", "large"})
  public String size;

  private ThresholdEvaluator evaluator;
  private String json;
  private Evaluation evaluation;

  /** Builds the referral's document and its evaluation once, and checks the document's size. */
  @Setup
  public void setUp() throws JsonProcessingException {
    evaluator = ThresholdEvaluator.of(Policies.cityOfLondon());
    Referral referral = Referrals.of(size);
    json = ThresholdsJson.writeReferral(referral);
    evaluation = evaluator.evaluate(ThresholdsJson.readReferral(json), Referrals.AT);
    if (!evaluation.equals(evaluator.evaluate(referral, Referrals.AT))) {
      throw new IllegalStateException("the referral does not survive its JSON round trip");
    }
    int bytes = json.getBytes(StandardCharsets.UTF_8).length;
    if (size.equals("typical") && (bytes < 900 || bytes > 1200)) {
      throw new IllegalStateException("the typical referral should be about 1 KB, not " + bytes + " bytes");
    }
  }

  /** @return the evaluation's document, from the referral's document */
  @Benchmark
  public String readEvaluateWrite() throws JsonProcessingException {
    return ThresholdsJson.writeEvaluation(evaluator.evaluate(ThresholdsJson.readReferral(json), Referrals.AT));
  }

  /** @return the evaluation of the referral's document */
  @Benchmark
  public Evaluation readEvaluate() throws JsonProcessingException {
    return evaluator.evaluate(ThresholdsJson.readReferral(json), Referrals.AT);
  }

  /** @return the referral read from its document */
  @Benchmark
  public Referral read() throws JsonProcessingException {
    return ThresholdsJson.readReferral(json);
  }

  /** @return the evaluation's document */
  @Benchmark
  public String write() {
    return ThresholdsJson.writeEvaluation(evaluation);
  }
}
