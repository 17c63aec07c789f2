package io.thresholds.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.Referral;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The JSON round trip law: reading what was written gives an equal value. */
class RoundTripProperties {
  private static final ThresholdEvaluator EVALUATOR = ThresholdEvaluator.of(Generators.POLICY);

  @Provide
  Arbitrary<Referral> referrals() {
    return Generators.referrals();
  }

  @Property(tries = 200)
  void referral_writeThenRead_isEqual(@ForAll("referrals") Referral referral) throws Exception {
    Statistics.label("consent").collect(referral.consent().status());
    Statistics.label("children").collect(referral.household().children().size());
    Statistics.label("unborn").collect(referral.household().children().stream().anyMatch(c -> c.recordedAsUnborn()));
    Statistics.label("consent").coverage(c -> {
      for (io.thresholds.core.consent.ConsentStatus s : io.thresholds.core.consent.ConsentStatus.values()) {
        c.check(s).count(n -> n > 0);
      }
    });

    String json = ThresholdsJson.writeReferral(referral);
    Referral back = ThresholdsJson.readReferral(json);

    assertThat(back).isEqualTo(referral);
    assertThat(ThresholdsJson.writeReferral(back)).isEqualTo(json);
  }

  @Property(tries = 100)
  void evaluation_writeThenRead_isEqual(
      @ForAll("referrals") Referral referral, @ForAll("minutesLater") long minutes) throws Exception {
    Evaluation evaluation = EVALUATOR.evaluate(referral, referral.madeAt().plus(Duration.ofMinutes(minutes)));
    Statistics.label("max tier").collect(evaluation.children().get(0).tierRange()
        .map(r -> r.max().number()).orElse(0));

    String json = ThresholdsJson.write(evaluation);
    Evaluation back = ThresholdsJson.readEvaluation(json);

    assertThat(back).isEqualTo(evaluation);
    assertThat(ThresholdsJson.write(back)).isEqualTo(json);
  }

  @Provide
  Arbitrary<Long> minutesLater() {
    return Arbitraries.longs().between(0, 3 * 24 * 60);
  }
}
