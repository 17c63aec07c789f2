package io.thresholds.forms.validation;

import static io.thresholds.forms.validation.FormValidatorTest.MARF;
import static io.thresholds.forms.validation.FormValidatorTest.TODAY;
import static io.thresholds.forms.validation.FormValidatorTest.VALIDATOR;
import static io.thresholds.forms.validation.FormValidatorTest.marf;
import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.forms.FormData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 15, defect 4: a key that is not a field or column never reaches a violation or toString. */
class UnknownKeysTest {
  @Test
  void unknownTopLevelKeyLikeASurname_isShownAsUnknownField() {
    List<Violation> v = VALIDATOR.validate(MARF, marf().set("Smith", "x").build(), TODAY);
    assertThat(v).extracting(Violation::field).containsExactly("<unknown field>");
    assertThat(v.toString()).doesNotContain("Smith");
  }

  @Test
  void unknownColumnLikeAForename_isShownAsUnknownColumn_withTheColumns() {
    FormData data = marf().set("household.members", List.of(Map.of("Jane", "x"))).build();
    List<Violation> v = VALIDATOR.validate(MARF, data, TODAY);
    assertThat(v).extracting(Violation::field).contains("household.members[0].<unknown column>")
        .noneMatch(f -> f.contains("Jane"));
    assertThat(v.toString()).doesNotContain("Jane");
  }

  @Test
  void misspeltFieldOfAKnownSection_isStillNamed() {
    List<Violation> v = VALIDATOR.validate(MARF, marf().set("child.surnmae", "x").build(), TODAY);
    assertThat(v).extracting(Violation::field).contains("child.surnmae");
  }

  @Test
  void formDataToString_showsNoKey() {
    assertThat(FormData.builder().set("Jane Smith", "1").build().toString()).doesNotContain("Jane");
  }
}
