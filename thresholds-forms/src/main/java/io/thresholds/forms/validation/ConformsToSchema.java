package io.thresholds.forms.validation;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The class-level Bean Validation constraint on a {@link Submission}: its form data conforms to its
 * schema. Each problem is reported as its own constraint violation at the field's path, with the
 * rule code as Hibernate Validator's dynamic payload.
 */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = ConformsToSchemaValidator.class)
@interface ConformsToSchema {
  /** @return the default message (never used: each problem has its own) */
  String message() default "does not conform to its form schema";

  /** @return validation groups */
  Class<?>[] groups() default {};

  /** @return payload */
  Class<? extends Payload>[] payload() default {};
}
