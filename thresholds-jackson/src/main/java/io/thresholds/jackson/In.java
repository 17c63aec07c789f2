package io.thresholds.jackson;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.thresholds.core.InvalidValueException;
import io.thresholds.core.ThresholdsException;
import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Tier;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A strict reader over a {@link JsonParser}: objects with known property names, typed values, and
 * errors that carry the JSON path and never quote the input.
 *
 * <p>Every failure below an object property or array element is rethrown with that property or
 * index prepended to the exception's path ({@link JsonMappingException#wrapWithPath}), as Jackson's
 * own bean deserializers do. Messages are written here; Jackson's parser messages that quote input
 * ("Unrecognized token 'Jane'") are cleaned before they are wrapped.
 */
final class In {
  /** Reads the properties of an object, one call per property (the parser is on its value). */
  interface Fields {
    void field(String name) throws IOException;
  }

  /** Reads one value (the parser is on its first token). */
  interface Value<T> {
    T read(In in) throws IOException;
  }

  private static final Pattern NUMERIC_VALUE = Pattern.compile("Numeric value \\(.*?\\)", Pattern.DOTALL);
  private static final Pattern UNRECOGNIZED_TOKEN =
      Pattern.compile("Unrecognized token '.*?': was expecting", Pattern.DOTALL);

  private final JsonParser p;
  private final DeserializationContext ctxt;

  In(JsonParser p, DeserializationContext ctxt) {
    this.p = p;
    this.ctxt = ctxt;
  }

  DeserializationContext context() {
    return ctxt;
  }

  // ---- structure -------------------------------------------------------------------------------

  /**
   * Reads an object. Unknown properties go to the context (which fails with the mapper's
   * FAIL_ON_UNKNOWN_PROPERTIES), a repeated property and a null value always fail.
   *
   * @return the names of the properties that were present
   */
  Set<String> object(Class<?> type, Collection<String> known, Fields fields) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw mismatch(type, "expected a JSON object");
    }
    Set<String> seen = new LinkedHashSet<>();
    while (true) {
      String name;
      try {
        if (p.nextToken() == JsonToken.END_OBJECT) {
          return seen;
        }
        name = p.currentName();
      } catch (JacksonException e) {
        throw rethrow(e, null, null);
      }
      try {
        p.nextToken();
        if (!known.contains(name)) {
          unknown(type, name, known);
          continue;
        }
      } catch (UnrecognizedPropertyException e) {
        throw e; // already has the property in its path
      } catch (JacksonException e) {
        throw rethrow(e, type, name);
      }
      try {
        if (!seen.add(name)) {
          throw mismatch(type, "property '" + name + "' is given twice");
        }
        if (p.currentToken() == JsonToken.VALUE_NULL) {
          throw mismatch(type, "must not be null (leave out an optional property that has no value)");
        }
        fields.field(name);
      } catch (JacksonException | ThresholdsException e) {
        throw rethrow(e, type, name);
      }
    }
  }

  private void unknown(Class<?> type, String name, Collection<String> known) throws IOException {
    // Fails with UnrecognizedPropertyException (listing the known names) under the mapper's
    // FAIL_ON_UNKNOWN_PROPERTIES, which ThresholdsJson.newMapper() enables; skips the value otherwise.
    ctxt.handleUnknownProperty(p, new KnownNames(known), type, name);
  }

  /** Tells Jackson's unknown-property error which names the object has. */
  private static final class KnownNames extends JsonDeserializer<Object> {
    private final Collection<String> names;

    KnownNames(Collection<String> names) {
      this.names = names;
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Collection<Object> getKnownPropertyNames() {
      return new ArrayList<>(names);
    }
  }

  /** Fails unless every name in {@code required} was present. */
  void require(Class<?> type, Set<String> seen, String... required) throws JsonMappingException {
    for (String name : required) {
      if (!seen.contains(name)) {
        throw JsonMappingException.wrapWithPath(
            mismatch(type, "missing required property '" + name + "'"), type, name);
      }
    }
  }

  <T> List<T> list(Value<T> element) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw mismatch(List.class, "expected a JSON array");
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; ; i++) {
      try {
        if (p.nextToken() == JsonToken.END_ARRAY) {
          return out;
        }
        if (p.currentToken() == JsonToken.VALUE_NULL) {
          throw mismatch(List.class, "a list element must not be null");
        }
        out.add(element.read(this));
      } catch (JacksonException | ThresholdsException e) {
        throw rethrow(e, List.class, i);
      }
    }
  }

  /**
   * An object whose property names are references and whose values are strings. An invalid key is
   * reported without quoting it (a key might be a name typed by mistake).
   */
  Map<Ref, String> refToText(Class<?> type) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw mismatch(Map.class, "expected a JSON object");
    }
    Map<Ref, String> out = new LinkedHashMap<>();
    while (true) {
      JsonToken t;
      try {
        t = p.nextToken();
      } catch (JacksonException e) {
        throw rethrow(e, null, null);
      }
      if (t == JsonToken.END_OBJECT) {
        return out;
      }
      Ref key;
      try {
        key = Ref.of(p.currentName());
      } catch (InvalidValueException e) {
        throw mismatch(type, "a key is not a valid reference: " + e.rule());
      }
      try {
        p.nextToken();
        if (out.containsKey(key)) {
          throw mismatch(type, "the same reference is given twice");
        }
        if (p.currentToken() == JsonToken.VALUE_NULL) {
          throw mismatch(type, "must not be null");
        }
        out.put(key, string());
      } catch (JacksonException | ThresholdsException e) {
        throw rethrow(e, Map.class, key.value());
      }
    }
  }

  /** Builds a value, turning a broken domain rule into a {@link ValueInstantiationException}. */
  <T> T build(Class<?> type, java.util.function.Supplier<T> builder) throws JsonMappingException {
    try {
      return builder.get();
    } catch (ThresholdsException e) {
      // Domain messages name the field and rule only (ThresholdsException's contract).
      throw ValueInstantiationException.from(
          p, "invalid " + type.getSimpleName() + ": " + e.getMessage(), ctxt.constructType(type), e);
    } catch (IllegalStateException | IllegalArgumentException | NullPointerException e) {
      // Not expected (required properties are checked first); the message is not repeated
      // because it is not written under the no-personal-data rule.
      throw ValueInstantiationException.from(
          p, "invalid " + type.getSimpleName(), ctxt.constructType(type));
    }
  }

  // ---- values ----------------------------------------------------------------------------------

  String string() throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw mismatch(String.class, "expected a string");
    }
    return p.getText(); // may fail the string length limit; the caller adds the path
  }

  boolean bool() throws JsonMappingException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (t == JsonToken.VALUE_FALSE) {
      return false;
    }
    throw mismatch(Boolean.class, "expected true or false");
  }

  int integer(int min, int max) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT
        || p.getNumberType() != JsonParser.NumberType.INT
        || p.getIntValue() < min
        || p.getIntValue() > max) {
      throw mismatch(Integer.class, "expected a whole number from " + min + " to " + max);
    }
    return p.getIntValue();
  }

  /** An ISO-8601 calendar date, yyyy-MM-dd, that exists. */
  LocalDate date() throws IOException {
    String text = textOf(LocalDate.class, "expected a date as a string, yyyy-MM-dd");
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      // The parser's message quotes the text: a date of birth must not appear in it.
      throw mismatch(LocalDate.class, "expected an ISO-8601 date yyyy-MM-dd that exists in the calendar");
    }
  }

  /** An ISO-8601 instant with a UTC offset, e.g. 2025-11-21T19:00:00Z. */
  Instant instant() throws IOException {
    String text = textOf(Instant.class, "expected an instant as a string, e.g. 2025-11-21T19:00:00Z");
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw mismatch(Instant.class,
          "expected an ISO-8601 instant with an offset, e.g. 2025-11-21T19:00:00Z");
    }
  }

  <E extends Enum<E>> E enumeration(Class<E> type) throws IOException {
    String text = textOf(type, "expected a string, " + Names.allowed(type));
    return Names.parse(type, text)
        .orElseThrow(() -> mismatch(type, "unknown value, expected " + Names.allowed(type)));
  }

  Tier tier() throws IOException {
    return Tier.of(integer(1, 4));
  }

  Ref ref() throws IOException {
    String text = textOf(Ref.class, "expected a reference as a string");
    try {
      return Ref.of(text);
    } catch (InvalidValueException e) {
      throw mismatch(Ref.class, "not a valid reference: " + e.rule());
    }
  }

  IndicatorCode code() throws IOException {
    String text = textOf(IndicatorCode.class, "expected an indicator code as a string");
    try {
      return IndicatorCode.of(text);
    } catch (InvalidValueException e) {
      throw mismatch(IndicatorCode.class, "not a valid indicator code: " + e.rule());
    }
  }

  private String textOf(Class<?> type, String rule) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw mismatch(type, rule);
    }
    return p.getText();
  }

  // ---- errors ----------------------------------------------------------------------------------

  MismatchedInputException mismatch(Class<?> type, String message) {
    return MismatchedInputException.from(p, type, message);
  }

  /**
   * The exception to throw for a failure below property {@code name} (or element {@code index}) of
   * {@code type}: JSON that does not parse stays a {@link StreamReadException}, located by line
   * and column, with any quoted input removed; anything else becomes a {@link
   * JsonMappingException} with the property prepended to its path (a domain exception keeps its
   * safe message and becomes the cause).
   */
  private IOException rethrow(Exception e, @Nullable Class<?> type, @Nullable Object nameOrIndex) {
    if (e instanceof StreamReadException) {
      String original = ((StreamReadException) e).getOriginalMessage();
      String cleaned = cleanMessage(original);
      // The original (quoting the input) is deliberately not kept as the cause.
      return cleaned.equals(original) ? (StreamReadException) e : new JsonParseException(p, cleaned);
    }
    JsonMappingException m;
    if (e instanceof JsonMappingException) {
      m = (JsonMappingException) e;
    } else if (e instanceof JacksonException) {
      // e.g. a StreamConstraintsException: messages give lengths and limits, not input
      m = JsonMappingException.from(p, ((JacksonException) e).getOriginalMessage(), e);
    } else {
      m = JsonMappingException.from(p, e.getMessage(), e); // ThresholdsException: safe by contract
    }
    if (type == null || nameOrIndex == null) {
      return m;
    }
    return nameOrIndex instanceof Integer
        ? JsonMappingException.wrapWithPath(m, type, (Integer) nameOrIndex)
        : JsonMappingException.wrapWithPath(m, type, (String) nameOrIndex);
  }

  /** Removes the input that Jackson's parser quotes in some messages. */
  static String cleanMessage(String message) {
    String m = UNRECOGNIZED_TOKEN.matcher(message).replaceAll(
        Matcher.quoteReplacement("Unrecognized token (not shown): was expecting"));
    return NUMERIC_VALUE.matcher(m).replaceAll(Matcher.quoteReplacement("Numeric value (not shown)"));
  }

}
