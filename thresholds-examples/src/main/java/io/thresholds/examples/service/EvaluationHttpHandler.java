package io.thresholds.examples.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.thresholds.jackson.ThresholdsJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * {@link EvaluationService} over HTTP with the JDK's own server: {@code POST} a referral document
 * to the context path, get the evaluation back. Other methods get 405, a body over {@link
 * ThresholdsJson#MAX_DOCUMENT_LENGTH} 413, a body that is not UTF-8 400.
 *
 * <pre>{@code
 * HttpServer server = EvaluationHttpHandler.start(new InetSocketAddress("127.0.0.1", 8080), service);
 * // curl -d @thresholds-examples/samples/01-tier2-school-consent-given.json http://127.0.0.1:8080/evaluate
 * }</pre>
 *
 * <p>An example, not a hardened server: put authentication and TLS in front of it, as for any
 * service that receives information about children.
 */
public final class EvaluationHttpHandler implements HttpHandler {
  /** The context path {@link #start} serves. */
  public static final String PATH = "/evaluate";

  private final EvaluationService service;

  /** @param service the service answering each request */
  public EvaluationHttpHandler(EvaluationService service) {
    this.service = Objects.requireNonNull(service, "service");
  }

  /**
   * Starts a server with this handler at {@link #PATH}.
   *
   * @param address where to listen, e.g. {@code 127.0.0.1} and port 0 for any free port
   * @param service the service
   * @return the started server; {@link HttpServer#stop} it at the end
   * @throws IOException if the address cannot be bound
   */
  public static HttpServer start(InetSocketAddress address, EvaluationService service) throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    server.createContext(PATH, new EvaluationHttpHandler(service));
    server.start();
    return server;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      EvaluationService.Response response;
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.getResponseHeaders().set("Allow", "POST");
        response = service.problem(405, "Method not allowed", "", "POST a thresholds/referral@1 document");
      } else {
        response = respond(exchange.getRequestBody());
      }
      byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", response.contentType() + "; charset=utf-8");
      exchange.sendResponseHeaders(response.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } finally {
      exchange.close();
    }
  }

  private EvaluationService.Response respond(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes((int) ThresholdsJson.MAX_DOCUMENT_LENGTH + 1);
    if (bytes.length > ThresholdsJson.MAX_DOCUMENT_LENGTH) {
      return service.problem(413, "Too large", "", "a referral document is at most "
          + ThresholdsJson.MAX_DOCUMENT_LENGTH + " bytes; a referral is a few KiB");
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
