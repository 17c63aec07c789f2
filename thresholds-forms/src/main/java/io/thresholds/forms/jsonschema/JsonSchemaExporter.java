package io.thresholds.forms.jsonschema;

import io.thresholds.forms.Condition;
import io.thresholds.forms.Field;
import io.thresholds.forms.FieldType;
import io.thresholds.forms.FormRule;
import io.thresholds.forms.FormSchema;
import io.thresholds.forms.Section;
import io.thresholds.forms.validation.Identifiers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Exports a {@link FormSchema} as a JSON Schema (draft 2020-12) describing the JSON form of a
 * {@link io.thresholds.forms.FormData}: an object of answers by field id, groups as arrays of
 * objects by column name.
 *
 * <p>The schema carries the same required fields, types, options, text limits, list sizes, unknown
 * field rejection ({@code additionalProperties: false}), identifier and date shapes and rules
 * across fields ({@code if}/{@code then}) as {@link io.thresholds.forms.validation.FormValidator}.
 * What JSON Schema cannot say is checked only by the validator: NHS number and UPN check digits,
 * dates in the future (and how far ahead an expected date of delivery may be), and the names of
 * rule codes. Formats are asserted: a consumer should turn format assertion on.
 *
 * <p>The output is built from plain maps and lists and written by a small internal writer, so the
 * export needs no JSON library.
 */
public final class JsonSchemaExporter {
  /** The dialect of the exported schemas. */
  public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  private static final String NOT_BLANK = "\\S";

  private JsonSchemaExporter() {}

  /**
   * Exports a form as JSON Schema (draft 2020-12), like {@code DmnExporter.export(Policy)} exports a
   * policy as DMN.
   *
   * @param schema a form
   * @return its JSON Schema as JSON text, indented
   */
  public static String export(FormSchema schema) {
    return JsonWriter.write(toMap(schema));
  }

  /**
   * @param schema a form
   * @return its JSON Schema as JSON text, indented
   * @deprecated named {@link #export(FormSchema)} since 0.1.0 (one verb per job across the SDK's
   *     exporters); this name stays and delegates to it
   */
  @Deprecated(since = "0.1.0")
  public static String toJson(FormSchema schema) {
    return export(schema);
  }

  /**
   * @param schema a form
   * @return its JSON Schema as ordered, unmodifiable maps and lists of strings, numbers and booleans
   */
  public static Map<String, Object> toMap(FormSchema schema) {
    Objects.requireNonNull(schema, "schema");
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("$schema", DIALECT);
    root.put("$id", "urn:thresholds:form:" + schema.id() + ":" + schema.version());
    root.put("title", schema.title());
    root.put("description", schema.citation().toText() + " (form version " + schema.version() + ")");
    root.put("type", "object");
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (Section s : schema.sections()) {
      for (Field f : s.fields()) {
        Map<String, Object> p = field(f);
        p.put("x-section", s.id());
        properties.put(f.id(), freeze(p));
        if (f.required()) {
          required.add(f.id());
        }
      }
    }
    root.put("properties", freeze(properties));
    if (!required.isEmpty()) {
      root.put("required", List.copyOf(required));
    }
    root.put("additionalProperties", false);
    List<Object> rules = new ArrayList<>();
    for (FormRule r : schema.rules()) {
      rules.add(rule(r));
    }
    if (!rules.isEmpty()) {
      root.put("allOf", List.copyOf(rules));
    }
    return freeze(root);
  }

  private static Map<String, Object> field(Field f) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("title", f.label());
    f.help().ifPresent(h -> p.put("description", h));
    if (f.type() == FieldType.GROUP) {
      p.put("type", "array");
      putItems(p, f);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("type", "object");
      Map<String, Object> columns = new LinkedHashMap<>();
      List<String> required = new ArrayList<>();
      for (Field c : f.columns()) {
        Map<String, Object> cp = new LinkedHashMap<>();
        cp.put("title", c.label());
        c.help().ifPresent(h -> cp.put("description", h));
        cp.putAll(scalar(c));
        columns.put(c.id(), freeze(cp));
        if (c.required()) {
          required.add(c.id());
        }
      }
      row.put("properties", freeze(columns));
      if (!required.isEmpty()) {
        row.put("required", List.copyOf(required));
      }
      row.put("additionalProperties", false);
      p.put("items", freeze(row));
    } else if (f.type() == FieldType.MULTI_CHOICE) {
      p.put("type", "array");
      p.put("items", freeze(new LinkedHashMap<>(Map.of("type", "string", "enum", f.optionCodes()))));
      p.put("uniqueItems", true);
      p.put("x-options", options(f));
    } else if (f.isList()) {
      p.put("type", "array");
      putItems(p, f);
      p.put("items", freeze(scalar(f)));
    } else {
      p.putAll(scalar(f));
    }
    return p;
  }

  private static void putItems(Map<String, Object> p, Field f) {
    if (f.minItems() > 0) {
      p.put("minItems", f.minItems());
    }
    p.put("maxItems", f.maxItems().getAsInt());
  }

  private static Map<String, Object> scalar(Field f) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("type", f.type().jsonType());
    f.maxLength().ifPresent(n -> p.put("maxLength", n));
    switch (f.type()) {
      case TEXT:
      case LONG_TEXT:
      case SIGNATURE:
        p.put("pattern", NOT_BLANK);
        break;
      case DATE:
      case BIRTH_OR_DUE_DATE:
        p.put("format", "date");
        p.put("pattern", Identifiers.DATE_PATTERN);
        break;
      case AGE:
        p.put("minimum", 0);
        p.put("maximum", 120);
        break;
      case CHOICE:
      case YES_NO:
        p.put("enum", f.optionCodes());
        if (!f.options().isEmpty()) {
          p.put("x-options", options(f));
        }
        break;
      case EMAIL:
        p.put("format", "email");
        p.put("pattern", Identifiers.EMAIL_PATTERN);
        break;
      case PHONE:
        p.put("pattern", Identifiers.PHONE_PATTERN);
        break;
      case POSTCODE:
        p.put("pattern", Identifiers.POSTCODE_PATTERN);
        break;
      case NHS_NUMBER:
        p.put("pattern", Identifiers.NHS_NUMBER_PATTERN);
        break;
      case UPN:
        p.put("pattern", Identifiers.UPN_PATTERN);
        break;
      case BOOLEAN:
        break;
      default:
        throw new AssertionError(f.type());
    }
    p.put("x-type", f.type().name());
    return p;
  }

  private static Map<String, Object> options(Field f) {
    Map<String, Object> labels = new LinkedHashMap<>();
    f.options().forEach(o -> labels.put(o.code(), o.label()));
    return freeze(labels);
  }

  private static Map<String, Object> rule(FormRule r) {
    Map<String, Object> then = new LinkedHashMap<>();
    then.put("required", List.of(r.field()));
    switch (r.requirement()) {
      case REQUIRED:
        break;
      case ONE_OF:
        then.put("properties", Map.of(r.field(), Map.of("enum", r.values())));
        break;
      case MIN_ITEMS:
        then.put("properties", Map.of(r.field(), Map.of("minItems", r.minItems())));
        break;
      default:
        throw new AssertionError(r.requirement());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("$comment", r.code() + ": " + r.message());
    if (r.when().isEmpty()) {
      out.putAll(then);
      return freeze(out);
    }
    Condition c = r.when().get();
    Map<String, Object> test = new LinkedHashMap<>();
    switch (c.kind()) {
      case EQUALS:
        test.put("required", List.of(c.field()));
        test.put("properties", Map.of(c.field(), Map.of("enum", c.values())));
        break;
      case PRESENT:
        test.put("required", List.of(c.field()));
        break;
      case ABSENT:
        test.put("not", Map.of("required", List.of(c.field())));
        break;
      default:
        throw new AssertionError(c.kind());
    }
    out.put("if", freeze(test));
    out.put("then", freeze(then));
    return freeze(out);
  }

  private static Map<String, Object> freeze(Map<String, Object> m) {
    return Collections.unmodifiableMap(m);
  }
}
