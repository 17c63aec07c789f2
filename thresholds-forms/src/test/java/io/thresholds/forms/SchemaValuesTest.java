package io.thresholds.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.policy.Citation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The invariants of the schema values: each with a failing and a passing case. */
class SchemaValuesTest {
  private static Field text(String id) {
    return Field.builder().id(id).type(FieldType.TEXT).label("L").build();
  }

  @Test
  void field_valid() {
    assertThat(text("s.a").maxLength()).hasValue(200);
  }

  @Test
  void field_choiceWithoutOptions() {
    assertThatThrownBy(() -> Field.builder().id("s.a").type(FieldType.CHOICE).label("L").build())
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("at least two options");
  }

  @Test
  void field_groupWithoutMaximum() {
    assertThatThrownBy(() -> Field.builder().id("s.g").type(FieldType.GROUP).label("L").addColumns(text("a")).build())
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("maximum number of rows");
  }

  @Test
  void field_limitOnANonTextField() {
    assertThatThrownBy(() -> Field.builder().id("s.d").type(FieldType.DATE).label("L").maxLengthOverride(5).build())
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("free text");
  }

  @Test
  void section_fieldOfAnotherSection() {
    assertThatThrownBy(() -> Section.builder().id("s").title("T").addFields(text("t.a")).build())
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("start with the section id");
    assertThat(Section.builder().id("s").title("T").addFields(text("s.a")).build().fields()).hasSize(1);
  }

  @Test
  void schema_duplicateFieldIds() {
    Section s = Section.builder().id("s").title("T").addFields(text("s.a"), text("s.a")).build();
    assertThatThrownBy(() -> FormSchema.builder().id("f").version("1").title("F")
        .citation(Citation.of("D", "S")).addSections(s).build())
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("unique");
  }

  @Test
  void schema_ruleComparingTextWithCodes() {
    Section s = Section.builder().id("s").title("T").addFields(text("s.a"), text("s.b")).build();
    FormRule r = FormRule.builder().code("r").field("s.b").requirement(FormRule.Requirement.REQUIRED)
        .when(Condition.equals("s.a", "X")).message("M").build();
    assertThatThrownBy(() -> FormSchema.builder().id("f").version("1").title("F")
        .citation(Citation.of("D", "S")).addSections(s).addRules(r).build())
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("single-choice");
    FormRule ok = FormRule.builder().code("r").field("s.b").requirement(FormRule.Requirement.REQUIRED)
        .when(Condition.present("s.a")).message("M").build();
    assertThat(FormSchema.builder().id("f").version("1").title("F").citation(Citation.of("D", "S"))
        .addSections(s).addRules(ok).build().rules()).containsExactly(ok);
  }

  @Test
  void formData_copiesDeeply_andToStringShowsTheCountOnly() {
    java.util.List<Object> rows = new java.util.ArrayList<>();
    rows.add(Map.of("surname", "Okafor"));
    FormData d = FormData.builder().set("child.surname", "Okafor").set("child.dateOfBirthOrEdd", LocalDate.of(2014, 5, 9))
        .set("household.members", rows).build();
    rows.clear();
    assertThat(d.get("household.members")).hasValue(List.of(Map.of("surname", "Okafor")));
    assertThat(d.get("child.dateOfBirthOrEdd")).hasValue("2014-05-09");
    assertThat(d.toString()).isEqualTo("FormData[3 answers]").doesNotContain("Okafor");
    assertThat(FormData.builder().set("Jane Smith", "x").build().toString()).isEqualTo("FormData[1 answer]");
  }
}
