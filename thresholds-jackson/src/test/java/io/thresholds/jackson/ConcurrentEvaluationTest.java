package io.thresholds.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.Referral;
import io.thresholds.core.policy.Policies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: one evaluator shared by 8 threads gives byte-identical results (as JSON documents) to
 * the same evaluator on 1 thread.
 */
class ConcurrentEvaluationTest {
  private static final int REFERRALS = 2_000;

  @Test
  void oneEvaluatorOn8Threads_givesByteIdenticalJson_toOneThread() throws Exception {
    List<Referral> seeds = new ArrayList<>();
    for (String json : FuzzTargetsTest.samples()) {
      seeds.add(ThresholdsJson.readReferral(json));
    }
    for (String f : List.of("referral-full.json", "referral-minimal.json", "referral-not-sought.json")) {
      seeds.add(ThresholdsJson.readReferral(Fixtures.text(f)));
    }
    List<Referral> referrals = new ArrayList<>();
    for (int i = 0; i < REFERRALS; i++) {
      Referral r = seeds.get(i % seeds.size());
      // Made a little later each time: other routes, deadlines and bank holidays.
      referrals.add(Referral.builder().from(r).madeAt(r.madeAt().plus(Duration.ofMinutes(37L * i))).build());
    }
    ThresholdEvaluator shared = ThresholdEvaluator.of(Policies.cityOfLondon());
    List<String> single = new ArrayList<>();
    for (Referral r : referrals) {
      single.add(ThresholdsJson.writeEvaluation(shared.evaluate(r, r.madeAt())));
    }
    String[] parallel = new String[REFERRALS];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        done.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < REFERRALS; i = next.getAndIncrement()) {
            Referral r = referrals.get(i);
            parallel[i] = ThresholdsJson.writeEvaluation(shared.evaluate(r, r.madeAt()));
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(seeds).hasSizeGreaterThan(3);
    for (int i = 0; i < REFERRALS; i++) {
      assertThat(parallel[i]).as("referral %d", i).isEqualTo(single.get(i));
    }
  }
}
