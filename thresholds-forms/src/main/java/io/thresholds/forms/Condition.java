package io.thresholds.forms;

import io.thresholds.core.InvalidValueException;
import io.thresholds.forms.internal.FormsStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * When a {@link FormRule} applies: a field is answered with one of some option codes, is answered
 * at all, or is not answered.
 */
@Value.Immutable
@FormsStyle
public abstract class Condition {
  /** How the field is tested. */
  public enum Kind {
    /** The field's answer is one of {@link #values()}. */
    EQUALS,
    /** The field is answered. */
    PRESENT,
    /** The field is not answered. */
    ABSENT
  }

  /** @return the id of the field tested (a field of a section, not a column) */
  public abstract String field();

  /** @return how it is tested */
  public abstract Kind kind();

  /** @return the option codes, for {@link Kind#EQUALS} */
  public abstract List<String> values();

  /**
   * The builder of {@link Condition}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableCondition.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @param field a field id
   * @param values option codes
   * @return a condition true when the field's answer is one of the codes
   */
  public static Condition equals(String field, String... values) {
    return builder().field(field).kind(Kind.EQUALS).addValues(values).build();
  }

  /**
   * @param field a field id
   * @return a condition true when the field is answered
   */
  public static Condition present(String field) {
    return builder().field(field).kind(Kind.PRESENT).build();
  }

  /**
   * @param field a field id
   * @return a condition true when the field is not answered
   */
  public static Condition absent(String field) {
    return builder().field(field).kind(Kind.ABSENT).build();
  }

  @Value.Check
  void check() {
    if ((kind() == Kind.EQUALS) == values().isEmpty()) {
      throw new InvalidValueException("condition[" + field() + "].values", "are needed for EQUALS and only for it");
    }
  }

  @Override
  public String toString() {
    return field() + (kind() == Kind.EQUALS ? " = " + String.join("|", values()) : " " + kind().name().toLowerCase(java.util.Locale.ROOT));
  }
}
