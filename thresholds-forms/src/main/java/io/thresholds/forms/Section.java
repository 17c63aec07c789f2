package io.thresholds.forms;

import io.thresholds.core.InvalidValueException;
import io.thresholds.forms.internal.FormsStyle;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/** A titled part of a form holding its fields in order. */
@Value.Immutable
@FormsStyle
public abstract class Section {
  private static final Pattern ID = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");

  /** @return the stable id, the first part of each field's id */
  public abstract String id();

  /** @return the heading */
  public abstract String title();

  /** @return guidance shown under the heading */
  public abstract Optional<String> help();

  /** @return the fields, in order */
  public abstract List<Field> fields();

  /**
   * The builder of {@link Section}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableSection.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    if (!ID.matcher(id()).matches()) {
      throw new InvalidValueException("section.id", "must be a name of letters and digits");
    }
    if (title().isBlank()) {
      throw new InvalidValueException("section[" + id() + "].title", "must not be blank");
    }
    if (fields().isEmpty()) {
      throw new InvalidValueException("section[" + id() + "].fields", "a section needs at least one field");
    }
    for (Field f : fields()) {
      if (!f.id().startsWith(id() + ".")) {
        throw new InvalidValueException("section[" + id() + "].fields", "field ids must start with the section id and a dot");
      }
    }
  }

  @Override
  public String toString() {
    return "Section[" + id() + ", " + fields().size() + " fields]";
  }
}
