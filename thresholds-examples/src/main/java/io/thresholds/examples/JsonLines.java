package io.thresholds.examples;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds where in a JSON document a path such as {@code concerns[0].subject} is, so that errors found
 * after reading (by the evaluator, which knows the field but not the line) can name the line too.
 */
final class JsonLines {
  private JsonLines() {}

  /**
   * @param json a JSON document that parses
   * @param path a dotted path with indexes, as {@code ThresholdsJson.pathOf} renders them
   * @return the location of the value at that path, if there is one
   */
  static Optional<JsonLocation> locate(String json, String path) {
    Map<String, JsonLocation> found = new HashMap<>();
    walk(json, (at, location) -> {
      if (at.equals(path)) {
        found.put(at, location);
        return false;
      }
      return true;
    });
    return Optional.ofNullable(found.get(path));
  }

  /**
   * Every path of a document with the location of its value (the first, if a path repeats), in
   * one pass over the document: to locate many errors, look each up here rather than calling
   * {@link #locate} for each (which would read the document once per error).
   *
   * @param json a JSON document; an index of what was read before a syntax error
   * @return locations by path
   */
  static Map<String, JsonLocation> index(String json) {
    Map<String, JsonLocation> out = new HashMap<>();
    walk(json, (at, location) -> {
      out.putIfAbsent(at, location);
      return true;
    });
    return out;
  }

  /** Called for each value of a document with its path; returns false to stop. */
  private interface Visitor {
    boolean value(String path, JsonLocation location);
  }

  private static void walk(String json, Visitor visitor) {
    try (JsonParser p = new JsonFactory().createParser(json)) {
      Deque<Object> stack = new ArrayDeque<>(); // String names and int[] counters, innermost first
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.FIELD_NAME) {
          if (!stack.isEmpty() && stack.peek() instanceof String) {
            stack.pop();
          }
          stack.push(p.currentName());
          continue;
        }
        if (!stack.isEmpty() && stack.peek() instanceof int[] && t != JsonToken.END_ARRAY) {
          ((int[]) stack.peek())[0]++;
        }
        if (t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY
            && !visitor.value(render(stack), p.currentTokenLocation())) {
          return;
        }
        if (t == JsonToken.START_ARRAY) {
          stack.push(new int[] {-1});
        } else if (t == JsonToken.START_OBJECT) {
          stack.push(new Object()); // a marker: no field yet
        } else if (t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT) {
          if (!stack.isEmpty() && stack.peek() instanceof String) {
            stack.pop();
          }
          stack.pop();
        }
      }
    } catch (IOException | RuntimeException e) {
      // a document that does not parse: what was found so far
    }
  }

  private static String render(Deque<Object> stack) {
    StringBuilder b = new StringBuilder();
    var it = stack.descendingIterator();
    while (it.hasNext()) {
      Object o = it.next();
      if (o instanceof String) {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append((String) o);
      } else if (o instanceof int[]) {
        b.append('[').append(((int[]) o)[0]).append(']');
      }
    }
    return b.toString();
  }
}
