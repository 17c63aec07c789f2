package io.thresholds.forms.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Reports each problem {@link FormChecker} finds as a constraint violation at the field's path. */
final class ConformsToSchemaValidator implements ConstraintValidator<ConformsToSchema, Submission> {
  @Override
  public boolean isValid(@Nullable Submission s, ConstraintValidatorContext context) {
    if (s == null) {
      return true;
    }
    List<Violation> problems = FormChecker.check(s.schema(), s.data(), s.today());
    if (problems.isEmpty()) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    HibernateConstraintValidatorContext h = context.unwrap(HibernateConstraintValidatorContext.class);
    for (int i = 0; i < problems.size(); i++) {
      Violation v = problems.get(i);
      h.withDynamicPayload(new Tag(i, v.code()))
          .buildConstraintViolationWithTemplate(escape(v.message()))
          .addPropertyNode(v.field())
          .addConstraintViolation();
    }
    return false;
  }

  /** The dynamic payload of each violation: its rule code and its place in the form's order. */
  record Tag(int order, String code) {}

  /** Messages are fixed text, never templates: escape what message interpolation would read. */
  static String escape(String message) {
    return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
  }
}
