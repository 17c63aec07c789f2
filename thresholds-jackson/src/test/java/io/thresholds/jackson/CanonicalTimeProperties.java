package io.thresholds.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The reader's fast path for canonical dates and instants agrees with {@link LocalDate#parse} and
 * {@link Instant#parse}: it gives the same value where it answers, and leaves everything else
 * (including every invalid value) to them.
 */
class CanonicalTimeProperties {
  @Property(tries = 1000)
  void canonicalInstant_isInstantParse(@ForAll("instants") Instant instant) {
    String text = instant.toString();
    assertThat(In.canonicalInstant(text)).isEqualTo(Instant.parse(text));
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Arbitraries.oneOf(Generators.instants(),
        Arbitraries.longs().between(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("9999-12-31T23:59:59Z").getEpochSecond())
            .map(Instant::ofEpochSecond));
  }

  @Property(tries = 1000)
  void canonicalDate_isLocalDateParse(@ForAll("dates") LocalDate date) {
    String text = date.toString();
    assertThat(In.canonicalDate(text)).isEqualTo(LocalDate.parse(text));
  }

  @Provide
  Arbitrary<LocalDate> dates() {
    return Arbitraries.longs().between(LocalDate.of(0, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())
        .map(LocalDate::ofEpochDay);
  }

  @Example
  void otherForms_areLeftToTheJavaTimeParsers() {
    for (String t : new String[] {"2025-11-21T19:00:00z", "2025-11-21T19:00:00+00:00", "2025-11-21T19:00Z",
        "2025-11-21T19:00:00.Z", "2016-12-31T23:59:60Z", "2025-11-21T24:00:00Z", "2025-02-29T10:00:00Z",
        "2025-11-21 19:00:00Z", "+2025-11-21T19:00:00Z", "2025-11-21T19:00:00.1234567890Z", "２０２５-11-21T19:00:00Z"}) {
      assertThat(In.canonicalInstant(t)).as(t).isNull();
    }
    for (String t : new String[] {"2013-02-30", "2013-2-03", "2013-13-01", "20130501", "+2013-05-01", "2013-05-01 ", "２０１３-05-01"}) {
      assertThat(In.canonicalDate(t)).as(t).isNull();
    }
    assertThat(Instant.parse("2016-12-31T23:59:60Z")).isEqualTo(Instant.parse("2016-12-31T23:59:59Z"));
  }

  @Example
  void fractionsOfEveryLength_areRead() {
    for (String t : new String[] {"2025-03-14T10:15:30.2Z", "2025-03-14T10:15:30.25Z", "2025-03-14T10:15:30.250Z",
        "2025-03-14T10:15:30.000001Z", "2025-03-14T10:15:30.123456789Z"}) {
      assertThat(In.canonicalInstant(t)).as(t).isEqualTo(Instant.parse(t));
    }
  }

  @Example
  void invalidValues_stillFail() {
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> LocalDate.parse("2013-02-30")))
        .isInstanceOf(DateTimeParseException.class);
  }
}
