package io.thresholds.forms.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/**
 * Validates {@link NhsNumber @NhsNumber}: {@code null} is valid,
 * other text must pass {@link Identifiers#isNhsNumber(String)}.
 */
public final class NhsNumberValidator implements ConstraintValidator<NhsNumber, CharSequence> {
  /** Created by the Bean Validation runtime. */
  public NhsNumberValidator() {}

  @Override
  public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
    return value == null || Identifiers.isNhsNumber(value.toString());
  }
}
