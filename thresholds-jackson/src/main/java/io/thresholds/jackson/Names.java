package io.thresholds.jackson;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The wire names of enum constants: the constant's name in lower case with '-' for '_', so
 * {@code PARENT_CARER} is {@code parent-carer}. Renaming a Java constant renames its wire name, so
 * a test pins the names of every enum in the format.
 */
final class Names {
  private Names() {}

  static String of(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
    for (E e : type.getEnumConstants()) {
      if (of(e).equals(text)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** @return the wire names of {@code type}, for error messages: "one of: a, b, c" */
  static String allowed(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(Names::of)
        .collect(Collectors.joining(", ", "one of: ", ""));
  }
}
