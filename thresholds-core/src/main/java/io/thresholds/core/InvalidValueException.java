package io.thresholds.core;

import java.util.Objects;

/**
 * A value broke a rule of the domain model: a required field is missing, a date is impossible,
 * two fields contradict each other. {@link #field()} names the field (for example
 * {@code concerns[2].subject}) and {@link #rule()} the rule; neither the message nor these
 * accessors ever contain the value that was given.
 */
public class InvalidValueException extends ThresholdsException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String rule;

  /**
   * @param field the path of the offending field
   * @param rule a short description of the rule that was broken (no personal values)
   */
  public InvalidValueException(String field, String rule) {
    super(Objects.requireNonNull(field, "field") + ": " + Objects.requireNonNull(rule, "rule"));
    this.field = field;
    this.rule = rule;
  }

  /** @return the path of the offending field, such as {@code household.children[0].dateOfBirth} */
  public String field() {
    return field;
  }

  /** @return the rule that was broken */
  public String rule() {
    return rule;
  }
}
