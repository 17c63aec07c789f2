package io.thresholds.dmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.thresholds.core.policy.AgeCondition;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The FEEL unary tests written for age conditions (ages in completed years, -1 before birth). */
class AgeTestTest {
  private static String feel(String condition, boolean mustBeBorn) {
    return AgeTest.of(Optional.of(AgeCondition.parse(condition, "age")), mustBeBorn);
  }

  @Test
  void under13_excludesUnborn() {
    assertThat(feel("..12", false)).isEqualTo("[0..12]");
  }

  @Test
  void thirteenToFifteen_isAnInterval() {
    assertThat(feel("13..15", false)).isEqualTo("[13..15]");
  }

  @Test
  void sixteenAndOver_isAComparison() {
    assertThat(feel("16..", false)).isEqualTo(">= 16");
  }

  @Test
  void underOneOrUnborn_includesMinusOne() {
    assertThat(feel("..0+unborn", false)).isEqualTo("<= 0");
  }

  @Test
  void boundedWithUnborn_isADisjunction() {
    assertThat(feel("2..4+unborn", false)).isEqualTo("< 0, [2..4]");
    assertThat(feel("2..+unborn", false)).isEqualTo("< 0, >= 2");
    assertThat(feel("0..+unborn", false)).isEqualTo(AgeTest.ANY);
  }

  @Test
  void preOrNonMobile_mustBeBorn() {
    assertThat(AgeTest.of(Optional.empty(), true)).isEqualTo(">= 0");
    assertThat(feel("..0+unborn", true)).isEqualTo("[0..0]");
    assertThat(AgeTest.of(Optional.empty(), false)).isEqualTo(AgeTest.ANY);
  }

  @Test
  void not_wrapsTheTest_andRefusesAny() {
    assertThat(AgeTest.not("[0..12]")).isEqualTo("not([0..12])");
    assertThatIllegalArgumentException().isThrownBy(() -> AgeTest.not(AgeTest.ANY));
  }
}
