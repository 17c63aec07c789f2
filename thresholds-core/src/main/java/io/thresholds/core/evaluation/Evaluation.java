package io.thresholds.core.evaluation;

import io.thresholds.core.model.Ref;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The result of evaluating a referral: one {@link ChildAssessment} per referred child, the children
 * excluded with their reasons, and the policy id and version used so the result can be reproduced.
 * It advises; a professional decides.
 */
@Value.Immutable
public abstract class Evaluation {
  /** The reminder carried by every result. */
  public static final String ADVISORY =
      "This is advice from the partnership's thresholds document, not a decision. The professional"
          + " who knows the child decides, using their judgement and their safeguarding lead;"
          + " the indicators are examples, not an exhaustive list.";

  /** @return the referral's reference */
  public abstract Ref referral();

  /** @return the policy id */
  public abstract String policyId();

  /** @return the policy version */
  public abstract String policyVersion();

  /** @return the time the evaluation was made for */
  public abstract Instant evaluatedAt();

  /** @return the result per referred child, in the referral's order */
  public abstract List<ChildAssessment> children();

  /** @return children of the household who were not referred */
  public abstract List<Exclusion> exclusions();

  /** @return the advisory reminder */
  @Value.Default
  public String advisory() {
    return ADVISORY;
  }

  /**
   * The builder of {@link Evaluation}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableEvaluation.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @param child a child's reference
   * @return that child's assessment
   */
  public Optional<ChildAssessment> child(Ref child) {
    return children().stream().filter(c -> c.child().equals(child)).findFirst();
  }
}
