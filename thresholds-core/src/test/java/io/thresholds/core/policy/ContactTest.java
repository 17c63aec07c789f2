package io.thresholds.core.policy;

import static io.thresholds.core.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactTest {

  @Test
  void contact_idAndName_valid() {
    Contact c = Contact.builder().id("hub").name("Children and Families Hub").addPhones("020 7332 3621").build();
    assertThat(c.hours()).isEmpty();
    assertThat(c).hasToString("Contact[hub]");
  }

  @Test
  void id_32Characters_valid() {
    assertThat(Contact.builder().id("a" + "b1-".repeat(10) + "c").name("n").build().id()).hasSize(32);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Hub", "1hub", "-hub", "hub_team", "hub team", "abcdefghijklmnopqrstuvwxyz0123456"})
  void id_malformed_rejected(String id) {
    assertInvalid("contacts[" + id + "].id", () -> Contact.builder().id(id).name("n").build());
  }

  @Test
  void name_blank_rejected() {
    assertInvalid("contacts[hub].name", () -> Contact.builder().id("hub").name(" ").build());
  }
}
