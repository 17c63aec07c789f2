package io.thresholds.jackson;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The published referral schemas, loaded through {@link ThresholdsJson#jsonSchema(String)} into an
 * independent JSON Schema 2020-12 validator (networknt), and every referral document this project
 * bundles.
 */
final class ReferralSchemas {
  /** The formats with a schema; a new referral format is added here and in ThresholdsJson. */
  static final List<String> FORMATS = ThresholdsJson.SCHEMA_FORMATS.stream()
      .filter(f -> f.startsWith("thresholds/referral@")).collect(java.util.stream.Collectors.toList());

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Map<String, Schema> SCHEMAS = new LinkedHashMap<>();

  /** Where the project keeps referral documents (fixtures, vignettes, samples, golden cases). */
  static final List<Path> ROOTS = List.of(
      Path.of("src/test/resources/io/thresholds/jackson"),
      Path.of("../thresholds-examples/samples"),
      Path.of("../thresholds-core/src/main/resources/io/thresholds/core/policy"));

  private ReferralSchemas() {}

  static synchronized Schema schema(String format) {
    return SCHEMAS.computeIfAbsent(format, f -> REGISTRY.getSchema(ThresholdsJson.jsonSchema(f)));
  }

  /**
   * The schema errors of a document, with format assertions on ({@code format: date}): a document
   * is checked against the schema of the format it names, and against the newest schema if it
   * names none the module has (which then refuses it for its {@code format}).
   */
  static List<Error> errors(JsonNode doc) {
    String format = doc.path("format").asText("");
    String use = FORMATS.contains(format) ? format : FORMATS.get(FORMATS.size() - 1);
    return schema(use).validate(doc, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
  }

  /** Every referral document bundled with the project, by file and position, with its format. */
  static Map<String, JsonNode> bundled() {
    return Fixtures.documents(ROOTS, n -> n.path("format").asText("").startsWith("thresholds/referral@"));
  }
}
