package io.thresholds.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.thresholds.core.consent.Authoriser;
import io.thresholds.core.consent.Competence;
import io.thresholds.core.consent.ConsentForm;
import io.thresholds.core.consent.ConsentGiver;
import io.thresholds.core.consent.ConsentState;
import io.thresholds.core.consent.ConsentStatus;
import io.thresholds.core.consent.GiverConsent;
import io.thresholds.core.consent.NotSoughtReason;
import io.thresholds.core.consent.SharedItem;
import io.thresholds.core.consent.SharingBasis;
import io.thresholds.core.consent.SharingRecord;
import io.thresholds.core.model.Adult;
import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.AllocatedWorker;
import io.thresholds.core.model.ApproximateAge;
import io.thresholds.core.model.CaseHistory;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Household;
import io.thresholds.core.model.Mobility;
import io.thresholds.core.model.OpenPlan;
import io.thresholds.core.model.PersonalDetails;
import io.thresholds.core.model.PreviousReferral;
import io.thresholds.core.model.ProtectiveFact;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.ReferralOutcome;
import io.thresholds.core.model.Referrer;
import io.thresholds.core.model.ReferrerRole;
import io.thresholds.core.model.Relationship;
import io.thresholds.core.model.SchoolAttendance;
import io.thresholds.core.model.SubjectKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The published JSON Schemas of {@code thresholds/referral@1} and {@code @2} (schema/ beside
 * FORMAT.md, and in the jar): valid 2020-12 schemas, the same as the jar's resources, accepting
 * every bundled referral, and agreeing with the reader's property names, enumerations and limits.
 * {@link SchemaAgreementTest} checks the rules against the reader on mutated documents.
 *
 * <p>Adding a property or an enumeration to the format: add it to the reader, then to {@code
 * schema/referral-2.schema.json} (a new object or enumeration under {@code $defs}, mapped to its
 * Java type in {@link #OBJECTS} or {@link #ENUMS} below); these tests say what is missing.
 */
class ReferralSchemaTest {
  private static final String V1 = "thresholds/referral@1";
  private static final String V2 = "thresholds/referral@2";

  /** Each object of the schema ({@code $defs}) and the core type the reader reads it as. */
  static final Map<String, Class<?>> OBJECTS = new LinkedHashMap<>();
  /** Each enumeration of the schema and its Java enum. */
  static final Map<String, Class<? extends Enum<?>>> ENUMS = new LinkedHashMap<>();
  /**
   * Properties of each object that {@code @1} does not have (the reader refuses them in a {@code
   * @1} document); the other {@code @2} properties appear in the {@code @1} schema limited to
   * their default value, as the reader reads that in {@code @1}.
   */
  static final Map<Class<?>, List<String>> NOT_IN_1 = Map.of(
      Referral.class, List.of("phoneReferralMadeAt"), Child.class, List.of("approximateAge"),
      CaseHistory.class, List.of("previousReferral", "hubDisagreementAt"));
  /** Objects {@code @1} does not have. */
  static final Set<String> OBJECTS_NOT_IN_1 = Set.of("ApproximateAge", "GiverConsent", "PreviousReferral");
  /** Enumerations {@code @1} does not have (only {@code @2} objects and properties use them). */
  static final Set<String> ENUMS_NOT_IN_1 =
      Set.of("competence", "openPlan", "allocatedWorker", "referralOutcome", "protectiveFact");

  static {
    OBJECTS.put("Referral", Referral.class);
    OBJECTS.put("Referrer", Referrer.class);
    OBJECTS.put("Household", Household.class);
    OBJECTS.put("Child", Child.class);
    OBJECTS.put("ApproximateAge", ApproximateAge.class);
    OBJECTS.put("Adult", Adult.class);
    OBJECTS.put("PersonalDetails", PersonalDetails.class);
    OBJECTS.put("SchoolAttendance", SchoolAttendance.class);
    OBJECTS.put("Concern", Concern.class);
    OBJECTS.put("ConsentState", ConsentState.class);
    OBJECTS.put("SharingRecord", SharingRecord.class);
    OBJECTS.put("GiverConsent", GiverConsent.class);
    OBJECTS.put("CaseHistory", CaseHistory.class);
    OBJECTS.put("PreviousReferral", PreviousReferral.class);
    ENUMS.put("agencyType", AgencyType.class);
    ENUMS.put("referrerRole", ReferrerRole.class);
    ENUMS.put("relationship", Relationship.class);
    ENUMS.put("mobility", Mobility.class);
    ENUMS.put("subjectKind", SubjectKind.class);
    ENUMS.put("consentStatus", ConsentStatus.class);
    ENUMS.put("consentGiver", ConsentGiver.class);
    ENUMS.put("consentForm", ConsentForm.class);
    ENUMS.put("notSoughtReason", NotSoughtReason.class);
    ENUMS.put("authoriser", Authoriser.class);
    ENUMS.put("sharedItem", SharedItem.class);
    ENUMS.put("sharingBasis", SharingBasis.class);
    ENUMS.put("competence", Competence.class);
    ENUMS.put("openPlan", OpenPlan.class);
    ENUMS.put("allocatedWorker", AllocatedWorker.class);
    ENUMS.put("referralOutcome", ReferralOutcome.class);
    ENUMS.put("protectiveFact", ProtectiveFact.class);
  }

  /** Value types of the schema: formats and text, not objects of the model. */
  private static final Set<String> VALUE_DEFS = Set.of("reference", "indicatorCode", "date", "instant",
      "text", "nonBlankText", "nonProfessionalAgencyType", "nonProfessionalReferrerRole");

  private static JsonNode tree(String format) {
    return Fixtures.tree(ThresholdsJson.jsonSchema(format));
  }

  @Test
  void schemas_areValidDraft202012Schemas_namingTheirFormat() {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    Schema meta = registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    for (String format : ReferralSchemas.FORMATS) {
      JsonNode schema = tree(format);
      assertThat(meta.validate(schema)).as(format).isEmpty();
      assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
      assertThat(schema.path("title").asText()).isEqualTo(format);
      assertThat(schema.at("/$defs/Referral/properties/format/const").asText()).isEqualTo(format);
    }
  }

  @Test
  void jarResource_isThePublishedFile() throws Exception {
    for (String format : ReferralSchemas.FORMATS) {
      String file = format.substring("thresholds/".length()).replace('@', '-') + ".schema.json";
      assertThat(ThresholdsJson.jsonSchema(format))
          .isEqualTo(Files.readString(Path.of("schema", file), StandardCharsets.UTF_8));
      assertThat(ThresholdsJson.class.getClassLoader()
          .getResource("io/thresholds/jackson/schema/" + file)).as(file).isNotNull();
    }
    assertThat(ReferralSchemas.FORMATS).containsExactly(V1, V2);
  }

  @Test
  void jsonSchema_ofAFormatWithoutOne_fails() {
    assertThatThrownBy(() -> ThresholdsJson.jsonSchema("thresholds/referral@3"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(V2);
  }

  /** Every referral fixture, vignette, sample and golden case validates against its format's schema. */
  @Test
  void everyBundledReferral_validatesAgainstTheSchemaOfItsFormat() throws Exception {
    Map<String, JsonNode> docs = ReferralSchemas.bundled();
    Map<String, Integer> byFormat = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> d : docs.entrySet()) {
      String format = d.getValue().path("format").asText();
      byFormat.merge(format, 1, Integer::sum);
      ThresholdsJson.readReferral(d.getValue().toString()); // the reader accepts it too
      assertThat(ReferralSchemas.errors(d.getValue())).as(d.getKey()).isEmpty();
    }
    assertThat(byFormat.keySet()).containsExactlyInAnyOrder(V1, V2);
    assertThat(byFormat.get(V1)).isGreaterThanOrEqualTo(4 + 132 + 12);
  }

  /** Every object's properties are exactly the names the reader knows, in both formats. */
  @Test
  void objects_haveTheReadersProperties() {
    for (String format : ReferralSchemas.FORMATS) {
      JsonNode defs = tree(format).path("$defs");
      Set<String> objects = new TreeSet<>();
      defs.fieldNames().forEachRemaining(n -> {
        if (defs.get(n).has("properties")) {
          objects.add(n);
        }
      });
      Set<String> expected = new TreeSet<>(OBJECTS.keySet());
      if (format.equals(V1)) {
        expected.removeAll(OBJECTS_NOT_IN_1);
      }
      assertThat(objects).as(format + ": objects of the schema (map a new one in OBJECTS)").isEqualTo(expected);
      for (String name : objects) {
        Class<?> type = OBJECTS.get(name);
        List<String> known = new ArrayList<>(ReferralCodec.knownNames(type));
        if (format.equals(V1)) {
          known.removeAll(NOT_IN_1.getOrDefault(type, List.of()));
        }
        List<String> inSchema = new ArrayList<>();
        defs.get(name).get("properties").fieldNames().forEachRemaining(inSchema::add);
        assertThat(inSchema).as(format + " " + name + ": properties, in the reader's order").isEqualTo(known);
        assertThat(defs.get(name).path("additionalProperties").isBoolean()
            && !defs.get(name).get("additionalProperties").asBoolean()).as(name + " is closed").isTrue();
      }
    }
  }

  /** Every enumeration lists exactly the wire names of its Java enum, in declaration order. */
  @Test
  void enumerations_areTheJavaEnums() {
    for (String format : ReferralSchemas.FORMATS) {
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
      for (Map.Entry<String, Class<? extends Enum<?>>> e : ENUMS.entrySet()) {
        if (!expected.contains(e.getKey())) {
          continue;
        }
        assertThat(texts(defs.get(e.getKey()).get("enum"))).as(format + " " + e.getKey())
            .isEqualTo(wireNames(e.getValue(), c -> true));
      }
      assertThat(texts(defs.at("/nonProfessionalAgencyType/enum")))
          .isEqualTo(wireNames(AgencyType.class, c -> !((AgencyType) c).isProfessional()));
      assertThat(texts(defs.at("/nonProfessionalReferrerRole/enum")))
          .isEqualTo(wireNames(ReferrerRole.class, c -> !((ReferrerRole) c).isProfessional()));
    }
  }

  /** The limits of the module and the model, where the schema states them. */
  @Test
  void limits_areTheModulesLimits() {
    for (String format : ReferralSchemas.FORMATS) {
      JsonNode defs = tree(format).path("$defs");
      assertThat(defs.at("/Household/properties/children/maxItems").asInt()).isEqualTo(ThresholdsJson.MAX_CHILDREN);
      assertThat(defs.at("/Household/properties/adults/maxItems").asInt()).isEqualTo(ThresholdsJson.MAX_ADULTS);
      assertThat(defs.at("/Referral/properties/referredChildren/maxItems").asInt()).isEqualTo(ThresholdsJson.MAX_CHILDREN);
      assertThat(defs.at("/Referral/properties/concerns/maxItems").asInt()).isEqualTo(ThresholdsJson.MAX_CONCERNS);
      assertThat(defs.at("/text/maxLength").asInt()).isEqualTo(ThresholdsJson.MAX_STRING_LENGTH);
      assertThat(defs.at("/nonBlankText/maxLength").asInt()).isEqualTo(ThresholdsJson.MAX_STRING_LENGTH);
    }
    assertThat(tree(V2).at("/$defs/ApproximateAge/properties/years/maximum").asInt()).isEqualTo(ApproximateAge.MAX_YEARS);
  }

  /** Where the reader is lenient or strict in ways a schema writer might not expect: both agree. */
  @org.junit.jupiter.params.ParameterizedTest(name = "{0} = {1}: {2}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      // pointer                              | JSON value                        | expected
      "/madeAt                                | \"2025-11-21t19:00:00z\"          | both accept",
      "/madeAt                                | \"2025-11-21T20:00:00+01:00\"     | both accept",
      "/madeAt                                | \"2025-11-21T20:00:00.+01:00:00\" | both accept",
      "/madeAt                                | \"2025-11-21T24:00:00Z\"          | both accept",
      "/madeAt                                | \"2025-11-21T19:00Z\"             | both refuse",
      "/madeAt                                | \"2025-11-21T19:00:00\"           | both refuse",
      "/madeAt                                | \"2025-11-21 19:00:00Z\"          | both refuse",
      "/madeAt                                | \"1899-12-31T23:00:00Z\"          | reader only",
      "/madeAt                                | \"2025-04-31T10:00:00Z\"          | reader only",
      "/household/children/0/dateOfBirth     | \"2013-02-29\"                    | both refuse",
      "/household/children/0/dateOfBirth     | \"1899-12-31\"                    | both refuse",
      "/household/children/0/dateOfBirth     | \"2026-01-01\"                    | reader only",
      "/household/children/0/ageUnknown      | false                             | both accept",
      "/household/children/0/ageUnknown      | true                              | both refuse",
      "/household/children/0/disabilityUnknown | false                           | both accept",
      "/household/children/0/approximateAge  | {\"years\":12}                    | both refuse",
      "/concerns/0/aboutChildren             | []                                | both accept",
      "/concerns/0/aboutChildren             | [\"c1\"]                          | both refuse",
      "/concerns/0/subjectRef                | \"c1\"                            | reader only",
      "/household/adults/0/ref               | \"c1\"                            | reader only",
      "/household/children/0/school          | {\"onRoll\":true,\"attendancePercent\":1.0} | reader only",
      "/household/children/0/school          | {\"onRoll\":false,\"attendancePercent\":90} | both refuse",
      // a no-break space is not white space to Java's String.isBlank, nor to the schema's pattern
      "/exclusions                           | {\"c2\":\"\\u00a0\"}          | both accept",
      "/exclusions                           | {\"c2\":\" \\t\"}             | both refuse",
      "/referrer/position                    | \"member-of-public\"              | both refuse",
      "/consent/form                         | \"written\"                       | both accept",
      "/consent/notSoughtReason              | \"increased-risk-to-child\"       | both refuse",
      "/concerns/0/indicator                 | \"T2-PAR-\"                       | both refuse",
      "/concerns/0/indicator                 | \"T2-NOT-IN-THE-CATALOGUE\"       | both accept",
      // referral@2 properties in a @1 document: only their defaults
      "/consentByGiver                       | []                                | both accept",
      "/protectiveFacts                      | []                                | both accept",
      "/caseHistory                          | {}                                | both accept",
      "/caseHistory                          | {\"openPlans\":[],\"allocatedWorkers\":[]} | both accept",
      "/caseHistory                          | {\"openPlans\":[\"early-help\"]}   | both refuse",
      "/caseHistory                          | {\"previousReferral\":{\"madeOn\":\"2024-05-01\"}} | both refuse",
      "/protectiveFacts                      | [\"parent-acts-protectively\"]     | both refuse",
      "/consentByGiver                       | [{\"giver\":\"parental-responsibility\",\"status\":\"not-yet-sought\"}] | both refuse",
  })
  void edges_schemaAndReaderAgree(String pointer, String value, String expected) throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode doc =
        (com.fasterxml.jackson.databind.node.ObjectNode) Fixtures.tree(Fixtures.text("referral-minimal.json"));
    if (pointer.startsWith("/exclusions")) { // a second child, not referred, to exclude
      ((com.fasterxml.jackson.databind.node.ArrayNode) doc.at("/household/children"))
          .add(Fixtures.tree("{\"ref\":\"c2\",\"dateOfBirth\":\"2015-01-01\"}"));
    }
    assertThat(agreement(doc, pointer, value)).isEqualTo(expected);
  }

  /** The same on the referral@2 sample of consent per person (one referred child, a parent, an excluded child). */
  @org.junit.jupiter.params.ParameterizedTest(name = "{0} = {1}: {2}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      // pointer                         | JSON value                                   | expected
      "/consentByGiver/0/status          | \"not-sought-unsafe\"                        | both refuse",
      "/consentByGiver/1/competence      | \"judged-competent\"                         | both refuse",
      "/consentByGiver/0/competence      | \"not-assessed\"                             | both accept",
      "/consentByGiver/2/form            | \"verbal\"                                   | both refuse",
      "/consentByGiver/2/recordedAt      | \"2025-11-20T10:00:00Z\"                     | both refuse",
      "/consentByGiver/3                 | {\"giver\":\"young-person\",\"competence\":\"not-assessed\",\"status\":\"not-yet-sought\"} | both refuse",
      "/consentByGiver/3                 | {\"giver\":\"parental-responsibility\",\"status\":\"not-yet-sought\"} | both accept",
      "/consentByGiver/0/person          | \"c-younger\"                                | reader only",
      "/consentByGiver/2/person          | \"mum\"                                      | reader only",
      "/consent                          | {\"status\":\"withheld\",\"by\":\"parental-responsibility\",\"recordedAt\":\"2025-11-20T10:00:00Z\"} | both refuse",
      "/consent                          | {\"status\":\"not-sought-unsafe\",\"notSoughtReason\":\"increased-risk-to-child\",\"recordedAt\":\"2025-11-20T10:00:00Z\"} | both accept",
      "/protectiveFacts                  | [\"parent-acts-protectively\",\"parent-acts-protectively\"] | both refuse",
      "/protectiveFacts                  | [\"family-engages-with-plan\"]               | both accept",
      "/caseHistory                      | {\"openPlans\":[\"looked-after\"]}            | both refuse",
      "/caseHistory                      | {\"openPlans\":[\"early-help\",\"early-help\"]} | both refuse",
      "/caseHistory                      | {\"previousReferral\":{\"madeOn\":\"2025-11-21\"}} | both accept",
      "/caseHistory                      | {\"previousReferral\":{\"madeOn\":\"2025-11-22\"}} | reader only",
      "/caseHistory                      | {\"previousReferral\":{\"outcome\":\"early-help\"}} | both refuse",
      "/caseHistory                      | {\"hubDisagreementAt\":\"2025-11-20T09:00:00+01:00\"} | both accept",
      "/repeatReferral                   | false                                        | both accept",
  })
  void edges2_schemaAndReaderAgree(String pointer, String value, String expected) throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode doc = (com.fasterxml.jackson.databind.node.ObjectNode) Fixtures.tree(
        Files.readString(Path.of("../thresholds-examples/samples/14-young-person-consents-parent-refuses.json")));
    assertThat(agreement(doc, pointer, value)).isEqualTo(expected);
  }

  /** A previous referral makes it a repeat referral: repeatReferral false is refused by both. */
  @Test
  void previousReferral_withRepeatReferralFalse_bothRefuse() throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode doc = (com.fasterxml.jackson.databind.node.ObjectNode) Fixtures.tree(
        Files.readString(Path.of("../thresholds-examples/samples/14-young-person-consents-parent-refuses.json")));
    doc.set("caseHistory", Fixtures.tree("{\"previousReferral\":{\"madeOn\":\"2024-05-01\"}}"));
    assertThat(agreement(doc.deepCopy(), "/repeatReferral", "true")).isEqualTo("both accept");
    assertThat(agreement(doc, "/repeatReferral", "false")).isEqualTo("both refuse");
  }

  private static String agreement(com.fasterxml.jackson.databind.node.ObjectNode doc, String pointer, String value) {
    String parent = pointer.substring(0, pointer.lastIndexOf('/'));
    String name = pointer.substring(pointer.lastIndexOf('/') + 1);
    JsonNode target = doc.at(parent);
    if (target.isArray()) {
      ((com.fasterxml.jackson.databind.node.ArrayNode) target).add(Fixtures.tree(value));
      assertThat(target.size() - 1).as(pointer).isEqualTo(Integer.parseInt(name));
    } else {
      ((com.fasterxml.jackson.databind.node.ObjectNode) target).set(name, Fixtures.tree(value));
    }
    boolean reader;
    try {
      ThresholdsJson.readReferral(doc.toString());
      reader = true;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      reader = false;
    }
    boolean schema = ReferralSchemas.errors(doc).isEmpty();
    return reader && schema ? "both accept" : !reader && !schema ? "both refuse"
        : reader ? "schema only refuses" : "reader only";
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> wireNames(Class<? extends Enum<?>> type, java.util.function.Predicate<Enum<?>> which) {
    return Arrays.stream(type.getEnumConstants()).filter(which).map(Names::of).collect(Collectors.toList());
  }
}
