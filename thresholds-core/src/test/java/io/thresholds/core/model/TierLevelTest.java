package io.thresholds.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The neutral level aliases are the same constants as the City-named ones, numbered 1 to 4. */
class TierLevelTest {
  @Test
  void levelAliases_areTheNumberedTiers() {
    assertThat(Tier.LEVEL_1).isSameAs(Tier.of(1)).isSameAs(Tier.UNIVERSAL);
    assertThat(Tier.LEVEL_2).isSameAs(Tier.of(2)).isSameAs(Tier.ADDITIONAL_NEEDS);
    assertThat(Tier.LEVEL_3).isSameAs(Tier.of(3)).isSameAs(Tier.HIGH_OR_COMPLEX);
    assertThat(Tier.LEVEL_4).isSameAs(Tier.of(4)).isSameAs(Tier.ACUTE);
    assertThat(Tier.values()).hasSize(4);
  }
}
