package io.thresholds.core.time;

import static io.thresholds.core.time.TestCalendars.EDT;
import static io.thresholds.core.time.TestCalendars.HUB;
import static io.thresholds.core.time.TestCalendars.LONDON;
import static io.thresholds.core.time.TestCalendars.date;
import static io.thresholds.core.time.TestCalendars.london;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.thresholds.core.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceHoursTest {

  private static void assertOpen(ServiceHours hours, Instant at, boolean open) {
    assertThat(hours.isOpen(at, LONDON)).as("%s open at %s", hours, at).isEqualTo(open);
  }

  @Test
  void officeHoursCloseAtFivePmOnFriday() {
    // Winter (GMT) and summer (BST) Fridays.
    for (String day : new String[] {"2025-03-07", "2025-07-04"}) {
      assertOpen(HUB, london(day + "T16:59:59"), true);
      assertOpen(HUB, london(day + "T16:59:59.999999999"), true);
      assertOpen(HUB, london(day + "T17:00"), false);
      assertOpen(EDT, london(day + "T16:59:59"), false);
      assertOpen(EDT, london(day + "T17:00"), true);
    }
    assertThat(london("2025-07-04T17:00")).isEqualTo(Instant.parse("2025-07-04T16:00:00Z"));
    assertOpen(HUB, Instant.parse("2025-07-04T15:59:59Z"), true);
    assertOpen(HUB, Instant.parse("2025-07-04T16:00:00Z"), false);
  }

  @Test
  void theMorningGapIsVisibleNeitherServiceIsOpen() {
    String day = "2025-01-15"; // a Wednesday
    assertOpen(EDT, london(day + "T08:29:59"), true);
    assertOpen(HUB, london(day + "T08:29:59"), false);
    assertOpen(EDT, london(day + "T08:30"), false);
    assertOpen(HUB, london(day + "T08:30"), false);
    assertOpen(EDT, london(day + "T08:59"), false);
    assertOpen(HUB, london(day + "T08:59"), false);
    assertOpen(EDT, london(day + "T08:59:59"), false);
    assertOpen(HUB, london(day + "T08:59:59"), false);
    assertOpen(EDT, london(day + "T09:00"), false);
    assertOpen(HUB, london(day + "T09:00"), true);
    assertThat(EDT.closesAfter(london(day + "T08:00"), LONDON)).contains(london(day + "T08:30"));
    assertThat(HUB.nextOpening(london(day + "T08:30"), LONDON)).isEqualTo(london(day + "T09:00"));
    assertThat(EDT.nextOpening(london(day + "T08:30"), LONDON)).isEqualTo(london(day + "T17:00"));
  }

  @Test
  void weekendsAndBankHolidaysAreOutOfHoursAllDay() {
    String[] instants = {
      "2025-03-08T09:00", "2025-03-08T12:00", "2025-04-21T10:00", "2022-09-19T12:00"
    };
    for (String at : instants) {
      assertOpen(EDT, london(at), true);
      assertOpen(HUB, london(at), false);
    }
  }

  @Test
  void nextOpeningOfTheHub() {
    // Open now: the instant itself.
    Instant now = london("2025-03-07T12:34:56");
    assertThat(HUB.nextOpening(now, LONDON)).isEqualTo(now);
    // Friday evening: Monday 09:00.
    assertThat(HUB.nextOpening(london("2025-03-07T17:00"), LONDON))
        .isEqualTo(london("2025-03-10T09:00"));
    // Before Easter 2025: Tuesday 22 April 09:00 BST.
    assertThat(HUB.nextOpening(london("2025-04-17T17:00"), LONDON))
        .isEqualTo(Instant.parse("2025-04-22T08:00:00Z"));
    // Early morning of a working day: the same day.
    assertThat(HUB.nextOpening(london("2025-03-10T00:00"), LONDON))
        .isEqualTo(london("2025-03-10T09:00"));
  }

  @Test
  void closesAfter() {
    assertThat(HUB.closesAfter(london("2025-03-07T10:00"), LONDON))
        .contains(london("2025-03-07T17:00"));
    assertThat(HUB.closesAfter(london("2025-03-07T17:00"), LONDON)).isEmpty();
    assertThat(EDT.closesAfter(london("2025-03-07T12:00"), LONDON)).isEmpty();
    // The EDT covers the Easter weekend in one period: Thursday 17:00 to Tuesday 08:30.
    assertThat(EDT.closesAfter(london("2025-04-17T17:00"), LONDON))
        .contains(london("2025-04-22T08:30"));
    // Christmas 2021: Friday 24 December 17:00 to Wednesday 29 December 08:30.
    assertThat(EDT.closesAfter(london("2021-12-24T17:00"), LONDON))
        .contains(london("2021-12-29T08:30"));
    // After midnight on a working day, the EDT closes at 08:30 that morning.
    assertThat(EDT.closesAfter(london("2025-03-11T03:00"), LONDON))
        .contains(london("2025-03-11T08:30"));
  }

  @Test
  void clocksGoForward2025() {
    // Sunday 30 March 2025: 01:00 GMT becomes 02:00 BST.
    Instant fridayClose = Instant.parse("2025-03-28T17:00:00Z"); // 17:00 GMT
    assertOpen(EDT, fridayClose, true);
    Instant mondayMorning = EDT.closesAfter(fridayClose, LONDON).orElseThrow();
    assertThat(mondayMorning).isEqualTo(Instant.parse("2025-03-31T07:30:00Z")); // 08:30 BST
    assertThat(Duration.between(fridayClose, mondayMorning)).isEqualTo(Duration.ofMinutes(3750));
    assertThat(HUB.nextOpening(Instant.parse("2025-03-29T12:00:00Z"), LONDON))
        .isEqualTo(Instant.parse("2025-03-31T08:00:00Z")); // 09:00 BST
    // Either side of the jump, on the Sunday.
    for (String at : new String[] {"2025-03-30T00:59:59Z", "2025-03-30T01:00:00Z"}) {
      assertOpen(EDT, Instant.parse(at), true);
      assertOpen(HUB, Instant.parse(at), false);
    }
    // Monday 31 March, first BST working day: boundaries are BST.
    assertOpen(EDT, Instant.parse("2025-03-31T07:29:59Z"), true);
    assertOpen(EDT, Instant.parse("2025-03-31T07:30:00Z"), false);
    assertOpen(HUB, Instant.parse("2025-03-31T07:59:59Z"), false);
    assertOpen(HUB, Instant.parse("2025-03-31T08:00:00Z"), true);
  }

  @Test
  void clocksGoBack2025() {
    // Sunday 26 October 2025: 02:00 BST becomes 01:00 GMT; 01:00-02:00 happens twice.
    Instant fridayClose = Instant.parse("2025-10-24T16:00:00Z"); // 17:00 BST
    assertOpen(HUB, fridayClose.minusSeconds(1), true);
    assertOpen(HUB, fridayClose, false);
    Instant mondayMorning = EDT.closesAfter(fridayClose, LONDON).orElseThrow();
    assertThat(mondayMorning).isEqualTo(Instant.parse("2025-10-27T08:30:00Z")); // 08:30 GMT
    assertThat(Duration.between(fridayClose, mondayMorning)).isEqualTo(Duration.ofMinutes(3870));
    assertThat(HUB.nextOpening(Instant.parse("2025-10-25T12:00:00Z"), LONDON))
        .isEqualTo(Instant.parse("2025-10-27T09:00:00Z"));
    // Both 01:30s on the Sunday.
    for (String at : new String[] {"2025-10-26T00:30:00Z", "2025-10-26T01:30:00Z"}) {
      assertOpen(EDT, Instant.parse(at), true);
      assertOpen(HUB, Instant.parse(at), false);
    }
  }

  @Test
  void reachFindsTheFirstInstantTheClockReadsATime() {
    ZoneId london = TestCalendars.LONDON_ZONE;
    // Ordinary day.
    assertThat(ServiceHours.reach(date("2025-03-10"), LocalTime.of(9, 0), london))
        .isEqualTo(Instant.parse("2025-03-10T09:00:00Z"));
    // 01:30 does not exist on 30 March 2025: the clock passes it at the jump, 01:00 UTC.
    assertThat(ServiceHours.reach(date("2025-03-30"), LocalTime.of(1, 30), london))
        .isEqualTo(Instant.parse("2025-03-30T01:00:00Z"));
    // 01:30 happens twice on 26 October 2025: the first is 00:30 UTC (01:30 BST).
    assertThat(ServiceHours.reach(date("2025-10-26"), LocalTime.of(1, 30), london))
        .isEqualTo(Instant.parse("2025-10-26T00:30:00Z"));
  }

  /** Egypt moves its clocks on weekdays, which London never does: boundaries in the gap/overlap. */
  @Test
  void boundaryInAGapOnAWorkingDay() {
    ZoneId cairo = ZoneId.of("Africa/Cairo");
    LocalDateTime inGap = LocalDateTime.parse("2025-04-25T00:30");
    ZoneOffsetTransition transition = cairo.getRules().getTransition(inGap);
    assumeTrue(transition != null && transition.isGap(), "tz data has Egypt's 2025 DST start");
    WorkingCalendar calendar =
        WorkingCalendar.of(cairo, Set.of(), date("2025-01-01"), date("2025-12-31"));
    ServiceHours early = ServiceHours.officeHours(LocalTime.of(0, 30), LocalTime.of(17, 0));

    // Friday 25 April 2025: 00:00 EET becomes 01:00 EEST, so 00:30 is never shown. The service
    // opens when the clocks go forward (22:00 UTC on Thursday), not an hour later.
    Instant jump = transition.getInstant();
    assertThat(jump).isEqualTo(Instant.parse("2025-04-24T22:00:00Z"));
    assertThat(early.isOpen(jump.minusNanos(1), calendar)).isFalse();
    assertThat(early.isOpen(jump, calendar)).isTrue();
    assertThat(early.nextOpening(Instant.parse("2025-04-24T20:00:00Z"), calendar)).isEqualTo(jump);
  }

  @Test
  void boundaryInARepeatedHourOnAWorkingDay() {
    ZoneId cairo = ZoneId.of("Africa/Cairo");
    LocalDateTime repeated = LocalDateTime.parse("2025-10-30T23:30");
    ZoneOffsetTransition transition = cairo.getRules().getTransition(repeated);
    assumeTrue(transition != null && transition.isOverlap(), "tz data has Egypt's 2025 DST end");
    WorkingCalendar calendar =
        WorkingCalendar.of(cairo, Set.of(), date("2025-01-01"), date("2025-12-31"));
    ServiceHours late = ServiceHours.outOfHours(LocalTime.of(23, 30), LocalTime.of(8, 0));

    // Thursday 30 October 2025: 24:00 EEST becomes 23:00 EET, so 23:00-24:00 happens twice.
    // Cover starts at the first 23:30 (20:30 UTC) and does not stop when the clock reads 23:00
    // again: it runs to Friday 08:00 EET.
    Instant firstHalfPast = Instant.parse("2025-10-30T20:30:00Z");
    assertThat(late.isOpen(firstHalfPast.minusSeconds(1), calendar)).isFalse();
    assertThat(late.isOpen(firstHalfPast, calendar)).isTrue();
    assertThat(late.isOpen(Instant.parse("2025-10-30T21:15:00Z"), calendar)).isTrue(); // 23:15 EET
    assertThat(late.closesAfter(Instant.parse("2025-10-30T20:45:00Z"), calendar))
        .contains(Instant.parse("2025-10-31T06:00:00Z"));
  }

  @Test
  void outsideCoverageThrows() {
    assertThatThrownBy(() -> HUB.isOpen(Instant.parse("2031-01-02T12:00:00Z"), LONDON))
        .isInstanceOf(OutsideCalendarException.class);
    // Whether the EDT stays open past midnight depends on 1 January 2031: unknown.
    assertThatThrownBy(() -> EDT.closesAfter(london("2030-12-31T18:00"), LONDON))
        .isInstanceOf(OutsideCalendarException.class);
    // The Hub's next opening after Christmas Eve 2030 is within the coverage...
    assertThat(HUB.nextOpening(london("2030-12-24T18:00"), LONDON))
        .isEqualTo(london("2030-12-27T09:00"));
    // ...after the last afternoon, it is not.
    assertThatThrownBy(() -> HUB.nextOpening(london("2030-12-31T17:00"), LONDON))
        .isInstanceOf(OutsideCalendarException.class);
  }

  @Test
  void accessorsSayWhichTimeIsWhich() {
    assertThat(HUB.kind()).isEqualTo(ServiceHours.Kind.OFFICE_HOURS);
    assertThat(HUB.first()).isEqualTo(LocalTime.of(9, 0)); // opens
    assertThat(HUB.second()).isEqualTo(LocalTime.of(17, 0)); // closes
    assertThat(EDT.kind()).isEqualTo(ServiceHours.Kind.OUT_OF_HOURS);
    assertThat(EDT.first()).isEqualTo(LocalTime.of(17, 0)); // evening start
    assertThat(EDT.second()).isEqualTo(LocalTime.of(8, 30)); // morning end
  }

  @Test
  void textFormRoundTrips() {
    assertThat(HUB.toText()).isEqualTo("office 09:00-17:00");
    assertThat(EDT.toText()).isEqualTo("out-of-hours 17:00-08:30");
    assertThat(ServiceHours.parse("office 09:00-17:00", "hub")).isEqualTo(HUB);
    assertThat(ServiceHours.parse("  out-of-hours 17:00-08:30\n", "edt")).isEqualTo(EDT);
    ServiceHours midnight = ServiceHours.parse("out-of-hours 23:59-00:00", "x");
    assertThat(midnight.second()).isEqualTo(LocalTime.MIDNIGHT);
    assertThat(ServiceHours.parse(midnight.toText(), "x")).isEqualTo(midnight);
    assertThat(HUB).hasToString("ServiceHours[office 09:00-17:00]");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "office",
        "office 9:00-17:00",
        "office 09:00 - 17:00",
        "office 09:00-24:00",
        "office 09:60-17:00",
        "Office 09:00-17:00",
        "weekly 09:00-17:00",
        "out-of-hours 17:00-08:30 weekends",
        "office 09:00:00-17:00"
      })
  void malformedTextIsRejectedNamingTheField(String text) {
    assertThatThrownBy(() -> ServiceHours.parse(text, "services.hub.hours"))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.field()).isEqualTo("services.hub.hours");
              assertThat(e.rule()).contains("office HH:mm-HH:mm");
            });
  }

  @Test
  void timesInTheWrongOrderAreRejected() {
    assertThatThrownBy(() -> ServiceHours.parse("office 17:00-09:00", "hub"))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.field()).isEqualTo("hub");
              assertThat(e.rule()).isEqualTo(ServiceHours.OFFICE_ORDER_RULE);
            });
    assertThatThrownBy(() -> ServiceHours.parse("office 09:00-09:00", "hub"))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> ServiceHours.parse("out-of-hours 08:30-17:00", "edt"))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.field()).isEqualTo("edt");
              assertThat(e.rule()).isEqualTo(ServiceHours.OUT_OF_HOURS_ORDER_RULE);
            });
    assertThatThrownBy(() -> ServiceHours.officeHours(LocalTime.of(17, 0), LocalTime.of(9, 0)))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("closes"));
    assertThatThrownBy(() -> ServiceHours.outOfHours(LocalTime.of(8, 30), LocalTime.of(8, 30)))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("eveningStart"));
    assertThatThrownBy(() -> ServiceHours.officeHours(LocalTime.of(9, 0, 30), LocalTime.of(17, 0)))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.field()).isEqualTo("opens");
              assertThat(e.rule()).isEqualTo(ServiceHours.WHOLE_MINUTE_RULE);
            });
  }

  @Test
  void equality() {
    assertThat(ServiceHours.officeHours(LocalTime.of(9, 0), LocalTime.of(17, 0)))
        .isEqualTo(HUB)
        .hasSameHashCodeAs(HUB);
    assertThat(HUB)
        .isNotEqualTo(ServiceHours.officeHours(LocalTime.of(9, 0), LocalTime.of(17, 30)))
        .isNotEqualTo(ServiceHours.outOfHours(LocalTime.of(17, 0), LocalTime.of(9, 0)));
  }

  /**
   * The hours keep the answers for recent days (a cache): one hours object asked about the same
   * day under two calendars (a bank holiday in one, not in the other; another zone) and again
   * must answer for each calendar, as a fresh object does.
   */
  @Test
  void answersForOneDayDependOnTheCalendarAsked_notOnWhatWasAskedBefore() {
    ServiceHours hours = ServiceHours.officeHours(LocalTime.of(9, 0), LocalTime.of(17, 0));
    WorkingCalendar plain = WorkingCalendar.of(ZoneId.of("Europe/London"), Set.of(), date("2025-01-01"), date("2025-12-31"));
    WorkingCalendar holiday =
        WorkingCalendar.of(ZoneId.of("Europe/London"), Set.of(date("2025-07-02")), date("2025-01-01"), date("2025-12-31"));
    WorkingCalendar tokyo = WorkingCalendar.of(ZoneId.of("Asia/Tokyo"), Set.of(), date("2025-01-01"), date("2025-12-31"));
    Instant noon = london("2025-07-02T12:00");
    for (int round = 0; round < 2; round++) {
      assertThat(hours.isOpen(noon, plain)).isTrue();
      assertThat(hours.isOpen(noon, holiday)).isFalse();
      assertThat(hours.nextOpening(noon, holiday)).isEqualTo(london("2025-07-03T09:00"));
      assertThat(hours.isOpen(noon, tokyo)).isFalse(); // 20:00 in Tokyo
      assertThat(hours.nextOpening(noon, tokyo)).isEqualTo(Instant.parse("2025-07-03T00:00:00Z"));
    }
    // Every instant of a fortnight, hour by hour, as a fresh object (no cache) answers.
    for (Instant t = london("2025-03-24T00:00"); t.isBefore(london("2025-04-07T00:00")); t = t.plus(Duration.ofMinutes(37))) {
      ServiceHours fresh = ServiceHours.officeHours(LocalTime.of(9, 0), LocalTime.of(17, 0));
      assertThat(hours.isOpen(t, holiday)).as("%s", t).isEqualTo(fresh.isOpen(t, holiday));
      assertThat(hours.nextOpening(t, plain)).as("%s", t).isEqualTo(fresh.nextOpening(t, plain));
      assertThat(EDT.closesAfter(t, LONDON)).as("%s", t)
          .isEqualTo(ServiceHours.parse(EDT.toText(), "hours").closesAfter(t, LONDON));
    }
  }
}
