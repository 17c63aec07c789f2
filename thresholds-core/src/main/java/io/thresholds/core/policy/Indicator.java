package io.thresholds.core.policy;

import io.thresholds.core.internal.Bounds;
import io.thresholds.core.InvalidValueException;
import io.thresholds.core.model.Age;
import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.model.Mobility;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.model.Tier;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One entry of a policy's indicator catalogue: an example of need (or a strength) at a tier, with
 * the conditions it applies under and the citation of where the document says so.
 */
@Value.Immutable
public abstract class Indicator {
  /** The rule of every text of a policy shown to people. */
  static final String NO_CONTROL_CHARACTERS =
      "must not contain control characters (ESC, BEL, line breaks, ...) or bidirectional overrides";

  /** @return the stable code */
  public abstract IndicatorCode code();

  /** @return the tier the document gives it */
  public abstract Tier tier();

  /** @return need or strength */
  public abstract IndicatorKind kind();

  /** @return the domain code, e.g. {@code PARENTING_CAPACITY} */
  public abstract String domain();

  /** @return the area (sub-heading) within the domain, e.g. "Domestic abuse" */
  public abstract String area();

  /** @return whom a concern with this indicator may be about */
  public abstract Set<SubjectKind> subjects();

  /** @return the age condition, if the document gives one */
  public abstract Optional<AgeCondition> age();

  /** @return true if the indicator is about a pre- or non-mobile child */
  @Value.Default
  public boolean preOrNonMobileOnly() {
    return false;
  }

  /** @return the flags that change the advice */
  public abstract Set<IndicatorFlag> flags();

  /**
   * @return a higher-tier indicator that applies instead when the child meets its age or mobility
   *     condition (e.g. sexual activity at 13 to 15 becomes the under-13 criterion)
   */
  public abstract Optional<IndicatorCode> escalatesTo();

  /** @return a short label in plain words */
  public abstract String label();

  /** @return where the document says this */
  public abstract Citation citation();

  /**
   * The builder of {@link Indicator}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableIndicator.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @param flag a flag
   * @return true if this indicator carries it
   */
  public boolean has(IndicatorFlag flag) {
    return flags().contains(flag);
  }

  /**
   * Whether the indicator's age and mobility conditions hold for a child.
   *
   * @param age the child's age when the concern was observed
   * @param mobility the child's mobility
   * @return {@link Match#YES} if they hold, {@link Match#NO} if they do not, {@link Match#UNKNOWN}
   *     if a fact needed is not recorded (mobility unknown)
   */
  public Match conditionsFor(Age age, Mobility mobility) {
    if (age().isPresent() && !age().get().matches(age)) {
      return Match.NO;
    }
    if (preOrNonMobileOnly()) {
      if (age.unborn()) {
        return Match.NO;
      }
      if (mobility == Mobility.UNKNOWN) {
        return Match.UNKNOWN;
      }
      return mobility.isPreOrNonMobile() ? Match.YES : Match.NO;
    }
    return Match.YES;
  }

  /** @return true if the indicator has any age or mobility condition */
  public boolean hasConditions() {
    return age().isPresent() || preOrNonMobileOnly();
  }

  @Value.Check
  void check() {
    String f = "indicators[" + code() + "]";
    if (subjects().isEmpty()) {
      throw new InvalidValueException(f + ".subjects", "must name at least one subject");
    }
    if (label().isBlank() || label().length() > 160) {
      throw new InvalidValueException(f + ".label", "must be 1 to 160 characters");
    }
    if (!Bounds.displayable(label())) {
      throw new InvalidValueException(f + ".label", NO_CONTROL_CHARACTERS);
    }
    if (!Bounds.displayable(domain()) || !Bounds.displayable(area())) {
      throw new InvalidValueException(f + ".domain", NO_CONTROL_CHARACTERS);
    }
    if (domain().isBlank() || area().isBlank()) {
      throw new InvalidValueException(f + ".domain", "domain and area must not be blank");
    }
    if ((kind() == IndicatorKind.STRENGTH) != (tier() == Tier.UNIVERSAL)) {
      throw new InvalidValueException(f + ".kind", "Tier 1 entries are strengths and strengths are Tier 1");
    }
    if (escalatesTo().isPresent() && escalatesTo().get().equals(code())) {
      throw new InvalidValueException(f + ".escalatesTo", "must name another indicator");
    }
  }

  @Override
  public String toString() {
    return "Indicator[" + code() + ", tier " + tier().number() + "]";
  }
}
