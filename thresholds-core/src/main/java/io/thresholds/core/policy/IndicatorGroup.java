package io.thresholds.core.policy;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.model.IndicatorCode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Indicators that describe one concern the document places at more than one tier (for example a
 * suspicion of sexual abuse at Tier 3 and an allegation of sexual abuse in the Section 47 list).
 *
 * <p>Which of them a practitioner picks is often a judgement the document leaves open, so a concern
 * reported under any member gives a range reaching the highest tier among the members whose age and
 * mobility conditions the child may meet, and the members' most protective consent and
 * family-contact flags ({@link IndicatorFlag#DO_NOT_TELL_FAMILY}, {@link
 * IndicatorFlag#POLICE_INVESTIGATION}) apply whichever code was picked. The lower end stays the
 * reported indicator's own tier.
 */
@Value.Immutable
public abstract class IndicatorGroup {
  /** @return the group's id, lower-case letters, digits and '-' */
  public abstract String id();

  /** @return the indicators of the group, at least two */
  public abstract List<IndicatorCode> members();

  /** @return where the document places the concern at each tier */
  public abstract Citation citation();

  /**
   * The builder of {@link IndicatorGroup}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableIndicatorGroup.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @param code an indicator code
   * @return true if the code is a member
   */
  public boolean contains(IndicatorCode code) {
    return members().contains(code);
  }

  @Value.Check
  void check() {
    String f = "groups[" + id() + "]";
    if (!Policy.ID.matcher(id()).matches()) {
      throw new InvalidValueException("groups", "an id must be lower-case letters, digits and '-'");
    }
    if (members().size() < 2) {
      throw new InvalidValueException(f + ".members", "must name at least two indicators");
    }
    Set<IndicatorCode> seen = new HashSet<>();
    for (IndicatorCode c : members()) {
      if (!seen.add(c)) {
        throw new InvalidValueException(f + ".members", "names an indicator twice");
      }
    }
  }

  @Override
  public String toString() {
    return "IndicatorGroup[" + id() + ", " + members() + "]";
  }
}
