package io.thresholds.benchmarks;

import io.thresholds.core.model.Concern;
import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.policy.Indicator;
import io.thresholds.core.policy.Policies;
import java.util.HashMap;
import java.util.Map;
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
 * The practical upper limit: per referred child, the highest tier of the concerns that apply to it,
 * each looked up in a table precomputed from the catalogue (code to tier). No escalation, range,
 * reasons, actions, consent or deadlines.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BareLookupBenchmark {
  /** Which referral. */
  @Param({"typical", "large"})
  public String size;

  private final Map<IndicatorCode, Integer> tiers = new HashMap<>();
  private Referral referral;
  private Ref[] children;

  /** Builds the table and picks the referral. */
  @Setup
  public void setUp() {
    for (Indicator i : Policies.cityOfLondon().indicators()) {
      tiers.put(i.code(), i.tier().number());
    }
    referral = Referrals.of(size);
    children = referral.referredChildren().toArray(Ref[]::new);
  }

  /** @return the tier of each referred child */
  @Benchmark
  public int[] lookup() {
    int[] out = new int[children.length];
    for (int c = 0; c < children.length; c++) {
      int tier = 1;
      for (Concern concern : referral.concerns()) {
        if (concern.subject() != SubjectKind.CHILD || concern.subjectRef().equals(children[c])) {
          tier = Math.max(tier, tiers.get(concern.indicator()));
        }
      }
      out[c] = tier;
    }
    return out;
  }
}
