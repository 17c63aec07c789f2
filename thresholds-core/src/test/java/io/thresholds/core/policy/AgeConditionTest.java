package io.thresholds.core.policy;

import static io.thresholds.core.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.model.Age;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgeConditionTest {

  private static AgeCondition parse(String text) {
    return AgeCondition.parse(text, "cond");
  }

  private static boolean matches(String condition, int years) {
    return parse(condition).matches(Age.ofYears(years));
  }

  // --- invariants

  @Test
  void ageCondition_noBounds_rejected() {
    assertInvalid("age", () -> AgeCondition.builder().includesUnborn(true).build());
  }

  @Test
  void ageCondition_lowerAboveUpper_rejected() {
    assertInvalid("age", () -> AgeCondition.builder().minYears(16).maxYears(13).build());
  }

  @Test
  void ageCondition_equalBounds_valid() {
    AgeCondition c = AgeCondition.builder().minYears(13).maxYears(13).build();
    assertThat(c.matches(Age.ofYears(13))).isTrue();
    assertThat(c.matches(Age.ofYears(12))).isFalse();
    assertThat(c.matches(Age.ofYears(14))).isFalse();
  }

  @Test
  void ageCondition_upperOnly_valid() {
    assertThat(AgeCondition.builder().maxYears(12).build().toText()).isEqualTo("..12");
  }

  @Test
  void ageCondition_lowerOnly_valid() {
    assertThat(AgeCondition.builder().minYears(16).build().toText()).isEqualTo("16..");
  }

  // --- matches at the bounds

  @Test
  void matches_under13_boundsAt12() {
    assertThat(matches("..12", 0)).isTrue();
    assertThat(matches("..12", 12)).isTrue();
    assertThat(matches("..12", 13)).isFalse();
    assertThat(parse("..12").matches(Age.unbornChild())).isFalse();
  }

  @Test
  void matches_13to15_inclusiveBothEnds() {
    assertThat(matches("13..15", 12)).isFalse();
    assertThat(matches("13..15", 13)).isTrue();
    assertThat(matches("13..15", 15)).isTrue();
    assertThat(matches("13..15", 16)).isFalse();
  }

  @Test
  void matches_10to14_inclusiveBothEnds() {
    assertThat(matches("10..14", 9)).isFalse();
    assertThat(matches("10..14", 10)).isTrue();
    assertThat(matches("10..14", 14)).isTrue();
    assertThat(matches("10..14", 15)).isFalse();
  }

  @Test
  void matches_underFive_boundsAt4() {
    assertThat(matches("..4", 4)).isTrue();
    assertThat(matches("..4", 5)).isFalse();
    assertThat(parse("..4").matches(Age.unbornChild())).isFalse();
  }

  @Test
  void matches_under1PlusUnborn_matchesUnbornAndZeroOnly() {
    AgeCondition c = parse("..0+unborn");
    assertThat(c.includesUnborn()).isTrue();
    assertThat(c.matches(Age.unbornChild())).isTrue();
    assertThat(c.matches(Age.ofYears(0))).isTrue();
    assertThat(c.matches(Age.ofYears(1))).isFalse();
  }

  @Test
  void matches_lowerBoundOnly_unbornNeverMatches() {
    AgeCondition c = parse("16..");
    assertThat(c.matches(Age.ofYears(15))).isFalse();
    assertThat(c.matches(Age.ofYears(16))).isTrue();
    assertThat(c.matches(Age.ofYears(150))).isTrue();
    assertThat(c.matches(Age.unbornChild())).isFalse();
  }

  @Property
  void matches_agreesWithBounds(
      @ForAll("conditions") AgeCondition c, @ForAll @IntRange(min = 0, max = 150) int years) {
    boolean expected = (c.minYears().isEmpty() || years >= c.minYears().getAsInt())
        && (c.maxYears().isEmpty() || years <= c.maxYears().getAsInt());
    assertThat(c.matches(Age.ofYears(years))).isEqualTo(expected);
    assertThat(c.matches(Age.unbornChild())).isEqualTo(c.includesUnborn());
  }

  // --- parse and toText

  @Test
  void parse_surroundingWhitespace_trimmed() {
    assertThat(parse("  13..15 ")).isEqualTo(AgeCondition.builder().minYears(13).maxYears(15).build());
  }

  @Test
  void parse_unbornSuffixWithLowerBound_valid() {
    assertThat(parse("0..2+unborn").toText()).isEqualTo("0..2+unborn");
  }

  @ParameterizedTest
  @ValueSource(strings = {"12", "", "+unborn", "1..2..3", "a..3", "..1000", "-1..3", "..-1", "1 ..3", "..12+UNBORN",
      "..12 +unborn", "+unborn..12", "+unborn..", "1.5..3", "...12", "..١٢"})
  void parse_malformed_rejectedNamingTheGivenField(String text) {
    assertInvalid("cond", () -> parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", " .. ", "..+unborn", "16..13"})
  void parse_boundsBreakInvariant_rejected(String text) {
    assertThatThrownBy(() -> parse(text)).isInstanceOf(InvalidValueException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", " .. ", "..+unborn", "16..13"})
  void parse_boundsBreakInvariant_rejectedNamingTheGivenField(String text) {
    assertInvalid("cond", () -> parse(text));
  }

  @Provide
  Arbitrary<AgeCondition> conditions() {
    Arbitrary<Integer> bound = Arbitraries.integers().between(-1, 999); // -1 = open
    return Combinators.combine(bound, bound, Arbitraries.of(true, false))
        .filter((lo, hi, unborn) -> (lo >= 0 || hi >= 0) && (lo < 0 || hi < 0 || lo <= hi))
        .as((lo, hi, unborn) -> {
          AgeCondition.Builder b = AgeCondition.builder().includesUnborn(unborn);
          if (lo >= 0) {
            b.minYears(lo);
          }
          if (hi >= 0) {
            b.maxYears(hi);
          }
          return b.build();
        });
  }

  @Property
  void toText_thenParse_roundTrips(@ForAll("conditions") AgeCondition c) {
    assertThat(parse(c.toText())).isEqualTo(c);
    assertThat(c).hasToString(c.toText());
  }

  @Property
  void parse_thenToText_roundTripsCanonicalText(@ForAll("conditions") AgeCondition c) {
    String text = c.toText();
    assertThat(parse(text).toText()).isEqualTo(text);
  }
}
