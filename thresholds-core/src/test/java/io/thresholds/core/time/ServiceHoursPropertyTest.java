package io.thresholds.core.time;

import static io.thresholds.core.time.TestCalendars.EDT;
import static io.thresholds.core.time.TestCalendars.HUB;
import static io.thresholds.core.time.TestCalendars.LONDON;
import static io.thresholds.core.time.TestCalendars.LONDON_ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.time.api.Dates;

/**
 * Properties of the City of London services, the Hub ({@code office 09:00-17:00}) and the
 * Emergency Duty Team ({@code out-of-hours 17:00-08:30}), over instants in the covered period.
 */
class ServiceHoursPropertyTest {
  private static final LocalDate FIRST = LocalDate.of(2018, 1, 1);
  /** Far enough from the end of the coverage that the next opening or closing is known. */
  private static final LocalDate LAST = LocalDate.of(2030, 12, 15);

  private static final LocalDate[] CLOCK_CHANGE_DAYS = {
    LocalDate.of(2024, 3, 31), LocalDate.of(2024, 10, 27),
    LocalDate.of(2025, 3, 30), LocalDate.of(2025, 10, 26),
    LocalDate.of(2026, 3, 29), LocalDate.of(2026, 10, 25)
  };

  /**
   * Instants: uniform over the period, near the services' boundaries on any covered day, and
   * around the clock changes.
   */
  @Provide
  Arbitrary<Instant> instants() {
    long from = FIRST.atStartOfDay(LONDON_ZONE).toEpochSecond();
    long until = LAST.atStartOfDay(LONDON_ZONE).toEpochSecond();
    Arbitrary<Instant> uniform =
        Combinators.combine(
                Arbitraries.longs().between(from, until),
                Arbitraries.integers().between(0, 999_999_999))
            .as(Instant::ofEpochSecond);
    Arbitrary<LocalTime> boundaries =
        Arbitraries.of(
            LocalTime.MIDNIGHT,
            LocalTime.of(1, 0),
            LocalTime.of(8, 30),
            LocalTime.of(9, 0),
            LocalTime.of(17, 0));
    Arbitrary<Instant> nearBoundary =
        Combinators.combine(
                Dates.dates().between(FIRST.plusDays(1), LAST),
                boundaries,
                Arbitraries.longs().between(-120, 120))
            .as(
                (day, time, seconds) ->
                    ZonedDateTime.of(day, time, LONDON_ZONE).toInstant().plusSeconds(seconds));
    Arbitrary<Instant> clockChanges =
        Combinators.combine(
                Arbitraries.of(CLOCK_CHANGE_DAYS),
                Arbitraries.longs().between(-2 * 86_400L, 2 * 86_400L))
            .as((day, seconds) -> day.atStartOfDay(LONDON_ZONE).toInstant().plusSeconds(seconds));
    return Arbitraries.frequencyOf(
        Tuple.of(4, uniform), Tuple.of(3, nearBoundary), Tuple.of(2, clockChanges));
  }

  @Provide
  Arbitrary<ServiceHours> services() {
    return Arbitraries.of(HUB, EDT);
  }

  @Property
  void atMostOneServiceIsOpenAndNeitherInTheGap(@ForAll("instants") Instant at) {
    boolean hub = HUB.isOpen(at, LONDON);
    boolean edt = EDT.isOpen(at, LONDON);
    ZonedDateTime local = at.atZone(LONDON_ZONE);
    LocalTime time = local.toLocalTime();
    boolean inGap =
        LONDON.isWorkingDay(local.toLocalDate())
            && !time.isBefore(LocalTime.of(8, 30))
            && time.isBefore(LocalTime.of(9, 0));
    assertThat(hub && edt).as("both open at %s", local).isFalse();
    // Outside the gap exactly one is open; in the gap, neither.
    assertThat(hub || edt).as("one open at %s", local).isEqualTo(!inGap);
  }

  /** London's clock changes never touch 08:30, 09:00 or 17:00: the wall clock decides. */
  @Property
  void isOpenAgreesWithTheLondonWallClock(@ForAll("instants") Instant at) {
    ZonedDateTime local = at.atZone(LONDON_ZONE);
    LocalTime time = local.toLocalTime();
    boolean working = LONDON.isWorkingDay(local.toLocalDate());
    boolean hub =
        working && !time.isBefore(LocalTime.of(9, 0)) && time.isBefore(LocalTime.of(17, 0));
    boolean edt =
        !working || time.isBefore(LocalTime.of(8, 30)) || !time.isBefore(LocalTime.of(17, 0));
    assertThat(HUB.isOpen(at, LONDON)).as("hub at %s", local).isEqualTo(hub);
    assertThat(EDT.isOpen(at, LONDON)).as("edt at %s", local).isEqualTo(edt);
  }

  @Property(tries = 300)
  void nextOpeningIsTheEarliestOpenInstant(
      @ForAll("services") ServiceHours service, @ForAll("instants") Instant at) {
    Instant next = service.nextOpening(at, LONDON);
    assertThat(next).isAfterOrEqualTo(at);
    assertThat(service.isOpen(next, LONDON)).isTrue();
    if (next.equals(at)) {
      return;
    }
    assertThat(service.isOpen(next.minusNanos(1), LONDON)).isFalse();
    // Closed at `at` and at every minute from then until the opening (at most a week sampled).
    assertThat(service.isOpen(at, LONDON)).isFalse();
    Instant limit = at.plus(7, ChronoUnit.DAYS);
    for (Instant t = at.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        t.isBefore(next) && t.isBefore(limit);
        t = t.plus(1, ChronoUnit.MINUTES)) {
      assertThat(service.isOpen(t, LONDON))
          .as("%s open at %s before %s", service, t, next)
          .isFalse();
    }
  }

  @Property(tries = 300)
  void closesAfterEndsTheCurrentOpenPeriod(
      @ForAll("services") ServiceHours service, @ForAll("instants") Instant at) {
    Optional<Instant> closes = service.closesAfter(at, LONDON);
    assertThat(closes.isPresent()).isEqualTo(service.isOpen(at, LONDON));
    if (closes.isEmpty()) {
      return;
    }
    Instant end = closes.get();
    assertThat(end).isAfter(at);
    assertThat(service.isOpen(end, LONDON)).isFalse();
    assertThat(service.isOpen(end.minusNanos(1), LONDON)).isTrue();
    Instant limit = at.plus(7, ChronoUnit.DAYS);
    for (Instant t = at.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        t.isBefore(end) && t.isBefore(limit);
        t = t.plus(1, ChronoUnit.MINUTES)) {
      assertThat(service.isOpen(t, LONDON))
          .as("%s closed at %s before %s", service, t, end)
          .isTrue();
    }
    // The next opening after the close is later than the close.
    assertThat(service.nextOpening(end, LONDON)).isAfter(end);
  }
}
