package io.thresholds.core.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One observed concern: an indicator from the policy's catalogue, whom it is about, and when it was
 * observed. A concern about a parent, carer or other household member applies to every referred
 * child in the household, unless it names the referred children it is about
 * ({@link #aboutChildren()}).
 */
@Value.Immutable
public abstract class Concern {
  /** @return the indicator code from the policy's catalogue */
  public abstract IndicatorCode indicator();

  /** @return whom the concern is about */
  public abstract SubjectKind subject();

  /** @return the reference of the child or household member the concern is about */
  public abstract Ref subjectRef();

  /**
   * @return for a concern about a parent, carer or household member, the referred children it is
   *     about; empty (the default) means the whole household: every referred child. A concern about
   *     a child is about that child and names none here.
   */
  public abstract List<Ref> aboutChildren();

  /**
   * @param child a referred child's reference
   * @return true if this concern applies to that child
   */
  public boolean appliesTo(Ref child) {
    if (subject() == SubjectKind.CHILD) {
      return subjectRef().equals(child);
    }
    return aboutChildren().isEmpty() || aboutChildren().contains(child);
  }

  /** @return the day the concern was observed (in the policy's time zone) */
  public abstract LocalDate observedOn();

  /**
   * @return the practitioner's own short summary, in their words: free text, carried with the
   *     referral, never read by the evaluator, never logged and never shown in {@code toString()}
   *     or an error
   */
  @Value.Redacted
  public abstract Optional<String> note();

  /**
   * The builder of {@link Concern}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableConcern.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @param indicator the indicator code text
   * @param subject whom it is about
   * @param subjectRef the reference of that person
   * @param observedOn when it was observed
   * @return a concern without a note
   */
  public static Concern of(String indicator, SubjectKind subject, Ref subjectRef, LocalDate observedOn) {
    return builder()
        .indicator(IndicatorCode.of(indicator))
        .subject(subject)
        .subjectRef(subjectRef)
        .observedOn(observedOn)
        .build();
  }
}
