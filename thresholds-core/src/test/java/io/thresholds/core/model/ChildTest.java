package io.thresholds.core.model;

import static io.thresholds.core.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.policy.AgeCondition;
import java.time.LocalDate;
import java.time.Month;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.time.api.Dates;
import org.junit.jupiter.api.Test;

class ChildTest {
  private static final Ref C1 = Ref.of("c1");

  private static Child bornOn(LocalDate dob) {
    return Child.builder().ref(C1).dateOfBirth(dob).build();
  }

  private static Child dueOn(LocalDate edd) {
    return Child.builder().ref(C1).expectedDateOfDelivery(edd).build();
  }

  // --- invariant: exactly one of dateOfBirth and expectedDateOfDelivery

  @Test
  void child_bothDobAndEdd_rejected() {
    assertInvalid("children[c1]", () -> Child.builder().ref(C1)
        .dateOfBirth(LocalDate.of(2015, 1, 1))
        .expectedDateOfDelivery(LocalDate.of(2026, 1, 1))
        .build());
  }

  @Test
  void child_neitherDobNorEdd_rejected() {
    assertInvalid("children[c1]", () -> Child.builder().ref(C1).build());
  }

  @Test
  void child_dobOnly_valid() {
    Child c = bornOn(LocalDate.of(2015, 1, 1));
    assertThat(c.recordedAsUnborn()).isFalse();
    assertThat(c.mobility()).isEqualTo(Mobility.UNKNOWN);
    assertThat(c.disabled()).isFalse();
  }

  @Test
  void child_eddOnly_valid() {
    assertThat(dueOn(LocalDate.of(2026, 1, 1)).recordedAsUnborn()).isTrue();
  }

  // --- invariant: disabilityNeedsAssessed needs disabled

  @Test
  void child_disabilityNeedsAssessedWithoutDisabled_rejected() {
    assertInvalid("children[c1].disabilityNeedsAssessed", () -> Child.builder().ref(C1)
        .dateOfBirth(LocalDate.of(2015, 1, 1)).disabilityNeedsAssessed(true).build());
  }

  @Test
  void child_disabilityNeedsAssessedWithDisabled_valid() {
    Child c = Child.builder().ref(C1).dateOfBirth(LocalDate.of(2015, 1, 1))
        .disabled(true).disabilityNeedsAssessed(true).build();
    assertThat(c.disabilityNeedsAssessed()).isTrue();
  }

  @Test
  void child_disabledNotAssessed_valid() {
    Child c = Child.builder().ref(C1).dateOfBirth(LocalDate.of(2015, 1, 1)).disabled(true).build();
    assertThat(c.disabilityNeedsAssessed()).isFalse();
  }

  // --- invariant: an unborn child cannot be mobile

  @Test
  void child_unbornMobile_rejected() {
    assertInvalid("children[c1].mobility", () -> Child.builder().ref(C1)
        .expectedDateOfDelivery(LocalDate.of(2026, 1, 1)).mobility(Mobility.MOBILE).build());
  }

  @Test
  void child_unbornPreMobile_valid() {
    assertThat(Child.builder().ref(C1).expectedDateOfDelivery(LocalDate.of(2026, 1, 1))
        .mobility(Mobility.PRE_MOBILE).build().mobility()).isEqualTo(Mobility.PRE_MOBILE);
  }

  @Test
  void child_bornMobile_valid() {
    assertThat(Child.builder().ref(C1).dateOfBirth(LocalDate.of(2015, 1, 1))
        .mobility(Mobility.MOBILE).build().mobility()).isEqualTo(Mobility.MOBILE);
  }

  @Test
  void child_invalidSchool_rejectedWithSchoolField() {
    assertInvalid("school.homeEducated", () -> Child.builder().ref(C1)
        .dateOfBirth(LocalDate.of(2015, 1, 1))
        .school(SchoolAttendance.builder().onRoll(true).homeEducated(true).build())
        .build());
  }

  // --- ageOn at boundaries

  @Test
  void ageOn_dayBeforeBirthday_isPreviousYear() {
    assertThat(bornOn(LocalDate.of(2010, 6, 15)).ageOn(LocalDate.of(2022, 6, 14))).isEqualTo(Age.ofYears(11));
  }

  @Test
  void ageOn_birthday_isNewYear() {
    assertThat(bornOn(LocalDate.of(2010, 6, 15)).ageOn(LocalDate.of(2022, 6, 15))).isEqualTo(Age.ofYears(12));
  }

  @Test
  void ageOn_dayOfBirth_isZero() {
    assertThat(bornOn(LocalDate.of(2025, 3, 3)).ageOn(LocalDate.of(2025, 3, 3))).isEqualTo(Age.ofYears(0));
  }

  @Test
  void ageOn_beforeDateOfBirth_rejected() {
    assertInvalid("children[c1].dateOfBirth",
        () -> bornOn(LocalDate.of(2025, 3, 3)).ageOn(LocalDate.of(2025, 3, 2)));
  }

  @Test
  void ageOn_29FebBirthday_nonLeapYear_countedOn1March() {
    Child leapling = bornOn(LocalDate.of(2012, 2, 29));
    assertThat(leapling.ageOn(LocalDate.of(2013, 2, 28))).isEqualTo(Age.ofYears(0));
    assertThat(leapling.ageOn(LocalDate.of(2013, 3, 1))).isEqualTo(Age.ofYears(1));
    assertThat(leapling.ageOn(LocalDate.of(2025, 2, 28))).isEqualTo(Age.ofYears(12));
    assertThat(leapling.ageOn(LocalDate.of(2025, 3, 1))).isEqualTo(Age.ofYears(13));
  }

  @Test
  void ageOn_29FebBirthday_leapYear_countedOn29Feb() {
    Child leapling = bornOn(LocalDate.of(2012, 2, 29));
    assertThat(leapling.ageOn(LocalDate.of(2016, 2, 28))).isEqualTo(Age.ofYears(3));
    assertThat(leapling.ageOn(LocalDate.of(2016, 2, 29))).isEqualTo(Age.ofYears(4));
    assertThat(leapling.ageOn(LocalDate.of(2024, 2, 29))).isEqualTo(Age.ofYears(12));
  }

  @Test
  void ageOn_unbornBeforeEdd_isUnborn() {
    Child c = dueOn(LocalDate.of(2026, 3, 10));
    assertThat(c.ageOn(LocalDate.of(2026, 3, 9))).isEqualTo(Age.unbornChild());
    assertThat(c.ageOn(LocalDate.of(2025, 7, 1)).unborn()).isTrue();
  }

  @Test
  void ageOn_onEdd_isZeroYearsNotUnborn() {
    Age a = dueOn(LocalDate.of(2026, 3, 10)).ageOn(LocalDate.of(2026, 3, 10));
    assertThat(a.unborn()).isFalse();
    assertThat(a).isEqualTo(Age.ofYears(0));
  }

  @Test
  void ageOn_yearAfterEdd_countsFromEdd() {
    Child c = dueOn(LocalDate.of(2026, 3, 10));
    assertThat(c.ageOn(LocalDate.of(2027, 3, 9))).isEqualTo(Age.ofYears(0));
    assertThat(c.ageOn(LocalDate.of(2027, 3, 10))).isEqualTo(Age.ofYears(1));
  }

  @Test
  void ageOn_thirteenthBirthday_leavesUnder13Condition() {
    AgeCondition under13 = AgeCondition.parse("..12", "age");
    Child c = bornOn(LocalDate.of(2012, 5, 1));
    assertThat(under13.matches(c.ageOn(LocalDate.of(2025, 4, 30)))).isTrue();
    assertThat(under13.matches(c.ageOn(LocalDate.of(2025, 5, 1)))).isFalse();
  }

  @Provide
  Arbitrary<LocalDate> birthDates() {
    return Dates.dates().between(LocalDate.of(1990, 1, 1), LocalDate.of(2030, 12, 31));
  }

  /** Independent oracle: the birthday in a year; 29 February falls on 1 March in common years. */
  private static LocalDate birthdayIn(LocalDate dob, int year) {
    if (dob.getMonth() == Month.FEBRUARY && dob.getDayOfMonth() == 29 && !java.time.Year.isLeap(year)) {
      return LocalDate.of(year, 3, 1);
    }
    return dob.withYear(year);
  }

  @Property
  void ageOn_equalsBirthdaysPassed(
      @ForAll("birthDates") LocalDate dob, @ForAll @IntRange(min = 0, max = 40 * 366) int daysLater) {
    LocalDate day = dob.plusDays(daysLater);
    int expected = day.getYear() - dob.getYear() - (day.isBefore(birthdayIn(dob, day.getYear())) ? 1 : 0);
    assertThat(bornOn(dob).ageOn(day)).isEqualTo(Age.ofYears(expected));
  }

  @Property
  void ageOn_beforeEdd_alwaysUnborn(
      @ForAll("birthDates") LocalDate edd, @ForAll @IntRange(min = 1, max = 400) int daysBefore) {
    assertThat(dueOn(edd).ageOn(edd.minusDays(daysBefore))).isEqualTo(Age.unbornChild());
  }
}
