package io.thresholds.forms.validation;

import io.thresholds.forms.FormData;
import io.thresholds.forms.FormSchema;
import java.time.LocalDate;

/** The bean Bean Validation validates: a completed form, its schema and the day it is checked on. */
@ConformsToSchema
final class Submission {
  private final FormSchema schema;
  private final FormData data;
  private final LocalDate today;

  Submission(FormSchema schema, FormData data, LocalDate today) {
    this.schema = schema;
    this.data = data;
    this.today = today;
  }

  FormSchema schema() {
    return schema;
  }

  FormData data() {
    return data;
  }

  LocalDate today() {
    return today;
  }

  @Override
  public String toString() {
    return "Submission[" + schema.id() + "]";
  }
}
