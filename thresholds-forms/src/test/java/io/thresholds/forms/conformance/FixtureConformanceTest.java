package io.thresholds.forms.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.thresholds.forms.FormData;
import io.thresholds.forms.FormSchema;
import io.thresholds.forms.Forms;
import io.thresholds.forms.jsonschema.JsonSchemaExporter;
import io.thresholds.forms.validation.FormValidator;
import io.thresholds.forms.validation.Violation;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fixture under {@code fixtures/FORM/valid} is accepted, and every one under
 * {@code fixtures/FORM/invalid} rejected with exactly its expected violations, by the Bean
 * Validation validator, and by an independent JSON Schema validator (networknt, draft 2020-12,
 * format assertions on) on the exported schema with the same fields. Fixtures marked
 * {@code beanValidationOnly} break a rule JSON Schema cannot express (check digits, the clock):
 * the JSON Schema validator must accept them.
 */
class FixtureConformanceTest {
  /** The day the fixtures are checked on. */
  static final LocalDate TODAY = LocalDate.of(2025, 11, 21);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final FormValidator VALIDATOR = FormValidator.create();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Map<String, Schema> SCHEMAS = new LinkedHashMap<>();

  @AfterAll
  static void close() {
    VALIDATOR.close();
  }

  static Path fixtures() {
    try {
      return Path.of(FixtureConformanceTest.class.getResource("/io/thresholds/forms/fixtures").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Path> files(String form, String kind) throws IOException {
    try (Stream<Path> s = Files.list(fixtures().resolve(form).resolve(kind))) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    }
  }

  static Schema jsonSchema(FormSchema form) {
    return SCHEMAS.computeIfAbsent(form.id(), id -> REGISTRY.getSchema(JsonSchemaExporter.export(form)));
  }

  static List<Error> jsonSchemaErrors(FormSchema form, JsonNode data) {
    return jsonSchema(form).validate(data, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
  }

  /** The field path of a JSON Schema error, in the validator's notation. */
  static String field(Error e) {
    NodePath p = e.getInstanceLocation();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < p.getNameCount(); i++) {
      Object el = p.getElement(i);
      if (el instanceof Integer) {
        b.append('[').append(el).append(']');
      } else {
        b.append(b.length() == 0 ? "" : ".").append(el);
      }
    }
    if ("additionalProperties".equals(e.getKeyword()) && b.length() > 0) {
      // an unknown key of a row: the validator never echoes it (it may be personal data)
      return b.append(".<unknown column>").toString();
    }
    if (("required".equals(e.getKeyword()) || "additionalProperties".equals(e.getKeyword())) && e.getProperty() != null) {
      b.append(b.length() == 0 ? "" : ".").append(e.getProperty());
    }
    return b.toString();
  }

  @TestFactory
  Stream<DynamicTest> validFixtures_areAcceptedByBothValidators() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (FormSchema form : Forms.cityOfLondon().forms()) {
      for (Path file : files(form.id(), "valid")) {
        tests.add(DynamicTest.dynamicTest(form.id() + "/valid/" + file.getFileName(), () -> {
          JsonNode doc = JSON.readTree(file.toFile());
          assertThat(doc.get("form").asText()).isEqualTo(form.id());
          FormData data = FormData.of(JSON.convertValue(doc.get("data"), new TypeReference<Map<String, Object>>() {}));
          assertThat(VALIDATOR.validate(form, data, TODAY)).as("Bean Validation").isEmpty();
          assertThat(jsonSchemaErrors(form, doc.get("data"))).as("JSON Schema").isEmpty();
        }));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> invalidFixtures_areRejectedForTheSameFields() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (FormSchema form : Forms.cityOfLondon().forms()) {
      for (Path file : files(form.id(), "invalid")) {
        tests.add(DynamicTest.dynamicTest(form.id() + "/invalid/" + file.getFileName(), () -> {
          JsonNode doc = JSON.readTree(file.toFile());
          FormData data = FormData.of(JSON.convertValue(doc.get("data"), new TypeReference<Map<String, Object>>() {}));
          List<Violation> violations = VALIDATOR.validate(form, data, TODAY);
          List<String> expected = new ArrayList<>();
          doc.get("expect").forEach(e -> expected.add(e.get("field").asText() + " " + e.get("code").asText()));
          assertThat(violations.stream().map(v -> v.field() + " " + v.code()))
              .as("Bean Validation violations").containsExactlyElementsOf(expected);
          Set<String> fields = violations.stream().map(Violation::field).collect(Collectors.toCollection(TreeSet::new));
          List<Error> errors = jsonSchemaErrors(form, doc.get("data"));
          Set<String> jsonFields = errors.stream().map(FixtureConformanceTest::field)
              .collect(Collectors.toCollection(TreeSet::new));
          if (doc.path("beanValidationOnly").asBoolean(false)) {
            assertThat(errors).as("JSON Schema cannot express this rule, so accepts it").isEmpty();
          } else {
            assertThat(jsonFields).as("JSON Schema error fields: " + errors).isEqualTo(fields);
          }
        }));
      }
    }
    return tests.stream();
  }

  @Test
  void everyFormHasValidAndInvalidFixtures() throws IOException {
    for (FormSchema form : Forms.cityOfLondon().forms()) {
      assertThat(files(form.id(), "valid")).as(form.id()).hasSizeGreaterThanOrEqualTo(2);
      assertThat(files(form.id(), "invalid")).as(form.id()).hasSizeGreaterThanOrEqualTo(5);
    }
  }
}
