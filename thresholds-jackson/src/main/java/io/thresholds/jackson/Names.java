package io.thresholds.jackson;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The wire names of enum constants: the constant's name in lower case with '-' for '_', so
 * {@code PARENT_CARER} is {@code parent-carer}. Renaming a Java constant renames its wire name, so
 * a test pins the names of every enum in the format.
 *
 * <p>The names of each enum are computed once and cached: reading and writing an enum value
 * allocates nothing.
 */
final class Names {
  /** The wire names of one enum, by ordinal and by name. */
  private static final class Table {
    final String[] names;
    final Map<String, Enum<?>> byName;
    final String allowed;

    Table(Class<?> type) {
      Enum<?>[] constants = (Enum<?>[]) type.getEnumConstants();
      names = new String[constants.length];
      byName = new HashMap<>();
      for (Enum<?> e : constants) {
        names[e.ordinal()] = e.name().toLowerCase(Locale.ROOT).replace('_', '-');
        byName.put(names[e.ordinal()], e);
      }
      allowed = Arrays.stream(names).collect(Collectors.joining(", ", "one of: ", ""));
    }
  }

  private static final ClassValue<Table> TABLES = new ClassValue<>() {
    @Override
    protected Table computeValue(Class<?> type) {
      return new Table(type);
    }
  };

  private Names() {}

  static String of(Enum<?> constant) {
    return TABLES.get(constant.getDeclaringClass()).names[constant.ordinal()];
  }

  static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
    return Optional.ofNullable(type.cast(TABLES.get(type).byName.get(text)));
  }

  /** @return the wire names of {@code type}, for error messages: "one of: a, b, c" */
  static String allowed(Class<? extends Enum<?>> type) {
    return TABLES.get(type).allowed;
  }
}
