package io.thresholds.examples;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.thresholds.core.InvalidValueException;
import io.thresholds.core.ThresholdsException;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.Referral;
import io.thresholds.core.policy.Policy;
import io.thresholds.core.policy.UnknownIndicatorException;
import io.thresholds.jackson.ThresholdsJson;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns the lines of a batch into result lines: a {@code thresholds/evaluation@1} document for a
 * referral that evaluates, a {@code thresholds/batch-error@1} record for any other line. Every
 * failure a line can cause becomes a record; nothing a line contains stops the batch. Thread-safe.
 */
final class LineEvaluator {
  /** The format of an error record. */
  static final String ERROR_FORMAT = "thresholds/batch-error@1";

  private static final JsonFactory JSON = new JsonFactory();

  private final Policy policy;
  private final ThresholdEvaluator evaluator;
  private final boolean errorsOnly;
  private final boolean csv;
  private final boolean breakdowns;

  /**
   * @param policy the policy to evaluate against (its catalogue checks the indicator codes)
   * @param errorsOnly write error records only, not the evaluations
   */
  LineEvaluator(Policy policy, boolean errorsOnly) {
    this(policy, errorsOnly, false, false);
  }

  /**
   * @param policy the policy to evaluate against (its catalogue checks the indicator codes)
   * @param errorsOnly write error records (rows) only, not the evaluations
   * @param csv write CSV rows (one per child) instead of JSON Lines
   * @param breakdowns count the breakdowns of the summary (by age band, agency type, time class)
   */
  LineEvaluator(Policy policy, boolean errorsOnly, boolean csv, boolean breakdowns) {
    this.policy = policy;
    this.evaluator = ThresholdEvaluator.of(policy);
    this.errorsOnly = errorsOnly;
    this.csv = csv;
    this.breakdowns = breakdowns;
  }

  /** The result lines of a part of the input, its counts and its errors for the user. */
  static final class Part {
    final StringBuilder out = new StringBuilder();
    final BatchSummary summary = new BatchSummary();
    final List<String> errors = new ArrayList<>();
    /** The CSV rows of this part, when writing CSV. */
    CsvRows.@Nullable Sink rows;
    /** Bytes of the input read when the part was complete, for progress. */
    final long consumed;

    Part(long consumed) {
      this.consumed = consumed;
    }
  }

  /**
   * @param lines consecutive lines of the input
   * @param consumed bytes of the input read up to the end of these lines
   * @return their results, in order
   */
  Part evaluate(List<LineReader.Line> lines, long consumed) {
    Part part = new Part(consumed);
    if (!csv) {
      for (LineReader.Line line : lines) {
        evaluate(line, part);
      }
      return part;
    }
    try (CsvRows.Sink rows = new CsvRows.Sink(part.out)) {
      part.rows = rows;
      for (LineReader.Line line : lines) {
        evaluate(line, part);
      }
      rows.flush();
      part.rows = null;
    }
    return part;
  }

  private void evaluate(LineReader.Line line, Part part) {
    if (line.tooLong()) {
      error(part, line.number, ErrorKind.LINE_TOO_LONG, null, null, 0,
          "the line is " + line.length + " bytes long, more than --max-line-length; a referral is a few KiB");
      return;
    }
    String text = decode(line.bytes());
    if (text == null) {
      error(part, line.number, ErrorKind.NOT_UTF8, null, null, 0, "the line is not UTF-8 text");
      return;
    }
    if (text.isBlank()) {
      error(part, line.number, ErrorKind.EMPTY_LINE, null, null, 0,
          "the line is empty: expected a thresholds/referral@1 document on every line");
      return;
    }
    Referral referral;
    try {
      referral = ThresholdsJson.readReferral(new StringReader(text), policy);
    } catch (JsonMappingException e) {
      String message = e.getOriginalMessage();
      ErrorKind kind = message.startsWith("unknown indicator code") ? ErrorKind.UNKNOWN_INDICATOR : ErrorKind.INVALID_REFERRAL;
      error(part, line.number, kind, null, ThresholdsJson.pathOf(e), column(e.getLocation()), message);
      return;
    } catch (StreamReadException e) {
      error(part, line.number, ErrorKind.MALFORMED_JSON, null, null, column(e.getLocation()), e.getOriginalMessage());
      return;
    } catch (JsonProcessingException e) {
      error(part, line.number, ErrorKind.INVALID_REFERRAL, null, null, column(e.getLocation()), e.getOriginalMessage());
      return;
    } catch (IOException | RuntimeException e) {
      internal(part, line.number, null, e);
      return;
    }
    Evaluation evaluation;
    try {
      evaluation = evaluator.evaluate(referral, referral.madeAt());
    } catch (UnknownIndicatorException e) {
      error(part, line.number, ErrorKind.UNKNOWN_INDICATOR, referral.ref().value(), null, 0, e.getMessage());
      return;
    } catch (InvalidValueException e) {
      Optional<JsonLocation> at = JsonLines.locate(text, e.field());
      error(part, line.number, ErrorKind.CANNOT_EVALUATE, referral.ref().value(), e.field(),
          at.map(LineEvaluator::column).orElse(0), e.rule());
      return;
    } catch (ThresholdsException e) {
      error(part, line.number, ErrorKind.CANNOT_EVALUATE, referral.ref().value(), null, 0, e.getMessage());
      return;
    } catch (RuntimeException e) {
      internal(part, line.number, referral.ref().value(), e);
      return;
    }
    List<ChildRow> rows = List.of();
    if (csv || breakdowns) {
      try {
        rows = ChildRow.of(line.number, policy, referral, evaluation);
      } catch (RuntimeException e) {
        internal(part, line.number, referral.ref().value(), e);
        return;
      }
    }
    part.summary.count(evaluation);
    if (csv || breakdowns) {
      for (ChildRow row : rows) {
        part.summary.count(row);
        if (csv && !errorsOnly) {
          Objects.requireNonNull(part.rows).row(row);
        }
      }
    }
    if (!errorsOnly && !csv) {
      part.out.append(ThresholdsJson.writeEvaluation(evaluation)).append('\n');
    }
  }

  /** A bug, not bad input: the record names the exception class only, as its message may quote input. */
  private void internal(Part part, long line, @Nullable String referral, Exception e) {
    error(part, line, ErrorKind.INTERNAL_ERROR, referral, null, 0,
        "internal error (" + e.getClass().getName() + "); please report it");
  }

  private void error(Part part, long line, ErrorKind kind, @Nullable String referral,
      @Nullable String path, int column, String message) {
    part.summary.count(kind);
    if (part.rows != null) {
      part.rows.error(line, referral, kind, path, column);
    } else {
      part.out.append(record(line, kind, referral, path, column, message)).append('\n');
    }
    StringBuilder b = new StringBuilder("line ").append(line).append(": ").append(kind.wireName());
    if (path != null && !path.isEmpty()) {
      b.append(" at ").append(path);
    }
    if (column > 0) {
      b.append(" (column ").append(column).append(')');
    }
    part.errors.add(b.append(": ").append(message).toString());
  }

  /** @return the error record: format, line, kind, then referral, path and column when known, message */
  static String record(long line, ErrorKind kind, @Nullable String referral, @Nullable String path,
      int column, String message) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("format", ERROR_FORMAT);
      g.writeNumberField("line", line);
      g.writeStringField("kind", kind.wireName());
      if (referral != null) {
        g.writeStringField("referral", referral);
      }
      if (path != null && !path.isEmpty()) {
        g.writeStringField("path", path);
      }
      if (column > 0) {
        g.writeNumberField("column", column);
      }
      g.writeStringField("message", message);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /** Strict UTF-8: null if the bytes are not UTF-8. */
  private static @Nullable String decode(byte[] bytes) {
    String fast = new String(bytes, StandardCharsets.UTF_8);
    if (fast.indexOf('\uFFFD') < 0) {
      return fast; // no replacement character, so nothing was malformed
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static int column(@Nullable JsonLocation location) {
    return location == null || location.getColumnNr() < 1 ? 0 : location.getColumnNr();
  }
}
