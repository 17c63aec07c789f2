package io.thresholds.jackson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** JSON fixtures under src/test/resources/io/thresholds/jackson. */
final class Fixtures {
  private static final ObjectMapper PLAIN = new ObjectMapper();

  private Fixtures() {}

  static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The JSON documents in the {@code .json} files below {@code roots} (files in name order), each
   * the outermost object {@code isDocument} accepts, keyed {@code file-relative-to-its-root#n} with
   * {@code n} counting the accepted documents of the file.
   */
  static Map<String, JsonNode> documents(List<Path> roots, Predicate<JsonNode> isDocument) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (Path root : roots) {
      List<Path> files;
      try (Stream<Path> s = Files.walk(root)) {
        files = s.filter(f -> f.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        for (Path f : files) {
          List<JsonNode> found = new ArrayList<>();
          collect(tree(Files.readString(f)), isDocument, found);
          for (int i = 0; i < found.size(); i++) {
            out.put(root.relativize(f).toString().replace('\\', '/') + "#" + i, found.get(i));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static void collect(JsonNode n, Predicate<JsonNode> isDocument, List<JsonNode> out) {
    if (n.isObject() && isDocument.test(n)) {
      out.add(n);
      return;
    }
    for (JsonNode c : n) {
      collect(c, isDocument, out);
    }
  }

  static JsonNode tree(String json) {
    try {
      return PLAIN.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
