/**
 * thresholds-forms: the referral forms of a partnership policy (for the City of London the MARF,
 * the MACE referral form and the Prevent referral form) as schemas read from a form pack; completed
 * forms validated with Jakarta Bean Validation (Hibernate Validator); forms prefilled from a
 * referral and its evaluation; JSON Schema (draft 2020-12) export.
 */
module io.thresholds.forms {
  requires transitive io.thresholds.core;
  requires transitive jakarta.validation;
  requires org.hibernate.validator;
  requires static org.immutables.value.annotations;
  requires static org.jspecify;

  exports io.thresholds.forms;
  exports io.thresholds.forms.validation;
  exports io.thresholds.forms.prefill;
  exports io.thresholds.forms.jsonschema;

  // Hibernate Validator reads the constraint annotations and the fields of the value holders
  // FormValidator generates in this package (hidden classes, one property per form field).
  opens io.thresholds.forms.validation to org.hibernate.validator;
}
