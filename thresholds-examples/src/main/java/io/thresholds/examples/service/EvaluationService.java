package io.thresholds.examples.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thresholds.core.InvalidValueException;
import io.thresholds.core.ThresholdsException;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.Referral;
import io.thresholds.core.policy.Policy;
import io.thresholds.jackson.ThresholdsJson;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * JSON in, JSON out: takes a {@code thresholds/referral@1} document and answers with its {@code
 * thresholds/evaluation@1} document (200), or an RFC 9457 problem document (400 for a document
 * that is not a valid referral, with the JSON path; 422 for a valid one the policy cannot
 * evaluate). The advice is for the current time of the clock, and never for a time before the
 * referral was made (a client's clock a little ahead of the server's is not an error).
 *
 * <p>Messages name paths and rules, never personal values, so problem documents may be logged.
 * Thread-safe: one instance serves every request.
 *
 * <pre>{@code
 * EvaluationService service = new EvaluationService(Policies.cityOfLondon(), Clock.systemUTC());
 * EvaluationService.Response r = service.evaluate(requestBody);
 * }</pre>
 */
public final class EvaluationService {
  /** The content type of an evaluation. */
  public static final String JSON = "application/json";
  /** The content type of a problem document. */
  public static final String PROBLEM_JSON = "application/problem+json";

  private final Policy policy;
  private final ThresholdEvaluator evaluator;
  private final Clock clock;
  private final ObjectMapper mapper = ThresholdsJson.newMapper();

  /**
   * @param policy the policy to evaluate against
   * @param clock the clock giving the time of the advice
   */
  public EvaluationService(Policy policy, Clock clock) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.evaluator = ThresholdEvaluator.of(policy);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A response: the status code, the content type and the body.
   *
   * @param status the HTTP status code
   * @param contentType {@link #JSON} or {@link #PROBLEM_JSON}
   * @param body the JSON document
   */
  public record Response(int status, String contentType, String body) {}

  /**
   * @param referralJson the request body
   * @return the evaluation, or a problem
   */
  public Response evaluate(String referralJson) {
    Referral referral;
    try {
      referral = ThresholdsJson.readReferral(new StringReader(referralJson), policy);
    } catch (JsonMappingException e) {
      return problem(400, "Invalid referral", ThresholdsJson.pathOf(e), e.getOriginalMessage());
    } catch (StreamReadException e) {
      return problem(400, "Not JSON", "", e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
    } catch (JsonProcessingException e) {
      return problem(400, "Invalid referral", "", e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
    Instant now = clock.instant();
    Instant at = now.isBefore(referral.madeAt()) ? referral.madeAt() : now;
    Evaluation evaluation;
    try {
      evaluation = evaluator.evaluate(referral, at);
    } catch (InvalidValueException e) {
      return problem(422, "The referral cannot be evaluated", e.field(), e.rule());
    } catch (ThresholdsException e) {
      return problem(422, "The referral cannot be evaluated", "", e.getMessage());
    }
    return new Response(200, JSON, ThresholdsJson.writeEvaluation(evaluation));
  }

  /**
   * @param status the status code
   * @param title a short title
   * @param path the JSON path or field of the problem, or empty
   * @param detail what is wrong
   * @return a problem document response
   */
  Response problem(int status, String title, String path, String detail) {
    ObjectNode p = mapper.createObjectNode();
    p.put("type", "about:blank");
    p.put("title", title);
    p.put("status", status);
    p.put("detail", detail);
    if (!path.isEmpty()) {
      p.put("path", path);
    }
    try {
      return new Response(status, PROBLEM_JSON, mapper.writeValueAsString(p));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
