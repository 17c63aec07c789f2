package io.thresholds.core.evaluation;

import io.thresholds.core.policy.ActionKind;
import io.thresholds.core.policy.Channel;
import io.thresholds.core.policy.Citation;
import io.thresholds.core.policy.Contact;
import io.thresholds.core.policy.Modality;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One advised action, in order: what, how firmly, through which channel and contact, by when, why. */
@Value.Immutable
public abstract class Action {
  /** @return the id of the policy rule that produced it */
  public abstract String ruleId();

  /** @return what it is */
  public abstract ActionKind kind();

  /** @return how firmly the policy advises it for this child */
  public abstract Modality modality();

  /** @return how it is carried out */
  public abstract Channel channel();

  /** @return whom to contact, resolved for the time of the action */
  public abstract Optional<Contact> contact();

  /** @return when it is due, if the policy sets a timescale */
  public abstract Optional<Deadline> due();

  /** @return what to do, in plain words */
  public abstract String description();

  /** @return notes on this action, e.g. that no referral route is staffed at that time */
  public abstract List<String> notes();

  /**
   * @return what must happen before the action can go ahead (e.g. consent is missing, or the
   *     family must not be told); empty when it is ready
   */
  public abstract List<String> blockers();

  /** @return true if nothing blocks the action */
  @Value.Derived
  public boolean ready() {
    return blockers().isEmpty();
  }

  /** @return where the policy says so */
  public abstract Citation citation();

  /**
   * The builder of {@link Action}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableAction.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }
}
