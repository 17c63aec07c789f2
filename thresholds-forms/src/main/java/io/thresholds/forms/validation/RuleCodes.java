package io.thresholds.forms.validation;

/**
 * The rule codes of the checks every form gets from its schema. Rules across fields carry the
 * codes their form pack gives them (for the City of London: {@code early-help-consent},
 * {@code consent-reason}, {@code not-viewed-reason}, {@code viewed-how}, {@code mace-risk-factor},
 * {@code coordinator-rationale}, {@code dob-or-age}, {@code prevent-describe}).
 */
public final class RuleCodes {
  /** A required field has no answer. */
  public static final String REQUIRED = "required";
  /** The form has no field (or the group no column) with this id. */
  public static final String UNKNOWN_FIELD = "unknown-field";
  /** The answer is not of the field's type (e.g. a number for text, a text for a list). */
  public static final String WRONG_TYPE = "wrong-type";
  /** A text answer holds only spaces. */
  public static final String BLANK = "blank";
  /** A text answer is longer than the field's limit; it is never truncated. */
  public static final String TOO_LONG = "too-long";
  /** The answer is not one of the field's options. */
  public static final String NOT_AN_OPTION = "not-an-option";
  /** An option is chosen twice. */
  public static final String DUPLICATE_OPTION = "duplicate-option";
  /** A list has fewer items than the field needs. */
  public static final String TOO_FEW = "too-few";
  /** A list has more items than the field allows. */
  public static final String TOO_MANY = "too-many";
  /** A date is not written as an existing {@code YYYY-MM-DD} date. */
  public static final String INVALID_DATE = "invalid-date";
  /** A date is in the future. */
  public static final String FUTURE_DATE = "future-date";
  /** An expected date of delivery is more than 42 weeks ahead. */
  public static final String DUE_DATE_TOO_FAR = "due-date-too-far";
  /** An age is not a whole number from 0 to 120. */
  public static final String AGE_RANGE = "age-range";
  /** Not a valid NHS number (ten digits with a Modulus 11 check digit). */
  public static final String NHS_NUMBER = "nhs-number";
  /** Not a valid Unique Pupil Number (thirteen characters with its check letter). */
  public static final String UPN = "upn";
  /** Not a UK postcode. */
  public static final String POSTCODE = "postcode";
  /** Not an email address. */
  public static final String EMAIL = "email";
  /** Not a UK phone number. */
  public static final String PHONE = "phone";

  private RuleCodes() {}
}
