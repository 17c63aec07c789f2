package io.thresholds.core.policy;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.model.IndicatorCode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A policy's mapping of its indicators to a national code list (the Department for Education
 * children in need census), with the list's name, version and source, so that the mapping can
 * follow the census guide's yearly changes.
 */
@Value.Immutable
public abstract class CensusCodes {
  /** @return the code list, e.g. "DfE children in need census: factors identified at the end of assessment" */
  public abstract String codeList();

  /** @return the code list's version, e.g. "2024 to 2025" */
  public abstract String version();

  /** @return where the codes and their meanings were confirmed */
  public abstract String source();

  /** @return one mapping per indicator */
  public abstract List<CensusMapping> mappings();

  /**
   * The builder of {@link CensusCodes}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableCensusCodes.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the mappings by indicator */
  @Value.Lazy
  Map<IndicatorCode, CensusMapping> byIndicator() {
    Map<IndicatorCode, CensusMapping> m = new LinkedHashMap<>();
    for (CensusMapping c : mappings()) {
      m.put(c.indicator(), c);
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * @param indicator an indicator code
   * @return its mapping, if the pack maps it
   */
  public Optional<CensusMapping> mapping(IndicatorCode indicator) {
    return Optional.ofNullable(byIndicator().get(indicator));
  }

  @Value.Check
  void check() {
    if (codeList().isBlank() || version().isBlank() || source().isBlank()) {
      throw new InvalidValueException("census", "needs the code list, its version and its source");
    }
    if (byIndicator().size() != mappings().size()) {
      for (int i = 0; i < mappings().size(); i++) {
        IndicatorCode code = mappings().get(i).indicator();
        if (mappings().subList(0, i).stream().anyMatch(m -> m.indicator().equals(code))) {
          throw new InvalidValueException("census[" + code + "]", "indicator is mapped twice");
        }
      }
    }
  }
}
