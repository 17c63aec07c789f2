package consumer;

import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.model.Referral;
import io.thresholds.jackson.ThresholdsJson;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * A consumer of the SDK as a vendor writes one: the README's snippets (generated into {@code
 * Readme} by the test), then a JSON round trip of the referral and of its evaluation.
 */
public final class Consumer {
  private Consumer() {}

  /**
   * @return the tier range, the first action and the drafted forms, for the test to check
   * @throws Exception if the SDK throws
   */
  public static String run() throws Exception {
    ReadmeResult readme = Readme.run();
    Referral referral = ThresholdsJson.readReferral(ThresholdsJson.writeReferral(readme.referral()));
    if (!referral.equals(readme.referral())) {
      throw new IllegalStateException("the referral changed in a JSON round trip");
    }
    Evaluation back = ThresholdsJson.readEvaluation(ThresholdsJson.writeEvaluation(readme.result()));
    if (!back.equals(readme.result())) {
      throw new IllegalStateException("the evaluation changed in a JSON round trip");
    }
    ChildAssessment a = back.children().get(0);
    return a.tierRange().orElseThrow() + ", " + a.actions().get(0).kind() + ", " + readme.drafts()
        + ", invalid " + invalidFields(new PupilRecord("943 476 5918", "A12345678901X", "EC2V 7HH"));
  }

  /** The vendor's own class validated by plain Hibernate Validator with the SDK's constraints. */
  private static Set<String> invalidFields(PupilRecord record) {
    try (ValidatorFactory factory = Validation.byDefaultProvider().configure()
        .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()) {
      Set<String> fields = new TreeSet<>();
      for (ConstraintViolation<PupilRecord> v : factory.getValidator().validate(record)) {
        fields.add(v.getPropertyPath().toString());
      }
      return fields;
    }
  }
}
