package io.thresholds.core.evaluation;

import io.thresholds.core.consent.ConsentGuidance;
import io.thresholds.core.model.Age;
import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.model.Ref;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/** The result for one referred child. Contains references and codes, never personal details. */
@Value.Immutable
public abstract class ChildAssessment {
  /** @return the child's reference */
  public abstract Ref child();

  /**
   * @return the child's age when the referral is made; for an approximate or unknown age (see
   *     {@link #ageBasis()}) the youngest the child may be
   */
  public abstract Age age();

  /** @return what the age rests on: exact (the default), approximate or unknown */
  @Value.Default
  public AgeBasis ageBasis() {
    return AgeBasis.EXACT;
  }

  /** @return for an approximate age, the oldest the child may be when the referral is made */
  public abstract Optional<Age> oldestAge();

  /**
   * @return the facts the result depends on that the referral does not settle; recording them
   *     settles it. Empty for a settled result.
   */
  public abstract Set<OpenFact> openFacts();

  /** @return true if the result depends on a fact not recorded (see {@link #openFacts()}) */
  public boolean provisional() {
    return !openFacts().isEmpty();
  }

  /** @return whether the children's thresholds apply */
  public abstract Scope scope();

  /** @return the suggested tier range; absent when the person is out of scope (an adult) */
  public abstract Optional<TierRange> tierRange();

  /** @return the need indicators that drove the range (after escalation and derivation) */
  public abstract Set<IndicatorCode> drivingIndicators();

  /**
   * @return the rules that widened the tier range above its lower end (empty when the range is a
   *     single tier or the child is out of scope)
   */
  public abstract Set<Widening> widenedBy();

  /** @return the reasons, each with its citation */
  public abstract List<Reason> reasons();

  /** @return the actions, in order */
  public abstract List<Action> actions();

  /** @return consent guidance for each tier of the range, lowest first */
  public abstract List<ConsentGuidance> consent();

  /** @return further notes for the professional */
  public abstract List<String> notes();

  /**
   * The builder of {@link ChildAssessment}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableChildAssessment.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }
}
