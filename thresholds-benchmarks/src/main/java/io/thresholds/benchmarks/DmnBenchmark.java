package io.thresholds.benchmarks;

import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.Age;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.Policy;
import io.thresholds.dmn.DmnExporter;
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
 * The same referrals through the policy exported by {@code thresholds-dmn}, in Camunda's DMN engine
 * (FEEL Scala, its default, and legacy FEEL) and in Apache KIE DMN: for each referred child, one
 * evaluation of the four decisions per concern that applies to the child, aggregated (highest tier,
 * highest pathway values). What the SDK computes besides (the range, reasons, actions, consent,
 * deadlines) is not computed here. Run with {@code -prof gc} for bytes allocated per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DmnBenchmark {
  /** Which referral. */
  @Param({"typical", "large"})
  public String size;

  /** Which engine configuration. */
  @Param({"camunda-feel-scala", "camunda-legacy-feel", "kie"})
  public String engine;

  private DmnEngine dmn;
  private Referral referral;
  private Child[] children;

  /** Loads the exported model in the engine and checks its tiers against the SDK's. */
  @Setup
  public void setUp() {
    Policy policy = Policies.cityOfLondon();
    dmn = DmnEngine.load(engine, DmnExporter.export(policy));
    referral = Referrals.of(size);
    children = referral.referredChildren().stream()
        .map(r -> referral.household().child(r).orElseThrow()).toArray(Child[]::new);
    int[] tiers = evaluate();
    int k = 0;
    for (ChildAssessment a : ThresholdEvaluator.of(policy).evaluate(referral, Referrals.AT).children()) {
      if (tiers[4 * k++] != a.tierRange().orElseThrow().min().number()) {
        throw new IllegalStateException(engine + " disagrees with the SDK on " + a.child());
      }
    }
  }

  /** @return per referred child, the tier, MACE, Prevent and do-not-tell values */
  @Benchmark
  public int[] evaluate() {
    int[] out = new int[4 * children.length];
    for (int c = 0; c < children.length; c++) {
      Child child = children[c];
      Ref ref = child.ref();
      String mobility = child.mobility().name();
      out[4 * c] = 1;
      for (Concern concern : referral.concerns()) {
        if (concern.subject() == SubjectKind.CHILD && !concern.subjectRef().equals(ref)) {
          continue;
        }
        dmn.evaluate(concern.indicator().value(), ageYears(child, concern), mobility, out, 4 * c);
      }
    }
    return out;
  }

  /** The child's age in completed years on the day the concern was observed, -1 before birth. */
  static int ageYears(Child child, Concern concern) {
    if (child.dateOfBirth().isPresent() && child.dateOfBirth().get().isAfter(concern.observedOn())) {
      return DmnExporter.UNBORN_AGE;
    }
    Age age = child.ageOn(concern.observedOn());
    return age.unborn() ? DmnExporter.UNBORN_AGE : age.years();
  }
}
