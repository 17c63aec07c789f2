package io.thresholds.forms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A completed (or partly completed) form: answers by field id, shaped like JSON so that the same
 * answers can be checked by the Bean Validation validator and by the exported JSON Schema.
 *
 * <p>An answer is a {@code String} (text, dates as {@code YYYY-MM-DD}, option codes), a
 * {@code Boolean}, a {@code Number}, or a {@code List} of answers; a row of a group is a
 * {@code Map} from column name to answer. Anything else (including {@code null}) is kept as given
 * and reported by the validator as the wrong type: building a {@code FormData} never fails on
 * content, so that bad input always becomes a violation. A {@link LocalDate} is stored as its ISO
 * text.
 *
 * <p>{@code toString()} shows the number of answers only, never an answer or a key (a key is not
 * known to be a field id without the schema, and may be personal data typed in the wrong place).
 */
public final class FormData {
  /** Deeper nesting than this is never needed (field, list, row, column) and is cut off. */
  static final int MAX_DEPTH = 8;

  /** Stands in for anything nested deeper than {@link #MAX_DEPTH}; always the wrong type. */
  public static final Object TOO_DEEP = new Object() {
    @Override
    public String toString() {
      return "[nested too deeply]";
    }
  };

  private final Map<String, @Nullable Object> values;

  private FormData(Map<String, @Nullable Object> values) {
    this.values = values;
  }

  /**
   * @param values answers by field id, shaped like JSON (for example read with Jackson into a
   *     {@code Map}); copied deeply
   * @return the completed form
   */
  public static FormData of(Map<String, ? extends @Nullable Object> values) {
    Objects.requireNonNull(values, "values");
    Map<String, @Nullable Object> copy = new LinkedHashMap<>();
    values.forEach((k, v) -> copy.put(String.valueOf(k), copy(v, 1)));
    return new FormData(Collections.unmodifiableMap(copy));
  }

  /** @return an empty form */
  public static FormData empty() {
    return new FormData(Map.of());
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the answers by field id, unmodifiable, in the order given */
  public Map<String, @Nullable Object> values() {
    return values;
  }

  /** @return the ids of the fields answered */
  public Set<String> fieldIds() {
    return values.keySet();
  }

  /**
   * @param fieldId a field id
   * @return true if the field has an answer (even an invalid one)
   */
  public boolean has(String fieldId) {
    return values.containsKey(fieldId);
  }

  /**
   * @param fieldId a field id
   * @return the answer, if there is one that is not {@code null}
   */
  public Optional<Object> get(String fieldId) {
    return Optional.ofNullable(values.get(fieldId));
  }

  /** @return a builder starting from these answers */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.values.putAll(values);
    return b;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FormData && ((FormData) o).values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    // Not the keys: without the schema a key is not known to be a field id, and a key can be
    // personal data typed in the wrong place ("Jane Smith": 1).
    return "FormData[" + values.size() + (values.size() == 1 ? " answer]" : " answers]");
  }

  private static @Nullable Object copy(@Nullable Object v, int depth) {
    if (depth > MAX_DEPTH) {
      return TOO_DEEP;
    }
    if (v instanceof LocalDate) {
      return v.toString();
    }
    if (v instanceof Map) {
      Map<String, @Nullable Object> m = new LinkedHashMap<>();
      ((Map<?, ?>) v).forEach((k, x) -> m.put(String.valueOf(k), copy(x, depth + 1)));
      return Collections.unmodifiableMap(m);
    }
    if (v instanceof List) {
      List<@Nullable Object> l = new ArrayList<>();
      for (Object x : (List<?>) v) {
        l.add(copy(x, depth + 1));
      }
      return Collections.unmodifiableList(l);
    }
    return v;
  }

  /** Builds a {@link FormData} answer by answer. Later answers to the same field replace earlier ones. */
  public static final class Builder {
    private final Map<String, @Nullable Object> values = new LinkedHashMap<>();

    private Builder() {}

    /**
     * @param fieldId a field id
     * @param value a text, date, option code or phone number
     * @return this builder
     */
    public Builder set(String fieldId, String value) {
      values.put(fieldId, value);
      return this;
    }

    /**
     * @param fieldId a date field
     * @param value the date
     * @return this builder
     */
    public Builder set(String fieldId, LocalDate value) {
      values.put(fieldId, value.toString());
      return this;
    }

    /**
     * @param fieldId a tick box
     * @param value ticked or not
     * @return this builder
     */
    public Builder set(String fieldId, boolean value) {
      values.put(fieldId, value);
      return this;
    }

    /**
     * @param fieldId an age field
     * @param value the number
     * @return this builder
     */
    public Builder set(String fieldId, int value) {
      values.put(fieldId, value);
      return this;
    }

    /**
     * @param fieldId a list or MULTI_CHOICE field
     * @param items the answers
     * @return this builder
     */
    public Builder set(String fieldId, List<?> items) {
      values.put(fieldId, copy(items, 1));
      return this;
    }

    /**
     * Adds one answer to a list field (a MULTI_CHOICE code, or one of several addresses).
     *
     * @param fieldId the list field
     * @param item the answer
     * @return this builder
     */
    public Builder add(String fieldId, Object item) {
      List<@Nullable Object> l = new ArrayList<>();
      Object old = values.get(fieldId);
      if (old instanceof List) {
        l.addAll((List<?>) old);
      }
      l.add(copy(item, 2));
      values.put(fieldId, Collections.unmodifiableList(l));
      return this;
    }

    /**
     * Adds a row to a group (such as a household member).
     *
     * @param groupId the group field
     * @param row answers by column name
     * @return this builder
     */
    public Builder addRow(String groupId, Map<String, ?> row) {
      return add(groupId, row);
    }

    /**
     * @param fieldId a field id
     * @return this builder without an answer for that field
     */
    public Builder remove(String fieldId) {
      values.remove(fieldId);
      return this;
    }

    /** @return the completed form */
    public FormData build() {
      return FormData.of(values);
    }
  }
}
