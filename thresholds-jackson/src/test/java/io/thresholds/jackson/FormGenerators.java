package io.thresholds.jackson;

import io.thresholds.forms.Field;
import io.thresholds.forms.FieldType;
import io.thresholds.forms.FormData;
import io.thresholds.forms.FormSchema;
import io.thresholds.forms.Forms;
import io.thresholds.forms.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generated completed forms of the City of London pack: any subset of the fields, in any order,
 * each answer of its field's JSON type but otherwise anything (a form need not be valid to be
 * exchanged: drafts are not). Rows of groups have any subset of their columns.
 */
final class FormGenerators {
  static final List<FormSchema> SCHEMAS = Forms.cityOfLondon().forms();

  private FormGenerators() {}

  /** A schema of the pack and answers to it. */
  static Arbitrary<Tuple.Tuple2<FormSchema, FormData>> forms() {
    return Arbitraries.of(SCHEMAS).flatMap(s -> answers(s).map(d -> Tuple.of(s, d)));
  }

  static Arbitrary<FormData> answers(FormSchema schema) {
    List<Field> fields = new ArrayList<>();
    for (Section s : schema.sections()) {
      fields.addAll(s.fields());
    }
    return entries(fields).map(FormData::of);
  }

  /** Answers to a random subset of {@code fields}, shuffled. */
  private static Arbitrary<Map<String, Object>> entries(List<Field> fields) {
    return Arbitraries.subsetOf(fields).flatMap(chosen -> {
      List<Field> order = new ArrayList<>(chosen);
      return Arbitraries.shuffle(order).flatMap(shuffled -> {
        List<Arbitrary<Object>> values = new ArrayList<>();
        for (Field f : shuffled) {
          values.add(answer(f));
        }
        return Combinators.combine(values).as(list -> {
          Map<String, Object> m = new LinkedHashMap<>();
          for (int i = 0; i < shuffled.size(); i++) {
            m.put(shuffled.get(i).id(), list.get(i));
          }
          return m;
        });
      });
    });
  }

  private static Arbitrary<Object> answer(Field f) {
    if (f.type() == FieldType.MULTI_CHOICE) {
      // any strings, not only option codes, and possibly repeated: the validator's business
      return Arbitraries.oneOf(Arbitraries.of(f.optionCodes()), Generators.text()).list().ofMaxSize(4).map(l -> l);
    }
    if (f.type() == FieldType.GROUP) {
      return entries(f.columns()).list().ofMaxSize(3).map(l -> l);
    }
    if (f.isList()) {
      return scalar(f).list().ofMaxSize(3).map(l -> l);
    }
    return scalar(f);
  }

  private static Arbitrary<Object> scalar(Field f) {
    switch (f.type()) {
      case BOOLEAN:
        return Arbitraries.of(true, false);
      case AGE:
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 120), Arbitraries.integers()).map(n -> n);
      case CHOICE:
      case YES_NO:
        return Arbitraries.oneOf(Arbitraries.of(f.optionCodes()), Generators.text()).map(s -> s);
      default:
        return Generators.text().map(s -> s);
    }
  }
}
