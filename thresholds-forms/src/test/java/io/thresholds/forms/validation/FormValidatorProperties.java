package io.thresholds.forms.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.forms.Field;
import io.thresholds.forms.FieldType;
import io.thresholds.forms.FormData;
import io.thresholds.forms.FormSchema;
import io.thresholds.forms.Forms;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Laws of validation: any input gives violations, never an exception, and never echoes a value. */
class FormValidatorProperties {
  private static final FormValidator VALIDATOR = FormValidator.create();
  private static final LocalDate TODAY = LocalDate.of(2025, 11, 21);

  @Provide
  Arbitrary<String> fieldIds() {
    List<String> ids = new ArrayList<>();
    for (FormSchema f : Forms.cityOfLondon().forms()) {
      ids.addAll(f.fields().keySet());
    }
    return Arbitraries.oneOf(Arbitraries.of(ids), Arbitraries.strings().ofMinLength(1).ofMaxLength(20));
  }

  @Provide
  Arbitrary<Object> values() {
    Arbitrary<Object> scalar = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(300).map(s -> (Object) s),
        Arbitraries.strings().withCharRange('0', '9').ofLength(10).map(s -> (Object) s),
        Arbitraries.integers().map(i -> (Object) i),
        Arbitraries.doubles().map(d -> (Object) d),
        Arbitraries.of(true, false).map(b -> (Object) b));
    return Arbitraries.oneOf(scalar,
        scalar.list().ofMaxSize(4).map(l -> (Object) l),
        Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(8), scalar).ofMaxSize(3)
            .list().ofMaxSize(3).map(l -> (Object) l));
  }

  @Property(tries = 300)
  void anyAnswers_giveViolationsNeverExceptions_andNoMessageEchoesAValue(
      @ForAll("fieldIds") String id, @ForAll("values") Object value) {
    for (FormSchema form : Forms.cityOfLondon().forms()) {
      List<Violation> v = VALIDATOR.validate(form, FormData.of(Map.of(id, value)), TODAY);
      Statistics.collect(form.field(id).isPresent() ? "known field" : "unknown field");
      assertThat(v).isNotEmpty(); // every form has required fields
      if (value instanceof String && ((String) value).strip().length() >= 4) {
        assertThat(v).allSatisfy(x -> assertThat(x.message()).doesNotContain(((String) value).strip()));
      }
    }
  }

  @Property(tries = 200)
  void nhsNumbers_exactlyOneCheckDigitOfTenIsValid(@ForAll("nineDigits") String nine) {
    long valid = 0;
    for (char c = '0'; c <= '9'; c++) {
      if (Identifiers.isNhsNumber(nine + c)) {
        valid++;
      }
    }
    Statistics.label("check digit 10 (never issued)").collect(valid == 0);
    assertThat(valid).isLessThanOrEqualTo(1);
  }

  @Provide
  Arbitrary<String> nineDigits() {
    return Arbitraries.strings().withCharRange('0', '9').ofLength(9);
  }

  @Property(tries = 200)
  void upn_exactlyOneCheckLetterIsValid(@ForAll("twelve") String twelve) {
    long valid = "ABCDEFGHJKLMNPQRTUVWXYZ".chars().filter(c -> Identifiers.isUniquePupilNumber((char) c + twelve)).count();
    assertThat(valid).isEqualTo(1);
  }

  @Provide
  Arbitrary<String> twelve() {
    return Arbitraries.strings().withCharRange('0', '9').ofLength(11)
        .flatMap(s -> Arbitraries.of("0123456789ABCDEFGHJKLMNPQRTUVWXYZ".split("")).map(last -> s + last));
  }

  @Property(tries = 100)
  void textOverItsLimit_isAlwaysAViolation(@ForAll("extra") int extra) {
    FormSchema marf = Forms.cityOfLondon().form("marf").orElseThrow();
    Field f = marf.field("worries.needs").orElseThrow();
    assertThat(f.type()).isEqualTo(FieldType.LONG_TEXT);
    String text = "a".repeat(f.maxLength().getAsInt() + extra);
    assertThat(VALIDATOR.validate(marf, FormData.of(Map.of(f.id(), text)), TODAY))
        .anySatisfy(v -> assertThat(v.field() + " " + v.code()).isEqualTo("worries.needs too-long"));
  }

  @Provide
  Arbitrary<Integer> extra() {
    return Arbitraries.integers().between(1, 5000);
  }
}
