package io.thresholds.forms.validation;

import io.thresholds.forms.internal.FormsStyle;
import org.immutables.value.Value;

/**
 * One problem with a completed form: the path of the field ({@code child.nhsNumber},
 * {@code household.members[2].surname}), a stable rule code ({@link RuleCodes} or the code of a
 * {@link io.thresholds.forms.FormRule}) and a message for the person filling in the form. Neither
 * ever contains the value that was entered, so violations are safe to log.
 */
@Value.Immutable
@FormsStyle
public abstract class Violation {
  /** @return the path of the field */
  @Value.Parameter
  public abstract String field();

  /** @return the rule code */
  @Value.Parameter
  public abstract String code();

  /** @return the message, in plain words */
  @Value.Parameter
  public abstract String message();

  /**
   * @param field the path of the field
   * @param code the rule code
   * @param message the message
   * @return the violation
   */
  public static Violation of(String field, String code, String message) {
    return ImmutableViolation.of(field, code, message);
  }

  @Override
  public String toString() {
    return field() + " [" + code() + "]: " + message();
  }
}
