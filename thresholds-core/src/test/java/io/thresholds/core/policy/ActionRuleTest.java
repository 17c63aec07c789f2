package io.thresholds.core.policy;

import static io.thresholds.core.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActionRuleTest {

  static ActionRule.Builder rule(String id) {
    return ActionRule.builder()
        .id(id)
        .trigger(Trigger.parse("always", "trigger"))
        .kind(ActionKind.MONITOR_AND_REREFER)
        .modality(Modality.SHOULD)
        .channel(Channel.NONE)
        .timing(Timing.parse("none", "timing"))
        .description("Keep monitoring.")
        .citation(Citation.of("City of London Thresholds of Need", "3 How to make a referral"));
  }

  @Test
  void actionRule_complete_valid() {
    ActionRule a = rule("monitor").build();
    assertThat(a.contact()).isEmpty();
    assertThat(a).hasToString("ActionRule[monitor]");
  }

  @Test
  void id_48Characters_valid() {
    assertThat(rule("a" + "b".repeat(47)).build().id()).hasSize(48);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Monitor", "9-lives", "-x", "call_999", "call 999", "a234567890123456789012345678901234567890123456789"})
  void id_malformed_rejected(String id) {
    assertInvalid("actions[" + id + "].id", () -> rule(id).build());
  }

  @Test
  void description_blank_rejected() {
    assertInvalid("actions[monitor].description", () -> rule("monitor").description("\t").build());
  }
}
