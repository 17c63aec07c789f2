package io.thresholds.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Guards against drift from the core model: every settable attribute of every value type in the
 * format has a JSON property, and every JSON property an attribute. A new attribute in core fails
 * here, naming the type and the attribute, until the codec and FORMAT.md cover it.
 */
class FormatCoverageTest {
  /** Properties that are not settable attributes: the document header and derived values written for readers. */
  private static final Set<String> NOT_ATTRIBUTES = Set.of("format", "ready");

  /**
   * Properties named differently from the attribute they carry: a form document gives its schema
   * as the form's id and version, and its data as {@code answers}.
   */
  private static final java.util.Map<Class<?>, java.util.Map<String, String>> ATTRIBUTE_OF = java.util.Map.of(
      io.thresholds.forms.prefill.PrefilledForm.class,
      java.util.Map.of("form", "schema", "formVersion", "schema", "answers", "data"));

  @Test
  void everyAttribute_hasAProperty_andEveryPropertyAnAttribute() throws Exception {
    java.util.List<String> drift = new java.util.ArrayList<>();
    for (Class<?> type : FormatDocumentationTest.OBJECTS) {
      Set<String> attributes = attributes(type);
      Set<String> properties = new TreeSet<>(ThresholdsModule.knownNames(type));
      properties.removeAll(NOT_ATTRIBUTES);
      java.util.Map<String, String> renamed = ATTRIBUTE_OF.getOrDefault(type, java.util.Map.of());
      Set<String> carried = new TreeSet<>();
      properties.forEach(p -> carried.add(renamed.getOrDefault(p, p)));
      properties = carried;
      Set<String> missing = new TreeSet<>(attributes);
      missing.removeAll(properties);
      Set<String> extra = new TreeSet<>(properties);
      extra.removeAll(attributes);
      if (!missing.isEmpty() || !extra.isEmpty()) {
        drift.add(type.getSimpleName() + ": attributes without a property " + missing
            + ", properties without an attribute " + extra);
      }
    }
    assertThat(drift).as("drift between the core model and the JSON format").isEmpty();
  }

  /**
   * The attribute names of a value type: the setters of its Immutables builder, or for a
   * hand-written value class (the working calendar) its public accessors without parameters.
   */
  static Set<String> attributes(Class<?> type) throws Exception {
    if (type == io.thresholds.core.time.WorkingCalendar.class) {
      Set<String> accessors = new TreeSet<>();
      for (Method m : type.getDeclaredMethods()) {
        if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
            && m.getParameterCount() == 0 && !Set.of("toString", "hashCode").contains(m.getName())) {
          accessors.add(m.getName());
        }
      }
      return accessors;
    }
    Class<?> immutable = Class.forName(type.getPackageName() + ".Immutable" + type.getSimpleName());
    Class<?> builder = null;
    // The generated builder (declared in the generated class; the value type's own public Builder
    // extends it and is inherited by the generated class too, so getClasses() would see both).
    for (Class<?> nested : immutable.getDeclaredClasses()) {
      if (nested.getSimpleName().equals("Builder")) {
        builder = nested;
      }
    }
    assertThat(builder).as("builder of " + immutable.getName()).isNotNull();
    Set<String> names = new TreeSet<>();
    for (Method m : builder.getMethods()) {
      String n = m.getName();
      if (m.getDeclaringClass() == builder && Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
          && m.getParameterCount() == 1 && !n.equals("from")
          && !n.matches("(add|put)(All)?[A-Z].*")) {
        names.add(n);
      }
    }
    return names;
  }
}
