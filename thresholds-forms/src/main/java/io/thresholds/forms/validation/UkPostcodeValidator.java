package io.thresholds.forms.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/**
 * Validates {@link UkPostcode @UkPostcode}: {@code null} is valid,
 * other text must pass {@link Identifiers#isUkPostcode(String)}.
 */
public final class UkPostcodeValidator implements ConstraintValidator<UkPostcode, CharSequence> {
  /** Created by the Bean Validation runtime. */
  public UkPostcodeValidator() {}

  @Override
  public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
    return value == null || Identifiers.isUkPostcode(value.toString());
  }
}
