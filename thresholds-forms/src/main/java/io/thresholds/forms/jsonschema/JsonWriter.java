package io.thresholds.forms.jsonschema;

import java.util.List;
import java.util.Map;

/**
 * Writes the maps, lists, strings, numbers and booleans of an exported schema as indented JSON.
 * Small on purpose: the export needs no JSON library at run time.
 */
final class JsonWriter {
  private final StringBuilder out = new StringBuilder();

  private JsonWriter() {}

  static String write(Object value) {
    JsonWriter w = new JsonWriter();
    w.value(value, 0);
    return w.out.append('\n').toString();
  }

  private void value(Object v, int indent) {
    if (v instanceof Map) {
      Map<?, ?> m = (Map<?, ?>) v;
      if (m.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        pad(indent + 1);
        string(String.valueOf(e.getKey()));
        out.append(": ");
        value(e.getValue(), indent + 1);
        out.append(++i < m.size() ? ",\n" : "\n");
      }
      pad(indent);
      out.append('}');
    } else if (v instanceof List) {
      List<?> l = (List<?>) v;
      boolean simple = l.stream().noneMatch(x -> x instanceof Map || x instanceof List);
      if (simple) {
        out.append('[');
        for (int i = 0; i < l.size(); i++) {
          value(l.get(i), indent);
          if (i + 1 < l.size()) {
            out.append(", ");
          }
        }
        out.append(']');
        return;
      }
      out.append("[\n");
      for (int i = 0; i < l.size(); i++) {
        pad(indent + 1);
        value(l.get(i), indent + 1);
        out.append(i + 1 < l.size() ? ",\n" : "\n");
      }
      pad(indent);
      out.append(']');
    } else if (v instanceof String) {
      string((String) v);
    } else if (v instanceof Number || v instanceof Boolean) {
      out.append(v);
    } else {
      throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
    }
  }

  private void pad(int indent) {
    out.append("  ".repeat(indent));
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }
}
