package io.thresholds.core.model;

import java.util.Optional;
import org.immutables.value.Value;

/** An adult living in the household. */
@Value.Immutable
public abstract class Adult {
  /** @return the pseudonymous reference */
  public abstract Ref ref();

  /** @return the relationship to the referred children */
  public abstract Relationship relationship();

  /** @return true if the adult has parental responsibility for the referred children */
  public abstract boolean parentalResponsibility();

  /** @return identifying details, if the caller has them */
  public abstract Optional<PersonalDetails> personal();

  /**
   * The builder of {@link Adult}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableAdult.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }
}
