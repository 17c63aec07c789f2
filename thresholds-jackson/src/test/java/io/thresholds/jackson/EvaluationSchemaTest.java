package io.thresholds.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.thresholds.core.ThresholdsException;
import io.thresholds.core.consent.ConsentCheck;
import io.thresholds.core.consent.ConsentGiver;
import io.thresholds.core.consent.ConsentGuidance;
import io.thresholds.core.consent.ConsentRequirement;
import io.thresholds.core.evaluation.Action;
import io.thresholds.core.evaluation.AgeBasis;
import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.Deadline;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.Exclusion;
import io.thresholds.core.evaluation.OpenFact;
import io.thresholds.core.evaluation.Reason;
import io.thresholds.core.evaluation.ReasonKind;
import io.thresholds.core.evaluation.Scope;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.evaluation.TierRange;
import io.thresholds.core.evaluation.Widening;
import io.thresholds.core.model.Age;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.ActionKind;
import io.thresholds.core.policy.Channel;
import io.thresholds.core.policy.Citation;
import io.thresholds.core.policy.Contact;
import io.thresholds.core.policy.Modality;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.Policy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Example;
import net.jqwik.api.RandomGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The published JSON Schemas of {@code thresholds/evaluation@1} and {@code @2} (schema/ beside
 * FORMAT.md, and in the jar): valid 2020-12 schemas, the same as the jar's resources, accepting
 * every evaluation the SDK writes (the bundled referrals, samples, vignettes and golden cases, and
 * generated referrals, each evaluated when made and three days later) and agreeing with the
 * evaluation codec's property names and the Java enumerations. {@code @1} documents the writer makes
 * validate against the {@code @1} schema; relabelled {@code @1}, the {@code @2} ones are refused by
 * the reader and by the {@code @1} schema alike.
 *
 * <p>Adding a property or an enumeration value to the evaluation format: add it to the codec, then to
 * {@code schema/evaluation-2.schema.json} (a new object or enumeration under {@code $defs}, mapped to
 * its Java type in {@link #OBJECTS} or {@link #ENUMS} below); these tests say what is missing.
 */
class EvaluationSchemaTest {
  private static final String V1 = "thresholds/evaluation@1";
  private static final String V2 = "thresholds/evaluation@2";
  private static final List<String> FORMATS = List.of(V1, V2);

  /** Each object of the schema ({@code $defs}) and the core type the codec reads it as. */
  static final Map<String, Class<?>> OBJECTS = new LinkedHashMap<>();
  /** Each enumeration of the schema and its Java enum. */
  static final Map<String, Class<? extends Enum<?>>> ENUMS = new LinkedHashMap<>();
  /**
   * Properties of each object that {@code @1} does not have (the reader refuses them in a {@code
   * @1} document); the other {@code @2} properties appear in the {@code @1} schema limited to their
   * default value, as the reader reads that in {@code @1}.
   */
  static final Map<Class<?>, List<String>> NOT_IN_1 = Map.of(
      ChildAssessment.class, List.of("oldestAge"),
      ConsentGuidance.class, List.of("disagreement", "disagreementCitation"),
      Exclusion.class, List.of("decidedBy", "explanation", "citation"));
  /** Enumerations {@code @1} does not have (only {@code @2} properties use them). */
  static final Set<String> ENUMS_NOT_IN_1 = Set.of("ageBasis", "openFact");
  /** Values of an enumeration the {@code @1} reader refuses (EvaluationCodec.needs2). */
  static final Map<String, Set<Enum<?>>> VALUES_NOT_IN_1 = Map.of(
      "reasonKind", Set.of(ReasonKind.PROTECTIVE, ReasonKind.HOUSEHOLD),
      "widening", Set.of(Widening.HOUSEHOLD, Widening.CHILD_PROTECTION_PLAN),
      "actionKind", Set.of(ActionKind.STEP_UP, ActionKind.STEP_DOWN, ActionKind.ALLOCATED_WORKER_REVIEW));
  /** Value types of the schema: formats and text, not objects of the model. */
  private static final Set<String> VALUE_DEFS =
      Set.of("reference", "indicatorCode", "instant", "text", "nonBlankText", "tier");

  static {
    OBJECTS.put("Evaluation", Evaluation.class);
    OBJECTS.put("ChildAssessment", ChildAssessment.class);
    OBJECTS.put("Age", Age.class);
    OBJECTS.put("TierRange", TierRange.class);
    OBJECTS.put("Reason", Reason.class);
    OBJECTS.put("Action", Action.class);
    OBJECTS.put("Contact", Contact.class);
    OBJECTS.put("Deadline", Deadline.class);
    OBJECTS.put("ConsentGuidance", ConsentGuidance.class);
    OBJECTS.put("Citation", Citation.class);
    OBJECTS.put("Exclusion", Exclusion.class);
    ENUMS.put("ageBasis", AgeBasis.class);
    ENUMS.put("scope", Scope.class);
    ENUMS.put("widening", Widening.class);
    ENUMS.put("openFact", OpenFact.class);
    ENUMS.put("reasonKind", ReasonKind.class);
    ENUMS.put("actionKind", ActionKind.class);
    ENUMS.put("modality", Modality.class);
    ENUMS.put("channel", Channel.class);
    ENUMS.put("consentRequirement", ConsentRequirement.class);
    ENUMS.put("consentGiver", ConsentGiver.class);
    ENUMS.put("consentCheck", ConsentCheck.class);
  }

  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Map<String, Schema> SCHEMAS = new LinkedHashMap<>();
  /** What the SDK wrote for the bundled referrals, by document and time. */
  private static final Map<String, String> WRITTEN = new LinkedHashMap<>();

  static synchronized Schema schema(String format) {
    return SCHEMAS.computeIfAbsent(format, f -> REGISTRY.getSchema(ThresholdsJson.jsonSchema(f)));
  }

  /** The schema errors of an evaluation, by the schema of the format it names (else the newest). */
  static List<Error> errors(JsonNode doc) {
    String format = doc.path("format").asText("");
    return schema(FORMATS.contains(format) ? format : V2)
        .validate(doc, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
  }

  private static JsonNode tree(String format) {
    return Fixtures.tree(ThresholdsJson.jsonSchema(format));
  }

  /**
   * Evaluates every bundled referral (with the policy of its pack: golden cases of another embedded
   * pack with that pack), when made and three days later, and keeps what the SDK writes.
   */
  @BeforeAll
  static void writeEvaluations() {
    Policy city = Policies.cityOfLondon();
    for (Map.Entry<String, JsonNode> d : ReferralSchemas.bundled().entrySet()) {
      Policy policy = city;
      for (String id : Policies.embeddedIds()) {
        if (d.getKey().startsWith(id + "/")) {
          policy = Policies.embedded(id);
        }
      }
      Referral r;
      try {
        r = ThresholdsJson.readReferral(d.getValue().toString());
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new AssertionError(d.getKey(), e);
      }
      write(WRITTEN, d.getKey(), ThresholdEvaluator.of(policy), r);
    }
  }

  /**
   * 400 generated referrals (half of them with facts only referral@2 has), evaluated when made and
   * three days later: every evaluation validates, and relabelled the schema and reader agree as for
   * the bundled ones. (A jqwik example: the generators need a jqwik thread.)
   */
  @Example
  void generatedReferrals_everyEvaluationValidates_andRelabelledTheSchemaRefusesWhatTheReaderRefuses() {
    Map<String, String> written = new LinkedHashMap<>();
    Random random = new Random(11);
    RandomGenerator<Referral> generator = Generators.referrals().generator(100);
    ThresholdEvaluator evaluator = ThresholdEvaluator.of(Policies.cityOfLondon());
    for (int i = 0; i < 200; i++) {
      Referral r = generator.next(random).value();
      write(written, "generated#" + i, evaluator, r);
      write(written, "generated@2#" + i, evaluator, SchemaAgreementTest.format2(r, random));
    }
    Map<String, Integer> byFormat = validate(written);
    System.out.printf("evaluation schemas, generated referrals: %d evaluations written %s%n", written.size(), byFormat);
    assertThat(byFormat.keySet()).containsExactlyInAnyOrder(V1, V2);
    relabel(written);
  }

  private static void write(Map<String, String> out, String key, ThresholdEvaluator evaluator, Referral r) {
    Instant at = Generators.adviceTime(r);
    for (Instant t : List.of(at, at.plus(Duration.ofDays(3)))) {
      Evaluation e;
      try {
        e = evaluator.evaluate(r, t);
      } catch (ThresholdsException refused) {
        continue; // the evaluator refuses it (an indicator of another pack, a date outside the calendar)
      }
      out.put(key + " at " + t, ThresholdsJson.writeEvaluation(e));
    }
  }

  @Test
  void schemas_areValidDraft202012Schemas_namingTheirFormat() {
    Schema meta = REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    for (String format : FORMATS) {
      JsonNode schema = tree(format);
      assertThat(meta.validate(schema)).as(format).isEmpty();
      assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
      assertThat(schema.path("title").asText()).isEqualTo(format);
      assertThat(schema.at("/$defs/Evaluation/properties/format/const").asText()).isEqualTo(format);
    }
    assertThat(ThresholdsJson.SCHEMA_FORMATS).containsSubsequence(V1, V2);
  }

  @Test
  void jarResource_isThePublishedFile() throws Exception {
    for (String format : FORMATS) {
      String file = format.substring("thresholds/".length()).replace('@', '-') + ".schema.json";
      assertThat(ThresholdsJson.jsonSchema(format))
          .isEqualTo(Files.readString(Path.of("schema", file), StandardCharsets.UTF_8));
      assertThat(ThresholdsJson.class.getClassLoader()
          .getResource("io/thresholds/jackson/schema/" + file)).as(file).isNotNull();
    }
  }

  /**
   * Every evaluation the SDK writes for the bundled referrals validates against the schema of the
   * format it names; both formats, the @2 properties and the @2 reason and action kinds occur among
   * them.
   */
  @Test
  void everyEvaluationOfABundledReferral_validatesAgainstTheSchemaOfItsFormat() {
    Map<String, Integer> byFormat = validate(WRITTEN);
    Set<String> kinds = new TreeSet<>();
    Set<String> properties = new TreeSet<>();
    for (String w : WRITTEN.values()) {
      JsonNode doc = Fixtures.tree(w);
      for (JsonNode c : doc.path("children")) {
        c.fieldNames().forEachRemaining(properties::add);
        c.path("reasons").forEach(r -> kinds.add("reason " + r.path("kind").asText()));
        c.path("actions").forEach(a -> kinds.add("action " + a.path("kind").asText()));
        c.path("consent").forEach(g -> g.fieldNames().forEachRemaining(properties::add));
      }
      doc.path("exclusions").forEach(x -> x.fieldNames().forEachRemaining(properties::add));
    }
    System.out.printf("evaluation schemas, bundled referrals: %d evaluations written %s; kinds %s%n",
        WRITTEN.size(), byFormat, kinds);
    assertThat(byFormat.keySet()).containsExactlyInAnyOrder(V1, V2);
    assertThat(byFormat.get(V1)).isGreaterThan(100);
    assertThat(byFormat.get(V2)).isGreaterThan(50);
    assertThat(properties).contains("ageBasis", "oldestAge", "openFacts", "widenedBy", "disagreement",
        "disagreementCitation", "decidedBy", "sharedConcerns");
    assertThat(kinds).contains("reason protective", "reason household", "action step-up",
        "action allocated-worker-review", "action call-emergency-services", "action chase-feedback");
  }

  /** Each document validates against the schema of its format; the count per format. */
  private static Map<String, Integer> validate(Map<String, String> written) {
    Map<String, Integer> byFormat = new LinkedHashMap<>();
    for (Map.Entry<String, String> w : written.entrySet()) {
      JsonNode doc = Fixtures.tree(w.getValue());
      byFormat.merge(doc.path("format").asText(), 1, Integer::sum);
      assertThat(errors(doc)).as(w.getKey()).isEmpty();
    }
    return byFormat;
  }

  /**
   * On what the SDK writes for the bundled referrals, the @1 schema draws the line where the reader
   * does: an @1 document relabelled @2 is accepted by both; an @2 document relabelled @1 is refused
   * by the reader, and by the @1 schema too.
   */
  @Test
  void relabelled_theSchemaRefusesWhatTheReaderRefuses() {
    relabel(WRITTEN);
  }

  private static void relabel(Map<String, String> written) {
    int refusedByBoth = 0;
    int readerOnly = 0;
    for (Map.Entry<String, String> w : written.entrySet()) {
      ObjectNode doc = (ObjectNode) Fixtures.tree(w.getValue());
      boolean was1 = doc.path("format").asText().equals(V1);
      doc.put("format", was1 ? V2 : V1);
      String agreement = agreement(doc);
      if (was1) {
        assertThat(agreement).as(w.getKey()).isEqualTo("both accept");
      } else {
        assertThat(agreement).as(w.getKey()).isIn("both refuse", "reader only");
        refusedByBoth += agreement.equals("both refuse") ? 1 : 0;
        readerOnly += agreement.equals("reader only") ? 1 : 0;
      }
    }
    assertThat(refusedByBoth).isPositive();
    System.out.printf("evaluation@2 documents relabelled @1: refused by both %d, by the reader only %d%n",
        refusedByBoth, readerOnly);
  }

  /**
   * The schema never refuses what the reader accepts: 4,000 mutants of the written evaluations
   * (seed 2), each with one property removed, replaced by another value (null, booleans, numbers,
   * text, instants, codes, every enumeration's wire names, empty and one-element arrays and
   * objects) or added, or an array element removed or repeated. The counts are printed; on seed 2
   * the reader alone refuses 30, all a contact's {@code hours} that is not office or out-of-hours
   * times (a rule FORMAT.md lists as checked by the reader only).
   */
  @Test
  void mutants_theSchemaNeverRefusesWhatTheReaderAccepts() {
    List<JsonNode> pool = new ArrayList<>();
    for (String v : List.of("null", "true", "false", "0", "1", "-1", "4", "5", "1.5", "151", "\"\"", "\" \"",
        "\"x\"", "\"hub\"", "\"Hub\"", "\"office 09:00-17:00\"", "\"2025-03-14T10:15:30Z\"", "\"2025-03-14\"",
        "\"T2-DEV-BEREAVED\"", "\"c1\"", "[]", "{}", "[\"x\"]", "[1]", "{\"unborn\":false,\"years\":3}",
        "{\"min\":2,\"max\":3}", "{\"document\":\"d\",\"section\":\"s\"}", "{\"dueBy\":\"2025-03-14T10:15:30Z\",\"basis\":\"b\"}")) {
      pool.add(Fixtures.tree(v));
    }
    for (Class<? extends Enum<?>> type : ENUMS.values()) {
      for (Enum<?> c : type.getEnumConstants()) {
        pool.add(com.fasterxml.jackson.databind.node.TextNode.valueOf(Names.of(c)));
      }
    }
    List<String> docs = new ArrayList<>(WRITTEN.values());
    Random random = new Random(2);
    Map<String, Integer> counts = new java.util.TreeMap<>();
    List<String> schemaOnly = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      ObjectNode doc = (ObjectNode) Fixtures.tree(docs.get(random.nextInt(docs.size())));
      if (random.nextInt(4) == 0) {
        doc.put("format", doc.path("format").asText().equals(V1) ? V2 : V1);
      }
      List<String> pointers = new ArrayList<>();
      collect(doc, "", pointers);
      String pointer = pointers.get(random.nextInt(pointers.size()));
      String what = mutate(doc, pointer, pool, random);
      String agreement = agreement(doc);
      counts.merge(agreement, 1, Integer::sum);
      if (agreement.equals("schema only refuses")) {
        schemaOnly.add(pointer + " " + what);
      }
    }
    System.out.printf("evaluation schema agreement, seed 2, 4000 mutants: %s%n", counts);
    assertThat(schemaOnly).as("refused by the schema, read by the reader").isEmpty();
    assertThat(counts.get("both refuse")).isGreaterThan(1000);
    assertThat(counts.get("both accept")).isGreaterThan(500);
  }

  private static void collect(JsonNode n, String at, List<String> out) {
    if (n.isObject()) {
      n.fieldNames().forEachRemaining(f -> {
        out.add(at + "/" + f);
        collect(n.get(f), at + "/" + f, out);
      });
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        out.add(at + "/" + i);
        collect(n.get(i), at + "/" + i, out);
      }
    }
  }

  private static String mutate(ObjectNode doc, String pointer, List<JsonNode> pool, Random random) {
    JsonNode parent = doc.at(pointer.substring(0, pointer.lastIndexOf('/')));
    String name = pointer.substring(pointer.lastIndexOf('/') + 1);
    int how = random.nextInt(4);
    if (parent.isArray()) {
      ArrayNode a = (ArrayNode) parent;
      int i = Integer.parseInt(name);
      if (how == 0) {
        a.remove(i);
        return "removed";
      } else if (how == 1) {
        a.add(a.get(i).deepCopy());
        return "repeated";
      }
      JsonNode v = pool.get(random.nextInt(pool.size()));
      a.set(i, v.deepCopy());
      return "= " + v;
    }
    ObjectNode o = (ObjectNode) parent;
    if (how == 0) {
      o.remove(name);
      return "removed";
    } else if (how == 1) {
      JsonNode v = pool.get(random.nextInt(pool.size()));
      o.set(List.of("extra", "oldestAge", "ageBasis", "openFacts", "giverNotes", "disagreement", "decidedBy",
          "sharedConcerns", "missing", "contact", "due", "tierRange").get(random.nextInt(12)), v.deepCopy());
      return "added " + v;
    }
    JsonNode v = pool.get(random.nextInt(pool.size()));
    o.set(name, v.deepCopy());
    return "= " + v;
  }

  /** The fixtures of the evaluation format validate, and the reader reads them. */
  @Test
  void fixtures_validate() throws Exception {
    Map<String, JsonNode> docs = Fixtures.documents(List.of(Path.of("src/test/resources/io/thresholds/jackson")),
        n -> n.path("format").asText("").startsWith("thresholds/evaluation@"));
    assertThat(docs).isNotEmpty();
    for (Map.Entry<String, JsonNode> d : docs.entrySet()) {
      ThresholdsJson.readEvaluation(d.getValue().toString());
      assertThat(errors(d.getValue())).as(d.getKey()).isEmpty();
    }
  }

  /** Every object's properties are exactly the names the codec knows, in its order, in both formats. */
  @Test
  void objects_haveTheCodecsProperties() {
    for (String format : FORMATS) {
      JsonNode defs = tree(format).path("$defs");
      Set<String> objects = new TreeSet<>();
      defs.fieldNames().forEachRemaining(n -> {
        if (defs.get(n).has("properties")) {
          objects.add(n);
        }
      });
      assertThat(objects).as(format + ": objects of the schema (map a new one in OBJECTS)")
          .isEqualTo(new TreeSet<>(OBJECTS.keySet()));
      for (String name : objects) {
        Class<?> type = OBJECTS.get(name);
        List<String> known = new ArrayList<>(EvaluationCodec.knownNames(type));
        assertThat(known).as(name).isNotEmpty();
        if (format.equals(V1)) {
          known.removeAll(NOT_IN_1.getOrDefault(type, List.of()));
        }
        List<String> inSchema = new ArrayList<>();
        defs.get(name).get("properties").fieldNames().forEachRemaining(inSchema::add);
        assertThat(inSchema).as(format + " " + name + ": properties, in the codec's order").isEqualTo(known);
        assertThat(defs.get(name).path("additionalProperties").isBoolean()
            && !defs.get(name).get("additionalProperties").asBoolean()).as(name + " is closed").isTrue();
      }
    }
  }

  /** Every enumeration lists exactly the wire names of its Java enum, in declaration order. */
  @Test
  void enumerations_areTheJavaEnums() {
    for (String format : FORMATS) {
      JsonNode defs = tree(format).path("$defs");
      Set<String> enums = new TreeSet<>();
      defs.fieldNames().forEachRemaining(n -> {
        if (defs.get(n).has("enum") && !VALUE_DEFS.contains(n)) {
          enums.add(n);
        }
      });
      Set<String> expected = new TreeSet<>(ENUMS.keySet());
      if (format.equals(V1)) {
        expected.removeAll(ENUMS_NOT_IN_1);
      }
      assertThat(enums).as(format + ": enumerations of the schema (map a new one in ENUMS)").isEqualTo(expected);
      for (String name : expected) {
        Set<Enum<?>> not1 = format.equals(V1) ? VALUES_NOT_IN_1.getOrDefault(name, Set.of()) : Set.of();
        List<String> wire = Arrays.stream(ENUMS.get(name).getEnumConstants()).filter(c -> !not1.contains(c))
            .map(Names::of).collect(Collectors.toList());
        List<String> inSchema = new ArrayList<>();
        defs.get(name).get("enum").forEach(n -> inSchema.add(n.asText()));
        assertThat(inSchema).as(format + " " + name).isEqualTo(wire);
      }
    }
    // the @1 schema's only value of ageBasis is the default
    assertThat(tree(V1).at("/$defs/ChildAssessment/properties/ageBasis/const").asText())
        .isEqualTo(Names.of(AgeBasis.EXACT));
  }

  /** The limits the schemas state are those of the module and the model. */
  @Test
  void limits_areTheModulesLimits() {
    for (String format : FORMATS) {
      JsonNode defs = tree(format).path("$defs");
      assertThat(defs.at("/text/maxLength").asInt()).isEqualTo(ThresholdsJson.MAX_STRING_LENGTH);
      Tier[] tiers = Tier.values();
      assertThat(defs.at("/tier/minimum").asInt()).isEqualTo(tiers[0].number());
      assertThat(defs.at("/tier/maximum").asInt()).isEqualTo(tiers[tiers.length - 1].number());
      // the value types are the referral schemas' own
      JsonNode referral = Fixtures.tree(ThresholdsJson.jsonSchema("thresholds/referral@2")).path("$defs");
      for (String value : List.of("reference", "indicatorCode", "instant", "text", "nonBlankText")) {
        assertThat(defs.get(value)).as(value).isEqualTo(referral.get(value));
      }
    }
  }

  /** Where the reader is strict: the schema and the reader agree (on the full fixture, made @2 where needed). */
  @ParameterizedTest(name = "{0}: {1} = {2}: {3}")
  @CsvSource(delimiter = '|', value = {
      // format | pointer                                  | JSON value                       | expected
      "1 | /children/0/age                          | {\"unborn\":true,\"years\":3}        | both refuse",
      "1 | /children/0/age                          | {\"unborn\":true,\"years\":0}        | both accept",
      "1 | /children/0/age                          | {\"years\":3}                        | both refuse",
      "1 | /children/0/tierRange                    | {\"min\":3,\"max\":2}                | reader only",
      "1 | /children/0/tierRange                    | {\"min\":0,\"max\":2}                | both refuse",
      "1 | /children/0/ageBasis                     | \"exact\"                            | both accept",
      "1 | /children/0/ageBasis                     | \"approximate\"                      | both refuse",
      "2 | /children/0/ageBasis                     | \"approximate\"                      | both accept",
      "1 | /children/0/oldestAge                    | {\"unborn\":false,\"years\":1}       | both refuse",
      "1 | /children/0/openFacts                    | []                                   | both accept",
      "1 | /children/0/openFacts                    | [\"mobility\"]                       | both refuse",
      "2 | /children/0/openFacts                    | [\"mobility\",\"mobility\"]          | both refuse",
      "2 | /children/0/openFacts                    | [\"age\"]                            | both refuse",
      "1 | /children/0/reasons/0/kind               | \"protective\"                       | both refuse",
      "2 | /children/0/reasons/0/kind               | \"protective\"                       | both accept",
      "1 | /children/0/reasons/0/tier               | 5                                    | both refuse",
      "1 | /children/0/reasons/0/concernIndex       | -1                                   | both refuse",
      "1 | /children/0/actions/0/kind               | \"step-up\"                          | both refuse",
      "1 | /children/0/actions/0/kind               | \"phone\"                            | both refuse",
      "1 | /children/0/actions/0/ready              | false                                | both refuse",
      "1 | /children/0/actions/0/blockers           | [\"Consent is needed first.\"]       | both refuse",
      "1 | /children/0/actions/0/contact            | {\"id\":\"Hub\",\"name\":\"Hub\"}    | both refuse",
      "1 | /children/0/actions/0/contact            | {\"id\":\"hub\",\"name\":\" \"}      | both refuse",
      "1 | /children/0/actions/0/contact            | {\"id\":\"hub\",\"name\":\"Hub\",\"hours\":\"office 09:00-17:00\"} | both accept",
      "1 | /children/0/actions/0/contact            | {\"id\":\"hub\",\"name\":\"Hub\",\"hours\":\"office 25:00-17:00\"} | reader only",
      "1 | /children/0/actions/0/due                | {\"dueBy\":\"2025-03-14T10:15:30Z\"} | both refuse",
      "1 | /children/0/actions/0/citation           | {\"document\":\"City\",\"section\":\"\"} | both refuse",
      "1 | /children/0/actions/0/description        | null                                 | both refuse",
      "1 | /children/0/actions/0/extra              | 1                                    | both refuse",
      "1 | /children/0/consent/0/giverNotes         | []                                   | both accept",
      "1 | /children/0/consent/0/giverNotes         | [\"A young person's decision.\"]     | both refuse",
      "1 | /children/0/consent/0/disagreement       | \"The people asked disagree.\"       | both refuse",
      "2 | /children/0/consent/0/disagreement       | \"The people asked disagree.\"       | both accept",
      "1 | /children/0/consent/0/givers             | [\"parent\"]                         | both refuse",
      "1 | /exclusions                              | [{\"child\":\"c9\",\"reason\":\"Lives elsewhere.\",\"decidedBy\":\"the Social Work Manager\"}] | both refuse",
      "2 | /exclusions                              | [{\"child\":\"c9\",\"reason\":\"Lives elsewhere.\",\"decidedBy\":\"the Social Work Manager\"}] | both refuse",
      "2 | /exclusions                              | [{\"child\":\"c9\",\"reason\":\"Lives elsewhere.\",\"decidedBy\":\"the Social Work Manager\",\"explanation\":\"x\",\"citation\":{\"document\":\"d\",\"section\":\"3\"}}] | both accept",
      "1 | /exclusions                              | [{\"child\":\"c9\",\"reason\":\"Lives elsewhere.\",\"sharedConcerns\":[]}] | both accept",
      "1 | /exclusions                              | [{\"child\":\"c9\",\"reason\":\"Lives elsewhere.\",\"sharedConcerns\":[\"T2-DEV-BEREAVED\"]}] | both refuse",
      "1 | /referral                                | \"Jane Smith\"                       | both refuse",
      "1 | /evaluatedAt                             | \"2025-03-14\"                       | both refuse",
  })
  void edges_schemaAndReaderAgree(int version, String pointer, String value, String expected) throws Exception {
    ObjectNode doc = (ObjectNode) Fixtures.tree(Fixtures.text("evaluation-full.json"));
    doc.put("format", version == 1 ? V1 : V2);
    String parent = pointer.substring(0, pointer.lastIndexOf('/'));
    String name = pointer.substring(pointer.lastIndexOf('/') + 1);
    JsonNode target = doc.at(parent);
    if (target.isArray()) {
      ((ArrayNode) target).set(Integer.parseInt(name), Fixtures.tree(value));
    } else {
      ((ObjectNode) target).set(name, Fixtures.tree(value));
    }
    assertThat(agreement(doc)).isEqualTo(expected);
  }

  private static String agreement(ObjectNode doc) {
    boolean reader;
    try {
      ThresholdsJson.readEvaluation(doc.toString());
      reader = true;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      reader = false;
    }
    boolean schema = errors(doc).isEmpty();
    return reader && schema ? "both accept" : !reader && !schema ? "both refuse"
        : reader ? "schema only refuses" : "reader only";
  }
}
