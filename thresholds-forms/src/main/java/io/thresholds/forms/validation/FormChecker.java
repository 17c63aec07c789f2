package io.thresholds.forms.validation;

import io.thresholds.forms.Condition;
import io.thresholds.forms.Field;
import io.thresholds.forms.FieldType;
import io.thresholds.forms.FormData;
import io.thresholds.forms.FormRule;
import io.thresholds.forms.FormSchema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The checks of a completed form against its schema, in one pass. Every problem becomes a
 * {@link Violation}; nothing here throws on content. Messages name the rule, never the value.
 */
final class FormChecker {
  /** An expected date of delivery is at most this many days ahead (42 weeks). */
  static final int MAX_DAYS_TO_DELIVERY = 42 * 7;

  private static final Pattern DATE = Pattern.compile(Identifiers.DATE_PATTERN);

  private final FormSchema schema;
  private final LocalDate today;
  /** Violations by path, first one per path kept, in order of discovery. */
  private final Map<String, Violation> found = new LinkedHashMap<>();
  private final List<Violation> all = new ArrayList<>();

  private FormChecker(FormSchema schema, LocalDate today) {
    this.schema = schema;
    this.today = today;
  }

  static List<Violation> check(FormSchema schema, FormData data, LocalDate today) {
    FormChecker c = new FormChecker(schema, today);
    c.run(data);
    return List.copyOf(c.all);
  }

  private void run(FormData data) {
    Map<String, @Nullable Object> values = data.values();
    for (Field f : schema.fields().values()) {
      if (!values.containsKey(f.id())) {
        if (f.required()) {
          add(f.id(), RuleCodes.REQUIRED, "This question must be answered.");
        }
        continue;
      }
      field(f.id(), f, values.get(f.id()));
    }
    for (String key : values.keySet()) {
      if (schema.field(key).isEmpty()) {
        add(shownKey(key), RuleCodes.UNKNOWN_FIELD, "The form has no such field.");
      }
    }
    for (FormRule r : schema.rules()) {
      if (r.when().isPresent() && !holds(r.when().get(), values)) {
        continue;
      }
      String target = r.field();
      if (found.containsKey(target)) {
        continue; // the answer is already wrong in itself; one violation per field is enough
      }
      boolean present = values.containsKey(target);
      Object v = values.get(target);
      boolean broken;
      switch (r.requirement()) {
        case REQUIRED:
          broken = !present;
          break;
        case ONE_OF:
          broken = !present || !r.values().contains(v);
          break;
        case MIN_ITEMS:
          broken = !present || (v instanceof List && ((List<?>) v).size() < r.minItems());
          break;
        default:
          throw new AssertionError(r.requirement());
      }
      if (broken) {
        add(target, r.code(), r.message());
      }
    }
  }

  private static boolean holds(Condition c, Map<String, @Nullable Object> values) {
    switch (c.kind()) {
      case PRESENT:
        return values.containsKey(c.field());
      case ABSENT:
        return !values.containsKey(c.field());
      case EQUALS:
        Object v = values.get(c.field());
        return v instanceof String && c.values().contains(v);
      default:
        throw new AssertionError(c.kind());
    }
  }

  private void field(String path, Field f, @Nullable Object v) {
    if (f.type() == FieldType.MULTI_CHOICE) {
      multiChoice(path, f, v);
      return;
    }
    if (!f.isList()) {
      scalar(path, f, v);
      return;
    }
    if (!(v instanceof List)) {
      add(path, RuleCodes.WRONG_TYPE, "Give a list.");
      return;
    }
    List<?> items = (List<?>) v;
    if (items.size() > f.maxItems().getAsInt()) {
      add(path, RuleCodes.TOO_MANY, "At most " + f.maxItems().getAsInt() + " may be given.");
    } else if (items.size() < f.minItems()) {
      add(path, RuleCodes.TOO_FEW, "At least " + f.minItems() + " must be given.");
    }
    for (int i = 0; i < items.size(); i++) {
      String at = path + "[" + i + "]";
      Object item = items.get(i);
      if (f.type() != FieldType.GROUP) {
        scalar(at, f, item);
      } else if (!(item instanceof Map)) {
        add(at, RuleCodes.WRONG_TYPE, "Each row must be a set of answers by column.");
      } else {
        row(at, f, (Map<?, ?>) item);
      }
    }
  }

  private void row(String path, Field group, Map<?, ?> row) {
    for (Field c : group.columns()) {
      String at = path + "." + c.id();
      if (!row.containsKey(c.id())) {
        if (c.required()) {
          add(at, RuleCodes.REQUIRED, "This question must be answered.");
        }
        continue;
      }
      scalar(at, c, row.get(c.id()));
    }
    for (Object key : row.keySet()) {
      if (group.column(String.valueOf(key)).isEmpty()) {
        add(path + "." + UNKNOWN_COLUMN, RuleCodes.UNKNOWN_FIELD,
            "The group has no such column; its columns are " + columns(group) + ".");
      }
    }
  }

  private void multiChoice(String path, Field f, @Nullable Object v) {
    if (!(v instanceof List)) {
      add(path, RuleCodes.WRONG_TYPE, "Give a list of option codes.");
      return;
    }
    List<?> items = (List<?>) v;
    Set<Object> seen = new HashSet<>();
    boolean duplicate = false;
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      if (!(item instanceof String)) {
        add(path + "[" + i + "]", RuleCodes.WRONG_TYPE, "Give an option code.");
      } else if (!f.optionCodes().contains(item)) {
        add(path + "[" + i + "]", RuleCodes.NOT_AN_OPTION, "Choose one of the options.");
      }
      duplicate |= !seen.add(item);
    }
    if (duplicate) {
      add(path, RuleCodes.DUPLICATE_OPTION, "Choose each option at most once.");
    }
  }

  private void scalar(String path, Field f, @Nullable Object v) {
    FieldType t = f.type();
    switch (t) {
      case BOOLEAN:
        if (!(v instanceof Boolean)) {
          add(path, RuleCodes.WRONG_TYPE, "Give true or false.");
        }
        return;
      case AGE:
        age(path, v);
        return;
      default:
        break;
    }
    if (!(v instanceof String)) {
      add(path, RuleCodes.WRONG_TYPE, "Give a text answer.");
      return;
    }
    String s = (String) v;
    OptionalInt max = f.maxLength();
    if (max.isPresent() && s.codePointCount(0, s.length()) > max.getAsInt()) {
      add(path, RuleCodes.TOO_LONG, "At most " + max.getAsInt() + " characters.");
      return;
    }
    switch (t) {
      case TEXT:
      case LONG_TEXT:
      case SIGNATURE:
        if (s.isBlank()) {
          add(path, RuleCodes.BLANK, "The answer must not be blank.");
        }
        break;
      case CHOICE:
      case YES_NO:
        if (!f.optionCodes().contains(s)) {
          add(path, RuleCodes.NOT_AN_OPTION, "Choose one of the options.");
        }
        break;
      case DATE:
      case BIRTH_OR_DUE_DATE:
        date(path, t, s);
        break;
      case EMAIL:
        check(path, Identifiers.isEmail(s), RuleCodes.EMAIL, "Give a valid email address.");
        break;
      case PHONE:
        check(path, Identifiers.isUkPhoneNumber(s), RuleCodes.PHONE,
            "Give a UK phone number: 0 or +44 and ten or eleven digits.");
        break;
      case POSTCODE:
        check(path, Identifiers.isUkPostcode(s), RuleCodes.POSTCODE, "Give a UK postcode.");
        break;
      case NHS_NUMBER:
        check(path, Identifiers.isNhsNumber(s), RuleCodes.NHS_NUMBER,
            "Give a valid NHS number: ten digits with a correct check digit.");
        break;
      case UPN:
        check(path, Identifiers.isUniquePupilNumber(s), RuleCodes.UPN,
            "Give a valid Unique Pupil Number: thirteen characters with a correct check letter.");
        break;
      default:
        throw new AssertionError(t);
    }
  }

  private void age(String path, @Nullable Object v) {
    if (!(v instanceof Number)) {
      add(path, RuleCodes.WRONG_TYPE, "Give a whole number of years.");
      return;
    }
    BigDecimal d;
    if (v instanceof BigDecimal) {
      d = (BigDecimal) v;
    } else if (v instanceof BigInteger) {
      d = new BigDecimal((BigInteger) v);
    } else if (v instanceof Double || v instanceof Float) {
      double x = ((Number) v).doubleValue();
      if (Double.isNaN(x) || Double.isInfinite(x)) {
        add(path, RuleCodes.WRONG_TYPE, "Give a whole number of years.");
        return;
      }
      d = BigDecimal.valueOf(x);
    } else {
      d = BigDecimal.valueOf(((Number) v).longValue());
    }
    if (d.stripTrailingZeros().scale() > 0) {
      add(path, RuleCodes.WRONG_TYPE, "Give a whole number of years.");
    } else if (d.signum() < 0 || d.compareTo(BigDecimal.valueOf(120)) > 0) {
      add(path, RuleCodes.AGE_RANGE, "Give an age from 0 to 120.");
    }
  }

  private void date(String path, FieldType t, String s) {
    LocalDate d;
    try {
      if (!DATE.matcher(s).matches()) {
        throw new DateTimeParseException("shape", "", 0);
      }
      d = LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      add(path, RuleCodes.INVALID_DATE, "Give a date as YYYY-MM-DD.");
      return;
    }
    if (!d.isAfter(today)) {
      return;
    }
    if (t == FieldType.DATE) {
      add(path, RuleCodes.FUTURE_DATE, "The date must not be in the future.");
    } else if (d.isAfter(today.plusDays(MAX_DAYS_TO_DELIVERY))) {
      add(path, RuleCodes.DUE_DATE_TOO_FAR, "An expected date of delivery is at most 42 weeks ahead.");
    }
  }

  private void check(String path, boolean ok, String code, String message) {
    if (!ok) {
      add(path, code, message);
    }
  }

  private void add(String path, String code, String message) {
    Violation v = Violation.of(path, code, message);
    found.putIfAbsent(path, v);
    all.add(v);
  }

  /** Shown in place of a key that is not a field of the form (it may be personal data). */
  static final String UNKNOWN_FIELD = "<unknown field>";

  /** Shown in place of a row key that is not a column of the group. */
  static final String UNKNOWN_COLUMN = "<unknown column>";

  private static final Pattern FIELD_ID = Pattern.compile("[a-z][A-Za-z0-9]{0,63}\\.[a-z][A-Za-z0-9]{0,63}");

  /**
   * A key given by the caller as it may appear in a path, as the JSON form reader shows it: a field
   * id of the form, or a key shaped {@code section.name} whose section is one of the form's (a
   * misspelt field); anything else is {@code <unknown field>}, so that personal data typed in the
   * wrong place never reaches a violation.
   */
  private String shownKey(String key) {
    if (schema.field(key).isPresent()) {
      return key;
    }
    return FIELD_ID.matcher(key).matches() && schema.section(key.substring(0, key.indexOf('.'))).isPresent()
        ? key : UNKNOWN_FIELD;
  }

  private static String columns(Field group) {
    List<String> names = new ArrayList<>();
    group.columns().forEach(c -> names.add(c.id()));
    return String.join(", ", names);
  }
}
