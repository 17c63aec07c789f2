package io.thresholds.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.thresholds.forms.Field;
import io.thresholds.forms.FieldType;
import io.thresholds.forms.FormData;
import io.thresholds.forms.FormSchema;
import io.thresholds.forms.Section;
import io.thresholds.forms.prefill.PrefilledForm;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes {@code thresholds/form@1} documents: a completed (or prefilled) form, its
 * answers by field id inside an envelope naming the form and its version.
 *
 * <p>The answers are read against the form's {@link FormSchema} (from the reader attribute {@link
 * ThresholdsModule#FORM_SCHEMA_ATTRIBUTE}): every key is a field of the form, every row key a
 * column of its group, and every value has the JSON type of its field. What the answers say (a
 * required question left out, an option code, a length, a check digit, a date in the future, a
 * rule across fields) is for {@code FormValidator}, which reports every problem at once. Answers
 * are personal data: no message quotes a value, and a key is named only when it cannot be one.
 */
final class FormCodec {
  static final String FORMAT = "thresholds/form@1";

  private static final List<String> FORM = List.of("format", "form", "formVersion", "answers", "notes");

  /** The shape of a field id, {@code section.name}; a section must also be the form's to be shown. */
  private static final Pattern FIELD_ID = Pattern.compile("[a-z][A-Za-z0-9]{0,63}\\.[a-z][A-Za-z0-9]{0,63}");

  private FormCodec() {}

  static List<String> knownNames(Class<?> type) {
    return type == PrefilledForm.class ? FORM : List.of();
  }

  // ---- reading ---------------------------------------------------------------------------------

  static PrefilledForm form(In in) throws IOException {
    Object attribute = in.context().getAttribute(ThresholdsModule.FORM_SCHEMA_ATTRIBUTE);
    if (!(attribute instanceof FormSchema)) {
      throw in.mismatch(PrefilledForm.class, "reading a form needs its FormSchema: set the reader attribute "
          + ThresholdsModule.FORM_SCHEMA_ATTRIBUTE + " (ThresholdsJson.readForm does)");
    }
    FormSchema schema = (FormSchema) attribute;
    PrefilledForm.Builder b = PrefilledForm.builder().schema(schema);
    Set<String> seen = in.object(PrefilledForm.class, FORM, name -> {
      switch (name) {
        case "format":
          if (!FORMAT.equals(in.string())) {
            throw in.mismatch(PrefilledForm.class, "unsupported format: this reader reads " + FORMAT);
          }
          break;
        case "form":
          if (!schema.id().equals(in.string())) {
            throw in.mismatch(PrefilledForm.class, "not the form being read: expected '" + schema.id() + "'");
          }
          break;
        case "formVersion":
          if (!schema.version().equals(in.string())) {
            throw in.mismatch(PrefilledForm.class, "completed against another version of the form: expected '"
                + schema.version() + "' (the fields may differ; convert the answers explicitly)");
          }
          break;
        case "answers":
          b.data(answers(in, schema));
          break;
        case "notes":
          b.notes(in.list(In::string));
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(PrefilledForm.class, seen, "format", "form", "formVersion", "answers");
    return in.build(PrefilledForm.class, b::build);
  }

  private static FormData answers(In in, FormSchema schema) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    in.entries(FormData.class, key -> shownKey(schema, key), key -> {
      Field f = schema.field(key).orElse(null);
      if (f == null) {
        throw in.unrecognized(FormData.class, shownKey(schema, key),
            "not a field of the form '" + schema.id() + "' (version " + schema.version() + ")");
      }
      out.put(key, answer(in, f));
    });
    return FormData.of(out);
  }

  private static Object answer(In in, Field f) throws IOException {
    if (f.type() == FieldType.MULTI_CHOICE) {
      return in.list(In::string);
    }
    if (f.isList() || f.type() == FieldType.GROUP) {
      return in.list(x -> item(x, f));
    }
    return scalar(in, f);
  }

  private static Object item(In in, Field f) throws IOException {
    return f.type() == FieldType.GROUP ? row(in, f) : scalar(in, f);
  }

  private static Map<String, Object> row(In in, Field group) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    in.entries(Map.class, key -> shownColumn(group, key), key -> {
      Field c = group.column(key).orElse(null);
      if (c == null) {
        throw in.unrecognized(Map.class, shownColumn(group, key),
            "not a column of the group '" + group.id() + "'; its columns are " + columns(group));
      }
      out.put(key, answer(in, c));
    });
    return out;
  }

  private static Object scalar(In in, Field f) throws IOException {
    switch (f.type()) {
      case BOOLEAN:
        return in.bool();
      case AGE:
        return in.wholeNumber();
      case GROUP:
      case MULTI_CHOICE:
        throw new AssertionError(f.type());
      default:
        if (in.token() != JsonToken.VALUE_STRING) {
          throw in.mismatch(String.class, "expected a string (" + f.type().name() + ")");
        }
        return in.string();
    }
  }

  /** A key as it may appear in a path: a field id, or one shaped like one of the form's sections. */
  static String shownKey(FormSchema schema, String key) {
    if (schema.field(key).isPresent()) {
      return key;
    }
    return FIELD_ID.matcher(key).matches() && schema.section(key.substring(0, key.indexOf('.'))).isPresent()
        ? key : "<unknown field>";
  }

  /** A row key as it may appear in a path: only a column of the group (a name could be a person's). */
  static String shownColumn(Field group, String key) {
    return group.column(key).isPresent() ? key : "<unknown column>";
  }

  private static String columns(Field group) {
    List<String> names = new ArrayList<>();
    group.columns().forEach(c -> names.add(c.id()));
    return String.join(", ", names);
  }

  // ---- checking what is written ----------------------------------------------------------------

  /**
   * Why the answers cannot be written as a document that reads back, or null if they can: the
   * path and the rule, never a value.
   */
  static @Nullable String problem(FormSchema schema, FormData data) {
    for (Map.Entry<String, @Nullable Object> e : data.values().entrySet()) {
      Field f = schema.field(e.getKey()).orElse(null);
      if (f == null) {
        return "answers." + shownKey(schema, e.getKey()) + ": not a field of the form '" + schema.id() + "'";
      }
      String p = problem("answers." + f.id(), f, e.getValue());
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  private static @Nullable String problem(String path, Field f, @Nullable Object v) {
    if (v == null) {
      return path + ": null (leave out a question that has no answer)";
    }
    if (f.type() == FieldType.MULTI_CHOICE || f.isList() || f.type() == FieldType.GROUP) {
      if (!(v instanceof List)) {
        return path + ": expected a list";
      }
      List<?> items = (List<?>) v;
      for (int i = 0; i < items.size(); i++) {
        String at = path + "[" + i + "]";
        Object item = items.get(i);
        String p;
        if (f.type() == FieldType.MULTI_CHOICE) {
          p = item instanceof String ? null : at + ": expected a string (an option code)";
        } else if (f.type() == FieldType.GROUP) {
          p = rowProblem(at, f, item);
        } else {
          p = scalarProblem(at, f, item);
        }
        if (p != null) {
          return p;
        }
      }
      return null;
    }
    return scalarProblem(path, f, v);
  }

  private static @Nullable String rowProblem(String path, Field group, @Nullable Object row) {
    if (!(row instanceof Map)) {
      return path + ": expected a row (answers by column)";
    }
    for (Map.Entry<?, ?> e : ((Map<?, ?>) row).entrySet()) {
      String key = String.valueOf(e.getKey());
      Field c = group.column(key).orElse(null);
      if (c == null) {
        return path + "." + shownColumn(group, key) + ": not a column of the group";
      }
      String p = problem(path + "." + key, c, e.getValue());
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  private static @Nullable String scalarProblem(String path, Field f, @Nullable Object v) {
    if (v == null) {
      return path + ": null";
    }
    switch (f.type()) {
      case BOOLEAN:
        return v instanceof Boolean ? null : path + ": expected true or false";
      case AGE:
        return intValue(v) != null ? null : path + ": expected a whole number that fits in an int";
      default:
        return v instanceof String ? null : path + ": expected a string (" + f.type().name() + ")";
    }
  }

  /** A whole number of any integral type within the range of an int, else null. */
  private static @Nullable Integer intValue(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).intValue();
    }
    if (v instanceof Long && (Long) v == ((Long) v).intValue()) {
      return ((Long) v).intValue();
    }
    if (v instanceof BigInteger && ((BigInteger) v).bitLength() < Integer.SIZE) {
      return ((BigInteger) v).intValue();
    }
    return null;
  }

  // ---- writing ---------------------------------------------------------------------------------
  // Canonical form: format, form, formVersion, answers (in the order of the form's fields, a row's
  // columns in the order of the group's columns), notes (always, [] when there are none).

  static void writeForm(PrefilledForm form, JsonGenerator g) throws IOException {
    FormSchema schema = form.schema();
    String problem = problem(schema, form.data());
    if (problem != null) {
      throw JsonMappingException.from(g, "cannot write the form: " + problem);
    }
    g.writeStartObject();
    g.writeStringField("format", FORMAT);
    g.writeStringField("form", schema.id());
    g.writeStringField("formVersion", schema.version());
    g.writeObjectFieldStart("answers");
    Map<String, @Nullable Object> values = form.data().values();
    for (Section s : schema.sections()) {
      for (Field f : s.fields()) {
        Object v = values.get(f.id());
        if (v != null) {
          g.writeFieldName(f.id());
          writeAnswer(f, v, g);
        }
      }
    }
    g.writeEndObject();
    g.writeArrayFieldStart("notes");
    for (String note : form.notes()) {
      g.writeString(note);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeAnswer(Field f, Object v, JsonGenerator g) throws IOException {
    if (!(v instanceof List)) {
      writeScalar(f, v, g);
      return;
    }
    g.writeStartArray();
    for (Object item : (List<?>) v) {
      if (f.type() == FieldType.GROUP) {
        Map<?, ?> row = (Map<?, ?>) item;
        g.writeStartObject();
        for (Field c : f.columns()) {
          Object x = row.get(c.id());
          if (x != null) {
            g.writeFieldName(c.id());
            writeAnswer(c, x, g);
          }
        }
        g.writeEndObject();
      } else {
        writeScalar(f, item, g);
      }
    }
    g.writeEndArray();
  }

  private static void writeScalar(Field f, Object v, JsonGenerator g) throws IOException {
    if (v instanceof Boolean) {
      g.writeBoolean((Boolean) v);
    } else if (f.type() == FieldType.AGE) {
      Integer n = intValue(v);
      if (n == null) {
        throw new AssertionError("checked before writing");
      }
      g.writeNumber(n);
    } else {
      g.writeString((String) v);
    }
  }
}
