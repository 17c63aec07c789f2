package io.thresholds.forms.validation;

import io.thresholds.forms.Field;
import io.thresholds.forms.FieldType;
import io.thresholds.forms.FormData;
import io.thresholds.forms.FormSchema;
import io.thresholds.forms.validation.BeanClassWriter.FieldSpec;
import io.thresholds.forms.validation.FieldConstraints.Code;
import io.thresholds.forms.validation.FieldConstraints.MaxCodePoints;
import io.thresholds.forms.validation.FieldConstraints.NoDuplicates;
import io.thresholds.forms.validation.FieldConstraints.WithinDaysAhead;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Payload;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintDef;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.cfg.GenericConstraintDef;
import org.hibernate.validator.cfg.context.ContainerElementConstraintMappingContext;
import org.hibernate.validator.cfg.context.PropertyConstraintMappingContext;
import org.hibernate.validator.cfg.context.TypeConstraintMappingContext;
import org.hibernate.validator.cfg.defs.DecimalMaxDef;
import org.hibernate.validator.cfg.defs.DecimalMinDef;
import org.hibernate.validator.cfg.defs.DigitsDef;
import org.hibernate.validator.cfg.defs.NotNullDef;
import org.hibernate.validator.cfg.defs.PastOrPresentDef;
import org.hibernate.validator.cfg.defs.PatternDef;
import org.hibernate.validator.cfg.defs.SizeDef;
import org.hibernate.validator.engine.HibernateConstraintViolation;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.jspecify.annotations.Nullable;

/**
 * A form schema turned into Bean Validation metadata, once per schema: a value holder class with
 * one property per field (and one per column of each group), generated as a hidden class, and
 * Hibernate Validator's programmatic constraint mapping that puts the schema's constraints on each
 * property: {@code @NotNull} for a required field, the length limit, {@code @Pattern} for a choice's
 * options, a text that is not blank, an email address or a phone number, {@link NhsNumber},
 * {@link UniquePupilNumber} and {@link UkPostcode}, {@code @PastOrPresent} and
 * {@link WithinDaysAhead} on dates (the day from the validator's {@code ClockProvider}),
 * {@code @Digits}/{@code @DecimalMin}/{@code @DecimalMax} on an age, {@code @Size} on lists,
 * constraints on list elements as container element constraints, and the rows of a group cascaded
 * ({@code @Valid}). Rules across fields are the class-level {@link CrossFieldRules}.
 *
 * <p>What stays outside Bean Validation is binding, as in any web framework: an answer is given as
 * JSON-shaped data, so it must first become a value of the field's Java type. An answer of the wrong
 * type, a text that is not a {@code YYYY-MM-DD} date, and a key that is no field or column are
 * reported by the binding here; the property is then left empty, and its field constraints do not
 * report it again. At most one violation is reported per path (the binding's first, then a length
 * before a format, then a rule across fields), as the checks did before they were Bean
 * Validation's; so two unknown keys shown as {@code <unknown field>} are one violation.
 */
final class CompiledForm implements AutoCloseable {
  /** An expected date of delivery is at most this many days ahead (42 weeks). */
  static final int MAX_DAYS_TO_DELIVERY = 42 * 7;

  /** Shown in place of a key that is not a field of the form (it may be personal data). */
  static final String UNKNOWN_FIELD = "<unknown field>";

  /** Shown in place of a row key that is not a column of the group. */
  static final String UNKNOWN_COLUMN = "<unknown column>";

  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
  private static final Pattern DATE = Pattern.compile(Identifiers.DATE_PATTERN);
  private static final Pattern FIELD_ID = Pattern.compile("[a-z][A-Za-z0-9]{0,63}\\.[a-z][A-Za-z0-9]{0,63}");
  /** Text that is not empty and not only white space ({@link String#isBlank()}). */
  private static final String NOT_BLANK = "(?s)\\p{javaWhitespace}*+\\P{javaWhitespace}.*";

  private final FormSchema schema;
  private final ValidatorFactory factory;
  private final Class<? extends AnswersBean> beanClass;
  private final Constructor<? extends AnswersBean> beanConstructor;
  /** One per field of the schema, in the form's order. */
  private final List<Slot> slots = new ArrayList<>();
  private final Map<String, Slot> byId = new HashMap<>();
  private final Validator validator;

  /** A field of the form: its property, and for a group the row type. */
  private static final class Slot {
    final Field field;
    final int order;
    final java.lang.reflect.Field property;
    @Nullable Row row;

    Slot(Field field, int order, java.lang.reflect.Field property) {
      this.field = field;
      this.order = order;
      this.property = property;
    }
  }

  /** The generated row class of a group, with a property per column. */
  private static final class Row {
    final Constructor<?> constructor;
    final Map<String, java.lang.reflect.Field> properties = new HashMap<>();
    final Map<String, Integer> order = new HashMap<>();

    Row(Constructor<?> constructor) {
      this.constructor = constructor;
    }
  }

  private CompiledForm(FormSchema schema) {
    this.schema = schema;
    HibernateValidatorConfiguration cfg = Validation.byProvider(HibernateValidator.class).configure();
    ConstraintMapping mapping = cfg.createConstraintMapping();
    List<FieldSpec> specs = new ArrayList<>();
    for (Field f : schema.fields().values()) {
      specs.add(spec(javaName(f.id()), f));
    }
    beanClass = define("Answers", AnswersBean.class, specs).asSubclass(AnswersBean.class);
    beanConstructor = constructor(beanClass);
    TypeConstraintMappingContext<?> type = mapping.type(beanClass);
    type.constraint(new GenericConstraintDef<>(CrossFieldRules.class));
    int order = 0;
    for (Field f : schema.fields().values()) {
      Slot slot = new Slot(f, order++, property(beanClass, javaName(f.id())));
      slots.add(slot);
      byId.put(f.id(), slot);
      PropertyConstraintMappingContext p = type.field(javaName(f.id()));
      if (f.required()) {
        p.constraint(required());
      }
      if (f.type() == FieldType.MULTI_CHOICE) {
        p.constraint(coded(new GenericConstraintDef<>(NoDuplicates.class), Code.DuplicateOption.class,
            "Choose each option at most once."));
        p.containerElementType().constraint(options(f));
      } else if (f.isList()) {
        sizes(p, f);
        ContainerElementConstraintMappingContext element = p.containerElementType();
        if (f.type() == FieldType.GROUP) {
          element.valid();
          slot.row = row(mapping, f);
        } else {
          scalar(f).forEach(element::constraint);
        }
      } else {
        scalar(f).forEach(p::constraint);
      }
    }
    cfg.addMapping(mapping)
        .messageInterpolator(new ParameterMessageInterpolator())
        .clockProvider(() -> DAY_CLOCK);
    cfg.constraintValidatorFactory(new Validators(cfg.getDefaultConstraintValidatorFactory()));
    factory = cfg.buildValidatorFactory();
    validator = factory.getValidator();
  }

  static CompiledForm of(FormSchema schema) {
    return new CompiledForm(schema);
  }

  FormSchema schema() {
    return schema;
  }

  /** @return Bean Validation's description of the generated value holder's constraints */
  BeanDescriptor descriptor() {
    return validator.getConstraintsForClass(beanClass);
  }

  /** @return the generated value holder class */
  Class<?> beanClass() {
    return beanClass;
  }

  /**
   * @param data the completed form
   * @param today the day the form is checked on
   * @return the violations, in the form's order
   */
  List<Violation> validate(FormData data, LocalDate today) {
    List<Found> found = new ArrayList<>();
    AnswersBean bean = bind(data, found);
    Set<ConstraintViolation<AnswersBean>> violations;
    DAY.set(today);
    try {
      violations = validator.validate(bean);
    } finally {
      DAY.remove();
    }
    for (ConstraintViolation<AnswersBean> cv : violations) {
      found.add(found(cv));
    }
    found.sort(null);
    List<Violation> out = new ArrayList<>();
    Set<String> reported = new HashSet<>();
    for (Found f : found) {
      if (reported.add(f.path)) {
        out.add(Violation.of(f.path, f.code, f.message));
      }
    }
    return List.copyOf(out);
  }

  /**
   * The day of the validation running on this thread, for the factory's {@code ClockProvider}.
   * Hibernate Validator keeps the {@code Clock} a time constraint's validator gets when it is
   * initialized, so the clock must be one that reads the day of the current validation. (A
   * validator per day, from {@code usingContext().clockProvider(..)}, would also work, but Hibernate
   * Validator then looks up every constraint's validator in a shared cache on each use instead of
   * keeping it with the constraint: twice as slow on large forms.)
   */
  private static final ThreadLocal<LocalDate> DAY = new ThreadLocal<>();

  /** A clock at the start (UTC) of the day of the validation running on this thread. */
  private static final Clock DAY_CLOCK = new Clock() {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the day's clock is in UTC");
    }

    @Override
    public Instant instant() {
      LocalDate day = DAY.get();
      if (day == null) {
        throw new IllegalStateException("a form is validated only through FormValidator.validate");
      }
      return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
  };

  @Override
  public void close() {
    factory.close();
  }

  // ---- the generated classes and their constraints ----------------------------------------------

  private static String javaName(String id) {
    return id.replace('.', '$');
  }

  private static FieldSpec spec(String name, Field f) {
    String one = descriptor(f.type());
    if (f.type() == FieldType.MULTI_CHOICE) {
      return new FieldSpec(name, "Ljava/util/List;", "Ljava/util/List<Ljava/lang/String;>;");
    }
    if (f.type() == FieldType.GROUP) {
      return new FieldSpec(name, "Ljava/util/List;", "Ljava/util/List<Ljava/lang/Object;>;");
    }
    if (f.isList()) {
      return new FieldSpec(name, "Ljava/util/List;", "Ljava/util/List<" + one + ">;");
    }
    return new FieldSpec(name, one, null);
  }

  private static String descriptor(FieldType t) {
    switch (t) {
      case DATE:
      case BIRTH_OR_DUE_DATE:
        return "Ljava/time/LocalDate;";
      case AGE:
        return "Ljava/math/BigDecimal;";
      case BOOLEAN:
        return "Ljava/lang/Boolean;";
      default:
        return "Ljava/lang/String;";
    }
  }

  private static Class<?> define(String simpleName, Class<?> superClass, List<FieldSpec> fields) {
    String name = (CompiledForm.class.getPackageName() + "." + simpleName).replace('.', '/');
    try {
      return LOOKUP.defineHiddenClass(
          BeanClassWriter.write(name, superClass.getName().replace('.', '/'), fields), true).lookupClass();
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot define the value holder of a form", e);
    }
  }

  private static <T> Constructor<T> constructor(Class<T> c) {
    try {
      return c.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  private static java.lang.reflect.Field property(Class<?> c, String name) {
    try {
      return c.getField(name);
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
  }

  private Row row(ConstraintMapping mapping, Field group) {
    List<FieldSpec> specs = new ArrayList<>();
    group.columns().forEach(c -> specs.add(spec(c.id(), c)));
    Class<?> rowClass = define("Row", Object.class, specs);
    Row row = new Row(constructor(rowClass));
    TypeConstraintMappingContext<?> type = mapping.type(rowClass);
    int order = 0;
    for (Field c : group.columns()) {
      row.properties.put(c.id(), property(rowClass, c.id()));
      row.order.put(c.id(), order++);
      PropertyConstraintMappingContext p = type.field(c.id());
      if (c.required()) {
        p.constraint(required());
      }
      scalar(c).forEach(p::constraint);
    }
    return row;
  }

  private static NotNullDef required() {
    return coded(new NotNullDef(), Code.Required.class, "This question must be answered.");
  }

  private static void sizes(PropertyConstraintMappingContext p, Field f) {
    int max = f.maxItems().getAsInt();
    p.constraint(coded(new SizeDef().max(max), Code.TooMany.class, "At most " + max + " may be given."));
    if (f.minItems() > 0) {
      p.constraint(coded(new SizeDef().min(f.minItems()), Code.TooFew.class, "At least " + f.minItems() + " must be given."));
    }
  }

  private static PatternDef options(Field f) {
    String any = f.optionCodes().stream().map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")"));
    return coded(new PatternDef().regexp(any), Code.NotAnOption.class, "Choose one of the options.");
  }

  /** The constraints on one answer of a field or column. */
  private static List<ConstraintDef<?, ?>> scalar(Field f) {
    List<ConstraintDef<?, ?>> c = new ArrayList<>();
    FieldType t = f.type();
    if (t.isString() && f.maxLength().isPresent()) {
      int max = f.maxLength().getAsInt();
      c.add(coded(new GenericConstraintDef<>(MaxCodePoints.class).param("value", max), Code.TooLong.class,
          "At most " + max + " characters."));
    }
    switch (t) {
      case TEXT:
      case LONG_TEXT:
      case SIGNATURE:
        c.add(coded(new PatternDef().regexp(NOT_BLANK), Code.Blank.class, "The answer must not be blank."));
        break;
      case CHOICE:
      case YES_NO:
        c.add(options(f));
        break;
      case DATE:
        c.add(coded(new PastOrPresentDef(), Code.FutureDate.class, "The date must not be in the future."));
        break;
      case BIRTH_OR_DUE_DATE:
        c.add(coded(new GenericConstraintDef<>(WithinDaysAhead.class).param("days", MAX_DAYS_TO_DELIVERY),
            Code.DueDateTooFar.class, "An expected date of delivery is at most 42 weeks ahead."));
        break;
      case AGE:
        c.add(coded(new DigitsDef().integer(1000).fraction(0), Code.WholeNumber.class, "Give a whole number of years."));
        c.add(coded(new DecimalMinDef().value("0"), Code.AgeRange.class, "Give an age from 0 to 120."));
        c.add(coded(new DecimalMaxDef().value("120"), Code.AgeRange.class, "Give an age from 0 to 120."));
        break;
      case EMAIL:
        c.add(coded(new PatternDef().regexp(Identifiers.EMAIL_PATTERN), Code.Email.class, "Give a valid email address."));
        break;
      case PHONE:
        c.add(coded(new PatternDef().regexp(Identifiers.PHONE_PATTERN), Code.Phone.class,
            "Give a UK phone number: 0 or +44 and ten or eleven digits."));
        break;
      case POSTCODE:
        c.add(coded(new GenericConstraintDef<>(UkPostcode.class), Code.Postcode.class, "Give a UK postcode."));
        break;
      case NHS_NUMBER:
        c.add(coded(new GenericConstraintDef<>(NhsNumber.class), Code.Nhs.class,
            "Give a valid NHS number: ten digits with a correct check digit."));
        break;
      case UPN:
        c.add(coded(new GenericConstraintDef<>(UniquePupilNumber.class), Code.Upn.class,
            "Give a valid Unique Pupil Number: thirteen characters with a correct check letter."));
        break;
      case BOOLEAN:
        break;
      default:
        throw new AssertionError(t);
    }
    return c;
  }

  @SuppressWarnings("unchecked") // one payload class, passed as varargs
  private static <C extends ConstraintDef<C, A>, A extends Annotation> C coded(
      C def, Class<? extends Payload> code, String message) {
    return def.message(escape(message)).payload(code);
  }

  /** Messages are fixed text, never templates: escape what message interpolation would read. */
  static String escape(String message) {
    return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
  }

  /** Creates the SDK's own constraint validators, and leaves the others to Hibernate Validator. */
  private static final class Validators implements ConstraintValidatorFactory {
    private final ConstraintValidatorFactory standard;

    Validators(ConstraintValidatorFactory standard) {
      this.standard = standard;
    }

    @Override
    public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
      if (key == CrossFieldRules.Validator.class) {
        return key.cast(new CrossFieldRules.Validator());
      } else if (key == FieldConstraints.MaxCodePointsValidator.class) {
        return key.cast(new FieldConstraints.MaxCodePointsValidator());
      } else if (key == FieldConstraints.WithinDaysAheadValidator.class) {
        return key.cast(new FieldConstraints.WithinDaysAheadValidator());
      } else if (key == FieldConstraints.NoDuplicatesValidator.class) {
        return key.cast(new FieldConstraints.NoDuplicatesValidator());
      }
      return standard.getInstance(key);
    }

    @Override
    public void releaseInstance(ConstraintValidator<?, ?> instance) {
      standard.releaseInstance(instance);
    }
  }

  // ---- reading the violations -------------------------------------------------------------------

  /** A violation with its place in the form's order. */
  private static final class Found implements Comparable<Found> {
    /** Fields, then keys that are no field, then rules across fields. */
    static final int FIELDS = 0;
    static final int UNKNOWN_KEYS = 1;
    static final int RULES = 2;

    final String path;
    final String code;
    final String message;
    final int[] key;

    Found(String path, String code, String message, int... key) {
      this.path = path;
      this.code = code;
      this.message = message;
      this.key = key;
    }

    @Override
    public int compareTo(Found o) {
      return java.util.Arrays.compare(key, o.key);
    }
  }

  /** Within one path: the binding's violation first, then a length, then the rest. */
  private static int rank(String code) {
    switch (code) {
      case RuleCodes.WRONG_TYPE:
      case RuleCodes.INVALID_DATE:
        return 0;
      case RuleCodes.TOO_LONG:
        return 1;
      default:
        return 2;
    }
  }

  @SuppressWarnings("unchecked")
  private Found found(ConstraintViolation<AnswersBean> cv) {
    HibernateConstraintViolation<AnswersBean> h = cv.unwrap(HibernateConstraintViolation.class);
    CrossFieldRules.Tag tag = h.getDynamicPayload(CrossFieldRules.Tag.class);
    if (tag != null) {
      return new Found(cv.getPropertyPath().toString(), tag.code(), cv.getMessage(), Found.RULES, tag.order());
    }
    String code = RuleCodes.WRONG_TYPE;
    for (Class<? extends Payload> p : cv.getConstraintDescriptor().getPayload()) {
      code = Code.CODES.getOrDefault(p, code);
    }
    StringBuilder path = new StringBuilder();
    Slot slot = null;
    int item = -1;
    int column = -1;
    for (Path.Node n : cv.getPropertyPath()) {
      if (n.getIndex() != null) {
        item = n.getIndex();
        path.append('[').append(item).append(']');
      }
      if (n.getKind() == ElementKind.PROPERTY) {
        String name = n.getName().replace('$', '.'); // the property of field child.nhsNumber is child$nhsNumber
        if (slot == null) {
          slot = byId.get(name);
        } else if (slot.row != null) {
          column = slot.row.order.getOrDefault(name, -1);
        }
        path.append(path.length() == 0 ? "" : ".").append(name);
      }
    }
    if (code.equals(RuleCodes.DUPLICATE_OPTION)) {
      item = Integer.MAX_VALUE; // after the options themselves
    }
    return new Found(path.toString(), code, cv.getMessage(),
        Found.FIELDS, slot == null ? Integer.MAX_VALUE : slot.order, item, column, rank(code), 0);
  }

  // ---- binding: answers as given to values of the fields' types ---------------------------------

  private AnswersBean bind(FormData data, List<Found> found) {
    AnswersBean bean = instance(beanConstructor);
    bean.schema = schema;
    bean.answers = data.values();
    Map<String, @Nullable Object> values = data.values();
    for (Slot s : slots) {
      if (values.containsKey(s.field.id())) {
        set(s.property, bean, field(s, values.get(s.field.id()), found));
      }
    }
    int seq = 0;
    for (String key : values.keySet()) {
      if (!byId.containsKey(key)) {
        found.add(new Found(shownKey(key), RuleCodes.UNKNOWN_FIELD, "The form has no such field.",
            Found.UNKNOWN_KEYS, seq++));
      }
    }
    return bean;
  }

  private @Nullable Object field(Slot s, @Nullable Object v, List<Found> found) {
    Field f = s.field;
    String path = f.id();
    if (f.type() == FieldType.MULTI_CHOICE) {
      if (!(v instanceof List)) {
        found.add(wrongType(path, "Give a list of option codes.", s.order, -1, -1));
        return null;
      }
      List<@Nullable Object> codes = new ArrayList<>();
      List<?> items = (List<?>) v;
      for (int i = 0; i < items.size(); i++) {
        Object item = items.get(i);
        if (item instanceof String) {
          codes.add(item);
        } else {
          codes.add(null);
          found.add(wrongType(path + "[" + i + "]", "Give an option code.", s.order, i, -1));
        }
      }
      return codes;
    }
    if (!f.isList()) {
      return scalar(path, f, v, found, s.order, -1, -1);
    }
    if (!(v instanceof List)) {
      found.add(wrongType(path, "Give a list.", s.order, -1, -1));
      return null;
    }
    List<?> items = (List<?>) v;
    List<@Nullable Object> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      String at = path + "[" + i + "]";
      Object item = items.get(i);
      if (s.row == null) {
        out.add(scalar(at, f, item, found, s.order, i, -1));
      } else if (item instanceof Map) {
        out.add(row(at, s, i, (Map<?, ?>) item, found));
      } else {
        out.add(null);
        found.add(wrongType(at, "Each row must be a set of answers by column.", s.order, i, -1));
      }
    }
    return out;
  }

  private Object row(String path, Slot s, int index, Map<?, ?> answers, List<Found> found) {
    Row row = s.row;
    Object bean = instance(row.constructor);
    int unknown = s.field.columns().size();
    for (Map.Entry<?, ?> e : answers.entrySet()) {
      String name = String.valueOf(e.getKey());
      java.lang.reflect.Field property = row.properties.get(name);
      if (property == null) {
        found.add(new Found(path + "." + UNKNOWN_COLUMN, RuleCodes.UNKNOWN_FIELD,
            "The group has no such column; its columns are " + columns(s.field) + ".",
            Found.FIELDS, s.order, index, unknown++, 0, 0));
      } else {
        Field column = s.field.column(name).orElseThrow();
        set(property, bean, scalar(path + "." + name, column, e.getValue(), found, s.order, index, row.order.get(name)));
      }
    }
    return bean;
  }

  /** One answer as a value of the field's type, or {@code null} with the binding's violation. */
  private static @Nullable Object scalar(String path, Field f, @Nullable Object v, List<Found> found,
      int order, int item, int column) {
    switch (f.type()) {
      case BOOLEAN:
        if (v instanceof Boolean) {
          return v;
        }
        found.add(wrongType(path, "Give true or false.", order, item, column));
        return null;
      case AGE:
        BigDecimal n = number(v);
        if (n == null) {
          found.add(wrongType(path, "Give a whole number of years.", order, item, column));
        }
        return n;
      default:
        break;
    }
    if (!(v instanceof String)) {
      found.add(wrongType(path, "Give a text answer.", order, item, column));
      return null;
    }
    String s = (String) v;
    if (f.type() != FieldType.DATE && f.type() != FieldType.BIRTH_OR_DUE_DATE) {
      return s;
    }
    try {
      if (DATE.matcher(s).matches()) {
        return LocalDate.parse(s);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    found.add(new Found(path, RuleCodes.INVALID_DATE, "Give a date as YYYY-MM-DD.", Found.FIELDS, order, item, column, 0, 0));
    return null;
  }

  private static @Nullable BigDecimal number(@Nullable Object v) {
    if (v instanceof BigDecimal) {
      return (BigDecimal) v;
    } else if (v instanceof BigInteger) {
      return new BigDecimal((BigInteger) v);
    } else if (v instanceof Double || v instanceof Float) {
      double x = ((Number) v).doubleValue();
      return Double.isNaN(x) || Double.isInfinite(x) ? null : BigDecimal.valueOf(x);
    } else if (v instanceof Number) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    return null;
  }

  private static Found wrongType(String path, String message, int order, int item, int column) {
    return new Found(path, RuleCodes.WRONG_TYPE, message, Found.FIELDS, order, item, column, 0, 0);
  }

  private static <T> T instance(Constructor<T> c) {
    try {
      return c.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create the value holder of a form", e);
    }
  }

  private static void set(java.lang.reflect.Field property, Object bean, @Nullable Object value) {
    try {
      property.set(bean, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot set a property of the value holder of a form", e);
    }
  }

  /**
   * A key given by the caller as it may appear in a path, as the JSON form reader shows it: a field
   * id of the form, or a key shaped {@code section.name} whose section is one of the form's (a
   * misspelt field); anything else is {@code <unknown field>}, so that personal data typed in the
   * wrong place never reaches a violation.
   */
  private String shownKey(String key) {
    return FIELD_ID.matcher(key).matches() && schema.section(key.substring(0, key.indexOf('.'))).isPresent()
        ? key : UNKNOWN_FIELD;
  }

  private static String columns(Field group) {
    return group.columns().stream().map(Field::id).collect(Collectors.joining(", "));
  }
}
