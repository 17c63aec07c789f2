package io.thresholds.core.model;

import io.thresholds.core.InvalidValueException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Everyone currently living with the referred child: all the children (including unborn ones) and
 * the adults. The policy expects every child in the household to be considered.
 */
@Value.Immutable
public abstract class Household {
  /** @return the children, at least one */
  public abstract List<Child> children();

  /** @return the adults */
  public abstract List<Adult> adults();

  /**
   * The builder of {@link Household}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableHousehold.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @param ref a reference
   * @return the child with that reference
   */
  public Optional<Child> child(Ref ref) {
    for (Child c : children()) {
      if (c.ref().equals(ref)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * @param ref a reference
   * @return the adult with that reference
   */
  public Optional<Adult> adult(Ref ref) {
    for (Adult a : adults()) {
      if (a.ref().equals(ref)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  @Value.Check
  void check() {
    if (children().isEmpty()) {
      throw new InvalidValueException("household.children", "must hold at least one child");
    }
    Set<Ref> seen = new HashSet<>();
    for (int i = 0; i < children().size(); i++) {
      if (!seen.add(children().get(i).ref())) {
        throw new InvalidValueException("household.children[" + i + "].ref", "is used twice");
      }
    }
    for (int i = 0; i < adults().size(); i++) {
      if (!seen.add(adults().get(i).ref())) {
        throw new InvalidValueException("household.adults[" + i + "].ref", "is used twice");
      }
    }
  }
}
