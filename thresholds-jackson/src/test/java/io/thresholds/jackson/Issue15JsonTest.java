package io.thresholds.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.thresholds.core.policy.Policies;
import io.thresholds.forms.Forms;
import io.thresholds.forms.ReferralForm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Regression tests for issue 15 in the JSON readers, each built from the issue's reproducer. */
class Issue15JsonTest {
  private static final String MINIMAL = Fixtures.text("referral-minimal.json");
  private static final ObjectMapper TREE = new ObjectMapper();

  private static <T extends Throwable> T fails(Class<T> type, org.assertj.core.api.ThrowableAssert.ThrowingCallable c) {
    T e = catchThrowableOfType(type, c);
    assertThat(e).as("expected " + type.getSimpleName()).isNotNull();
    return e;
  }

  private static String everything(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      b.append(t).append('\n');
    }
    if (e instanceof JsonMappingException) {
      b.append(ThresholdsJson.pathOf((JsonMappingException) e));
    }
    return b.toString();
  }

  // ---- defect 1 ------------------------------------------------------------------------------------

  @Test
  void madeAtAtTheStartOfTheInstantRange_isRefusedByTheReader_namingMadeAt() {
    JsonMappingException e = fails(JsonMappingException.class, () -> ThresholdsJson.readReferral(
        MINIMAL.replace("2025-11-21T19:00:00Z", "-999999999-01-01T00:00:00Z")));
    assertThat(e.getOriginalMessage()).contains("madeAt").contains("1900-01-01 to 9999-12-30");
  }

  @Test
  void madeAtInYearOneBillion_isRefusedByTheReader_namingMadeAt() {
    JsonMappingException e = fails(JsonMappingException.class, () -> ThresholdsJson.readReferral(
        MINIMAL.replace("2025-11-21T19:00:00Z", "+1000000000-12-31T23:59:59Z")));
    assertThat(e.getOriginalMessage()).contains("madeAt");
  }

  @Test
  void consentRecordedInYearMinusOneBillion_isRefusedWithItsPath() {
    JsonMappingException e = fails(JsonMappingException.class, () -> ThresholdsJson.readReferral(
        MINIMAL.replace("2025-11-21T18:00:00Z", "-999999999-01-01T00:00:00Z")));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("consent");
    assertThat(e.getOriginalMessage()).contains("consent.recordedAt");
  }

  @Test
  void excludedChildBornInTheFuture_isRefusedByTheReader() {
    String json = MINIMAL.replace("{\"ref\":\"c1\",\"dateOfBirth\":\"2013-05-01\",\"mobility\":\"mobile\"}",
            "{\"ref\":\"c1\",\"dateOfBirth\":\"2013-05-01\",\"mobility\":\"mobile\"},{\"ref\":\"c2\",\"dateOfBirth\":\"2041-05-01\"}")
        .replace("\"exclusions\":{}", "\"exclusions\":{\"c2\":\"lives elsewhere\"}");
    JsonMappingException e = fails(JsonMappingException.class, () -> ThresholdsJson.readReferral(json));
    assertThat(e.getOriginalMessage()).contains("household.children[1].dateOfBirth").doesNotContain("2041");
  }

  // ---- defect 2 ------------------------------------------------------------------------------------

  @Test
  void policyWithATimingOfMillionsOfYears_failsValidation() throws IOException {
    ObjectNode policy = (ObjectNode) TREE.readTree(ThresholdsJson.writePolicy(Policies.cityOfLondon()));
    for (var rule : policy.get("actionRules")) {
      if (rule.path("timing").path("kind").asText().equals("after")) {
        ((ObjectNode) rule.get("timing")).put("duration", "PT2562047788015215H");
      }
    }
    JsonMappingException e = fails(JsonMappingException.class, () -> ThresholdsJson.readPolicy(policy.toString()));
    assertThat(everything(e)).contains("26 weeks");
  }

  @Test
  void policyWithWorkingDaysOfIntMax_failsValidation() throws IOException {
    ObjectNode policy = (ObjectNode) TREE.readTree(ThresholdsJson.writePolicy(Policies.cityOfLondon()));
    for (var rule : policy.get("actionRules")) {
      if (rule.path("timing").path("kind").asText().equals("working-days")) {
        ((ObjectNode) rule.get("timing")).put("workingDays", Integer.MAX_VALUE);
      }
    }
    JsonMappingException e = fails(JsonMappingException.class, () -> ThresholdsJson.readPolicy(policy.toString()));
    assertThat(everything(e)).contains("130 working days");
  }

  // ---- defect 4 ------------------------------------------------------------------------------------

  @Test
  void unknownKeyThatIsAName_isNeverEchoed_inTheMessageOrThePath() {
    UnrecognizedPropertyException e = fails(UnrecognizedPropertyException.class,
        () -> ThresholdsJson.readReferral("{\"format\":\"thresholds/referral@1\",\"Jane Smith\":1}"));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("<unknown field>");
    assertThat(e.getPropertyName()).isEqualTo("<unknown field>");
    assertThat(everything(e)).doesNotContain("Jane").doesNotContain("Smith");
  }

  @Test
  void unknownKeyOfAFormEnvelope_isNeverEchoed() {
    var marf = Forms.cityOfLondon().form(ReferralForm.MARF).orElseThrow();
    JsonProcessingException e = fails(JsonProcessingException.class, () -> ThresholdsJson.readForm(
        "{\"format\":\"thresholds/form@1\",\"Jane Smith\":1}", marf));
    assertThat(everything(e)).doesNotContain("Jane").doesNotContain("Smith");
  }

  @Test
  void repeatedUnknownKeyOnTheHardenedMapper_isNeverEchoed() {
    StreamReadException e = fails(StreamReadException.class, () -> ThresholdsJson.newMapper().readValue(
        MINIMAL.replace("\"exclusions\":{}", "\"exclusions\":{\"Jane\":\"x\",\"Jane\":\"y\"}"),
        io.thresholds.core.model.Referral.class));
    assertThat(everything(e)).doesNotContain("Jane");
  }

  // ---- defect 5 ------------------------------------------------------------------------------------

  @Test
  void inputStreamOfBytesThatLookLikeUtf32_failsAsJsonWithoutQuotingThem() {
    byte[] bytes = {0, 0, 0, '{', 'J', 'a', 'n', 'e'};
    JsonProcessingException e = fails(JsonProcessingException.class,
        () -> ThresholdsJson.readReferral(new ByteArrayInputStream(bytes)));
    assertThat(e).isInstanceOf(StreamReadException.class);
    assertThat(everything(e)).doesNotContain("0x4a").doesNotContain("Jane").doesNotContain("UTF-32");
  }

  @Test
  void inputStreamThatIsNotUtf8_failsWithLineAndColumn_neverTheBytes() {
    byte[] bytes = (MINIMAL.substring(0, 40) + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] bad = java.util.Arrays.copyOf(bytes, bytes.length + 3);
    bad[bytes.length] = 'x';
    bad[bytes.length + 1] = (byte) 0xC3; // a lead byte without its continuation
    bad[bytes.length + 2] = 'J';
    for (var read : java.util.List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
        () -> ThresholdsJson.readReferral(new ByteArrayInputStream(bad)),
        () -> ThresholdsJson.readEvaluation(new ByteArrayInputStream(bad)),
        () -> ThresholdsJson.readPolicy(new ByteArrayInputStream(bad)),
        () -> ThresholdsJson.readForm(new ByteArrayInputStream(bad), Forms.cityOfLondon().form(ReferralForm.MARF).orElseThrow()))) {
      StreamReadException e = fails(StreamReadException.class, read);
      assertThat(e.getOriginalMessage()).contains("not UTF-8");
      assertThat(e.getLocation().getLineNr()).isEqualTo(2);
      assertThat(e.getLocation().getColumnNr()).isEqualTo(2);
    }
  }

  @Test
  void inputStreamWithAByteOrderMark_reads() throws IOException {
    byte[] json = MINIMAL.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[json.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(json, 0, withBom, 3, json.length);
    assertThat(ThresholdsJson.readReferral(new ByteArrayInputStream(withBom)))
        .isEqualTo(ThresholdsJson.readReferral(MINIMAL));
  }

  // ---- defect 9 ------------------------------------------------------------------------------------

  @Test
  void trailingJsonAfterAReferral_isMalformedJson() {
    StreamReadException e = fails(StreamReadException.class, () -> ThresholdsJson.readReferral(MINIMAL + "{\"Jane\":1}"));
    assertThat(everything(e)).doesNotContain("Jane");
  }

  @Test
  void policyLabelWithEscapeOrBell_failsAtItsPath() throws IOException {
    ObjectNode policy = (ObjectNode) TREE.readTree(ThresholdsJson.writePolicy(Policies.cityOfLondon()));
    ((ObjectNode) ((ArrayNode) policy.get("indicators")).get(2)).put("label", "Harm\u001b[2J\u0007");
    JsonMappingException e = fails(JsonMappingException.class, () -> ThresholdsJson.readPolicy(policy.toString()));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("indicators[2].label");
    assertThat(e.getOriginalMessage()).contains("control characters");
  }
}
