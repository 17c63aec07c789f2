package io.thresholds.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.Policy;
import org.junit.jupiter.api.Test;

/** The census mapping in a thresholds/policy@1 document: carried, optional, checked. */
class PolicyCensusJsonTest {
  private static final Policy CITY = Policies.cityOfLondon();
  private static final ObjectMapper PLAIN = new ObjectMapper();

  private static ObjectNode exported() throws Exception {
    return (ObjectNode) PLAIN.readTree(ThresholdsJson.writePolicy(CITY));
  }

  @Test
  void census_roundTrips() throws Exception {
    Policy read = ThresholdsJson.readPolicy(ThresholdsJson.writePolicy(CITY));
    assertThat(read.census()).isEqualTo(CITY.census());
    assertThat(read.census()).isPresent();
  }

  @Test
  void documentWithoutCensus_stillReads() throws Exception {
    ObjectNode doc = exported();
    doc.remove("census");
    Policy read = ThresholdsJson.readPolicy(PLAIN.writeValueAsString(doc));
    assertThat(read.census()).isEmpty();
    assertThat(read.indicators()).isEqualTo(CITY.indicators());
  }

  @Test
  void unknownCategory_namesThePath() throws Exception {
    ObjectNode doc = exported();
    var mappings = ((com.fasterxml.jackson.databind.node.ArrayNode) doc.get("census").get("mappings"));
    int at = -1;
    for (int i = 0; i < mappings.size(); i++) {
      if (mappings.get(i).has("categories")) {
        at = i;
        break;
      }
    }
    ((ObjectNode) mappings.get(at)).putArray("categories").add("XYZ");
    JsonMappingException e = catchThrowableOfType(JsonMappingException.class,
        () -> ThresholdsJson.readPolicy(PLAIN.writeValueAsString(doc)));
    assertThat(e).isNotNull();
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("census.mappings[" + at + "].categories[0]");
    assertThat(e.getOriginalMessage()).contains("unknown category of abuse");
  }

  @Test
  void mappingOfUnknownIndicator_refused() throws Exception {
    ObjectNode doc = exported();
    ((ObjectNode) ((com.fasterxml.jackson.databind.node.ArrayNode) doc.get("census").get("mappings")).get(0)).put("indicator", "T2-NOT-IN-CATALOGUE");
    JsonMappingException e = catchThrowableOfType(JsonMappingException.class,
        () -> ThresholdsJson.readPolicy(PLAIN.writeValueAsString(doc)));
    assertThat(e).isNotNull();
    assertThat(e.getOriginalMessage()).contains("names an indicator that does not exist");
  }

  @Test
  void missingReading_namesTheProperty() throws Exception {
    ObjectNode doc = exported();
    ((ObjectNode) ((com.fasterxml.jackson.databind.node.ArrayNode) doc.get("census").get("mappings")).get(0)).remove("reading");
    JsonMappingException e = catchThrowableOfType(JsonMappingException.class,
        () -> ThresholdsJson.readPolicy(PLAIN.writeValueAsString(doc)));
    assertThat(e).isNotNull();
    assertThat(e.getOriginalMessage()).contains("reading");
  }
}
