package io.thresholds.forms.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/**
 * Validates {@link UniquePupilNumber @UniquePupilNumber}: {@code null} is valid,
 * other text must pass {@link Identifiers#isUniquePupilNumber(String)}.
 */
public final class UniquePupilNumberValidator implements ConstraintValidator<UniquePupilNumber, CharSequence> {
  /** Created by the Bean Validation runtime. */
  public UniquePupilNumberValidator() {}

  @Override
  public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
    return value == null || Identifiers.isUniquePupilNumber(value.toString());
  }
}
