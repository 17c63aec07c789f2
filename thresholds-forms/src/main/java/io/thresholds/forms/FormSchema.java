package io.thresholds.forms;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.policy.Citation;
import io.thresholds.forms.internal.FormsStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * One referral form of a partnership as data: its id and version, title, where the partnership's
 * document gives it, its sections of fields, and the rules across fields. A product renders it,
 * {@linkplain io.thresholds.forms.validation.FormValidator validates} completed forms against it,
 * and can {@linkplain io.thresholds.forms.jsonschema.JsonSchemaExporter export} it as JSON Schema.
 *
 * <p>Construction checks that field ids are unique and that every rule names existing fields and
 * options.
 */
@Value.Immutable
@FormsStyle
public abstract class FormSchema {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,63}");

  /** @return the form's id within its pack, e.g. {@code marf} */
  public abstract String id();

  /** @return the form's version; completed forms and exported schemas record it */
  public abstract String version();

  /** @return the form's title */
  public abstract String title();

  /** @return where the partnership's document gives the form */
  public abstract Citation citation();

  /** @return the sections, in order */
  public abstract List<Section> sections();

  /** @return the rules across fields */
  public abstract List<FormRule> rules();

  /**
   * The builder of {@link FormSchema}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableFormSchema.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return every field of every section (not the columns of groups), in order, by id */
  @Value.Lazy
  public Map<String, Field> fields() {
    Map<String, Field> m = new LinkedHashMap<>();
    for (Section s : sections()) {
      for (Field f : s.fields()) {
        m.put(f.id(), f);
      }
    }
    return m;
  }

  /**
   * @param id a field id such as {@code child.nhsNumber}
   * @return the field
   */
  public Optional<Field> field(String id) {
    return Optional.ofNullable(fields().get(id));
  }

  /**
   * @param id a section id
   * @return the section
   */
  public Optional<Section> section(String id) {
    return sections().stream().filter(s -> s.id().equals(id)).findFirst();
  }

  @Value.Check
  void check() {
    if (!ID.matcher(id()).matches()) {
      throw new InvalidValueException("form.id", "must be lower case letters, digits and hyphens");
    }
    if (version().isBlank() || title().isBlank()) {
      throw new InvalidValueException("form[" + id() + "]", "needs a version and a title");
    }
    if (sections().isEmpty()) {
      throw new InvalidValueException("form[" + id() + "].sections", "a form needs at least one section");
    }
    int count = 0;
    java.util.Set<String> sectionIds = new java.util.HashSet<>();
    for (Section s : sections()) {
      if (!sectionIds.add(s.id())) {
        throw new InvalidValueException("form[" + id() + "].sections", "section ids must be unique");
      }
      count += s.fields().size();
    }
    if (fields().size() != count) {
      throw new InvalidValueException("form[" + id() + "].fields", "field ids must be unique");
    }
    for (FormRule r : rules()) {
      String at = "form[" + id() + "].rule[" + r.code() + "]";
      Field target = field(r.field()).orElseThrow(
          () -> new InvalidValueException(at + ".field", "names no field of the form"));
      if (r.requirement() == FormRule.Requirement.ONE_OF
          && (!target.type().hasOptions() || target.type() == FieldType.MULTI_CHOICE
              || !target.optionCodes().containsAll(r.values()))) {
        throw new InvalidValueException(at + ".values", "must be option codes of a single-choice field");
      }
      if (r.requirement() == FormRule.Requirement.MIN_ITEMS
          && !(target.isList() || target.type() == FieldType.MULTI_CHOICE)) {
        throw new InvalidValueException(at + ".minItems", "applies only to a list or MULTI_CHOICE field");
      }
      if (r.when().isPresent()) {
        Condition c = r.when().get();
        Field tested = field(c.field()).orElseThrow(
            () -> new InvalidValueException(at + ".when", "names no field of the form"));
        if (c.kind() == Condition.Kind.EQUALS
            && (!tested.type().hasOptions() || tested.type() == FieldType.MULTI_CHOICE
                || !tested.optionCodes().containsAll(c.values()))) {
          throw new InvalidValueException(at + ".when", "must compare a single-choice field with its option codes");
        }
      }
    }
  }

  @Override
  public String toString() {
    return "FormSchema[" + id() + "@" + version() + ", " + sections().size() + " sections]";
  }
}
