package io.thresholds.core.model;

import static io.thresholds.core.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HouseholdTest {

  static Child child(String ref) {
    return Child.builder().ref(Ref.of(ref)).dateOfBirth(LocalDate.of(2015, 1, 1)).build();
  }

  static Adult adult(String ref) {
    return Adult.builder().ref(Ref.of(ref)).relationship(Relationship.MOTHER).parentalResponsibility(true).build();
  }

  @Test
  void household_noChildren_rejected() {
    assertInvalid("household.children", () -> Household.builder().addAdults(adult("a1")).build());
  }

  @Test
  void household_oneChildNoAdults_valid() {
    Household h = Household.builder().addChildren(child("c1")).build();
    assertThat(h.children()).hasSize(1);
    assertThat(h.child(Ref.of("c1"))).isPresent();
    assertThat(h.child(Ref.of("c2"))).isEmpty();
  }

  @Test
  void household_childRefUsedTwice_rejected() {
    assertInvalid("household.children[1].ref",
        () -> Household.builder().addChildren(child("c1"), child("c1")).build());
  }

  @Test
  void household_adultRefUsedTwice_rejected() {
    assertInvalid("household.adults[1].ref",
        () -> Household.builder().addChildren(child("c1")).addAdults(adult("a1"), adult("a1")).build());
  }

  @Test
  void household_adultRefSameAsChildRef_rejected() {
    assertInvalid("household.adults[0].ref",
        () -> Household.builder().addChildren(child("p1")).addAdults(adult("p1")).build());
  }

  @Test
  void household_distinctRefs_valid() {
    Household h = Household.builder().addChildren(child("c1"), child("c2"))
        .addAdults(adult("a1"), adult("a2")).build();
    assertThat(h.adult(Ref.of("a2"))).isPresent();
    assertThat(h.adult(Ref.of("c1"))).isEmpty();
  }
}
