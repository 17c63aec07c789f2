package io.thresholds.core.policy;

import static io.thresholds.core.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.model.Tier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TriggerTest {

  // --- invariant: arguments match the kind

  @Test
  void trigger_tierAtLeastWithoutTier_rejected() {
    assertInvalid("trigger", () -> Trigger.builder().kind(Trigger.Kind.TIER_AT_LEAST).build());
  }

  @Test
  void trigger_tierIsWithoutTier_rejected() {
    assertInvalid("trigger", () -> Trigger.builder().kind(Trigger.Kind.TIER_IS).build());
  }

  @Test
  void trigger_tierOnUntieredKind_rejected() {
    assertInvalid("trigger",
        () -> Trigger.builder().kind(Trigger.Kind.ALWAYS).tier(Tier.ACUTE).build());
  }

  @Test
  void trigger_flagWithoutFlag_rejected() {
    assertInvalid("trigger", () -> Trigger.builder().kind(Trigger.Kind.FLAG).build());
  }

  @Test
  void trigger_flagOnOtherKind_rejected() {
    assertInvalid("trigger", () -> Trigger.builder().kind(Trigger.Kind.TIER_IS)
        .tier(Tier.ACUTE).flag(IndicatorFlag.S47).build());
  }

  @Test
  void trigger_tierAtLeastWithTier_valid() {
    Trigger t = Trigger.builder().kind(Trigger.Kind.TIER_AT_LEAST).tier(Tier.HIGH_OR_COMPLEX).build();
    assertThat(t.toText()).isEqualTo("tier>=3");
  }

  @Test
  void trigger_flagWithFlag_valid() {
    Trigger t = Trigger.builder().kind(Trigger.Kind.FLAG).flag(IndicatorFlag.PREVENT).build();
    assertThat(t.toText()).isEqualTo("flag:PREVENT");
  }

  // --- parse

  @Test
  void parse_textForms() {
    assertThat(Trigger.parse("immediate-danger", "f").kind()).isEqualTo(Trigger.Kind.IMMEDIATE_DANGER);
    assertThat(Trigger.parse("tier=2", "f").tier()).contains(Tier.ADDITIONAL_NEEDS);
    assertThat(Trigger.parse("tier>=4", "f").kind()).isEqualTo(Trigger.Kind.TIER_AT_LEAST);
    assertThat(Trigger.parse("flag:REFER_MACE", "f").flag()).contains(IndicatorFlag.REFER_MACE);
    assertThat(Trigger.parse(" disabled-not-assessed ", "f").kind()).isEqualTo(Trigger.Kind.DISABLED_NOT_ASSESSED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "sometimes", "tier>=0", "tier>=5", "tier=x", "tier>=", "flag:", "flag:NOPE",
      "flag:prevent", "tier-at-least", "flag"})
  void parse_unknown_rejectedNamingTheGivenField(String text) {
    assertInvalid("actions.tsv line 9 column trigger", () -> Trigger.parse(text, "actions.tsv line 9 column trigger"));
  }

  @Provide
  Arbitrary<Trigger> triggers() {
    return Arbitraries.of(Trigger.Kind.class).flatMap(kind -> {
      Trigger.Builder b = Trigger.builder().kind(kind);
      switch (kind) {
        case TIER_AT_LEAST:
        case TIER_IS:
        case TIER_AT_MOST:
          return Arbitraries.of(Tier.class).map(t -> Trigger.builder().kind(kind).tier(t).build());
        case FLAG:
          return Arbitraries.of(IndicatorFlag.class).map(f -> Trigger.builder().kind(kind).flag(f).build());
        default:
          return Arbitraries.just(b.build());
      }
    });
  }

  @Property
  void toText_thenParse_roundTrips(@ForAll("triggers") Trigger t) {
    assertThat(Trigger.parse(t.toText(), "f")).isEqualTo(t);
    assertThat(t).hasToString(t.toText());
  }
}
