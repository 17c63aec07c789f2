package io.thresholds.core.model;

import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One observed concern: an indicator from the policy's catalogue, whom it is about, and when it was
 * observed. A concern about a parent, carer or other household member applies to every referred
 * child in the household.
 */
@Value.Immutable
public abstract class Concern {
  /** @return the indicator code from the policy's catalogue */
  public abstract IndicatorCode indicator();

  /** @return whom the concern is about */
  public abstract SubjectKind subject();

  /** @return the reference of the child or household member the concern is about */
  public abstract Ref subjectRef();

  /** @return the day the concern was observed (in the policy's time zone) */
  public abstract LocalDate observedOn();

  /** @return the practitioner's own note; free text, never shown in {@code toString()} */
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
