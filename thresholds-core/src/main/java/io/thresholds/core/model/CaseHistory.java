package io.thresholds.core.model;

import io.thresholds.core.internal.Bounds;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What the referrer knows of the case's history (issue 11): plans open for the household's
 * children, workers already allocated, the previous referral and a disagreement with a Hub
 * decision. These facts never lower a tier and never remove an action; they add the document's own
 * routes: stepping up from early help, stepping down from statutory services, information passed to
 * the allocated worker, and escalation of a disagreement (Appendix 2).
 *
 * <p>Plans and workers are recorded for the household, as the document speaks of them (a worker
 * "involved with the family", a Team Around the Family), not per child. {@code toString()} shows
 * codes, dates and flags only.
 */
@Value.Immutable
public abstract class CaseHistory {
  private static final CaseHistory NONE = builder().build();

  /** @return the plans open for a child of the household when the referral is made */
  public abstract Set<OpenPlan> openPlans();

  /** @return the kinds of worker already allocated to the family */
  public abstract Set<AllocatedWorker> allocatedWorkers();

  /** @return the previous referral about the same children, if there was one */
  public abstract Optional<PreviousReferral> previousReferral();

  /**
   * @return when the referrer recorded that they disagree with a decision of the Children and
   *     Families Hub about the children; the escalation deadline (Appendix 2 1.4) counts from it
   */
  public abstract Optional<Instant> hubDisagreementAt();

  /** @return true if nothing is recorded */
  public boolean isEmpty() {
    return openPlans().isEmpty() && allocatedWorkers().isEmpty() && previousReferral().isEmpty()
        && hubDisagreementAt().isEmpty();
  }

  /** @return an empty history */
  public static CaseHistory none() {
    return NONE;
  }

  /**
   * The builder of {@link CaseHistory}: a setter per attribute ({@code addX} for elements of a set),
   * {@code from(history)} to start from an existing one; {@code build()} checks the invariants.
   */
  public static final class Builder extends ImmutableCaseHistory.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    hubDisagreementAt().ifPresent(t -> Bounds.instant("caseHistory.hubDisagreementAt", t));
  }
}
