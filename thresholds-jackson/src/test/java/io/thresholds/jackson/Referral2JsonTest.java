package io.thresholds.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.thresholds.core.evaluation.AgeBasis;
import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.OpenFact;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.ApproximateAge;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.Policies;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code thresholds/referral@2} and {@code thresholds/evaluation@2} (issue 11). */
class Referral2JsonTest {
  private static final Path SAMPLE = Path.of("../thresholds-examples/samples/13-approximate-age-and-one-childs-concern.json");
  private static final ThresholdEvaluator EVALUATOR = ThresholdEvaluator.of(Policies.cityOfLondon());

  @Test
  void marfApproximateAge_perChildConcern_unknownDisability_readFromTheBundledSample() throws Exception {
    Referral r = ThresholdsJson.readReferral(Files.readString(SAMPLE));
    var baby = r.household().child(Ref.of("c-baby")).orElseThrow();
    assertThat(baby.approximateAge()).contains(ApproximateAge.of(0, 9));
    assertThat(baby.disabilityUnknown()).isTrue();
    assertThat(r.household().child(Ref.of("c-cousin")).orElseThrow().ageUnknown()).isTrue();
    assertThat(r.concerns().get(0).aboutChildren()).containsExactly(Ref.of("c-baby"));

    Evaluation e = EVALUATOR.evaluate(r, r.madeAt());
    ChildAssessment older = e.child(Ref.of("c-older")).orElseThrow();
    ChildAssessment b = e.child(Ref.of("c-baby")).orElseThrow();
    // The assault concern names the baby only: the older child's range comes from overcrowding.
    assertThat(older.drivingIndicators()).extracting(Object::toString).doesNotContain("T3-PAR-ASSAULT-NO-OR-MINOR-INJURY");
    assertThat(older.tierRange().orElseThrow().min()).isEqualTo(Tier.ADDITIONAL_NEEDS);
    assertThat(b.ageBasis()).isEqualTo(AgeBasis.APPROXIMATE);
    assertThat(b.tierRange().orElseThrow().max()).isEqualTo(Tier.ACUTE);
    assertThat(b.openFacts()).contains(OpenFact.MOBILITY, OpenFact.DISABILITY);

    String json = ThresholdsJson.writeEvaluation(e);
    assertThat(Fixtures.tree(json).path("format").asText()).isEqualTo("thresholds/evaluation@2");
    assertThat(ThresholdsJson.readEvaluation(json)).isEqualTo(e);
    assertThat(json).doesNotContain("bruise");
  }

  @Test
  void referral2_readThenWrite_givesTheSameTree_andTheNoteIsCarried() throws Exception {
    String json = Files.readString(SAMPLE);
    String written = ThresholdsJson.writeReferral(ThresholdsJson.readReferral(json));
    assertThat(Fixtures.tree(written).path("format").asText()).isEqualTo("thresholds/referral@2");
    assertThat(Fixtures.tree(written).path("concerns").get(0).path("note").asText()).contains("bruise");
    assertThat(ThresholdsJson.readReferral(written)).isEqualTo(ThresholdsJson.readReferral(json));
  }

  @Test
  void referral1_usingAnAt2Property_isRefusedNamingIt_neverEchoingValues() throws Exception {
    String json = Files.readString(SAMPLE).replace("thresholds/referral@2", "thresholds/referral@1");
    assertThatThrownBy(() -> ThresholdsJson.readReferral(json))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("approximateAge")
        .hasMessageContaining("thresholds/referral@2")
        .satisfies(t -> assertThat(t.getMessage()).doesNotContain("bruise").doesNotContain("HV-0713"));
  }

  @Test
  void approximateAge_monthsOutOfRange_isATypedErrorNamingTheField() {
    String json = Fixtures.text("referral-minimal.json")
        .replace("\"dateOfBirth\":\"2013-05-01\"", "\"approximateAge\":{\"years\":3,\"months\":12}")
        .replace("referral@1", "referral@2");
    assertThat(json).contains("approximateAge");
    assertThatThrownBy(() -> ThresholdsJson.readReferral(json))
        .isInstanceOfSatisfying(JsonMappingException.class,
            e -> assertThat(ThresholdsJson.pathOf(e)).contains("approximateAge"));
  }

  @Test
  void phoneReferralMadeAt_isAnAt2Property_roundTrips() throws Exception {
    String json = Fixtures.text("referral-minimal.json").replace("\"immediateDanger\":false",
        "\"immediateDanger\":false,\"phoneReferralMadeAt\":\"2025-11-21T19:05:00Z\"");
    assertThatThrownBy(() -> ThresholdsJson.readReferral(json)).isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("phoneReferralMadeAt");
    Referral r = ThresholdsJson.readReferral(json.replace("referral@1", "referral@2"));
    assertThat(r.phoneReferralMadeAt()).contains(java.time.Instant.parse("2025-11-21T19:05:00Z"));
    assertThat(ThresholdsJson.readReferral(ThresholdsJson.writeReferral(r))).isEqualTo(r);
  }
}
