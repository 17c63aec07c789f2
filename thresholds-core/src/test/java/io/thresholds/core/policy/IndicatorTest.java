package io.thresholds.core.policy;

import static io.thresholds.core.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.model.Age;
import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.model.Mobility;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.model.Tier;
import org.junit.jupiter.api.Test;

class IndicatorTest {

  static Indicator.Builder need(String code, Tier tier) {
    return Indicator.builder()
        .code(IndicatorCode.of(code))
        .tier(tier)
        .kind(tier == Tier.UNIVERSAL ? IndicatorKind.STRENGTH : IndicatorKind.NEED)
        .domain("DEVELOPMENTAL_NEEDS")
        .area("General")
        .addSubjects(SubjectKind.CHILD)
        .label("A label")
        .citation(Citation.of("City of London Thresholds of Need", "Thresholds of Need matrix"));
  }

  @Test
  void indicator_complete_valid() {
    Indicator i = need("T3-X", Tier.HIGH_OR_COMPLEX).build();
    assertThat(i.hasConditions()).isFalse();
    assertThat(i.preOrNonMobileOnly()).isFalse();
    assertThat(i).hasToString("Indicator[T3-X, tier 3]");
  }

  @Test
  void subjects_empty_rejected() {
    assertInvalid("indicators[T3-X].subjects", () -> need("T3-X", Tier.HIGH_OR_COMPLEX).subjects(java.util.Set.of()).build());
  }

  @Test
  void label_blank_rejected() {
    assertInvalid("indicators[T3-X].label", () -> need("T3-X", Tier.HIGH_OR_COMPLEX).label(" ").build());
  }

  @Test
  void label_161Characters_rejected() {
    assertInvalid("indicators[T3-X].label", () -> need("T3-X", Tier.HIGH_OR_COMPLEX).label("x".repeat(161)).build());
  }

  @Test
  void label_160Characters_valid() {
    assertThat(need("T3-X", Tier.HIGH_OR_COMPLEX).label("x".repeat(160)).build().label()).hasSize(160);
  }

  @Test
  void domain_blank_rejected() {
    assertInvalid("indicators[T3-X].domain", () -> need("T3-X", Tier.HIGH_OR_COMPLEX).domain("").build());
  }

  @Test
  void area_blank_rejected() {
    assertInvalid("indicators[T3-X].domain", () -> need("T3-X", Tier.HIGH_OR_COMPLEX).area("  ").build());
  }

  @Test
  void kind_strengthAboveTier1_rejected() {
    assertInvalid("indicators[T2-X].kind",
        () -> need("T2-X", Tier.ADDITIONAL_NEEDS).kind(IndicatorKind.STRENGTH).build());
  }

  @Test
  void kind_needAtTier1_rejected() {
    assertInvalid("indicators[T1-X].kind", () -> need("T1-X", Tier.UNIVERSAL).kind(IndicatorKind.NEED).build());
  }

  @Test
  void kind_strengthAtTier1_valid() {
    assertThat(need("T1-X", Tier.UNIVERSAL).build().kind()).isEqualTo(IndicatorKind.STRENGTH);
  }

  @Test
  void escalatesTo_itself_rejected() {
    assertInvalid("indicators[T3-X].escalatesTo",
        () -> need("T3-X", Tier.HIGH_OR_COMPLEX).escalatesTo(IndicatorCode.of("T3-X")).build());
  }

  @Test
  void escalatesTo_another_valid() {
    assertThat(need("T3-X", Tier.HIGH_OR_COMPLEX).escalatesTo(IndicatorCode.of("T4-Y")).build().escalatesTo())
        .contains(IndicatorCode.of("T4-Y"));
  }

  @Test
  void conditionsFor_ageCondition() {
    Indicator i = need("T4-X", Tier.ACUTE).age(AgeCondition.parse("..12", "age")).build();
    assertThat(i.hasConditions()).isTrue();
    assertThat(i.conditionsFor(Age.ofYears(12), Mobility.UNKNOWN)).isEqualTo(Match.YES);
    assertThat(i.conditionsFor(Age.ofYears(13), Mobility.UNKNOWN)).isEqualTo(Match.NO);
  }

  @Test
  void conditionsFor_preOrNonMobile() {
    Indicator i = need("T4-X", Tier.ACUTE).preOrNonMobileOnly(true).build();
    assertThat(i.hasConditions()).isTrue();
    assertThat(i.conditionsFor(Age.ofYears(0), Mobility.PRE_MOBILE)).isEqualTo(Match.YES);
    assertThat(i.conditionsFor(Age.ofYears(9), Mobility.NON_MOBILE)).isEqualTo(Match.YES);
    assertThat(i.conditionsFor(Age.ofYears(2), Mobility.MOBILE)).isEqualTo(Match.NO);
    assertThat(i.conditionsFor(Age.ofYears(0), Mobility.UNKNOWN)).isEqualTo(Match.UNKNOWN);
    assertThat(i.conditionsFor(Age.unbornChild(), Mobility.PRE_MOBILE)).isEqualTo(Match.NO);
  }
}
