package io.thresholds.core.policy;

import static io.thresholds.core.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thresholds.core.InvalidValueException;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimingTest {

  private static Timing.Builder of(Timing.Kind kind) {
    return Timing.builder().kind(kind);
  }

  // --- invariant: arguments match the kind

  @Test
  void timing_afterWithActionAndDuration_valid() {
    assertThat(of(Timing.Kind.AFTER).afterAction("phone-referral").duration(Duration.ofHours(24)).build().toText())
        .isEqualTo("after:phone-referral+PT24H");
  }

  @Test
  void timing_afterZeroDuration_valid() {
    assertThat(of(Timing.Kind.AFTER).afterAction("a").duration(Duration.ZERO).build().duration())
        .contains(Duration.ZERO);
  }

  @Test
  void timing_afterWithoutAction_rejected() {
    assertInvalid("timing", () -> of(Timing.Kind.AFTER).duration(Duration.ofHours(1)).build());
  }

  @Test
  void timing_afterWithoutDuration_rejected() {
    assertInvalid("timing", () -> of(Timing.Kind.AFTER).afterAction("a").build());
  }

  @Test
  void timing_afterNegativeDuration_rejected() {
    assertInvalid("timing", () -> of(Timing.Kind.AFTER).afterAction("a").duration(Duration.ofHours(-1)).build());
  }

  @Test
  void timing_afterWithWorkingDays_rejected() {
    assertInvalid("timing",
        () -> of(Timing.Kind.AFTER).afterAction("a").duration(Duration.ofHours(1)).workingDays(1).build());
  }

  @Test
  void timing_workingDays_valid() {
    assertThat(of(Timing.Kind.WORKING_DAYS).workingDays(1).build().toText()).isEqualTo("working-days:1");
    assertThat(of(Timing.Kind.WORKING_DAYS).workingDays(5).afterAction("x").build().toText())
        .isEqualTo("working-days:5@x");
  }

  @Test
  void timing_workingDaysMissing_rejected() {
    assertInvalid("timing", () -> of(Timing.Kind.WORKING_DAYS).build());
  }

  @Test
  void timing_workingDaysZero_rejected() {
    assertInvalid("timing", () -> of(Timing.Kind.WORKING_DAYS).workingDays(0).build());
  }

  @Test
  void timing_workingDaysWithDuration_rejected() {
    assertInvalid("timing",
        () -> of(Timing.Kind.WORKING_DAYS).workingDays(2).duration(Duration.ofHours(1)).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"NONE", "IMMEDIATELY", "NEXT_OPENING"})
  void timing_plainKindWithArguments_rejected(String kind) {
    Timing.Kind k = Timing.Kind.valueOf(kind);
    assertInvalid("timing", () -> of(k).afterAction("a").build());
    assertInvalid("timing", () -> of(k).duration(Duration.ofHours(1)).build());
    assertInvalid("timing", () -> of(k).workingDays(1).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"NONE", "IMMEDIATELY", "NEXT_OPENING"})
  void timing_plainKindAlone_valid(String kind) {
    assertThat(of(Timing.Kind.valueOf(kind)).build().kind()).isEqualTo(Timing.Kind.valueOf(kind));
  }

  // --- parse

  @Test
  void parse_textForms() {
    assertThat(Timing.parse("none", "f").kind()).isEqualTo(Timing.Kind.NONE);
    assertThat(Timing.parse("immediately", "f").kind()).isEqualTo(Timing.Kind.IMMEDIATELY);
    assertThat(Timing.parse("next-opening", "f").kind()).isEqualTo(Timing.Kind.NEXT_OPENING);
    Timing after = Timing.parse("after:phone-referral+PT24H", "f");
    assertThat(after.afterAction()).contains("phone-referral");
    assertThat(after.duration()).contains(Duration.ofHours(24));
    assertThat(Timing.parse("working-days:5", "f").workingDays()).hasValue(5);
    assertThat(Timing.parse("working-days:2@call-999", "f").afterAction()).contains("call-999");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "soon", "NONE", "after:x", "after:x+24h", "working-days:", "working-days:x",
      "working-days:1.5", "next opening"})
  void parse_unknownOrMalformed_rejectedNamingTheGivenField(String text) {
    assertInvalid("actions.tsv line 9 column timing", () -> Timing.parse(text, "actions.tsv line 9 column timing"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"working-days:0", "working-days:-1", "after:x+-PT1H"})
  void parse_argumentsBreakInvariant_rejected(String text) {
    assertThatThrownBy(() -> Timing.parse(text, "f")).isInstanceOf(InvalidValueException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"working-days:0", "working-days:-1", "after:x+-PT1H"})
  void parse_argumentsBreakInvariant_rejectedNamingTheGivenField(String text) {
    assertInvalid("f", () -> Timing.parse(text, "f"));
  }

  @Provide
  Arbitrary<Timing> timings() {
    Arbitrary<String> action = Arbitraries.strings().withCharRange('a', 'z').withChars('-').ofMinLength(1).ofMaxLength(20)
        .filter(s -> Character.isLetter(s.charAt(0)));
    Arbitrary<Timing> plain = Arbitraries.of(Timing.Kind.NONE, Timing.Kind.IMMEDIATELY, Timing.Kind.NEXT_OPENING)
        .map(k -> of(k).build());
    Arbitrary<Timing> after = net.jqwik.api.Combinators
        .combine(action, Arbitraries.longs().between(0, 10_000_000))
        .as((a, s) -> of(Timing.Kind.AFTER).afterAction(a).duration(Duration.ofSeconds(s)).build());
    Arbitrary<Timing> workingDays = net.jqwik.api.Combinators
        .combine(action.optional(), Arbitraries.integers().between(1, Timing.MAX_WORKING_DAYS))
        .as((a, n) -> of(Timing.Kind.WORKING_DAYS).afterAction(a).workingDays(n).build());
    return Arbitraries.oneOf(plain, after, workingDays);
  }

  @Property
  void toText_thenParse_roundTrips(@ForAll("timings") Timing t) {
    assertThat(Timing.parse(t.toText(), "f")).isEqualTo(t);
    assertThat(t).hasToString(t.toText());
  }
}
