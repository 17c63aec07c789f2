package io.thresholds.forms.validation;

import io.thresholds.forms.FormData;
import io.thresholds.forms.FormSchema;
import io.thresholds.forms.validation.ConformsToSchemaValidator.Tag;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.engine.HibernateConstraintViolation;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.jspecify.annotations.Nullable;

/**
 * Validates completed forms against their schema with Jakarta Bean Validation (Hibernate
 * Validator). Thread-safe; create one and share it.
 *
 * <p>{@link #validate} never throws on the content of a form: unknown field ids, wrong types,
 * over-long text (never truncated), malformed identifiers, impossible or future dates and broken
 * rules across fields each become a {@link Violation}. The day is passed in, as everywhere in the
 * SDK, so that results do not depend on the system clock.
 */
public final class FormValidator implements AutoCloseable {
  private final ValidatorFactory factory;
  private final Validator validator;

  private FormValidator(ValidatorFactory factory) {
    this.factory = factory;
    this.validator = factory.getValidator();
  }

  /**
   * Creates a validator on a private Hibernate Validator factory (it does not use or change any
   * other Bean Validation configuration of the application). Messages are fixed text, so the
   * factory uses Hibernate Validator's parameter-only message interpolator: nothing in a message is
   * ever evaluated as an expression, and no Jakarta Expression Language implementation is needed.
   *
   * @return a new validator
   */
  public static FormValidator create() {
    ValidatorFactory f = Validation.byProvider(HibernateValidator.class)
        .configure()
        .messageInterpolator(new ParameterMessageInterpolator())
        .constraintValidatorFactory(new Factory())
        .buildValidatorFactory();
    return new FormValidator(f);
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
    // Bean Validation returns a set; each violation's payload gives its place in the form's order.
    List<ConstraintViolation<Submission>> found = new ArrayList<>(validator.validate(new Submission(schema, data, today)));
    found.sort(Comparator.comparingInt(FormValidator::order));
    List<Violation> out = new ArrayList<>();
    for (ConstraintViolation<Submission> cv : found) {
      Tag tag = tag(cv);
      out.add(Violation.of(cv.getPropertyPath().toString(), tag == null ? "invalid" : tag.code(), cv.getMessage()));
    }
    return List.copyOf(out);
  }

  private static int order(ConstraintViolation<Submission> cv) {
    Tag tag = tag(cv);
    return tag == null ? Integer.MAX_VALUE : tag.order();
  }

  @SuppressWarnings("unchecked")
  private static @Nullable Tag tag(ConstraintViolation<Submission> cv) {
    HibernateConstraintViolation<Submission> h = cv.unwrap(HibernateConstraintViolation.class);
    return h.getDynamicPayload(Tag.class);
  }

  @Override
  public void close() {
    factory.close();
  }

  /** Creates the form constraint's validator directly, so no reflective access to it is needed. */
  private static final class Factory implements ConstraintValidatorFactory {
    @Override
    public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
      if (key == ConformsToSchemaValidator.class) {
        return key.cast(new ConformsToSchemaValidator());
      }
      try {
        return key.getConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot create constraint validator " + key.getName(), e);
      }
    }

    @Override
    public void releaseInstance(ConstraintValidator<?, ?> instance) {}
  }
}
