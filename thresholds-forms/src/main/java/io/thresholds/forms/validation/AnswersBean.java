package io.thresholds.forms.validation;

import io.thresholds.forms.FormSchema;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The super class of the value holder {@link CompiledForm} generates for a form: the generated
 * class adds one public field per form field, on which Bean Validation checks that field's
 * constraints. This class keeps what the class-level {@link CrossFieldRules} constraint needs: the
 * schema and the answers as given (a rule asks whether a field was answered at all, which a
 * {@code null} field cannot tell).
 */
abstract class AnswersBean {
  @Nullable FormSchema schema;
  Map<String, @Nullable Object> answers = Map.of();

  AnswersBean() {}

  @Override
  public String toString() {
    return "AnswersBean[" + (schema == null ? "?" : schema.id()) + "]";
  }
}
