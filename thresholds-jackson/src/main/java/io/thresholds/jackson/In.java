package io.thresholds.jackson;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.util.LinkedNode;
import io.thresholds.core.InvalidValueException;
import io.thresholds.core.ThresholdsException;
import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Tier;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
  // Greedy up to the last quote: the name itself may hold the quote character (O'Brien).
  private static final Pattern DUPLICATE =
      Pattern.compile("Duplicate (?:field|Object property) (['\"]).*\\1", Pattern.DOTALL);
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
   * Reads an object. An unknown property fails unless a problem handler of the mapper accepts it;
   * a repeated property and a null value always fail.
   *
   * @return the names of the properties that were present
   */
  Set<String> object(Class<?> type, List<String> known, Fields fields) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw mismatch(type, "expected a JSON object");
    }
    Seen seen = new Seen(known);
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
      int index = indexOf(known, name);
      try {
        p.nextToken();
        if (index < 0) {
          unknown(type, name, known);
          continue;
        }
      } catch (UnrecognizedPropertyException e) {
        throw e; // already has the property in its path
      } catch (JacksonException e) {
        // e.g. a problem handler skipping a value deeper than the nesting limit: the path names
        // the property as unknown, never by its name
        throw rethrow(e, type, index < 0 ? UNKNOWN_FIELD : name);
      }
      try {
        if (!seen.add(index)) {
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

  /**
   * {@code known.indexOf(name)}, comparing references first: the parser interns property names and
   * the known names are constants, so a known name is usually the same object.
   */
  private static int indexOf(List<String> known, String name) {
    for (int i = 0, n = known.size(); i < n; i++) {
      if (known.get(i) == name) {
        return i;
      }
    }
    return known.indexOf(name);
  }

  /** Stands for the name of an unknown property in messages and paths: the name may be personal data. */
  static final String UNKNOWN_FIELD = "<unknown field>";

  private void unknown(Class<?> type, String name, Collection<String> known) throws IOException {
    // A problem handler of the mapper may accept the property (the integrator's explicit choice:
    // it is given the name and skips the value). Otherwise it fails with an
    // UnrecognizedPropertyException that lists the known names but never the unknown one (a key
    // can be a name typed in the wrong place: {"Jane Smith": 1}), in its message or its path;
    // whatever the mapper's FAIL_ON_UNKNOWN_PROPERTIES, as a mapper that skips unknown properties
    // (Spring Boot's default) would read a misspelt "concern" as a referral without concerns.
    for (LinkedNode<DeserializationProblemHandler> h = ctxt.getConfig().getProblemHandlers();
        h != null; h = h.next()) {
      if (h.value().handleUnknownProperty(ctxt, p, new KnownNames(known), type, name)) {
        return;
      }
    }
    UnrecognizedPropertyException e = new UnrecognizedPropertyException(p,
        "Unrecognized property of " + type.getSimpleName() + " (its name is not shown: it may be personal data);"
            + " the properties it may have: " + String.join(", ", known),
        p.currentLocation(), type, UNKNOWN_FIELD, new ArrayList<>(known));
    e.prependPath(type, UNKNOWN_FIELD);
    throw e;
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

  /**
   * The properties of an object that were present: a bit for each of the (at most 64) known
   * names, so that reading an object does not allocate a hash set.
   */
  private static final class Seen extends AbstractSet<String> {
    private final List<String> known;
    private long bits;

    Seen(List<String> known) {
      if (known.size() > Long.SIZE) {
        throw new IllegalArgumentException("at most 64 properties");
      }
      this.known = known;
    }

    boolean add(int index) {
      long bit = 1L << index;
      boolean added = (bits & bit) == 0;
      bits |= bit;
      return added;
    }

    @Override
    public boolean contains(Object name) {
      int index = name instanceof String ? indexOf(known, (String) name) : -1;
      return index >= 0 && (bits & (1L << index)) != 0;
    }

    @Override
    public int size() {
      return Long.bitCount(bits);
    }

    @Override
    public Iterator<String> iterator() {
      List<String> present = new ArrayList<>();
      for (int i = 0; i < known.size(); i++) {
        if ((bits & (1L << i)) != 0) {
          present.add(known.get(i));
        }
      }
      return present.iterator();
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
    return list(element, Integer.MAX_VALUE, null);
  }

  /**
   * An array of at most {@code max} elements; the element after the last allowed one fails with
   * its index in the path and {@code what} in the message (a limit of the format).
   */
  <T> List<T> list(Value<T> element, int max, @Nullable String what) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw mismatch(List.class, "expected a JSON array");
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; ; i++) {
      try {
        if (p.nextToken() == JsonToken.END_ARRAY) {
          return out;
        }
        if (i == max) {
          throw mismatch(List.class, "too many " + what + ": at most " + max + " are accepted");
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

  /** An array whose elements form a set: an element given twice fails, with its index. */
  <T> List<T> uniqueList(Value<T> element) throws IOException {
    List<T> out = list(element);
    for (int i = 1; i < out.size(); i++) {
      if (out.subList(0, i).contains(out.get(i))) {
        throw JsonMappingException.wrapWithPath(
            mismatch(List.class, "the same value is given twice"), List.class, i);
      }
    }
    return out;
  }

  /**
   * Reads an object of data whose keys are not properties of the format (the answers of a form, a
   * row of a group): one call per key, the parser on its value. A repeated key and a null value
   * fail. A failure is wrapped with {@code pathKey.apply(key)} as the path element, so that a key
   * that might be personal data typed in the wrong place is never part of a path.
   */
  void entries(Class<?> type, java.util.function.UnaryOperator<String> pathKey, Fields entry)
      throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw mismatch(type, "expected a JSON object");
    }
    Set<String> seen = new java.util.HashSet<>();
    while (true) {
      JsonToken t;
      try {
        t = p.nextToken();
      } catch (JacksonException e) {
        throw rethrow(e, null, null);
      }
      if (t == JsonToken.END_OBJECT) {
        return;
      }
      String key = p.currentName();
      try {
        p.nextToken();
        if (!seen.add(key)) {
          throw mismatch(type, "the same key is given twice");
        }
        if (p.currentToken() == JsonToken.VALUE_NULL) {
          throw mismatch(type, "must not be null (leave out a question that has no answer)");
        }
        entry.field(key);
      } catch (JacksonException | ThresholdsException e) {
        throw rethrow(e, Map.class, pathKey.apply(key));
      }
    }
  }

  /**
   * An unknown key of data, reported under {@code shown} (the key itself only when it is safe to
   * show) with a message of the module's own.
   */
  UnrecognizedPropertyException unrecognized(Class<?> type, String shown, String message) {
    return new UnrecognizedPropertyException(p, message, p.currentLocation(), type, shown, null);
  }

  /** The current token. */
  @Nullable JsonToken token() {
    return p.currentToken();
  }

  /** A whole number that fits in an {@code int}, with no range of the format's own. */
  int wholeNumber() throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
      throw mismatch(Integer.class, "expected a whole number");
    }
    return p.getIntValue();
  }

  /** An object whose property names and values are strings, in document order. */
  Map<String, String> textToText(Class<?> type) throws IOException {
    return keyedText(type, name -> name, "the same key is given twice");
  }

  /**
   * An object whose property names are references and whose values are strings. An invalid key is
   * reported without quoting it (a key might be a name typed by mistake).
   */
  Map<Ref, String> refToText(Class<?> type) throws IOException {
    return keyedText(type, name -> {
      try {
        return Ref.of(name);
      } catch (InvalidValueException e) {
        throw mismatch(type, "a key is not a valid reference: " + e.rule());
      }
    }, "the same reference is given twice");
  }

  /** Turns a property name into a key; may reject it without quoting it. */
  @FunctionalInterface
  private interface KeyReader<K> {
    K read(String name) throws JsonMappingException;
  }

  /** An object of string values, keyed by what {@code keys} makes of each property name, in order. */
  private <K> Map<K, String> keyedText(Class<?> type, KeyReader<K> keys, String duplicate)
      throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw mismatch(Map.class, "expected a JSON object");
    }
    Map<K, String> out = new LinkedHashMap<>();
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
      String name = p.currentName();
      K key = keys.read(name);
      try {
        p.nextToken();
        if (out.containsKey(key)) {
          throw mismatch(type, duplicate);
        }
        if (p.currentToken() == JsonToken.VALUE_NULL) {
          throw mismatch(type, "must not be null");
        }
        out.put(key, string());
      } catch (JacksonException | ThresholdsException e) {
        throw rethrow(e, Map.class, key.toString());
      }
    }
  }

  /** Builds a value, turning a broken domain rule into a {@link ValueInstantiationException}. */
  <T> T build(Class<?> type, java.util.function.Supplier<T> builder) throws JsonMappingException {
    try {
      return builder.get();
    } catch (ThresholdsException | IllegalStateException | IllegalArgumentException
        | NullPointerException e) {
      throw invalid(type, e);
    }
  }

  /**
   * Builds a part of a policy like {@link #build}; when the broken rule's field ends with one of
   * the part's property names ({@code indicators[T2-X].label}), that property is added to the path.
   */
  <T> T buildPart(Class<?> type, Collection<String> properties, java.util.function.Supplier<T> builder)
      throws JsonMappingException {
    try {
      return builder.get();
    } catch (InvalidValueException e) {
      String field = e.field();
      String last = field.substring(field.lastIndexOf('.') + 1);
      JsonMappingException m = invalid(type, e);
      throw field.contains(".") && properties.contains(last)
          ? JsonMappingException.wrapWithPath(m, type, last) : m;
    } catch (ThresholdsException | IllegalStateException | IllegalArgumentException
        | NullPointerException e) {
      throw invalid(type, e);
    }
  }

  /**
   * The exception for a value that breaks a rule of the domain model: a {@link
   * ValueInstantiationException} with the domain exception as its cause (its message names the
   * field and the rule, never the value).
   */
  JsonMappingException invalid(Class<?> type, RuntimeException e) {
    if (e instanceof ThresholdsException) {
      return ValueInstantiationException.from(
          p, "invalid " + type.getSimpleName() + ": " + e.getMessage(), ctxt.constructType(type), e);
    }
    // Not expected (required properties are checked first); the message is not repeated
    // because it is not written under the no-personal-data rule.
    return ValueInstantiationException.from(
        p, "invalid " + type.getSimpleName(), ctxt.constructType(type));
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
    LocalDate fast = canonicalDate(text);
    if (fast != null) {
      return fast;
    }
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
    Instant fast = canonicalInstant(text);
    if (fast != null) {
      return fast;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw mismatch(Instant.class,
          "expected an ISO-8601 instant with an offset, e.g. 2025-11-21T19:00:00Z");
    }
  }

  // The java.time parsers allocate a parse context and a field map for every value (about 1.5 KB
  // for an instant). The canonical forms the writer writes are read here directly; anything else,
  // including every invalid value, goes to the java.time parser, which decides.

  private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000,
      10_000_000, 100_000_000, 1_000_000_000};

  /** {@code yyyy-MM-dd} that exists, or null for anything else. */
  static @Nullable LocalDate canonicalDate(String t) {
    if (t.length() != 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 7);
    int day = digits(t, 8, 10);
    if (year < 0 || month < 0 || day < 0) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} that exists, or null for anything else. */
  static @Nullable Instant canonicalInstant(String t) {
    int n = t.length();
    if (n < 20 || n > 30 || n == 21 || t.charAt(n - 1) != 'Z' || t.charAt(4) != '-'
        || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':' || t.charAt(16) != ':') {
      return null;
    }
    int nanos = 0;
    if (n > 20) {
      int fraction = t.charAt(19) == '.' ? digits(t, 20, n - 1) : -1;
      if (fraction < 0) {
        return null;
      }
      nanos = fraction * POWERS_OF_TEN[9 - (n - 21)];
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 7);
    int day = digits(t, 8, 10);
    int hour = digits(t, 11, 13);
    int minute = digits(t, 14, 16);
    int second = digits(t, 17, 19);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null; // e.g. a leap second, which Instant.parse accepts
    }
  }

  /** The decimal number in {@code t[from, to)}, or -1 if a character is not an ASCII digit. */
  private static int digits(String t, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  <E extends Enum<E>> E enumeration(Class<E> type) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw mismatch(type, "expected a string, " + Names.allowed(type));
    }
    return Names.parse(type, p.getText())
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
    String m = DUPLICATE.matcher(message).replaceAll(Matcher.quoteReplacement("Duplicate property (not shown)"));
    m = UNRECOGNIZED_TOKEN.matcher(m).replaceAll(
        Matcher.quoteReplacement("Unrecognized token (not shown): was expecting"));
    return NUMERIC_VALUE.matcher(m).replaceAll(Matcher.quoteReplacement("Numeric value (not shown)"));
  }

}
