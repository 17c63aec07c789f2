package io.thresholds.core.policy;

import io.thresholds.core.internal.Bounds;
import io.thresholds.core.InvalidValueException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A rule of the policy that advises an action: when it applies, what it is, through which channel
 * and contact, by when, and where the document says so.
 */
@Value.Immutable
public abstract class ActionRule {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,47}");

  /** Conditions that must hold before an action can go ahead. */
  public enum Gate {
    /** The consent rule of the tier must be met (e.g. an early help referral needs consent). */
    CONSENT,
    /** The action involves the family; it is blocked when the family must not be told. */
    TELLS_FAMILY,
    /** Only a professional can take the action (e.g. a multi-agency referral); blocked for others. */
    PROFESSIONAL
  }

  /** The contact id that means "the referral route open at the time". */
  public static final String ROUTE = "route";

  /** @return the rule's id, e.g. {@code phone-referral} */
  public abstract String id();

  /** @return when it applies */
  public abstract Trigger trigger();

  /** @return what it is */
  public abstract ActionKind kind();

  /** @return how firmly */
  public abstract Modality modality();

  /** @return how */
  public abstract Channel channel();

  /**
   * @return the contact id, or {@link #ROUTE} for the Hub in office hours and the out-of-hours
   *     service otherwise
   */
  public abstract Optional<String> contact();

  /** @return when it is due */
  public abstract Timing timing();

  /**
   * @return the id of an earlier-listed or later-listed rule this one replaces when this one applies
   *     firmly (not merely to consider); e.g. an immediate phone referral replaces the next-opening one
   */
  public abstract Optional<String> supersedes();

  /**
   * @return conditions for the action to be ready: {@link Gate#CONSENT} (the tier's consent rule
   *     must be met) and {@link Gate#TELLS_FAMILY} (the action involves the family, so it is
   *     blocked whenever the family must not be told)
   */
  public abstract java.util.Set<Gate> gates();

  /** @return what to do, in plain words */
  public abstract String description();

  /** @return where the document says so */
  public abstract Citation citation();

  /**
   * The builder of {@link ActionRule}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableActionRule.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    if (!ID.matcher(id()).matches()) {
      throw new InvalidValueException("actions[" + id() + "].id", "must be lower-case letters, digits and '-'");
    }
    if (description().isBlank()) {
      throw new InvalidValueException("actions[" + id() + "].description", "must not be blank");
    }
    if (!Bounds.displayable(description())) {
      throw new InvalidValueException("actions[" + id() + "].description", Indicator.NO_CONTROL_CHARACTERS);
    }
  }

  @Override
  public String toString() {
    return "ActionRule[" + id() + "]";
  }
}
