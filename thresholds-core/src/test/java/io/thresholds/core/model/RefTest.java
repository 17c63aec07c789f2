package io.thresholds.core.model;

import static io.thresholds.core.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class RefTest {

  @Test
  void ref_simple_valid() {
    assertThat(Ref.of("child-1").value()).isEqualTo("child-1");
    assertThat(Ref.of("child-1")).hasToString("child-1");
  }

  @Test
  void ref_allPermittedCharacters_valid() {
    assertThat(Ref.of("Az09._-").value()).isEqualTo("Az09._-");
  }

  @Test
  void ref_64Characters_valid() {
    assertThat(Ref.of("a".repeat(64)).value()).hasSize(64);
  }

  @Test
  void ref_empty_rejected() {
    assertInvalid("ref", () -> Ref.of(""));
  }

  @Test
  void ref_65Characters_rejected() {
    assertInvalid("ref", () -> Ref.of("a".repeat(65)));
  }

  @Test
  void ref_space_rejected() {
    assertInvalid("ref", () -> Ref.of("Jane Doe"));
  }

  @Test
  void ref_slash_rejected() {
    assertInvalid("ref", () -> Ref.of("a/b"));
  }

  @Test
  void ref_nonAscii_rejected() {
    assertInvalid("ref", () -> Ref.of("Siobhán"));
  }

  @Test
  void ref_rejectedMessage_doesNotContainValue() {
    assertThat(assertInvalid("ref", () -> Ref.of("Jane Doe 1 High St")).getMessage())
        .doesNotContain("Jane").doesNotContain("High St");
  }

  @Test
  void ref_ordering_isByText() {
    assertThat(Ref.of("a")).isLessThan(Ref.of("b"));
    assertThat(Ref.of("a")).isEqualByComparingTo(Ref.of("a"));
  }

  @Property
  void ref_anyPermittedText_valid(
      @ForAll @StringLength(min = 1, max = 64) @CharRange(from = 'a', to = 'z')
          @CharRange(from = 'A', to = 'Z') @CharRange(from = '0', to = '9') @Chars({'.', '_', '-'})
          String text) {
    assertThat(Ref.of(text).value()).isEqualTo(text);
  }
}
