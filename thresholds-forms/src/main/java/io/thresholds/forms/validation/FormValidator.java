package io.thresholds.forms.validation;

import io.thresholds.forms.FormData;
import io.thresholds.forms.FormSchema;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates completed forms against their schema with Jakarta Bean Validation (Hibernate
 * Validator). Thread-safe; create one and share it.
 *
 * <p>Each field's checks are Bean Validation constraints that Hibernate Validator runs: for each
 * schema the validator builds, once, a value holder with a property per field and a programmatic
 * constraint mapping from the schema ({@code @NotNull} for a required field, its length limit, its
 * options, {@link NhsNumber @NhsNumber}, {@link UniquePupilNumber @UniquePupilNumber},
 * {@link UkPostcode @UkPostcode}, email and phone patterns, {@code @PastOrPresent} dates, age
 * bounds, list sizes, the rows of a group cascaded); the form's rules across fields are one
 * class-level constraint. The day is passed in, as everywhere in the SDK, and reaches the date
 * constraints as Bean Validation's {@code ClockProvider}, so that results do not depend on the
 * system clock.
 *
 * <p>{@link #validate} never throws on the content of a form: unknown field ids, wrong types,
 * over-long text (never truncated), malformed identifiers, impossible or future dates and broken
 * rules across fields each become a {@link Violation}, at most one per field path.
 */
public final class FormValidator implements AutoCloseable {
  /** More schemas than this are validated without keeping their metadata. */
  private static final int MAX_CACHED = 32;

  /**
   * The metadata built per schema, shared by every validator of the class loader: it depends on the
   * schema only, and building it takes tens to hundreds of milliseconds, which a product that
   * creates a validator per screen should not pay each time.
   */
  private static final Map<FormSchema, CompiledForm> COMPILED = new ConcurrentHashMap<>();

  private FormValidator() {}

  /**
   * Creates a validator; cheap. The Bean Validation metadata of a schema is built when it is first
   * validated, once for the whole application (on private Hibernate Validator factories, at most
   * 32 schemas kept; it does not use or change any other Bean Validation configuration of the
   * application). Messages are fixed text, so the factories use Hibernate Validator's
   * parameter-only message interpolator: nothing in a message is ever evaluated as an expression,
   * and no Jakarta Expression Language implementation is needed.
   *
   * @return a new validator
   */
  public static FormValidator create() {
    return new FormValidator();
  }

  /**
   * @param schema the form's schema
   * @param data the completed form
   * @param today the day the form is checked on (dates after it are in the future)
   * @return the violations, in the order of the form; empty if the form is valid
   */
  public List<Violation> validate(FormSchema schema, FormData data, LocalDate today) {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(today, "today");
    CompiledForm form = COMPILED.get(schema);
    if (form != null) {
      return form.validate(data, today);
    }
    if (COMPILED.size() >= MAX_CACHED) {
      try (CompiledForm once = CompiledForm.of(schema)) {
        return once.validate(data, today);
      }
    }
    return COMPILED.computeIfAbsent(schema, CompiledForm::of).validate(data, today);
  }

  /**
   * Nothing to release: the metadata of the schemas is shared (see {@link #create()}). Kept so that
   * code written for the earlier validator, which had a factory of its own, compiles unchanged.
   */
  @Override
  public void close() {}
}
