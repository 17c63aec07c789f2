package referrals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Household;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Referrer;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.policy.Policies;
import io.thresholds.jackson.ThresholdsJson;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A service that only reads referrals and writes evaluations: it depends on thresholds-jackson
 * alone, without thresholds-forms or Hibernate Validator.
 */
public final class Service {
  private Service() {}

  /**
   * @return the evaluation document of a referral read from JSON
   * @throws Exception if the SDK throws
   */
  public static String run() throws Exception {
    Ref child = Ref.of("pupil-4711");
    Referral built = Referral.builder()
        .ref(Ref.of("referral-2025-0042"))
        .referrer(Referrer.builder().agencyType(AgencyType.SCHOOL).build())
        .madeAt(Instant.parse("2025-11-21T10:15:00Z"))
        .household(Household.builder()
            .addChildren(Child.builder().ref(child).dateOfBirth(LocalDate.of(2012, 9, 3)).build())
            .build())
        .addReferredChildren(child)
        .addConcerns(Concern.of("T3-FAM-PERSISTENTLY-MISSING", SubjectKind.CHILD, child, LocalDate.of(2025, 11, 20)))
        .build();
    Referral referral = ThresholdsJson.readReferral(ThresholdsJson.writeReferral(built));
    Evaluation result = ThresholdEvaluator.of(Policies.cityOfLondon())
        .evaluate(referral, Instant.parse("2025-11-21T10:20:00Z"));
    ObjectMapper mapper = ThresholdsJson.newMapper();
    Evaluation back = mapper.readValue(ThresholdsJson.writeEvaluation(result), Evaluation.class);
    if (!back.equals(result)) {
      throw new IllegalStateException("the evaluation changed in a JSON round trip");
    }
    return ThresholdsJson.writeEvaluation(back);
  }
}
