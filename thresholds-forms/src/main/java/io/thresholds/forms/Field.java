package io.thresholds.forms;

import io.thresholds.core.InvalidValueException;
import io.thresholds.forms.internal.FormsStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * One question of a form. A field of a section has an id {@code section.name} (for example
 * {@code child.nhsNumber}); a column of a {@link FieldType#GROUP} has a plain name (for example
 * {@code surname}) and is addressed as {@code household.members[0].surname}. Ids are stable: a
 * product may store answers under them.
 *
 * <p>A field is either answered once, or, when {@link #maxItems()} is set, a list: the rows of a
 * group, or several answers of a scalar type (such as known addresses).
 */
@Value.Immutable
@FormsStyle
public abstract class Field {
  private static final Pattern ID = Pattern.compile("[a-z][A-Za-z0-9]{0,63}(\\.[a-z][A-Za-z0-9]{0,63})?");

  /** @return the stable id */
  public abstract String id();

  /** @return the kind of answer */
  public abstract FieldType type();

  /** @return the question as shown, in plain words */
  public abstract String label();

  /** @return guidance shown with the question */
  public abstract Optional<String> help();

  /** @return true if the field must always be answered (conditional rules are in {@link FormSchema#rules()}) */
  @Value.Default
  public boolean required() {
    return false;
  }

  /** @return the options of a CHOICE or MULTI_CHOICE field (YES_NO has YES and NO) */
  public abstract List<Option> options();

  /** @return the field's own limit on text length in code points, overriding the type's default */
  public abstract OptionalInt maxLengthOverride();

  /** @return the least number of rows or answers of a list field */
  @Value.Default
  public int minItems() {
    return 0;
  }

  /** @return for a list field (a GROUP, or a repeatable answer) the most rows or answers */
  public abstract OptionalInt maxItems();

  /** @return the columns of a GROUP, in order */
  public abstract List<Field> columns();

  /**
   * The builder of {@link Field}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableField.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return true if the answer is a list of rows or values rather than one value */
  public boolean isList() {
    return maxItems().isPresent();
  }

  /** @return the effective length limit of a string answer, if it has one */
  public OptionalInt maxLength() {
    return maxLengthOverride().isPresent() ? maxLengthOverride() : type().defaultMaxLength();
  }

  /** @return the allowed option codes (YES and NO for a YES_NO field) */
  public List<String> optionCodes() {
    if (type() == FieldType.YES_NO) {
      return List.of("YES", "NO");
    }
    return options().stream().map(Option::code).toList();
  }

  /**
   * @param name a column name
   * @return the column of this group with that name
   */
  public Optional<Field> column(String name) {
    return columns().stream().filter(c -> c.id().equals(name)).findFirst();
  }

  @Value.Check
  void check() {
    String at = "field[" + id() + "]";
    if (!ID.matcher(id()).matches()) {
      throw new InvalidValueException("field.id", "must be a name, or section.name, of letters and digits");
    }
    if (label().isBlank()) {
      throw new InvalidValueException(at + ".label", "must not be blank");
    }
    boolean choice = type() == FieldType.CHOICE || type() == FieldType.MULTI_CHOICE;
    if (choice && options().size() < 2) {
      throw new InvalidValueException(at + ".options", "a choice needs at least two options");
    }
    if (!choice && !options().isEmpty()) {
      throw new InvalidValueException(at + ".options", "only CHOICE and MULTI_CHOICE fields have options");
    }
    Set<String> codes = new HashSet<>();
    for (Option o : options()) {
      if (!codes.add(o.code())) {
        throw new InvalidValueException(at + ".options", "option codes must be unique");
      }
    }
    if (maxLengthOverride().isPresent() && (!type().isFreeText() || maxLengthOverride().getAsInt() < 1)) {
      throw new InvalidValueException(at + ".maxLength", "only free text fields set a positive limit");
    }
    if (type() == FieldType.GROUP) {
      if (columns().isEmpty() || maxItems().isEmpty()) {
        throw new InvalidValueException(at, "a group needs columns and a maximum number of rows");
      }
      Set<String> names = new HashSet<>();
      for (Field c : columns()) {
        if (c.id().contains(".") || c.type() == FieldType.GROUP || c.isList()) {
          throw new InvalidValueException(at + ".columns", "a column is a plain name with a single answer");
        }
        if (!names.add(c.id())) {
          throw new InvalidValueException(at + ".columns", "column names must be unique");
        }
      }
    } else if (!columns().isEmpty()) {
      throw new InvalidValueException(at + ".columns", "only a GROUP has columns");
    }
    if (type() == FieldType.MULTI_CHOICE && maxItems().isPresent()) {
      throw new InvalidValueException(at + ".maxItems", "a MULTI_CHOICE is limited by its options");
    }
    if (minItems() < 0 || (maxItems().isPresent() && maxItems().getAsInt() < Math.max(1, minItems()))) {
      throw new InvalidValueException(at + ".items", "needs 0 <= min <= max and max >= 1");
    }
    if (minItems() > 0 && maxItems().isEmpty() && type() != FieldType.MULTI_CHOICE) {
      throw new InvalidValueException(at + ".minItems", "only list fields have a minimum number of items");
    }
  }

  @Override
  public String toString() {
    return "Field[" + id() + " " + type() + (required() ? " required" : "") + "]";
  }
}
