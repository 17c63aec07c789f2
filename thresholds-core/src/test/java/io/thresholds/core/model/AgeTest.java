package io.thresholds.core.model;

import static io.thresholds.core.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgeTest {

  @Test
  void age_zeroAnd150Years_valid() {
    assertThat(Age.ofYears(0).years()).isZero();
    assertThat(Age.ofYears(150).years()).isEqualTo(150);
  }

  @Test
  void age_negativeYears_rejected() {
    assertInvalid("age.years", () -> Age.ofYears(-1));
  }

  @Test
  void age_over150Years_rejected() {
    assertInvalid("age.years", () -> Age.ofYears(151));
  }

  @Test
  void age_unbornWithYears_rejected() {
    assertInvalid("age.years", () -> ImmutableAge.of(true, 1));
  }

  @Test
  void age_unbornWithZeroYears_valid() {
    Age a = ImmutableAge.of(true, 0);
    assertThat(a).isEqualTo(Age.unbornChild());
    assertThat(a.unborn()).isTrue();
    assertThat(a).hasToString("unborn");
  }

  @Test
  void age_ordering_unbornBeforeZeroBeforeOne() {
    assertThat(Age.unbornChild()).isLessThan(Age.ofYears(0));
    assertThat(Age.ofYears(0)).isLessThan(Age.ofYears(1));
    assertThat(Age.ofYears(12)).hasToString("12y");
  }
}
