package io.thresholds.forms.validation;

import java.util.regex.Pattern;

/**
 * Checks of the identifiers and contact details on the forms. Each check takes the text as entered
 * and returns true or false; none throws. The regular expressions are public so that the JSON
 * Schema export uses exactly the same ones (it cannot do the arithmetic of check digits).
 */
public final class Identifiers {
  /** An NHS number: ten digits, optionally spaced 3-3-4. The check digit is checked separately. */
  public static final String NHS_NUMBER_PATTERN = "^[0-9]{3} ?[0-9]{3} ?[0-9]{4}$";

  /**
   * A Unique Pupil Number: a check letter, eleven digits, then a digit (a permanent UPN) or a letter
   * (a temporary one). The letters I, O and S are never used.
   */
  public static final String UPN_PATTERN = "^[A-HJ-NP-RT-Z][0-9]{11}[0-9A-HJ-NP-RT-Z]$";

  /**
   * A UK postcode (the Royal Mail outward and inward code shapes, or GIR 0AA), upper or lower case,
   * the space optional.
   */
  public static final String POSTCODE_PATTERN =
      "^(?:[Gg][Ii][Rr] ?0[Aa][Aa]|[A-PR-UWYZa-pr-uwyz](?:[0-9]{1,2}|[A-HK-Ya-hk-y][0-9]{1,2}|[0-9][A-HJKPSTUWa-hjkpstuw]"
          + "|[A-HK-Ya-hk-y][0-9][ABEHMNPRVWXYabehmnprvwxy]) ?[0-9][ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2})$";

  /**
   * A UK phone number: {@code 0} or {@code +44} then a non-zero digit and eight or nine more digits,
   * each digit optionally preceded by one space or hyphen.
   */
  public static final String PHONE_PATTERN = "^(?:0|\\+44 ?)[1-9](?:[ -]?[0-9]){8,9}$";

  /**
   * An email address: the HTML form rules for the local part, and a domain of at least two labels.
   */
  public static final String EMAIL_PATTERN =
      "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$";

  /** A date written as {@code YYYY-MM-DD}. Whether the date exists is checked separately. */
  public static final String DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

  private static final Pattern NHS = Pattern.compile(NHS_NUMBER_PATTERN);
  private static final Pattern UPN = Pattern.compile(UPN_PATTERN);
  private static final Pattern POSTCODE = Pattern.compile(POSTCODE_PATTERN);
  private static final Pattern PHONE = Pattern.compile(PHONE_PATTERN);
  private static final Pattern EMAIL = Pattern.compile(EMAIL_PATTERN);

  /** The UPN check letters, by remainder 0 to 22 (DfE: no I, O or S). */
  private static final String UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

  private Identifiers() {}

  /**
   * An NHS number: ten digits whose tenth is the Modulus 11 check digit of the first nine (weights
   * 10 down to 2; 11 minus the remainder, 11 meaning 0; a result of 10 is never issued).
   *
   * @param text as entered
   * @return true if valid
   */
  public static boolean isNhsNumber(String text) {
    if (!NHS.matcher(text).matches()) {
      return false;
    }
    String digits = text.replace(" ", "");
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - sum % 11;
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == digits.charAt(9) - '0';
  }

  /**
   * A Unique Pupil Number (DfE): thirteen characters; characters 2 to 13, each valued by its place
   * in {@code ABCDEFGHJKLMNPQRTUVWXYZ0123456789} and weighted 2 to 13 by position, summed; the
   * remainder of the sum divided by 23 chooses the check letter (0 = A ... 22 = Z, skipping I, O
   * and S), which must be the first character. Local authority numbers are not checked.
   *
   * @param text as entered
   * @return true if valid
   */
  public static boolean isUniquePupilNumber(String text) {
    if (!UPN.matcher(text).matches()) {
      return false;
    }
    return text.charAt(0) == upnCheckLetter(text.substring(1));
  }

  /**
   * @param last12 characters 2 to 13 of a UPN
   * @return the check letter they need
   */
  static char upnCheckLetter(String last12) {
    String alphabet = UPN_LETTERS + "0123456789";
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += alphabet.indexOf(last12.charAt(i)) * (i + 2);
    }
    return UPN_LETTERS.charAt(sum % 23);
  }

  /**
   * @param text as entered
   * @return true if it is shaped like a UK postcode
   */
  public static boolean isUkPostcode(String text) {
    return POSTCODE.matcher(text).matches();
  }

  /**
   * @param text as entered
   * @return true if it is shaped like a UK phone number
   */
  public static boolean isUkPhoneNumber(String text) {
    return text.length() <= 20 && PHONE.matcher(text).matches();
  }

  /**
   * @param text as entered
   * @return true if it is shaped like an email address of at most 254 characters
   */
  public static boolean isEmail(String text) {
    return text.length() <= 254 && EMAIL.matcher(text).matches();
  }
}
