package io.thresholds.core.policy;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code key = value} lines with {@code #} comments. Unlike {@link java.util.Properties} it refuses
 * duplicate keys, and {@link #finish()} refuses keys nobody asked for, so nothing is silently dropped.
 */
final class StrictProperties {
  private final String source;
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, Integer> lineOf = new LinkedHashMap<>();
  private final Set<String> used = new LinkedHashSet<>();
  /** Keys read from a base pack: where they come from, and the title of that pack's document. */
  private final Map<String, String> inheritedSource = new LinkedHashMap<>();
  private final Map<String, String> inheritedDocument = new LinkedHashMap<>();

  StrictProperties(String source, List<String> lines) {
    this.source = source;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new PolicyFormatException(source + " line " + (i + 1) + ": expected key = value");
      }
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      if (!key.matches("[A-Za-z0-9_.-]+")) {
        throw new PolicyFormatException(source + " line " + (i + 1) + ": malformed key");
      }
      if (values.containsKey(key)) {
        throw new PolicyFormatException(source + " line " + (i + 1) + ": key " + key
            + " is already set on line " + lineOf.get(key));
      }
      values.put(key, value);
      lineOf.put(key, i + 1);
    }
  }

  String where(String key) {
    Integer line = lineOf.get(key);
    return inheritedSource.getOrDefault(key, source) + (line == null ? "" : " line " + line) + " (" + key + ")";
  }

  /** @return the file this pack's own keys are read from */
  String source() {
    return source;
  }

  /** @return whether the key is set, without marking it as read */
  boolean has(String key) {
    return values.containsKey(key);
  }

  /** @return whether the key was inherited from a base pack rather than set in this file */
  boolean isInherited(String key) {
    return inheritedSource.containsKey(key);
  }

  /**
   * @param key a key
   * @param own this pack's document title
   * @return the document title of the pack that set the key
   */
  String documentOf(String key, String own) {
    return inheritedDocument.getOrDefault(key, own);
  }

  /** @return the keys set in this file (not inherited), in file order */
  Set<String> ownKeys() {
    Set<String> out = new LinkedHashSet<>(values.keySet());
    out.removeAll(inheritedSource.keySet());
    return out;
  }

  /**
   * Adds the keys of a base pack that this overlay does not set and does not skip. The base's
   * keys keep their own file, line and document title for errors and citations.
   *
   * @param base the resolved base pack's properties
   * @param baseDocument the base pack's document title
   * @param skip keys not to inherit
   */
  void inherit(StrictProperties base, String baseDocument, java.util.function.Predicate<String> skip) {
    for (Map.Entry<String, String> e : base.values.entrySet()) {
      String key = e.getKey();
      if (values.containsKey(key) || skip.test(key)) {
        continue;
      }
      values.put(key, e.getValue());
      Integer line = base.lineOf.get(key);
      if (line != null) {
        lineOf.put(key, line);
      }
      inheritedSource.put(key, base.inheritedSource.getOrDefault(key, base.source));
      inheritedDocument.put(key, base.inheritedDocument.getOrDefault(key, baseDocument));
    }
  }

  Optional<String> optional(String key) {
    used.add(key);
    String v = values.get(key);
    if (v != null && v.isEmpty()) {
      throw new PolicyFormatException(where(key) + ": empty value");
    }
    return Optional.ofNullable(v);
  }

  String required(String key) {
    return optional(key).orElseThrow(() -> new PolicyFormatException(source + ": missing key " + key));
  }

  /** Keys that start with a prefix, in file order. */
  Set<String> keysWithPrefix(String prefix) {
    Set<String> out = new LinkedHashSet<>();
    for (String k : values.keySet()) {
      if (k.startsWith(prefix)) {
        out.add(k);
      }
    }
    return out;
  }

  void finish() {
    Set<String> unused = new TreeSet<>(values.keySet());
    unused.removeAll(used);
    if (!unused.isEmpty()) {
      String first = unused.iterator().next();
      throw new PolicyFormatException(where(first) + ": unknown key"
          + (unused.size() > 1 ? " (and " + (unused.size() - 1) + " more)" : ""));
    }
  }
}
