package io.thresholds.forms.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Jakarta Bean Validation constraint: the annotated text ({@link CharSequence}) is shaped like a UK postcode (the Royal Mail outward and inward code shapes, or {@code GIR 0AA}),
 * upper or lower case, the space optional (see {@link Identifiers#isUkPostcode(String)}); whether
 * the postcode exists is not checked. The
 * same check as the referral forms' ({@code postcode} rule). {@code null} is valid (combine with
 * {@code @NotNull} where the value is required).
 *
 * <p>Usable on a product's own classes with any Bean Validation 3 runtime (Hibernate Validator,
 * Spring, Quarkus): the validator is {@link UkPostcodeValidator}. The default message is fixed text
 * and never contains the value, so it can be logged.
 *
 * <pre>{@code
 * record PupilDto(@NhsNumber String nhsNumber, @UniquePupilNumber String upn, @UkPostcode String postcode) {}
 * }</pre>
 */
@Documented
@Constraint(validatedBy = UkPostcodeValidator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface UkPostcode {
  /** @return the message; the default never contains the value */
  String message() default "must be a UK postcode";

  /** @return the validation groups */
  Class<?>[] groups() default {};

  /** @return the payload */
  Class<? extends Payload>[] payload() default {};
}
