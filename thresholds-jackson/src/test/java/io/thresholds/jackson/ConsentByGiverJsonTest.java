package io.thresholds.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.thresholds.core.consent.Competence;
import io.thresholds.core.consent.ConsentCheck;
import io.thresholds.core.consent.ConsentGiver;
import io.thresholds.core.consent.ConsentGuidance;
import io.thresholds.core.consent.ConsentStatus;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.Exclusion;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.policy.Policies;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code referral@2} {@code consentByGiver} and the {@code evaluation@2} guidance and exclusion
 * properties (issue 11: consent per person, who decides exclusions), read from the bundled sample.
 */
class ConsentByGiverJsonTest {
  private static final Path SAMPLE = Path.of("../thresholds-examples/samples/14-young-person-consents-parent-refuses.json");
  private static final ThresholdEvaluator EVALUATOR = ThresholdEvaluator.of(Policies.cityOfLondon());

  private static String sample() throws Exception {
    return Files.readString(SAMPLE);
  }

  @Test
  void sample_youngPersonConsents_parentRefuses_readsAndEvaluates() throws Exception {
    Referral r = ThresholdsJson.readReferral(sample());
    assertThat(r.consentByGiver()).hasSize(3);
    assertThat(r.consentByGiver().get(0).giver()).isEqualTo(ConsentGiver.YOUNG_PERSON);
    assertThat(r.consentByGiver().get(0).competence()).contains(Competence.JUDGED_COMPETENT);
    assertThat(r.consentByGiver().get(1).person()).contains(Ref.of("mum"));
    assertThat(r.consentByGiver().get(1).status()).isEqualTo(ConsentStatus.WITHHELD);

    Evaluation e = EVALUATOR.evaluate(r, r.madeAt());
    ConsentGuidance g = e.children().get(0).consent().get(0);
    assertThat(g.check()).isEqualTo(ConsentCheck.NOT_SATISFIED);
    assertThat(g.disagreement().orElseThrow()).contains("social work manager");
    Exclusion x = e.exclusions().get(0);
    assertThat(x.decidedBy()).contains("the Social Work Manager");
    assertThat(x.sharedConcerns()).extracting(Object::toString).containsExactly("T3-PAR-CHAOTIC-SUBSTANCE-USE");

    String json = ThresholdsJson.writeEvaluation(e);
    JsonNode tree = Fixtures.tree(json);
    assertThat(tree.path("format").asText()).isEqualTo("thresholds/evaluation@2");
    assertThat(tree.path("exclusions").get(0).path("decidedBy").asText()).isEqualTo("the Social Work Manager");
    assertThat(tree.path("children").get(0).path("consent").get(0).path("disagreementCitation").path("section").asText())
        .contains("Tier 3: features");
    assertThat(ThresholdsJson.readEvaluation(json)).isEqualTo(e);
    assertThat(json).doesNotContain("drinking");
  }

  @Test
  void referral2_readThenWrite_givesAnEqualReferral() throws Exception {
    Referral r = ThresholdsJson.readReferral(sample());
    String written = ThresholdsJson.writeReferral(r);
    assertThat(Fixtures.tree(written).path("format").asText()).isEqualTo("thresholds/referral@2");
    assertThat(Fixtures.tree(written).path("consentByGiver")).hasSize(3);
    assertThat(ThresholdsJson.readReferral(written)).isEqualTo(r);
  }

  @Test
  void referral1_usingConsentByGiver_isRefusedNamingIt() throws Exception {
    String json = sample().replace("thresholds/referral@2", "thresholds/referral@1");
    assertThatThrownBy(() -> ThresholdsJson.readReferral(json))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("consentByGiver")
        .hasMessageContaining("thresholds/referral@2")
        .satisfies(t -> assertThat(t.getMessage()).doesNotContain("drinking"));
  }

  @Test
  void anUnknownKeyInAPersonsRecord_isRefused_neverEchoed() throws Exception {
    String json = sample().replace("\"competence\": \"judged-competent\",",
        "\"competence\": \"judged-competent\", \"Jane Smith\": true,");
    assertThat(json).contains("Jane Smith");
    assertThatThrownBy(() -> ThresholdsJson.readReferral(json))
        .isInstanceOfSatisfying(JsonMappingException.class, e -> {
          assertThat(ThresholdsJson.pathOf(e)).contains("consentByGiver[0]");
          assertThat(e.getMessage()).doesNotContain("Jane");
        });
  }

  @Test
  void aWrongTypeOrValue_isATypedErrorNamingTheField_neverTheValue() throws Exception {
    String badCompetence = sample().replace("\"judged-competent\"", "\"Jane Smith\"");
    assertThatThrownBy(() -> ThresholdsJson.readReferral(badCompetence))
        .isInstanceOfSatisfying(JsonMappingException.class, e -> {
          assertThat(ThresholdsJson.pathOf(e)).contains("consentByGiver[0].competence");
          assertThat(e.getMessage()).doesNotContain("Jane");
        });
    String notAnArray = sample().replace("\"consentByGiver\": [", "\"consentByGiver\": {\"x\": [")
        .replace("\"status\": \"not-yet-sought\"\n    }\n  ]", "\"status\": \"not-yet-sought\"\n    }\n  ]}");
    assertThatThrownBy(() -> ThresholdsJson.readReferral(notAnArray))
        .isInstanceOfSatisfying(JsonMappingException.class,
            e -> assertThat(ThresholdsJson.pathOf(e)).contains("consentByGiver"));
    String noCompetence = sample().replace("\"competence\": \"judged-competent\",", "");
    assertThatThrownBy(() -> ThresholdsJson.readReferral(noCompetence))
        .isInstanceOfSatisfying(JsonMappingException.class,
            e -> assertThat(e.getMessage()).contains("competence"));
    String parentNotInHousehold = sample().replace("\"person\": \"mum\"", "\"person\": \"Jane-Smith\"");
    assertThatThrownBy(() -> ThresholdsJson.readReferral(parentNotInHousehold))
        .isInstanceOfSatisfying(JsonMappingException.class, e -> {
          assertThat(e.getMessage()).contains("consentByGiver[1].person");
          assertThat(e.getMessage()).doesNotContain("Jane");
        });
  }

  /** Found by SchemaAgreementTest: an unnamed young person and no referred child was an IndexOutOfBoundsException. */
  @Test
  void anUnnamedYoungPerson_andNoReferredChild_isATypedErrorNamingReferredChildren() throws Exception {
    String json = sample().replace("\"person\": \"c-teen\",", "")
        .replace("\"referredChildren\": [\"c-teen\"]", "\"referredChildren\": []");
    assertThat(json).doesNotContain("\"person\": \"c-teen\"").contains("\"referredChildren\": []");
    assertThatThrownBy(() -> ThresholdsJson.readReferral(json))
        .isInstanceOfSatisfying(JsonMappingException.class,
            e -> assertThat(e.getMessage()).contains("referredChildren"));
  }

  @Test
  void evaluation1_withAnExclusionsDecidedBy_isRefused() throws Exception {
    Referral r = ThresholdsJson.readReferral(sample());
    String json = ThresholdsJson.writeEvaluation(EVALUATOR.evaluate(r, r.madeAt()))
        .replace("thresholds/evaluation@2", "thresholds/evaluation@1");
    assertThatThrownBy(() -> ThresholdsJson.readEvaluation(json)).isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("thresholds/evaluation@2");
  }
}
