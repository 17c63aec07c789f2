package io.thresholds.jackson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.model.Referral;
import io.thresholds.core.policy.Policy;
import io.thresholds.forms.FormData;
import io.thresholds.forms.FormSchema;
import io.thresholds.forms.prefill.PrefilledForm;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reading and writing referrals, evaluations, policies and completed forms with a hardened mapper.
 *
 * <pre>{@code
 * Referral referral = ThresholdsJson.readReferral(json);
 * Evaluation result = ThresholdEvaluator.of(Policies.cityOfLondon()).evaluate(referral, referral.madeAt());
 * String out = ThresholdsJson.writeEvaluation(result);
 * }</pre>
 *
 * <p>Reading fails with a {@link JsonProcessingException}: a {@link JsonMappingException} (a
 * property of the wrong type, missing, unknown, given twice, null, an impossible date, a broken
 * domain rule), whose {@link JsonMappingException#getPath() path} leads to the offending property
 * and which {@link #pathOf} renders as {@code household.children[0].dateOfBirth}; or a {@link
 * com.fasterxml.jackson.core.exc.StreamReadException} for JSON that does not parse or breaks a
 * limit below. Messages never contain personal values (names, dates of birth, NHS numbers, free
 * text); the rule and the path are enough to find the problem.
 */
public final class ThresholdsJson {
  /** Deepest nesting of arrays and objects accepted; a referral needs 5, an evaluation 7. */
  public static final int MAX_NESTING_DEPTH = 32;

  /** Longest string value accepted, in characters (notes and reasons are free text). */
  public static final int MAX_STRING_LENGTH = 100_000;

  /** Longest property name accepted, in characters. */
  public static final int MAX_NAME_LENGTH = 256;

  /** Longest number accepted, in characters. */
  public static final int MAX_NUMBER_LENGTH = 32;

  /** Largest document accepted, in bytes or characters: 4 MiB (a referral is a few KiB). */
  public static final long MAX_DOCUMENT_LENGTH = 4L * 1024 * 1024;

  /** Most children in a referral's household (and most referred children) accepted when reading. */
  public static final int MAX_CHILDREN = 30;

  /** Most adults in a referral's household accepted when reading. */
  public static final int MAX_ADULTS = 30;

  /** Most concerns in one referral accepted when reading. */
  public static final int MAX_CONCERNS = 500;

  private static final ObjectMapper MAPPER = newMapper(false);
  private static final ObjectReader REFERRAL = documentReader(Referral.class);
  private static final ObjectReader EVALUATION = documentReader(Evaluation.class);
  private static final ObjectReader POLICY = documentReader(Policy.class);
  private static final ObjectWriter POLICY_WRITER = MAPPER.writer(policyPrinter());

  /** The form reader, created on first use: thresholds-forms is an optional dependency. */
  private static final class FormReader {
    static final ObjectReader FORM = documentReader(PrefilledForm.class);

    private FormReader() {}
  }

  private ThresholdsJson() {}

  /**
   * A new mapper with {@link ThresholdsModule} registered and hardened for untrusted input:
   *
   * <ul>
   *   <li>unknown properties fail ({@code FAIL_ON_UNKNOWN_PROPERTIES}), as do repeated keys
   *       ({@code STRICT_DUPLICATE_DETECTION}; the module also refuses them in its own documents,
   *       with the path), null for primitives and anything after the document ({@code
   *       FAIL_ON_TRAILING_TOKENS});
   *   <li>no default typing: the input never chooses a Java class;
   *   <li>the limits above ({@link StreamReadConstraints}: nesting depth, string, name and number
   *       length, document length; and the module's own: children, adults and concerns of a
   *       referral);
   *   <li>the source is never included in error locations.
   * </ul>
   *
   * <p>The mapper is thread-safe once built; configure a copy if you change it.
   *
   * @return a new mapper
   */
  public static ObjectMapper newMapper() {
    return newMapper(true);
  }

  /**
   * @param parserDetectsDuplicates whether the parser refuses repeated keys itself ({@code
   *     STRICT_DUPLICATE_DETECTION}, which allocates a hash set for every object). The module
   *     refuses a repeated property in every object and map of its own documents, with the JSON
   *     path, so the mapper behind this class's methods leaves the parser's check out; the public
   *     mapper keeps it for the other types it may read.
   */
  private static ObjectMapper newMapper(boolean parserDetectsDuplicates) {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxDocumentLength(MAX_DOCUMENT_LENGTH)
            .build())
        .configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION, parserDetectsDuplicates)
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .build();
    return JsonMapper.builder(factory)
        .addModule(new ThresholdsModule())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .deactivateDefaultTyping()
        .build();
  }

  private static ObjectReader documentReader(Class<?> type) {
    return MAPPER.readerFor(type);
  }

  // ---- referrals -------------------------------------------------------------------------------

  /**
   * @param json a {@code thresholds/referral@1} document
   * @return the referral
   * @throws JsonProcessingException if the document is not a valid referral
   */
  public static Referral readReferral(String json) throws JsonProcessingException {
    Objects.requireNonNull(json, "json");
    try {
      return nonNull(REFERRAL.readValue(json), "referral");
    } catch (JsonProcessingException e) {
      throw clean(e);
    }
  }

  /**
   * @param json a {@code thresholds/referral@1} document; not closed
   * @return the referral
   * @throws IOException if it cannot be read or is not a valid referral
   */
  public static Referral readReferral(Reader json) throws IOException {
    return readReferral(REFERRAL, Objects.requireNonNull(json, "json"));
  }

  /**
   * @param json a {@code thresholds/referral@1} document, strictly UTF-8 (a leading byte order mark is
   *     skipped; bytes that are not UTF-8 fail with a {@link StreamReadException} located by line
   *     and column, never quoting them);
   *     not closed
   * @return the referral
   * @throws IOException if it cannot be read or is not a valid referral
   */
  public static Referral readReferral(InputStream json) throws IOException {
    String text = utf8(Objects.requireNonNull(json, "json"));
    try {
      return nonNull(REFERRAL.readValue(text), "referral");
    } catch (JsonProcessingException e) {
      throw clean(e);
    }
  }

  /**
   * Reads a referral and checks every concern's indicator code against a policy's catalogue, so
   * that an unknown code fails here with its JSON path ({@code concerns[2].indicator}) rather than
   * later in the evaluator.
   *
   * @param json a {@code thresholds/referral@1} document; not closed
   * @param policy the policy whose catalogue the codes must be in
   * @return the referral
   * @throws IOException if it cannot be read, is not a valid referral or names an unknown code
   */
  public static Referral readReferral(Reader json, Policy policy) throws IOException {
    Objects.requireNonNull(policy, "policy");
    return readReferral(referralReader(policy), Objects.requireNonNull(json, "json"));
  }

  /** The reader of the last policy asked for (a batch asks for the same one on every line). */
  private static volatile @Nullable PolicyReader lastPolicyReader;

  /** A referral reader that checks codes against one policy. */
  private static final class PolicyReader {
    final Policy policy;
    final ObjectReader reader;

    PolicyReader(Policy policy) {
      this.policy = policy;
      this.reader = REFERRAL.withAttribute(ThresholdsModule.POLICY_ATTRIBUTE, policy);
    }
  }

  private static ObjectReader referralReader(Policy policy) {
    PolicyReader last = lastPolicyReader;
    if (last == null || last.policy != policy) {
      last = new PolicyReader(policy);
      lastPolicyReader = last;
    }
    return last.reader;
  }

  private static Referral readReferral(ObjectReader reader, Reader json) throws IOException {
    try {
      return nonNull(reader.readValue(json), "referral");
    } catch (JsonProcessingException e) {
      throw clean(e);
    }
  }

  /**
   * @param referral a referral
   * @return its {@code thresholds/referral@1} document, compact
   */
  public static String writeReferral(Referral referral) {
    return write((Object) Objects.requireNonNull(referral, "referral"));
  }

  // ---- evaluations -----------------------------------------------------------------------------

  /**
   * @param evaluation an evaluation
   * @return its {@code thresholds/evaluation@1} document, compact
   */
  public static String writeEvaluation(Evaluation evaluation) {
    return write((Object) Objects.requireNonNull(evaluation, "evaluation"));
  }

  /**
   * @param evaluation an evaluation
   * @return its {@code thresholds/evaluation@1} document, compact
   * @deprecated named {@link #writeEvaluation(Evaluation)} since 0.1.0, like the other {@code
   *     writeX}/{@code readX} methods; this name stays and delegates to it
   */
  @Deprecated(since = "0.1.0")
  public static String write(Evaluation evaluation) {
    return writeEvaluation(evaluation);
  }

  /**
   * @param json a {@code thresholds/evaluation@1} document
   * @return the evaluation
   * @throws JsonProcessingException if the document is not a valid evaluation
   */
  public static Evaluation readEvaluation(String json) throws JsonProcessingException {
    Objects.requireNonNull(json, "json");
    try {
      return nonNull(EVALUATION.readValue(json), "evaluation");
    } catch (JsonProcessingException e) {
      throw clean(e);
    }
  }

  /**
   * @param json a {@code thresholds/evaluation@1} document; not closed
   * @return the evaluation
   * @throws IOException if it cannot be read or is not a valid evaluation
   */
  public static Evaluation readEvaluation(Reader json) throws IOException {
    Objects.requireNonNull(json, "json");
    try {
      return nonNull(EVALUATION.readValue(json), "evaluation");
    } catch (JsonProcessingException e) {
      throw clean(e);
    }
  }

  /**
   * @param json a {@code thresholds/evaluation@1} document; not closed
   * @return the evaluation
   * @throws IOException if it cannot be read or is not a valid evaluation
   */
  public static Evaluation readEvaluation(InputStream json) throws IOException {
    String text = utf8(Objects.requireNonNull(json, "json"));
    try {
      return nonNull(EVALUATION.readValue(text), "evaluation");
    } catch (JsonProcessingException e) {
      throw clean(e);
    }
  }

  // ---- policies --------------------------------------------------------------------------------

  /**
   * Reads a policy, such as a partnership's policy pack shipped as one JSON file. The result is
   * checked like any {@link Policy}: a broken consistency rule (an unknown contact, an indicator
   * escalating to a lower tier, ...) fails with a {@link
   * com.fasterxml.jackson.databind.exc.ValueInstantiationException} whose cause is the core {@link
   * io.thresholds.core.InvalidValueException} and whose path leads to the offending property.
   *
   * @param json a {@code thresholds/policy@1} document
   * @return the policy
   * @throws JsonProcessingException if the document is not a valid policy
   */
  public static Policy readPolicy(String json) throws JsonProcessingException {
    Objects.requireNonNull(json, "json");
    try {
      return nonNull(POLICY.readValue(json), "policy");
    } catch (JsonProcessingException e) {
      throw clean(e);
    }
  }

  /**
   * @param json a {@code thresholds/policy@1} document; not closed
   * @return the policy
   * @throws IOException if it cannot be read or is not a valid policy
   */
  public static Policy readPolicy(Reader json) throws IOException {
    Objects.requireNonNull(json, "json");
    try {
      return nonNull(POLICY.readValue(json), "policy");
    } catch (JsonProcessingException e) {
      throw clean(e);
    }
  }

  /**
   * @param json a {@code thresholds/policy@1} document, strictly UTF-8 (a leading byte order mark is
   *     skipped; bytes that are not UTF-8 fail with a {@link StreamReadException} located by line
   *     and column, never quoting them); not
   *     closed
   * @return the policy
   * @throws IOException if it cannot be read or is not a valid policy
   */
  public static Policy readPolicy(InputStream json) throws IOException {
    String text = utf8(Objects.requireNonNull(json, "json"));
    try {
      return nonNull(POLICY.readValue(text), "policy");
    } catch (JsonProcessingException e) {
      throw clean(e);
    }
  }

  /**
   * Writes a policy as a {@code thresholds/policy@1} document, indented two spaces with one
   * property or array element a line and a final line break, because people read, review and edit
   * policy packs. {@code readPolicy(writePolicy(p))} equals {@code p}.
   *
   * @param policy a policy
   * @return its {@code thresholds/policy@1} document, indented
   */
  public static String writePolicy(Policy policy) {
    Objects.requireNonNull(policy, "policy");
    try {
      return POLICY_WRITER.writeValueAsString(policy) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Objects indented two spaces a level with "\n" line ends on every platform, {@code "name":
   * value}; arrays on the line they start, so short lists stay short: {@code "subjects": [ "child"
   * ]}, {@code "tiers": [ { ... }, { ... } ]}.
   */
  private static DefaultPrettyPrinter policyPrinter() {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator(""));
    printer.indentObjectsWith(new DefaultIndenter("  ", "\n"));
    return printer;
  }

  // ---- forms -----------------------------------------------------------------------------------

  /**
   * Reads the answers of a completed form. The document must name the schema's form and version;
   * every answer must be a field of the form (a row's keys columns of its group) with a value of
   * the field's JSON type. Whether the answers are complete and valid is for {@code
   * FormValidator}. Errors never quote an answer.
   *
   * @param json a {@code thresholds/form@1} document
   * @param schema the form it was completed against
   * @return the answers
   * @throws JsonProcessingException if the document is not a form of that schema
   */
  public static FormData readForm(String json, FormSchema schema) throws JsonProcessingException {
    return readPrefilledForm(json, schema).data();
  }

  /**
   * @param json a {@code thresholds/form@1} document; not closed
   * @param schema the form it was completed against
   * @return the answers
   * @throws IOException if it cannot be read or is not a form of that schema
   * @see #readForm(String, FormSchema)
   */
  public static FormData readForm(Reader json, FormSchema schema) throws IOException {
    return readPrefilledForm(json, schema).data();
  }

  /**
   * @param json a {@code thresholds/form@1} document, strictly UTF-8 (a leading byte order mark is
   *     skipped; bytes that are not UTF-8 fail with a {@link StreamReadException} located by line
   *     and column, never quoting them); not
   *     closed
   * @param schema the form it was completed against
   * @return the answers
   * @throws IOException if it cannot be read or is not a form of that schema
   * @see #readForm(String, FormSchema)
   */
  public static FormData readForm(InputStream json, FormSchema schema) throws IOException {
    Objects.requireNonNull(schema, "schema");
    String text = utf8(Objects.requireNonNull(json, "json"));
    try {
      return nonNull(formReader(schema).<PrefilledForm>readValue(text), "form").data();
    } catch (JsonProcessingException e) {
      throw clean(e);
    }
  }

  /**
   * Reads a form document with its notes (what a prefilled draft left for the professional), as
   * {@link #writeForm(PrefilledForm)} writes it; the notes are empty if the document has none.
   *
   * @param json a {@code thresholds/form@1} document
   * @param schema the form it was completed against
   * @return the schema, the answers and the notes
   * @throws JsonProcessingException if the document is not a form of that schema
   */
  public static PrefilledForm readPrefilledForm(String json, FormSchema schema) throws JsonProcessingException {
    Objects.requireNonNull(json, "json");
    try {
      return nonNull(formReader(schema).<PrefilledForm>readValue(json), "form");
    } catch (JsonProcessingException e) {
      throw clean(e);
    }
  }

  /**
   * @param json a {@code thresholds/form@1} document; not closed
   * @param schema the form it was completed against
   * @return the schema, the answers and the notes
   * @throws IOException if it cannot be read or is not a form of that schema
   */
  public static PrefilledForm readPrefilledForm(Reader json, FormSchema schema) throws IOException {
    Objects.requireNonNull(json, "json");
    try {
      return nonNull(formReader(schema).<PrefilledForm>readValue(json), "form");
    } catch (JsonProcessingException e) {
      throw clean(e);
    }
  }

  private static ObjectReader formReader(FormSchema schema) {
    return FormReader.FORM.withAttribute(ThresholdsModule.FORM_SCHEMA_ATTRIBUTE, Objects.requireNonNull(schema, "schema"));
  }

  /**
   * Writes the answers of a form as a {@code thresholds/form@1} document, indented like a policy
   * (people review and finish drafts), answers in the order of the form's fields, with {@code
   * "notes": []}. {@code readForm(writeForm(schema, answers), schema)} equals {@code answers}.
   *
   * @param schema the form
   * @param answers its answers
   * @return the document, indented, with a final line break
   * @throws IllegalArgumentException if an answer is not a field of the form or not of its JSON
   *     type (null, a number for a text, ...), so that the document would not read back; the
   *     message names the field, never the value
   */
  public static String writeForm(FormSchema schema, FormData answers) {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(answers, "answers");
    return writeForm(PrefilledForm.builder().schema(schema).data(answers).build());
  }

  /**
   * Writes a prefilled form (or any form with notes): the answers and the notes for the
   * professional; the schema gives {@code form} and {@code formVersion}.
   *
   * @param form the form, its answers and notes
   * @return the document, indented, with a final line break
   * @throws IllegalArgumentException as {@link #writeForm(FormSchema, FormData)}
   */
  public static String writeForm(PrefilledForm form) {
    Objects.requireNonNull(form, "form");
    String problem = FormCodec.problem(form.schema(), form.data());
    if (problem != null) {
      throw new IllegalArgumentException("cannot write the form: " + problem);
    }
    try {
      return POLICY_WRITER.writeValueAsString(form) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- JSON Schemas ----------------------------------------------------------------------------

  /** The formats {@link #jsonSchema(String)} has a schema for, oldest first. */
  public static final List<String> SCHEMA_FORMATS =
      List.of(ReferralCodec.FORMAT, ReferralCodec.FORMAT_2, EvaluationCodec.FORMAT, EvaluationCodec.FORMAT_2);

  /**
   * The JSON Schema (draft 2020-12) of a document format, for a vendor to validate documents
   * before they reach the SDK. The same files are published beside FORMAT.md ({@code
   * thresholds-jackson/schema/}) and are resources of this jar ({@code
   * io/thresholds/jackson/schema/referral-2.schema.json}, {@code evaluation-2.schema.json}). A
   * document the schema refuses, the reader refuses; the reader checks more (FORMAT.md lists the
   * rules it alone checks). The evaluation schemas describe what {@link
   * #writeEvaluation(Evaluation)} writes, for a product that stores or forwards results.
   *
   * @param format a format of {@link #SCHEMA_FORMATS}, such as {@code "thresholds/referral@2"} or
   *     {@code "thresholds/evaluation@2"}
   * @return the schema, as JSON text
   * @throws IllegalArgumentException if there is no schema for the format
   */
  public static String jsonSchema(String format) {
    Objects.requireNonNull(format, "format");
    if (!SCHEMA_FORMATS.contains(format)) {
      throw new IllegalArgumentException("no JSON Schema for that format; there is one for each of "
          + SCHEMA_FORMATS);
    }
    String file = "schema/" + format.substring(format.indexOf('/') + 1).replace('@', '-') + ".schema.json";
    try (InputStream in = ThresholdsJson.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- errors ----------------------------------------------------------------------------------

  /**
   * The JSON path of a mapping error in dotted form, such as {@code
   * household.children[0].dateOfBirth}; empty for an error at the top of the document.
   *
   * @param e a mapping exception from this module
   * @return its path
   */
  public static String pathOf(JsonMappingException e) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  private static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      // Values of the core model always serialize; this is a bug, not bad input.
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The whole of a byte stream decoded strictly as UTF-8, at most {@link #MAX_DOCUMENT_LENGTH}
   * bytes, without a leading byte order mark. Bytes that are not UTF-8 fail with a {@link
   * JsonParseException} giving the line and column where they start and never the bytes (Jackson's
   * own detection would read them as UTF-32 and quote them as characters).
   */
  private static String utf8(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes((int) MAX_DOCUMENT_LENGTH + 1);
    if (bytes.length > MAX_DOCUMENT_LENGTH) {
      throw new JsonParseException((JsonParser) null,
          "the document is longer than " + MAX_DOCUMENT_LENGTH + " bytes", JsonLocation.NA);
    }
    int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(buffer, out, true);
    if (r.isError()) {
      out.flip();
      int line = 1;
      int column = 1;
      for (int i = 0; i < out.length(); i++) {
        if (out.charAt(i) == '\n') {
          line++;
          column = 1;
        } else {
          column++;
        }
      }
      throw new JsonParseException((JsonParser) null, "the document is not UTF-8 text (the bytes are not shown)",
          new JsonLocation(null, buffer.position(), out.length(), line, column));
    }
    out.flip();
    return out.toString();
  }

  private static <T> T nonNull(T value, String what) throws MismatchedInputException {
    if (value == null) {
      throw MismatchedInputException.from(null, (Class<?>) null, "expected a " + what + " object, not null");
    }
    return value;
  }

  /** Removes input that Jackson's parser quotes from errors raised outside the module's readers. */
  private static JsonProcessingException clean(JsonProcessingException e) {
    if (e instanceof MismatchedInputException && e.getOriginalMessage() != null
        && e.getOriginalMessage().startsWith("Trailing token")) {
      // Anything after the document is not JSON of one document: malformed, not an invalid value.
      return new JsonParseException((JsonParser) null,
          "unexpected content after the end of the document: a document is one JSON value", e.getLocation());
    }
    if (e instanceof StreamReadException) {
      String original = e.getOriginalMessage();
      String cleaned = In.cleanMessage(original);
      if (!cleaned.equals(original)) {
        // The original (quoting the input) is deliberately not kept as the cause.
        return new JsonParseException((JsonParser) null, cleaned, e.getLocation());
      }
    }
    return e;
  }
}
