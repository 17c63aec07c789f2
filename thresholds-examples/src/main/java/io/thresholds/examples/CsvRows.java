package io.thresholds.examples;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.thresholds.core.policy.ActionKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The rows of {@code thresholds batch --format csv}: RFC 4180 CSV (comma separated, fields quoted
 * by Jackson's CSV writer where needed, CRLF line ends), a header line, then one row per referred
 * child, or per line that gave an error record. The columns are documented in COLUMNS.md; a test
 * checks that file against {@link Column}.
 */
final class CsvRows {
  /** Lists inside a cell (driving indicators, census codes) are separated by this. */
  static final String LIST_SEPARATOR = ";";

  private static final CsvFactory CSV = CsvFactory.builder()
      .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING) // quote only where RFC 4180 needs it
      .build();
  private static final CsvSchema SCHEMA;

  static {
    CsvSchema.Builder b = CsvSchema.builder();
    for (Column c : Column.values()) {
      b.addColumn(c.header);
    }
    SCHEMA = b.build().withLineSeparator("\r\n").withoutHeader();
  }

  /** The columns, in order. */
  enum Column {
    LINE("line", (r, g) -> number(g, r.line)),
    REFERRAL_REF("referral_ref", (r, g) -> text(g, r.referral)),
    CHILD_REF("child_ref", (r, g) -> text(g, r.child)),
    AGE_YEARS("age_years", (r, g) -> number(g, r.ageYears)),
    AGE_BAND("age_band", (r, g) -> text(g, r.ageBand)),
    AGE_BASIS("age_basis", (r, g) -> text(g, r.ageBasis)),
    UNBORN("unborn", (r, g) -> bool(g, r.unborn)),
    SCOPE("scope", (r, g) -> text(g, r.scope)),
    DISABLED("disabled", (r, g) -> bool(g, r.disabled)),
    DISABILITY_UNKNOWN("disability_unknown", (r, g) -> bool(g, r.disabilityUnknown)),
    AGENCY_TYPE("agency_type", (r, g) -> text(g, r.agencyType)),
    REFERRER_POSITION("referrer_position", (r, g) -> text(g, r.referrerPosition)),
    REFERRER_DSL("referrer_dsl", (r, g) -> bool(g, r.designatedSafeguardingLead)),
    REFERRER_PROFESSIONAL("referrer_professional", (r, g) -> bool(g, r.professional)),
    TIME_CLASS("time_class", (r, g) -> text(g, r.timeClass)),
    OUT_OF_HOURS("out_of_hours", (r, g) -> bool(g, !r.timeClass.equals("in-hours"))),
    WEEKEND("weekend", (r, g) -> bool(g, r.timeClass.equals("weekend"))),
    BANK_HOLIDAY("bank_holiday", (r, g) -> bool(g, r.timeClass.equals("bank-holiday"))),
    IMMEDIATE_DANGER("immediate_danger", (r, g) -> bool(g, r.immediateDanger)),
    REPEAT_REFERRAL("repeat_referral", (r, g) -> bool(g, r.repeatReferral)),
    CONSENT_STATUS("consent_status", (r, g) -> text(g, r.consentStatus)),
    REFERRAL_CONCERNS("referral_concerns", (r, g) -> number(g, r.referralConcerns)),
    CHILD_CONCERNS("child_concerns", (r, g) -> number(g, r.childConcerns)),
    DRIVING_INDICATORS("driving_indicators", (r, g) -> list(g, r.drivingIndicators)),
    DRIVING_DOMAINS("driving_domains", (r, g) -> list(g, r.drivingDomains)),
    TIER_MIN("tier_min", (r, g) -> number(g, r.tierMin == null ? null : r.tierMin.number())),
    TIER_MAX("tier_max", (r, g) -> number(g, r.tierMax == null ? null : r.tierMax.number())),
    TIER_SPANS("tier_spans", (r, g) -> {
      if (r.tierMin == null) {
        empty(g);
      } else {
        bool(g, r.tierMin != r.tierMax);
      }
    }),
    WIDENED_BY("widened_by", (r, g) -> list(g, r.widenedBy)),
    PROVISIONAL("provisional", (r, g) -> bool(g, r.provisional)),
    OPEN_FACTS("open_facts", (r, g) -> list(g, r.openFacts)),
    CALL_999("call_999", (r, g) -> bool(g, r.has(ActionKind.CALL_EMERGENCY_SERVICES))),
    FIRST_ACTION("first_action", (r, g) -> text(g, r.firstAction)),
    PATHWAY_MACE("pathway_mace", (r, g) -> bool(g, r.has(ActionKind.MACE_REFERRAL))),
    PATHWAY_PREVENT("pathway_prevent", (r, g) -> bool(g, r.has(ActionKind.PREVENT_REFERRAL))),
    PATHWAY_MISSING_EDUCATION("pathway_missing_education", (r, g) -> bool(g, r.has(ActionKind.EDUCATION_SERVICE_REFERRAL))),
    PATHWAY_DISABILITY_ASSESSMENT("pathway_disability_assessment", (r, g) -> bool(g, r.has(ActionKind.DISABILITY_ASSESSMENT))),
    STRATEGY_DISCUSSION("strategy_discussion", (r, g) -> bool(g, r.has(ActionKind.STRATEGY_DISCUSSION))),
    CONSENT_CHECK("consent_check", (r, g) -> text(g, r.consentCheck)),
    CENSUS_FACTORS("census_factors", (r, g) -> list(g, r.censusFactors)),
    CP_CATEGORIES("cp_categories", (r, g) -> list(g, r.cpCategories)),
    CENSUS_UNCONFIRMED("census_unconfirmed", (r, g) -> bool(g, r.censusUnconfirmed)),
    POLICY_VERSION("policy_version", (r, g) -> text(g, r.policyVersion)),
    ERROR_KIND("error_kind", (r, g) -> empty(g)),
    ERROR_PATH("error_path", (r, g) -> empty(g)),
    ERROR_COLUMN("error_column", (r, g) -> empty(g));

    final String header;
    final Cell cell;

    Column(String header, Cell cell) {
      this.header = header;
      this.cell = cell;
    }
  }

  /** The columns, in order (one copy: {@code values()} copies the array on every call). */
  private static final Column[] COLUMNS = Column.values();

  /** Writes one cell of a row. */
  interface Cell {
    void write(ChildRow row, JsonGenerator g) throws IOException;
  }

  private CsvRows() {}

  /** @return the header line */
  static String header() {
    StringBuilder b = new StringBuilder();
    for (Column c : Column.values()) {
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(c.header);
    }
    return b.append("\r\n").toString();
  }

  /** Appends rows to a part of the output; one per part, used by one thread. */
  static final class Sink implements AutoCloseable {
    private final StringBuilder target;
    private final CsvGenerator g;

    /** A sink of its own, for tests: {@link #text()} returns what was written. */
    Sink() {
      this(new StringBuilder());
    }

    /** @param target where the rows go, as they are flushed (no intermediate copy) */
    Sink(StringBuilder target) {
      this.target = target;
      try {
        g = CSV.createGenerator(new Writer() {
          @Override
          public void write(char[] buffer, int offset, int length) {
            target.append(buffer, offset, length);
          }

          @Override
          public void write(String s, int offset, int length) {
            target.append(s, offset, offset + length);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      g.setSchema(SCHEMA);
    }

    void row(ChildRow row) {
      write((gen, c) -> {
        try {
          c.cell.write(row, gen);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }

    /**
     * A line that gave an error record: its line number, the referral, the JSON path and the column
     * when known, the kind (as in the record; never its message).
     */
    void error(long line, @Nullable String referral, ErrorKind kind, @Nullable String path, int column) {
      write((gen, c) -> {
        try {
          if (c == Column.LINE) {
            gen.writeNumber(line);
          } else if (c == Column.REFERRAL_REF && referral != null) {
            CsvRows.text(gen, referral);
          } else if (c == Column.ERROR_KIND) {
            gen.writeString(kind.wireName());
          } else if (c == Column.ERROR_PATH && path != null && !path.isEmpty()) {
            CsvRows.text(gen, path);
          } else if (c == Column.ERROR_COLUMN && column > 0) {
            gen.writeNumber(column);
          } else {
            empty(gen);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }

    private void write(BiConsumer<JsonGenerator, Column> cells) {
      try {
        g.writeStartArray();
        for (Column c : COLUMNS) {
          cells.accept(g, c);
        }
        g.writeEndArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Flushes the rows written so far to the target. */
    void flush() {
      try {
        g.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** @return everything written to the target, after a flush */
    String text() {
      flush();
      return target.toString();
    }

    @Override
    public void close() {
      try {
        g.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** An empty cell (Jackson's writeNull leaves a cell out of an array row). */
  private static void empty(JsonGenerator g) throws IOException {
    g.writeString("");
  }

  /**
   * A text cell. One that would start with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
   * carriage return starts with an apostrophe instead, so that a spreadsheet shows it as text and
   * never runs it as a formula (OWASP "CSV injection"): a reference may start with {@code -}, and a
   * policy of someone else's may have any version or domain code.
   */
  private static void text(JsonGenerator g, String s) throws IOException {
    g.writeString(s.isEmpty() || FORMULA_START.indexOf(s.charAt(0)) < 0 ? s : "'" + s);
  }

  /** The first characters of a cell a spreadsheet may read as a formula. */
  private static final String FORMULA_START = "=+-@\t\r";

  private static void number(JsonGenerator g, @Nullable Number n) throws IOException {
    if (n == null) {
      empty(g);
    } else {
      g.writeNumber(n.longValue());
    }
  }

  private static void bool(JsonGenerator g, boolean b) throws IOException {
    g.writeString(b ? "true" : "false");
  }

  private static void list(JsonGenerator g, List<String> values) throws IOException {
    text(g, String.join(LIST_SEPARATOR, values));
  }
}
