package io.thresholds.examples.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.thresholds.jackson.ThresholdsJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link EvaluationService} over HTTP with the JDK's own server: {@code POST} a referral document
 * as {@code application/json} to exactly {@code /evaluate}, get the evaluation back; {@code GET
 * /health} answers 200 while the server runs. Other paths get 404, other methods 405, another
 * content type 415, a body over {@link ThresholdsJson#MAX_DOCUMENT_LENGTH} 413, a body that is not
 * UTF-8 400.
 *
 * <pre>{@code
 * HttpServer server = EvaluationHttpHandler.start(service); // 127.0.0.1:8080
 * // curl -H 'Content-Type: application/json' -d @thresholds-examples/samples/01-tier2-school-consent-given.json http://127.0.0.1:8080/evaluate
 * }</pre>
 *
 * <p>The habits a service copied from this example should keep:
 *
 * <ul>
 *   <li><b>Loopback by default</b>: {@link #start(EvaluationService)} listens on 127.0.0.1 only;
 *       listening on other interfaces is a deliberate choice of address.
 *   <li><b>A bounded executor</b>: {@value #THREADS} worker threads and a queue of {@value #QUEUE}
 *       requests, so one slow request never holds up the others, and a flood is refused rather than
 *       queued without end (the JDK's own default runs every request on its one dispatcher
 *       thread). A request that finds the queue full is answered {@code 503 Service Unavailable}
 *       with {@code Retry-After}, by one separate thread with a queue of its own, so the refusal
 *       never runs on the dispatcher; only when that queue is full too is the connection closed.
 *   <li><b>Read and idle timeouts</b>: a request (headers and body) must arrive within {@value
 *       #REQUEST_SECONDS} s and a response be sent within {@value #REQUEST_SECONDS} s, and an idle
 *       kept-alive connection is closed after {@value #IDLE_SECONDS} s. These are the JDK server's
 *       system properties {@code sun.net.httpserver.maxReqTime}, {@code maxRspTime} and {@code
 *       idleInterval}, set here unless already set; the JDK reads them once, when the first server
 *       of the JVM is created, so set them (with {@code -D}) before that if you want others.
 *   <li><b>Exact paths and one content type</b>: the JDK matches contexts by prefix ({@code
 *       /evaluateXYZ/../x} would reach {@code /evaluate}); the handler checks the whole path, and
 *       refuses anything but {@code application/json} in UTF-8.
 * </ul>
 *
 * <p>Still an example, not a hardened server: put authentication and TLS in front of it, as for
 * any service that receives information about children.
 */
public final class EvaluationHttpHandler implements HttpHandler {
  /** The path of the evaluation endpoint. */
  public static final String PATH = "/evaluate";
  /** The path of the health endpoint. */
  public static final String HEALTH_PATH = "/health";
  /** The port {@link #start(EvaluationService)} listens on. */
  public static final int DEFAULT_PORT = 8080;
  /** Worker threads of the server's executor. */
  public static final int THREADS = 4;
  /** Requests waiting for a worker, at most; more are answered 503 (see the class comment). */
  public static final int QUEUE = 64;
  /** Seconds a client is asked to wait before retrying a request answered 503. */
  public static final int RETRY_AFTER_SECONDS = 1;

  /** Set on the thread that answers a request refused because every worker and queue place is taken. */
  private static final ThreadLocal<Boolean> OVERLOADED = ThreadLocal.withInitial(() -> Boolean.FALSE);
  /** Seconds a request may take to arrive, and its response to be sent (unless set with -D). */
  public static final int REQUEST_SECONDS = 10;
  /** Seconds an idle kept-alive connection stays open (unless set with -D). */
  public static final int IDLE_SECONDS = 30;

  static {
    setUnlessSet("sun.net.httpserver.maxReqTime", REQUEST_SECONDS);
    setUnlessSet("sun.net.httpserver.maxRspTime", REQUEST_SECONDS);
    setUnlessSet("sun.net.httpserver.idleInterval", IDLE_SECONDS);
  }

  private static void setUnlessSet(String property, int seconds) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, Integer.toString(seconds));
    }
  }

  private final EvaluationService service;

  /** @param service the service answering each request */
  public EvaluationHttpHandler(EvaluationService service) {
    this.service = Objects.requireNonNull(service, "service");
  }

  /**
   * Starts a server on the loopback interface, port {@value #DEFAULT_PORT}.
   *
   * @param service the service
   * @return the started server; {@link #stop} it at the end
   * @throws IOException if the port cannot be bound
   */
  public static HttpServer start(EvaluationService service) throws IOException {
    return start(defaultAddress(), service);
  }

  /** @return the loopback address, port {@value #DEFAULT_PORT} */
  static InetSocketAddress defaultAddress() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), DEFAULT_PORT);
  }

  /**
   * Starts a server with the evaluation endpoint at {@link #PATH} and the health endpoint at
   * {@link #HEALTH_PATH}, on a bounded executor.
   *
   * @param address where to listen, e.g. the loopback address and port 0 for any free port
   * @param service the service
   * @return the started server; {@link #stop} it at the end
   * @throws IOException if the address cannot be bound
   */
  public static HttpServer start(InetSocketAddress address, EvaluationService service) throws IOException {
    HttpServer server = HttpServer.create(address, QUEUE);
    ThreadPoolExecutor busy = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(QUEUE), daemons("thresholds-http-busy-"), new ThreadPoolExecutor.AbortPolicy());
    busy.allowCoreThreadTimeOut(true);
    ThreadPoolExecutor workers = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(QUEUE), daemons("thresholds-http-"),
        (exchange, pool) -> busy.execute(() -> {
          OVERLOADED.set(Boolean.TRUE);
          try {
            exchange.run();
          } finally {
            OVERLOADED.remove();
          }
        })) {
      @Override
      public List<Runnable> shutdownNow() {
        busy.shutdownNow();
        return super.shutdownNow();
      }
    };
    workers.allowCoreThreadTimeOut(true);
    server.setExecutor(workers);
    EvaluationHttpHandler handler = new EvaluationHttpHandler(service);
    server.createContext(PATH, handler);
    server.createContext(HEALTH_PATH, handler::health);
    server.start();
    return server;
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Answers 503 when the exchange runs on the overflow thread; true if it did. */
  private boolean refusedWhenOverloaded(HttpExchange exchange) throws IOException {
    if (!OVERLOADED.get()) {
      return false;
    }
    exchange.getResponseHeaders().set("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    send(exchange, service.problem(503, "Service unavailable", "",
        "every worker is busy and the queue is full; retry after " + RETRY_AFTER_SECONDS + " s"));
    return true;
  }

  /**
   * Stops a server started here and its workers.
   *
   * @param server the server
   * @param delaySeconds how long to let exchanges in progress finish
   */
  public static void stop(HttpServer server, int delaySeconds) {
    server.stop(delaySeconds);
    if (server.getExecutor() instanceof ExecutorService) {
      ((ExecutorService) server.getExecutor()).shutdownNow();
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      if (refusedWhenOverloaded(exchange)) {
        return;
      }
      EvaluationService.Response response;
      if (!exchange.getRequestURI().getRawPath().equals(PATH)) {
        response = service.problem(404, "Not found", "", "POST a thresholds/referral@1 document to " + PATH);
      } else if (!exchange.getRequestMethod().equals("POST")) {
        exchange.getResponseHeaders().set("Allow", "POST");
        response = service.problem(405, "Method not allowed", "", "POST a thresholds/referral@1 document");
      } else if (!isJson(exchange.getRequestHeaders().getFirst("Content-Type"))) {
        exchange.getResponseHeaders().set("Accept-Post", EvaluationService.JSON);
        response = service.problem(415, "Unsupported media type", "",
            "send the referral as " + EvaluationService.JSON + " (UTF-8)");
      } else {
        response = respond(exchange.getRequestBody());
      }
      send(exchange, response);
    } finally {
      exchange.close();
    }
  }

  private void health(HttpExchange exchange) throws IOException {
    try {
      if (refusedWhenOverloaded(exchange)) {
        return;
      }
      EvaluationService.Response response;
      if (!exchange.getRequestURI().getRawPath().equals(HEALTH_PATH)) {
        response = service.problem(404, "Not found", "", "GET " + HEALTH_PATH);
      } else if (!exchange.getRequestMethod().equals("GET")) {
        exchange.getResponseHeaders().set("Allow", "GET");
        response = service.problem(405, "Method not allowed", "", "GET " + HEALTH_PATH);
      } else {
        response = new EvaluationService.Response(200, EvaluationService.JSON, "{\"status\":\"up\"}");
      }
      send(exchange, response);
    } finally {
      exchange.close();
    }
  }

  private static void send(HttpExchange exchange, EvaluationService.Response response) throws IOException {
    byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", response.contentType() + "; charset=utf-8");
    exchange.sendResponseHeaders(response.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** {@code application/json}, with no parameter or a UTF-8 charset only. */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String[] parts = contentType.split(";");
    if (!parts[0].strip().toLowerCase(Locale.ROOT).equals(EvaluationService.JSON)) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].strip().toLowerCase(Locale.ROOT).replace("\"", "");
      if (!p.equals("charset=utf-8")) {
        return false;
      }
    }
    return true;
  }

  private EvaluationService.Response tooLarge() {
    return service.problem(413, "Too large", "", "a referral document is at most "
        + ThresholdsJson.MAX_DOCUMENT_LENGTH + " bytes; a referral is a few KiB");
  }

  private EvaluationService.Response respond(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes((int) ThresholdsJson.MAX_DOCUMENT_LENGTH + 1);
    if (bytes.length > ThresholdsJson.MAX_DOCUMENT_LENGTH) {
      return tooLarge();
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return service.problem(400, "Not UTF-8", "", "send the referral as UTF-8 JSON");
    }
    return service.evaluate(text);
  }
}
