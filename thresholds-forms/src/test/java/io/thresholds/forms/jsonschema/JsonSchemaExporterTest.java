package io.thresholds.forms.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.thresholds.forms.FormSchema;
import io.thresholds.forms.Forms;
import io.thresholds.forms.ReferralForm;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonSchemaExporterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final FormSchema MARF = Forms.cityOfLondon().form(ReferralForm.MARF).orElseThrow();

  @Test
  void everyExportedSchema_isAValidDraft202012Schema() throws Exception {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    Schema meta = registry.getSchema(SchemaLocation.of(JsonSchemaExporter.DIALECT));
    for (FormSchema form : Forms.cityOfLondon().forms()) {
      JsonNode exported = JSON.readTree(JsonSchemaExporter.export(form));
      assertThat(meta.validate(exported)).as(form.id()).isEmpty();
      assertThat(exported.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
      assertThat(exported.get("$id").asText()).isEqualTo("urn:thresholds:form:" + form.id() + ":" + form.version());
    }
  }

  /** The old name {@code toJson} is a public contract: kept, deprecated, the same output. */
  @Test
  @SuppressWarnings("deprecation")
  void deprecatedToJson_exportsTheSameText() {
    for (FormSchema form : Forms.cityOfLondon().forms()) {
      assertThat(JsonSchemaExporter.toJson(form)).isEqualTo(JsonSchemaExporter.export(form));
    }
  }

  @Test
  void json_isTheMap() throws Exception {
    for (FormSchema form : Forms.cityOfLondon().forms()) {
      assertThat(JSON.readTree(JsonSchemaExporter.export(form))).isEqualTo(JSON.valueToTree(JsonSchemaExporter.toMap(form)));
    }
  }

  @Test
  void requiredFields_andUnknownFieldsRejected() {
    Map<String, Object> s = JsonSchemaExporter.toMap(MARF);
    assertThat(s.get("additionalProperties")).isEqualTo(false);
    @SuppressWarnings("unchecked")
    List<String> required = (List<String>) s.get("required");
    assertThat(required).contains("referralType.service", "referralType.newOrRepeat", "child.dateOfBirthOrEdd")
        .doesNotContain("child.nhsNumber");
  }

  @Test
  void earlyHelpConsentRule_isAnIfThen() throws Exception {
    JsonNode rules = JSON.readTree(JsonSchemaExporter.export(MARF)).get("allOf");
    JsonNode rule = null;
    for (JsonNode r : rules) {
      if (r.get("$comment").asText().startsWith("early-help-consent")) {
        rule = r;
      }
    }
    assertThat(rule).isNotNull();
    assertThat(rule.at("/if/properties/referralType.service/enum/0").asText()).isEqualTo("EARLY_HELP");
    assertThat(rule.at("/then/properties/consent.parentalConsent/enum").toString()).isEqualTo("[\"VERBAL\",\"WRITTEN\"]");
  }

  @Test
  void groups_areArraysOfClosedObjects_withTheDocumentsLimits() throws Exception {
    JsonNode members = JSON.readTree(JsonSchemaExporter.export(MARF)).at("/properties/household.members");
    assertThat(members.get("type").asText()).isEqualTo("array");
    assertThat(members.get("maxItems").asInt()).isEqualTo(20);
    assertThat(members.at("/items/additionalProperties").asBoolean(true)).isFalse();
    assertThat(members.at("/items/required").toString()).isEqualTo("[\"surname\",\"forename\",\"relationship\"]");
  }

  @Test
  void writer_escapesControlCharacters() throws Exception {
    String json = JsonWriter.write(Map.of("a\"b", List.of("line\nnext\u0001\u2028", 1, true)));
    assertThat(JSON.readTree(json).get("a\"b").get(0).asText()).isEqualTo("line\nnext\u0001\u2028");
  }
}
