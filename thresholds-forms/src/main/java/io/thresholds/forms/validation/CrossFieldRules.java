package io.thresholds.forms.validation;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.thresholds.forms.Condition;
import io.thresholds.forms.FormRule;
import io.thresholds.forms.FormSchema;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/**
 * The class-level constraint on a form's generated value holder: the form's rules across fields
 * ({@link FormSchema#rules()}: "when A is answered so, B must be answered", "at least one risk
 * factor") hold. A rule depends on another field's answer, so it cannot be a constraint of one
 * field; every check of one field is a field constraint (see {@link CompiledForm}). Each broken
 * rule is its own violation at the target field, with the rule's code and place as Hibernate
 * Validator's dynamic payload.
 */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = CrossFieldRules.Validator.class)
@interface CrossFieldRules {
  /** @return the default message (never used: each rule has its own) */
  String message() default "a rule across fields is broken";

  /** @return validation groups */
  Class<?>[] groups() default {};

  /** @return payload */
  Class<? extends Payload>[] payload() default {};

  /** The dynamic payload of each violation: the rule's code and its place among the form's rules. */
  record Tag(int order, String code) {}

  /** Validates {@link CrossFieldRules}. */
  final class Validator implements ConstraintValidator<CrossFieldRules, AnswersBean> {
    @Override
    public boolean isValid(@Nullable AnswersBean bean, ConstraintValidatorContext context) {
      if (bean == null || bean.schema == null) {
        return true;
      }
      Map<String, @Nullable Object> values = bean.answers;
      List<FormRule> rules = bean.schema.rules();
      boolean valid = true;
      for (int i = 0; i < rules.size(); i++) {
        FormRule r = rules.get(i);
        if (r.when().isPresent() && !holds(r.when().get(), values)) {
          continue;
        }
        boolean present = values.containsKey(r.field());
        Object v = values.get(r.field());
        boolean broken;
        switch (r.requirement()) {
          case REQUIRED:
            broken = !present;
            break;
          case ONE_OF:
            broken = !present || !r.values().contains(v);
            break;
          case MIN_ITEMS:
            broken = !present || (v instanceof List && ((List<?>) v).size() < r.minItems());
            break;
          default:
            throw new AssertionError(r.requirement());
        }
        if (broken) {
          if (valid) {
            context.disableDefaultConstraintViolation();
            valid = false;
          }
          context.unwrap(HibernateConstraintValidatorContext.class)
              .withDynamicPayload(new Tag(i, r.code()))
              .buildConstraintViolationWithTemplate(CompiledForm.escape(r.message()))
              .addPropertyNode(r.field())
              .addConstraintViolation();
        }
      }
      return valid;
    }

    private static boolean holds(Condition c, Map<String, @Nullable Object> values) {
      switch (c.kind()) {
        case PRESENT:
          return values.containsKey(c.field());
        case ABSENT:
          return !values.containsKey(c.field());
        case EQUALS:
          Object v = values.get(c.field());
          return v instanceof String && c.values().contains(v);
        default:
          throw new AssertionError(c.kind());
      }
    }
  }
}
