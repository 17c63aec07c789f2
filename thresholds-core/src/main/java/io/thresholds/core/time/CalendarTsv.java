package io.thresholds.core.time;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reader of the bank-holiday TSV format described on {@link WorkingCalendar#parse}. */
final class CalendarTsv {
  static final String HEADER = "date\tname";
  static final String COVERAGE_KEY = "coverage:";

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern COVERAGE =
      Pattern.compile("coverage:\\s*(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");

  /** What a file holds: the coverage (inclusive) and the holidays with their names. */
  record Result(
      LocalDate coveredFrom, LocalDate coveredUntil, TreeMap<LocalDate, String> holidays) {}

  private CalendarTsv() {}

  static Result read(Reader in, String source) {
    BufferedReader reader =
        in instanceof BufferedReader ? (BufferedReader) in : new BufferedReader(in);
    @Nullable LocalDate from = null;
    @Nullable LocalDate until = null;
    int coverageLine = 0;
    boolean headerSeen = false;
    TreeMap<LocalDate, String> holidays = new TreeMap<>();
    Map<LocalDate, Integer> lineOf = new HashMap<>();
    int lineNo = 0;
    String line;
    try {
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (lineNo == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.isBlank()) {
          continue;
        }
        if (line.startsWith("#")) {
          String body = line.substring(1).strip();
          if (!body.startsWith(COVERAGE_KEY)) {
            continue;
          }
          if (headerSeen) {
            throw new CalendarDataException(
                source, lineNo, "coverage line must come before the header line");
          }
          if (from != null) {
            throw new CalendarDataException(
                source, lineNo, "duplicate coverage line (first on line " + coverageLine + ")");
          }
          Matcher m = COVERAGE.matcher(body);
          LocalDate start = m.matches() ? isoDate(m.group(1)) : null;
          LocalDate end = m.matches() ? isoDate(m.group(2)) : null;
          if (start == null || end == null || end.isBefore(start)) {
            throw new CalendarDataException(
                source,
                lineNo,
                "bad coverage line: expected '# coverage: yyyy-mm-dd..yyyy-mm-dd', start not after"
                    + " end");
          }
          from = start;
          until = end;
          coverageLine = lineNo;
          continue;
        }
        if (!headerSeen) {
          if (from == null) {
            throw new CalendarDataException(
                source,
                lineNo,
                "missing coverage line ('# coverage: yyyy-mm-dd..yyyy-mm-dd') before the header");
          }
          if (!line.strip().equals(HEADER)) {
            throw new CalendarDataException(
                source, lineNo, "bad header: expected 'date<TAB>name'");
          }
          headerSeen = true;
          continue;
        }
        String[] fields = line.split("\t", -1);
        if (fields.length != 2) {
          throw new CalendarDataException(
              source, lineNo, "expected two tab-separated fields: date<TAB>name");
        }
        LocalDate date = isoDate(fields[0].strip());
        if (date == null) {
          throw new CalendarDataException(
              source, lineNo, "bad date: expected an ISO date yyyy-mm-dd that exists");
        }
        String name = fields[1].strip();
        if (name.isEmpty()) {
          throw new CalendarDataException(source, lineNo, "missing holiday name");
        }
        Integer first = lineOf.putIfAbsent(date, lineNo);
        if (first != null) {
          throw new CalendarDataException(
              source, lineNo, "duplicate date (first listed on line " + first + ")");
        }
        if (date.isBefore(from) || date.isAfter(until)) {
          throw new CalendarDataException(
              source, lineNo, "date outside coverage " + from + ".." + until);
        }
        if (WorkingCalendar.weekend(date)) {
          throw new CalendarDataException(
              source,
              lineNo,
              "bank holiday on a Saturday or Sunday (list the substitute weekday instead)");
        }
        holidays.put(date, name);
      }
    } catch (IOException e) {
      throw new CalendarDataException(source, "cannot read the bank-holiday data", e);
    }
    int end = lineNo + 1;
    if (from == null) {
      throw new CalendarDataException(
          source,
          end,
          "missing coverage line ('# coverage: yyyy-mm-dd..yyyy-mm-dd'): reached the end of the"
              + " input");
    }
    if (!headerSeen) {
      throw new CalendarDataException(
          source, end, "missing header line 'date<TAB>name': reached the end of the input");
    }
    return new Result(from, until, holidays);
  }

  /** A strict ISO date (exactly yyyy-mm-dd, a day that exists), or null. */
  private static @Nullable LocalDate isoDate(String text) {
    if (!ISO_DATE.matcher(text).matches()) {
      return null;
    }
    try {
      return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
