package io.thresholds.core.time;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/** Shared fixtures: the embedded England and Wales calendar and the City of London services. */
final class TestCalendars {
  static final String RESOURCE = "/io/thresholds/core/policy/city-of-london/bank-holidays.tsv";
  static final ZoneId LONDON_ZONE = ZoneId.of("Europe/London");
  static final WorkingCalendar LONDON = load();
  /** The Hub: office hours 09:00-17:00. */
  static final ServiceHours HUB = ServiceHours.officeHours(LocalTime.of(9, 0), LocalTime.of(17, 0));
  /** The Emergency Duty Team: 17:00-08:30, weekends and bank holidays. */
  static final ServiceHours EDT = ServiceHours.outOfHours(LocalTime.of(17, 0), LocalTime.of(8, 30));

  private TestCalendars() {}

  static WorkingCalendar load() {
    try (Reader reader = openResource()) {
      return WorkingCalendar.parse(reader, LONDON_ZONE, "bank-holidays.tsv");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Reader openResource() {
    InputStream in =
        Objects.requireNonNull(TestCalendars.class.getResourceAsStream(RESOURCE), RESOURCE);
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  /** The instant a London wall clock reads {@code text} (ISO local date-time, unambiguous). */
  static Instant london(String text) {
    return LocalDateTime.parse(text).atZone(LONDON_ZONE).toInstant();
  }

  static LocalDate date(String text) {
    return LocalDate.parse(text);
  }
}
