package io.thresholds.core.policy;

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

  /** @return a one-line human-readable form, e.g. "Thresholds of Need, Section 47 criteria, Tier 4" */
  public String toText() {
    StringBuilder b = new StringBuilder(document()).append(", ").append(section());
    tier().ifPresent(t -> b.append(", Tier ").append(t.number()));
    domain().ifPresent(d -> b.append(", ").append(d));
    area().ifPresent(a -> b.append(" / ").append(a));
    return b.toString();
  }

  @Value.Check
  void check() {
    if (document().isBlank() || section().isBlank()) {
      throw new io.thresholds.core.InvalidValueException("citation", "document and section must not be blank");
    }
  }

  @Override
  public String toString() {
    return toText();
  }
}
