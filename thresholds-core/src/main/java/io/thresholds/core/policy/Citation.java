package io.thresholds.core.policy;

import io.thresholds.core.internal.Bounds;
import io.thresholds.core.model.Tier;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where in the partnership's documents a rule or indicator comes from: the document, its section,
 * and where relevant the tier, domain and area of the matrix.
 */
@Value.Immutable
public abstract class Citation {
  /** @return the document's title, e.g. "City of London Thresholds of Need" */
  public abstract String document();

  /** @return the section, e.g. "Thresholds Criteria: Section 47" */
  public abstract String section();

  /** @return the tier of the matrix cell, if the citation is to one */
  public abstract Optional<Tier> tier();

  /** @return the domain of the matrix, if any */
  public abstract Optional<String> domain();

  /** @return the area (sub-heading) within the domain, if any */
  public abstract Optional<String> area();

  /**
   * The builder of {@link Citation}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableCitation.Builder {
    Builder() {}
  }

  /**
   * @return the pack's own reading, where the statement cited is the pack's interpretation rather
   *     than what the document says in so many words (for example a more protective flag). A
   *     reviewer can tell the document from the interpretation by this.
   */
  public abstract Optional<String> reading();

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @param document the document title
   * @param section the section
   * @return a citation of a whole section
   */
  public static Citation of(String document, String section) {
    return builder().document(document).section(section).build();
  }

  /** The marker that starts the pack's reading at the end of a section cell of a policy pack. */
  static final String READING_MARK = " [reading: ";

  /** Separates another document's title from the section in a section cell: {@code TITLE :: SECTION}. */
  static final String DOCUMENT_MARK = " :: ";

  /**
   * Reads a section cell of a policy pack: {@code SECTION}, optionally {@code DOCUMENT :: SECTION} for
   * another document than the pack's, and optionally ending {@code [reading: TEXT]}.
   *
   * @param document the document title
   * @param cell the cell's text
   * @return the citation
   */
  static Citation ofCell(String document, String cell) {
    int other = cell.indexOf(DOCUMENT_MARK);
    if (other >= 0) {
      return builder().from(ofCell(cell.substring(0, other).strip(), cell.substring(other + DOCUMENT_MARK.length())))
          .build();
    }
    int at = cell.indexOf(READING_MARK);
    if (at < 0) {
      return of(document, cell);
    }
    if (!cell.endsWith("]")) {
      throw new io.thresholds.core.InvalidValueException("section", "a reading must end with ']'");
    }
    return builder().document(document).section(cell.substring(0, at).strip())
        .reading(cell.substring(at + READING_MARK.length(), cell.length() - 1).strip())
        .build();
  }

  /** @return a one-line human-readable form, e.g. "Thresholds of Need, Section 47 criteria, Tier 4" */
  public String toText() {
    StringBuilder b = new StringBuilder(document()).append(", ").append(section());
    tier().ifPresent(t -> b.append(", Tier ").append(t.number()));
    domain().ifPresent(d -> b.append(", ").append(d));
    area().ifPresent(a -> b.append(" / ").append(a));
    reading().ifPresent(r -> b.append(" [the pack's reading: ").append(r).append(']'));
    return b.toString();
  }

  @Value.Check
  void check() {
    if (document().isBlank() || section().isBlank()) {
      throw new io.thresholds.core.InvalidValueException("citation", "document and section must not be blank");
    }
    if (reading().isPresent() && reading().get().isBlank()) {
      throw new io.thresholds.core.InvalidValueException("citation.reading", "must not be blank");
    }
    if (!Bounds.displayable(document()) || !Bounds.displayable(section())
        || !domain().map(Bounds::displayable).orElse(true) || !area().map(Bounds::displayable).orElse(true)
        || !reading().map(Bounds::displayable).orElse(true)) {
      throw new io.thresholds.core.InvalidValueException("citation", Indicator.NO_CONTROL_CHARACTERS);
    }
  }

  @Override
  public String toString() {
    return toText();
  }
}
