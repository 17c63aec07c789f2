package io.thresholds.forms;

import java.util.OptionalInt;

/**
 * What kind of answer a field takes, and so how its value is written in a completed form and
 * checked. Text limits are counted in Unicode code points; a longer answer is a violation, never
 * truncated.
 */
public enum FieldType {
  /** One line of text; at most 200 characters unless the field sets its own limit. */
  TEXT(Json.STRING, 200),
  /** Free text of several paragraphs; at most 4,000 characters unless the field sets its own limit. */
  LONG_TEXT(Json.STRING, 4000),
  /** A signature, written as the signer's typed name; at most 200 characters. */
  SIGNATURE(Json.STRING, 200),
  /** A calendar date, {@code YYYY-MM-DD}, not in the future. */
  DATE(Json.STRING, 0),
  /**
   * A date of birth or, for an unborn child, the expected date of delivery ({@code YYYY-MM-DD}): a
   * date in the future is read as an expected date of delivery and may be at most 42 weeks ahead.
   */
  BIRTH_OR_DUE_DATE(Json.STRING, 0),
  /** An age in whole years, 0 to 120. */
  AGE(Json.INTEGER, 0),
  /** One of the field's options, written as the option's code. */
  CHOICE(Json.STRING, 0),
  /** Yes or no, written as {@code YES} or {@code NO}. */
  YES_NO(Json.STRING, 0),
  /** Any number of the field's options (each at most once), written as a list of codes. */
  MULTI_CHOICE(Json.ARRAY, 0),
  /** A tick box: {@code true} or {@code false}. */
  BOOLEAN(Json.BOOLEAN, 0),
  /** An email address; at most 254 characters. */
  EMAIL(Json.STRING, 254),
  /** A UK phone number: 10 or 11 digits starting 0, or +44; spaces, hyphens and brackets allowed. */
  PHONE(Json.STRING, 20),
  /** A UK postcode, e.g. {@code EC2V 7HH}. */
  POSTCODE(Json.STRING, 8),
  /** An NHS number: ten digits (spaces allowed as 3-3-4) with a valid Modulus 11 check digit. */
  NHS_NUMBER(Json.STRING, 12),
  /** A Unique Pupil Number: thirteen characters, a check letter followed by twelve (DfE algorithm). */
  UPN(Json.STRING, 13),
  /** A repeatable group of rows (such as household members), each row holding the field's columns. */
  GROUP(Json.ARRAY, 0);

  /** How a value of the type is written in JSON. */
  enum Json {
    STRING, INTEGER, BOOLEAN, ARRAY
  }

  private final Json json;
  private final int defaultMaxLength;

  FieldType(Json json, int defaultMaxLength) {
    this.json = json;
    this.defaultMaxLength = defaultMaxLength;
  }

  /** @return the JSON Schema type name of one value: {@code string}, {@code integer}, {@code boolean} or {@code array} */
  public String jsonType() {
    return json.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** @return true if the answer is a string */
  public boolean isString() {
    return json == Json.STRING;
  }

  /** @return true if the answer is free text whose limit a field may change */
  public boolean isFreeText() {
    return this == TEXT || this == LONG_TEXT || this == SIGNATURE;
  }

  /** @return true if the answer must be one of a list of options (CHOICE, YES_NO, MULTI_CHOICE) */
  public boolean hasOptions() {
    return this == CHOICE || this == YES_NO || this == MULTI_CHOICE;
  }

  /** @return the default maximum length in code points, for string types with a limit */
  public OptionalInt defaultMaxLength() {
    return defaultMaxLength == 0 ? OptionalInt.empty() : OptionalInt.of(defaultMaxLength);
  }
}
