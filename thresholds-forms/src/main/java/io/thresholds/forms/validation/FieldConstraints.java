package io.thresholds.forms.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The constraints {@link CompiledForm} puts on the fields of a form that Jakarta Bean Validation
 * has no standard constraint for, and the payloads that carry each violation's rule code. The
 * standard ones ({@code @NotNull}, {@code @Size}, {@code @Pattern}, {@code @PastOrPresent},
 * {@code @Digits}, {@code @DecimalMin}, {@code @DecimalMax}) and the SDK's public
 * {@link NhsNumber @NhsNumber}, {@link UniquePupilNumber @UniquePupilNumber} and
 * {@link UkPostcode @UkPostcode} do the rest. {@code null} is valid for each of these: a missing
 * answer is {@code @NotNull}'s concern.
 */
final class FieldConstraints {
  private FieldConstraints() {}

  /** Text of at most {@link #value()} Unicode code points ({@code @Size} counts UTF-16 units). */
  @Target({FIELD, TYPE_USE})
  @Retention(RUNTIME)
  @Constraint(validatedBy = MaxCodePointsValidator.class)
  @interface MaxCodePoints {
    /** @return the limit */
    int value();

    /** @return the message */
    String message() default "too long";

    /** @return groups */
    Class<?>[] groups() default {};

    /** @return payload */
    Class<? extends Payload>[] payload() default {};
  }

  /** Validates {@link MaxCodePoints}. */
  static final class MaxCodePointsValidator implements ConstraintValidator<MaxCodePoints, CharSequence> {
    private int max;

    @Override
    public void initialize(MaxCodePoints constraint) {
      max = constraint.value();
    }

    @Override
    public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
      return value == null || Character.codePointCount(value, 0, value.length()) <= max;
    }
  }

  /**
   * A date at most {@link #days()} days after the validator's clock's day (an expected date of
   * delivery); dates before it are valid. The day comes from Bean Validation's {@code ClockProvider},
   * like {@code @PastOrPresent}'s.
   */
  @Target({FIELD, TYPE_USE})
  @Retention(RUNTIME)
  @Constraint(validatedBy = WithinDaysAheadValidator.class)
  @interface WithinDaysAhead {
    /** @return the most days ahead */
    int days();

    /** @return the message */
    String message() default "too far ahead";

    /** @return groups */
    Class<?>[] groups() default {};

    /** @return payload */
    Class<? extends Payload>[] payload() default {};
  }

  /** Validates {@link WithinDaysAhead}. */
  static final class WithinDaysAheadValidator implements ConstraintValidator<WithinDaysAhead, LocalDate> {
    private int days;

    @Override
    public void initialize(WithinDaysAhead constraint) {
      days = constraint.days();
    }

    @Override
    public boolean isValid(@Nullable LocalDate value, ConstraintValidatorContext context) {
      return value == null || !value.isAfter(LocalDate.now(context.getClockProvider().getClock()).plusDays(days));
    }
  }

  /**
   * No element of the list occurs twice; {@code null} elements (answers of the wrong type, already
   * reported) are not compared. Hibernate Validator's {@code @UniqueElements} counts them.
   */
  @Target({FIELD, TYPE_USE})
  @Retention(RUNTIME)
  @Constraint(validatedBy = NoDuplicatesValidator.class)
  @interface NoDuplicates {
    /** @return the message */
    String message() default "duplicates";

    /** @return groups */
    Class<?>[] groups() default {};

    /** @return payload */
    Class<? extends Payload>[] payload() default {};
  }

  /** Validates {@link NoDuplicates}. */
  static final class NoDuplicatesValidator implements ConstraintValidator<NoDuplicates, List<?>> {
    @Override
    public boolean isValid(@Nullable List<?> value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      Set<Object> seen = new HashSet<>();
      for (Object o : value) {
        if (o != null && !seen.add(o)) {
          return false;
        }
      }
      return true;
    }
  }

  /** The payloads that name the rule code of a field constraint's violation. */
  static final class Code {
    private Code() {}

    static final class Required implements Payload {}

    static final class TooLong implements Payload {}

    static final class Blank implements Payload {}

    static final class NotAnOption implements Payload {}

    static final class DuplicateOption implements Payload {}

    static final class TooFew implements Payload {}

    static final class TooMany implements Payload {}

    static final class FutureDate implements Payload {}

    static final class DueDateTooFar implements Payload {}

    static final class AgeRange implements Payload {}

    static final class WholeNumber implements Payload {}

    static final class Nhs implements Payload {}

    static final class Upn implements Payload {}

    static final class Postcode implements Payload {}

    static final class Email implements Payload {}

    static final class Phone implements Payload {}

    /** Rule code by payload. */
    static final Map<Class<? extends Payload>, String> CODES = Map.ofEntries(
        Map.entry(Required.class, RuleCodes.REQUIRED),
        Map.entry(TooLong.class, RuleCodes.TOO_LONG),
        Map.entry(Blank.class, RuleCodes.BLANK),
        Map.entry(NotAnOption.class, RuleCodes.NOT_AN_OPTION),
        Map.entry(DuplicateOption.class, RuleCodes.DUPLICATE_OPTION),
        Map.entry(TooFew.class, RuleCodes.TOO_FEW),
        Map.entry(TooMany.class, RuleCodes.TOO_MANY),
        Map.entry(FutureDate.class, RuleCodes.FUTURE_DATE),
        Map.entry(DueDateTooFar.class, RuleCodes.DUE_DATE_TOO_FAR),
        Map.entry(AgeRange.class, RuleCodes.AGE_RANGE),
        Map.entry(WholeNumber.class, RuleCodes.WRONG_TYPE),
        Map.entry(Nhs.class, RuleCodes.NHS_NUMBER),
        Map.entry(Upn.class, RuleCodes.UPN),
        Map.entry(Postcode.class, RuleCodes.POSTCODE),
        Map.entry(Email.class, RuleCodes.EMAIL),
        Map.entry(Phone.class, RuleCodes.PHONE));
  }
}
