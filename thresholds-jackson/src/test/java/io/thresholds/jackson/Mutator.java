package io.thresholds.jackson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Mutates JSON documents for the fuzz targets: structure-aware changes to a tree (a value replaced
 * by an interesting one, a property removed, an unknown property added, an element repeated) and
 * text and byte changes (cut, spliced, truncated, trailing content, bytes that are not UTF-8).
 *
 * <p>Values placed where personal data goes carry {@link #PERSONAL} and unknown keys carry {@link
 * #UNKNOWN_KEY}, so that a leak sweep can look for them in every message.
 */
final class Mutator {
  /** In every personal value the mutator writes: must never appear in a message or toString. */
  static final String PERSONAL = "Qzpersonal";
  /** In every unknown key the mutator writes: must never appear in a message, path or toString. */
  static final String UNKNOWN_KEY = "Qzunknown";

  /** Property names whose values are personal data or free text. */
  static final Set<String> PERSONAL_FIELDS = Set.of("forenames", "surname", "name", "nhsNumber",
      "uniquePupilNumber", "address", "postcode", "gender", "ethnicity", "role", "legalBasis",
      "sharedWith", "purpose", "notes", "dateOfBirth", "expectedDateOfDelivery", "answers");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Values that reach the edges of the readers and the evaluator. */
  private static final List<JsonNode> INTERESTING = List.of(
      NODES.textNode("-999999999-01-01T00:00:00Z"), NODES.textNode("+1000000000-12-31T23:59:59Z"),
      NODES.textNode("+999999999-12-31T12:00:00Z"), NODES.textNode("0000-01-01T00:00:00Z"),
      NODES.textNode("1899-12-31T23:59:59Z"), NODES.textNode("9999-12-31T23:59:59Z"),
      NODES.textNode("2025-11-21T19:00:00+14:00"), NODES.textNode("2031-01-01T00:00:00Z"),
      NODES.textNode("2017-12-31T23:59:59Z"), NODES.textNode("2025-02-29"), NODES.textNode("9999-12-31"),
      NODES.textNode("0001-01-01"), NODES.textNode("2041-05-01"), NODES.textNode("-999999999-01-01"),
      NODES.textNode("PT2562047788015215H"), NODES.textNode("PT4368H"), NODES.textNode("P-1D"),
      NODES.textNode("working-days:2147483647"), NODES.textNode(""), NODES.textNode(" "),
      NODES.textNode("\u001b[31m\u0007"), NODES.textNode("\u202e"), NODES.textNode("T4-NO-SUCH"),
      NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(Integer.MAX_VALUE),
      NODES.numberNode(Integer.MIN_VALUE), NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(1.5),
      NODES.numberNode(1e308), NODES.numberNode(new java.math.BigInteger("99999999999999999999999999")),
      NODES.booleanNode(true), NODES.nullNode(), NODES.arrayNode(), NODES.objectNode());

  private final Random random;

  Mutator(long seed) {
    this.random = new Random(seed);
  }

  Random random() {
    return random;
  }

  /** One to three mutations of {@code seed}, as text (sometimes not JSON at all). */
  String mutate(String seed) {
    int kind = random.nextInt(10);
    if (kind < 7) {
      try {
        JsonNode tree = JSON.readTree(seed);
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
          tree = mutateTree(tree);
        }
        return random.nextInt(20) == 0 ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree)
            : JSON.writeValueAsString(tree);
      } catch (Exception e) {
        return seed;
      }
    }
    return mutateText(seed);
  }

  /** The bytes of a mutated document, sometimes with bytes that are not UTF-8 or a byte order mark. */
  byte[] mutateBytes(String seed) {
    byte[] b = mutate(seed).getBytes(StandardCharsets.UTF_8);
    switch (random.nextInt(6)) {
      case 0:
        if (b.length > 0) {
          b[random.nextInt(b.length)] = (byte) (0x80 + random.nextInt(0x80));
        }
        return b;
      case 1:
        byte[] utf32 = new byte[b.length + 3];
        System.arraycopy(b, 0, utf32, 3, b.length); // 00 00 00 '{' looks like UTF-32
        return utf32;
      case 2:
        byte[] bom = new byte[b.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(b, 0, bom, 3, b.length);
        return bom;
      default:
        return b;
    }
  }

  private String mutateText(String s) {
    if (s.isEmpty()) {
      return "{";
    }
    int at = random.nextInt(s.length());
    switch (random.nextInt(6)) {
      case 0:
        return s.substring(0, at); // truncated
      case 1:
        return s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + random.nextInt(20)));
      case 2:
        String[] bits = {"\"", "{", "}", "[", "]", ",", ":", "\\", "\u0000", "\ud800", "1e999999",
            "\"" + UNKNOWN_KEY + " Jane\":1,", "null", "tru", "\n"};
        return s.substring(0, at) + bits[random.nextInt(bits.length)] + s.substring(at);
      case 3:
        return s + (random.nextBoolean() ? "{\"" + UNKNOWN_KEY + "\":1}" : " x");
      case 4:
        int from = random.nextInt(s.length());
        return s.substring(0, at) + s.substring(from, Math.min(s.length(), from + random.nextInt(200)))
            + s.substring(at);
      default:
        return "[".repeat(random.nextInt(40)) + s;
    }
  }

  private JsonNode mutateTree(JsonNode root) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    if (containers.isEmpty()) {
      return root;
    }
    JsonNode target = containers.get(random.nextInt(containers.size()));
    if (target instanceof ObjectNode) {
      ObjectNode o = (ObjectNode) target;
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      int op = random.nextInt(names.isEmpty() ? 1 : 6);
      if (op == 0) {
        o.put(UNKNOWN_KEY + " " + (random.nextBoolean() ? "Jane Smith" : "jane.smith"), PERSONAL + " value");
        return root;
      }
      String name = names.get(random.nextInt(names.size()));
      if (op == 1) {
        o.remove(name);
      } else if (PERSONAL_FIELDS.contains(name) && op <= 3) {
        o.set(name, personal(name)); // a personal value where personal values go
      } else {
        o.set(name, interesting());
      }
    } else {
      ArrayNode a = (ArrayNode) target;
      int op = random.nextInt(4);
      if (a.size() == 0 || op == 0) {
        a.add(interesting());
      } else if (op == 1) {
        a.add(a.get(random.nextInt(a.size())).deepCopy()); // repeated
      } else if (op == 2) {
        a.remove(random.nextInt(a.size()));
      } else {
        a.set(random.nextInt(a.size()), interesting());
      }
    }
    return root;
  }

  /** A personal value for a field: text carrying {@link #PERSONAL}, or a date for a date field. */
  private JsonNode personal(String name) {
    if (name.equals("dateOfBirth") || name.equals("expectedDateOfDelivery")) {
      return NODES.textNode(random.nextBoolean() ? "2014-02-30" : "1871-03-0" + (1 + random.nextInt(9)));
    }
    if (name.equals("answers") || name.equals("notes")) {
      ObjectNode o = NODES.objectNode();
      o.put("child.surname", PERSONAL + " Okafor");
      o.put(UNKNOWN_KEY + " Jane", PERSONAL);
      return random.nextBoolean() ? o : NODES.arrayNode().add(PERSONAL + " note");
    }
    return NODES.textNode(PERSONAL + " " + (random.nextBoolean() ? "Jane Smith" : "999 000 0001"));
  }

  private JsonNode interesting() {
    return INTERESTING.get(random.nextInt(INTERESTING.size())).deepCopy();
  }

  private static void collect(JsonNode n, List<JsonNode> out) {
    if (n.isObject() || n.isArray()) {
      out.add(n);
      Iterator<JsonNode> it = n.elements();
      while (it.hasNext()) {
        collect(it.next(), out);
      }
    }
  }

  /** Every text of a throwable that can reach a user or a log: messages, causes, the JSON path. */
  static String channels(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      b.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
      for (Throwable s : t.getSuppressed()) {
        b.append(channels(s));
      }
    }
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException) {
      b.append(ThresholdsJson.pathOf((com.fasterxml.jackson.databind.JsonMappingException) e));
    }
    return b.toString();
  }

  /** Whether a text holds a personal value or an unknown key written by the mutator. */
  static boolean leaks(String text) {
    return text != null && (text.contains(PERSONAL) || text.contains(UNKNOWN_KEY) || text.contains("Jane"));
  }

  static Map<String, Integer> counter() {
    return new java.util.TreeMap<>();
  }
}
