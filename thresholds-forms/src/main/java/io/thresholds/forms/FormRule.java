package io.thresholds.forms;

import io.thresholds.core.InvalidValueException;
import io.thresholds.forms.internal.FormsStyle;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A rule across fields: when the condition holds (or always, without one), the target field must
 * be answered, answered with one of some codes, or hold at least some items. For example: "an
 * early help referral needs consent from those with parental responsibility" is {@code when
 * referralType.service = EARLY_HELP, consent.parentalConsent one of VERBAL|WRITTEN}.
 *
 * <p>A broken rule is reported at the target field with the rule's {@link #code()} and
 * {@link #message()}.
 */
@Value.Immutable
@FormsStyle
public abstract class FormRule {
  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,63}");

  /** What the target field must satisfy. */
  public enum Requirement {
    /** It must be answered. */
    REQUIRED,
    /** It must be answered with one of {@link #values()}. */
    ONE_OF,
    /** It must hold at least {@link #minItems()} items. */
    MIN_ITEMS
  }

  /** @return the rule code reported with a violation, e.g. {@code early-help-consent} */
  public abstract String code();

  /** @return when the rule applies; absent means always */
  public abstract Optional<Condition> when();

  /** @return the id of the field the rule constrains */
  public abstract String field();

  /** @return what the field must satisfy */
  public abstract Requirement requirement();

  /** @return the allowed codes, for {@link Requirement#ONE_OF} */
  public abstract List<String> values();

  /** @return the least number of items, for {@link Requirement#MIN_ITEMS} */
  @Value.Default
  public int minItems() {
    return 0;
  }

  /** @return the message reported when the rule is broken (plain words, no personal values) */
  public abstract String message();

  /**
   * The builder of {@link FormRule}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableFormRule.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    if (!CODE.matcher(code()).matches()) {
      throw new InvalidValueException("rule.code", "must be lower case letters, digits and hyphens");
    }
    String at = "rule[" + code() + "]";
    if ((requirement() == Requirement.ONE_OF) == values().isEmpty()) {
      throw new InvalidValueException(at + ".values", "are needed for ONE_OF and only for it");
    }
    if ((requirement() == Requirement.MIN_ITEMS) != (minItems() > 0)) {
      throw new InvalidValueException(at + ".minItems", "a positive number is needed for MIN_ITEMS and only for it");
    }
    if (message().isBlank()) {
      throw new InvalidValueException(at + ".message", "must not be blank");
    }
  }

  @Override
  public String toString() {
    return "FormRule[" + code() + ": " + field() + " " + requirement() + when().map(c -> " when " + c).orElse("") + "]";
  }
}
