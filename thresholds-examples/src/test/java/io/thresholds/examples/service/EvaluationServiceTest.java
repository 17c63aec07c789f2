package io.thresholds.examples.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.Referral;
import io.thresholds.core.policy.Policies;
import io.thresholds.jackson.ThresholdsJson;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EvaluationServiceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2025-11-24T10:00:00Z"); // a Monday, office hours
  private static final EvaluationService SERVICE =
      new EvaluationService(Policies.cityOfLondon(), Clock.fixed(NOW, ZoneOffset.UTC));

  private static String sample(String name) throws Exception {
    return Files.readString(Path.of("samples", name));
  }

  @Test
  void aReferralIn_itsEvaluationOut_asOfNow() throws Exception {
    String body = sample("02-tier4-friday-night-immediate-danger.json");
    EvaluationService.Response r = SERVICE.evaluate(body);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/json");
    Referral referral = ThresholdsJson.readReferral(body);
    Evaluation expected = ThresholdEvaluator.of(Policies.cityOfLondon()).evaluate(referral, NOW);
    assertThat(ThresholdsJson.readEvaluation(r.body())).isEqualTo(expected);
  }

  @Test
  void aReferralMadeAfterTheServersNow_isEvaluatedAsAtItsMadeAt() throws Exception {
    EvaluationService early = new EvaluationService(Policies.cityOfLondon(),
        Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
    String body = sample("01-tier2-school-consent-given.json");
    EvaluationService.Response r = early.evaluate(body);
    assertThat(r.status()).isEqualTo(200);
    assertThat(ThresholdsJson.readEvaluation(r.body()).evaluatedAt()).isEqualTo(ThresholdsJson.readReferral(body).madeAt());
  }

  @Test
  void malformedJson_is400() {
    EvaluationService.Response r = SERVICE.evaluate("{\"format\": thresholds}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).isEqualTo("application/problem+json");
    assertThat(r.body()).contains("\"title\":\"Not JSON\"").contains("line 1, column").doesNotContain("'thresholds'");
  }

  @Test
  void unknownCode_is400_withThePath() throws Exception {
    String body = sample("01-tier2-school-consent-given.json").replace("T2-FAM-YOUNG-CARER-NEEDS", "T2-NOPE");
    JsonNode problem = JSON.readTree(SERVICE.evaluate(body).body());
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("path").asText()).isEqualTo("concerns[0].indicator");
    assertThat(problem.get("detail").asText()).contains("unknown indicator code T2-NOPE");
  }

  @Test
  void aRuleOfThePolicy_is422_withTheField() throws Exception {
    String body = sample("01-tier2-school-consent-given.json").replace("\"subject\": \"child\",\n      \"subjectRef\": \"pupil-4471\"",
        "\"subject\": \"parent-carer\",\n      \"subjectRef\": \"parent-1\"");
    JsonNode problem = JSON.readTree(SERVICE.evaluate(body).body());
    assertThat(problem.get("status").asInt()).isEqualTo(422);
    assertThat(problem.get("path").asText()).isEqualTo("concerns[0].subject");
  }

  /** A status, a header and a body, from {@link HttpURLConnection} (java.base, no extra module). */
  private record Answer(int status, String contentType, String allow, String body) {}

  private static Answer call(URI uri, String method, byte[] body) throws Exception {
    HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
    try {
      c.setRequestMethod(method);
      if (body != null) {
        c.setDoOutput(true);
        c.setFixedLengthStreamingMode(body.length);
        c.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = c.getOutputStream()) {
          out.write(body);
        }
      }
      int status = c.getResponseCode();
      try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
        return new Answer(status, c.getHeaderField("Content-Type"), c.getHeaderField("Allow"),
            new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } finally {
      c.disconnect();
    }
  }

  @Test
  void overHttp_onTheLoopbackInterface() throws Exception {
    HttpServer server = EvaluationHttpHandler.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), SERVICE);
    try {
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + EvaluationHttpHandler.PATH);
      String body = sample("06-mace-category-1.json");
      Answer ok = call(uri, "POST", body.getBytes(StandardCharsets.UTF_8));
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.contentType()).isEqualTo("application/json; charset=utf-8");
      assertThat(ThresholdsJson.readEvaluation(ok.body()).referral()).isEqualTo(ThresholdsJson.readReferral(body).ref());

      Answer get = call(uri, "GET", null);
      assertThat(get.status()).isEqualTo(405);
      assertThat(get.allow()).isEqualTo("POST");

      Answer latin1 = call(uri, "POST", new byte[] {'{', '"', (byte) 0xE9, '"', '}'});
      assertThat(latin1.status()).isEqualTo(400);
      assertThat(latin1.body()).contains("Not UTF-8");

      Answer huge = call(uri, "POST", new byte[(int) ThresholdsJson.MAX_DOCUMENT_LENGTH + 1]);
      assertThat(huge.status()).isEqualTo(413);
      assertThat(huge.contentType()).isEqualTo("application/problem+json; charset=utf-8");
    } finally {
      server.stop(0);
    }
  }
}
