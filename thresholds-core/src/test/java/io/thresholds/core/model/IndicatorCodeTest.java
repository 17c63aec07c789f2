package io.thresholds.core.model;

import static io.thresholds.core.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IndicatorCodeTest {

  @Test
  void indicatorCode_wellFormed_valid() {
    IndicatorCode c = IndicatorCode.of("T4-S47-PREGNANCY-UNDER-13");
    assertThat(c.value()).isEqualTo("T4-S47-PREGNANCY-UNDER-13");
    assertThat(c).hasToString("T4-S47-PREGNANCY-UNDER-13");
  }

  @Test
  void indicatorCode_singlePart_valid() {
    assertThat(IndicatorCode.of("X").value()).isEqualTo("X");
  }

  @Test
  void indicatorCode_48Characters_valid() {
    String code = "A" + "-B".repeat(23) + "C";
    assertThat(code).hasSize(48);
    assertThat(IndicatorCode.of(code).value()).isEqualTo(code);
  }

  @Test
  void indicatorCode_49Characters_rejected() {
    String code = "A" + "-B".repeat(24);
    assertThat(code).hasSize(49);
    assertInvalid("indicator", () -> IndicatorCode.of(code));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "t4-lower", "4-STARTS-WITH-DIGIT", "-LEADING", "TRAILING-", "DOUBLE--HYPHEN",
      "UNDER_SCORE", "SPACE IN", "É-ACCENT"})
  void indicatorCode_malformed_rejected(String text) {
    assertInvalid("indicator", () -> IndicatorCode.of(text));
  }

  @Test
  void indicatorCode_ordering_isByText() {
    assertThat(IndicatorCode.of("T1-A")).isLessThan(IndicatorCode.of("T2-A"));
  }
}
