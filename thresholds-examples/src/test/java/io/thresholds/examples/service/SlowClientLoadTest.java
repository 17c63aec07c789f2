package io.thresholds.examples.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.thresholds.core.policy.Policies;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15, defect 8: the example service on the loopback interface only, with bounded load.
 * Slow clients that announce a body and send one byte hold a worker each, yet every other request
 * is answered; the server drops them once the request time runs out; paths are exact, only JSON is
 * accepted, and the health endpoint answers.
 */
class SlowClientLoadTest {
  private static final EvaluationService SERVICE = new EvaluationService(Policies.cityOfLondon(),
      Clock.fixed(Instant.parse("2025-11-21T19:30:00Z"), ZoneOffset.UTC));
  /** Requests of the well-behaved clients: bounded, and small enough for two cores. */
  private static final int REQUESTS = 40;

  private HttpServer server;
  private String base;

  @BeforeEach
  void start() throws IOException {
    server = EvaluationHttpHandler.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), SERVICE);
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    EvaluationHttpHandler.stop(server, 0);
  }

  private static String sample() throws IOException {
    return Files.readString(Path.of("samples", "01-tier2-school-consent-given.json"));
  }

  private record Answer(int status, String body) {}

  private Answer call(String path, String method, String contentType, String body) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
    c.setConnectTimeout(5_000);
    c.setReadTimeout(20_000);
    try {
      c.setRequestMethod(method);
      if (body != null) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        c.setDoOutput(true);
        c.setFixedLengthStreamingMode(bytes.length);
        c.setRequestProperty("Content-Type", contentType);
        try (OutputStream out = c.getOutputStream()) {
          out.write(bytes);
        }
      }
      int status = c.getResponseCode();
      try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
        return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } finally {
      c.disconnect();
    }
  }

  /** A client that announces 1000 bytes of body and sends one. */
  private Socket slowClient() throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getAddress().getPort());
    s.getOutputStream().write(("POST /evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    return s;
  }

  @Test
  @Timeout(60)
  void slowClients_doNotBlockOthers_andAreDroppedWhenTheRequestTimeRunsOut() throws Exception {
    List<Socket> slow = new ArrayList<>();
    for (int i = 0; i < EvaluationHttpHandler.THREADS - 1; i++) {
      slow.add(slowClient());
    }
    String body = sample();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      List<Future<Answer>> answers = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        answers.add(clients.submit(() -> call(EvaluationHttpHandler.PATH, "POST", "application/json", body)));
      }
      for (Future<Answer> f : answers) {
        assertThat(f.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
      }
    } finally {
      clients.shutdownNow();
    }
    // All answered while the slow clients are still connected; now the server drops them.
    for (Socket s : slow) {
      s.setSoTimeout(25_000);
      long start = System.nanoTime();
      int read;
      try {
        read = s.getInputStream().read();
      } catch (SocketTimeoutException e) {
        throw new AssertionError("a slow client was not dropped", e);
      } catch (IOException e) {
        read = -1; // reset by the server: dropped
      }
      assertThat(read).as("dropped, not answered").isEqualTo(-1);
      assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(25));
      s.close();
    }
  }

  @Test
  @Timeout(60)
  void aFullQueue_isAnswered503WithRetryAfter_notByClosingTheConnection() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      // Every worker busy with a slow client, and every queue place taken by another.
      for (int i = 0; i < EvaluationHttpHandler.THREADS + EvaluationHttpHandler.QUEUE; i++) {
        slow.add(slowClient());
      }
      Answer refused = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
      while (System.nanoTime() < deadline) {
        Answer a = call(EvaluationHttpHandler.PATH, "POST", "application/json", sample());
        if (a.status() == 503) {
          refused = a;
          break;
        }
        assertThat(a.status()).as("answered while the queue was still filling").isEqualTo(200);
        Thread.sleep(50);
      }
      assertThat(refused).as("a request finding the queue full is answered 503").isNotNull();
      assertThat(refused.body()).contains("\"status\":503").contains("retry after");
      HttpURLConnection c = (HttpURLConnection) URI.create(base + EvaluationHttpHandler.HEALTH_PATH).toURL().openConnection();
      c.setReadTimeout(10_000);
      assertThat(c.getResponseCode()).isEqualTo(503);
      assertThat(c.getHeaderField("Retry-After")).isEqualTo(Integer.toString(EvaluationHttpHandler.RETRY_AFTER_SECONDS));
      c.disconnect();
    } finally {
      for (Socket s : slow) {
        s.close();
      }
    }
  }

  @Test
  void pathsAreExact_onlyJsonIsAccepted_andHealthAnswers() throws Exception {
    assertThat(call("/evaluateXYZ/../x", "POST", "application/json", sample()).status()).isEqualTo(404);
    assertThat(call("/evaluate/", "POST", "application/json", sample()).status()).isEqualTo(404);
    Answer text = call(EvaluationHttpHandler.PATH, "POST", "text/plain", sample());
    assertThat(text.status()).isEqualTo(415);
    assertThat(text.body()).contains("application/json");
    assertThat(call(EvaluationHttpHandler.PATH, "POST", "application/json; charset=ISO-8859-1", sample()).status())
        .isEqualTo(415);
    assertThat(call(EvaluationHttpHandler.PATH, "POST", "Application/JSON; charset=\"UTF-8\"", sample()).status())
        .isEqualTo(200);
    Answer health = call(EvaluationHttpHandler.HEALTH_PATH, "GET", null, null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).contains("up");
    assertThat(call("/healthz", "GET", null, null).status()).isEqualTo(404);
  }

  @Test
  void unknownKeyThatIsAName_isNotInTheProblemDocument() throws Exception {
    Answer a = call(EvaluationHttpHandler.PATH, "POST", "application/json",
        "{\"format\":\"thresholds/referral@1\",\"Jane Smith\":1}");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body()).doesNotContain("Jane").contains("<unknown field>");
  }

  @Test
  void listensOnTheLoopbackInterfaceByDefault() {
    assertThat(EvaluationHttpHandler.defaultAddress().getAddress().isLoopbackAddress()).isTrue();
  }
}
