package io.thresholds.forms;

import io.thresholds.core.InvalidValueException;
import io.thresholds.forms.internal.FormsStyle;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/** One option of a choice field: a stable code (what is stored) and a label (what is shown). */
@Value.Immutable
@FormsStyle
public abstract class Option {
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

  /** @return the stable code, upper case, e.g. {@code EARLY_HELP} */
  @Value.Parameter
  public abstract String code();

  /** @return the label shown to the person filling in the form */
  @Value.Parameter
  public abstract String label();

  /**
   * @param code the stable code
   * @param label the label
   * @return the option
   */
  public static Option of(String code, String label) {
    return ImmutableOption.of(code, label);
  }

  @Value.Check
  void check() {
    if (!CODE.matcher(code()).matches()) {
      throw new InvalidValueException("option.code", "must be upper case letters, digits and underscores");
    }
    if (label().isBlank()) {
      throw new InvalidValueException("option.label", "must not be blank");
    }
  }

  @Override
  public String toString() {
    return code();
  }
}
