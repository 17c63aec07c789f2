package io.thresholds.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Test support: asserts that building a value breaks an invariant on one named field. */
public final class InvalidValues {
  private InvalidValues() {}

  /**
   * @param field the exact {@link InvalidValueException#field()} expected
   * @param build the code that must throw
   * @return the exception, for further assertions
   */
  public static InvalidValueException assertInvalid(String field, ThrowingCallable build) {
    InvalidValueException e = catchThrowableOfType(InvalidValueException.class, build);
    assertThat(e).as("expected InvalidValueException on %s", field).isNotNull();
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.rule()).isNotBlank();
    assertThat(e.getMessage()).isEqualTo(field + ": " + e.rule());
    return e;
  }
}
