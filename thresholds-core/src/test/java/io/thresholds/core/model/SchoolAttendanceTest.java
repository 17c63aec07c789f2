package io.thresholds.core.model;

import static io.thresholds.core.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchoolAttendanceTest {

  @Test
  void attendancePercent_0And100OnRoll_valid() {
    assertThat(SchoolAttendance.builder().onRoll(true).attendancePercent(0).build().attendancePercent())
        .hasValue(0);
    assertThat(SchoolAttendance.builder().onRoll(true).attendancePercent(100).build().attendancePercent())
        .hasValue(100);
  }

  @Test
  void attendancePercent_negative_rejected() {
    assertInvalid("school.attendancePercent",
        () -> SchoolAttendance.builder().onRoll(true).attendancePercent(-1).build());
  }

  @Test
  void attendancePercent_over100_rejected() {
    assertInvalid("school.attendancePercent",
        () -> SchoolAttendance.builder().onRoll(true).attendancePercent(101).build());
  }

  @Test
  void homeEducated_onRoll_rejected() {
    assertInvalid("school.homeEducated",
        () -> SchoolAttendance.builder().onRoll(true).homeEducated(true).build());
  }

  @Test
  void homeEducated_notOnRoll_valid() {
    SchoolAttendance s = SchoolAttendance.builder().onRoll(false).homeEducated(true).build();
    assertThat(s.homeEducated()).isTrue();
    assertThat(s.attendancePercent()).isEmpty();
  }

  @Test
  void attendancePercent_notOnRoll_rejected() {
    assertInvalid("school.attendancePercent",
        () -> SchoolAttendance.builder().onRoll(false).attendancePercent(95).build());
  }

  @Test
  void attendancePercent_absentNotOnRoll_valid() {
    assertThat(SchoolAttendance.builder().onRoll(false).build().onRoll()).isFalse();
  }
}
