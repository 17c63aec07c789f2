package io.thresholds.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import io.thresholds.core.InvalidValueException;
import io.thresholds.core.consent.Competence;
import io.thresholds.core.consent.ConsentForm;
import io.thresholds.core.consent.ConsentGiver;
import io.thresholds.core.consent.ConsentState;
import io.thresholds.core.consent.ConsentStatus;
import io.thresholds.core.consent.GiverConsent;
import io.thresholds.core.model.Adult;
import io.thresholds.core.model.ApproximateAge;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Household;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.SubjectKind;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Example;

/**
 * The published referral schemas agree with the reader: on documents generated and mutated from a
 * fixed seed, a document the schema refuses is always refused by the reader (so a vendor who
 * validates first never turns away what the SDK would take). The other way round is not expected:
 * the reader checks rules a schema cannot express. Every such case seen is put in a class of
 * {@link ReaderOnly} (the list FORMAT.md gives as "checked by the reader only"); a case in no class
 * fails the test, so a new gap is either closed in the schema or documented.
 *
 * <p>A longer run: {@code -Dthresholds.schema.tries=200000 -Dthresholds.schema.seed=2}.
 */
class SchemaAgreementTest {
  private static final long SEED = Long.getLong("thresholds.schema.seed", 11L);
  private static final int TRIES = Integer.getInteger("thresholds.schema.tries", 6_000);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Parses as a schema validator sees a document; a repeated key is refused, as the reader does. */
  private static final ObjectMapper STRICT =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /**
   * The rules the reader alone checks, each matched against "path: message" of the reader's error
   * (indices shown as [i]). FORMAT.md lists the same rules; keep the two in step.
   */
  enum ReaderOnly {
    NOT_ONE_JSON_DOCUMENT("the text is one JSON document without a repeated key (a schema validates parsed JSON)",
        "^<parse>.*"),
    WHOLE_NUMBER_WRITTEN_AS_INTEGER("a whole number is written without a fraction or exponent (1.0 and 1e2 are numbers a schema calls integers)",
        ".*expected a whole number.*"),
    DATE_EXISTS("a date exists in the calendar (2025-02-29); a validator that asserts format 'date' checks it too",
        ".*expected an ISO-8601 date.*"),
    INSTANT_EXISTS_AND_IN_RANGE("an instant exists (not 31 April) and, with its offset applied, is from 1900-01-01T00:00:00Z to 9999-12-30T23:59:59.999999999Z",
        ".*(expected an ISO-8601 instant|must be from 1900-01-01 to 9999-12-30).*"),
    REFERRED_CHILDREN_OF_THE_HOUSEHOLD("each referred child is a child of the household",
        "^referredChildren\\[i\\]: is not a child of the household$"),
    EVERY_CHILD_REFERRED_OR_EXCLUDED("every child of the household is referred or excluded; an excluded child is a child of the household and not also referred",
        "^(household\\.children\\[i\\]: every child in the household must be referred or excluded with a reason"
            + "|exclusions\\[.*\\]: (is not a child of the household|a referred child cannot also be excluded))$"),
    REFERENCES_UNIQUE_IN_HOUSEHOLD("references are unique across the household's children and adults",
        "^household\\.(children|adults)\\[i\\]\\.ref: is used twice$"),
    CONCERN_NAMES_A_MEMBER("a concern's subjectRef names a referred child (child), an adult (parent-carer) or a member of the household (household-member); aboutChildren names referred children",
        "^concerns\\[i\\]\\.(subjectRef|aboutChildren\\[i\\]): (a concern about .*|must name .*)$"),
    DATE_OF_BIRTH_NOT_AFTER_REFERRAL("a date of birth is not after the day the referral is made (UTC, one day of slack)",
        "^household\\.children\\[i\\]\\.dateOfBirth: is after the day the referral was made$"),
    PREVIOUS_REFERRAL_NOT_AFTER_REFERRAL("caseHistory.previousReferral.madeOn is not after the day the referral is made (UTC, one day of slack)",
        "^caseHistory\\.previousReferral\\.madeOn: is after the day this referral was made$"),
    DECISION_NAMES_A_PERSON_ONCE("a decision in consentByGiver names an adult of the household with parental responsibility (parental-responsibility) or a referred child (young-person); nobody's decision is recorded twice (unnamed people with parental responsibility may appear more than once)",
        "^consentByGiver(\\[i\\]\\.person)?: (must name an adult of the household|must name an adult with parental responsibility"
            + "|the young person must be a referred child|the young person's decision is recorded twice"
            + "|the same person's decision is recorded twice)$"),
    CONSENT_IS_LATEST_OF_HISTORY("consent, when given with consentHistory, is its last entry",
        "^consent: must be the latest entry of consentHistory when both are given$"),
    CONSENT_HISTORY_MAKES_SENSE("the consent history is in time order and makes sense (withdrawn only after given, never back to not-yet-sought, ...)",
        "^consentHistory\\[i\\].*"),
    SHARING_ON_CONSENT_NEEDS_CONSENT("a sharing record with basis consent needs consent given at its sharedAt (with consentByGiver: given by a person whose decision counts, recorded at or before it)",
        "^sharing\\[i\\]\\.basis: shared on the basis of consent.*"),
    LIMIT_OF_THE_PARSER("the mapper's limits of the document: nesting depth 32, string length in UTF-16 units",
        ".*(nesting depth|String value length).*");

    final String rule;
    final Pattern errors;

    ReaderOnly(String rule, String errors) {
      this.rule = rule;
      this.errors = Pattern.compile(errors, Pattern.DOTALL);
    }

    static Optional<ReaderOnly> of(String error) {
      for (ReaderOnly r : values()) {
        if (r.errors.matcher(error).matches()) {
          return Optional.of(r);
        }
      }
      return Optional.empty();
    }
  }

  /** A jqwik example (not a property: one deterministic run), so the generators can be used. */
  @Example
  void whatTheSchemaRefuses_theReaderRefuses_andEveryOtherRefusalIsAReaderOnlyRule() throws Exception {
    Random random = new Random(SEED);
    List<JsonNode> seeds = seeds(random);
    Mutator generic = new Mutator(SEED);
    Map<String, Integer> outcomes = new TreeMap<>();
    Map<ReaderOnly, Integer> readerOnly = new TreeMap<>();
    Map<ReaderOnly, String> example = new TreeMap<>();
    List<String> schemaTooStrict = new ArrayList<>();
    List<String> undocumented = new ArrayList<>();
    for (JsonNode seed : seeds) {
      check(seed.toString(), outcomes, readerOnly, example, schemaTooStrict, undocumented);
    }
    assertThat(outcomes).as("every seed is accepted by both").containsOnlyKeys("both accept");
    for (int i = 0; i < TRIES; i++) {
      JsonNode seed = seeds.get(random.nextInt(seeds.size()));
      String doc = random.nextInt(4) == 0 ? generic.mutate(seed.toString()) : mutate(seed.deepCopy(), random, seeds);
      check(doc, outcomes, readerOnly, example, schemaTooStrict, undocumented);
    }
    StringBuilder report = new StringBuilder("schema agreement, seed " + SEED + ", " + TRIES + " mutants: " + outcomes + "\n");
    readerOnly.forEach((r, n) -> report.append("  reader only ").append(r).append(": ").append(n)
        .append(" e.g. ").append(example.get(r)).append('\n'));
    System.out.println(report);
    assertThat(schemaTooStrict).as("documents the schema refuses but the reader accepts").isEmpty();
    assertThat(undocumented).as("reader refusals in no ReaderOnly class (close the gap in the schema or document the rule)").isEmpty();
    assertThat(outcomes.getOrDefault("both refuse", 0)).as("the mutants reach the schema's rules").isGreaterThan(TRIES / 4);
    assertThat(outcomes.getOrDefault("both accept", 0)).as("some mutants stay valid").isGreaterThan(TRIES / 50);
  }

  private static void check(String doc, Map<String, Integer> outcomes, Map<ReaderOnly, Integer> readerOnly,
      Map<ReaderOnly, String> example, List<String> schemaTooStrict, List<String> undocumented) {
    String readerError = null;
    try {
      ThresholdsJson.readReferral(doc);
    } catch (JsonProcessingException e) {
      readerError = describe(e);
    }
    List<Error> schemaErrors;
    try {
      JsonNode tree = STRICT.readTree(doc);
      schemaErrors = tree == null ? null : ReferralSchemas.errors(tree);
    } catch (JsonProcessingException e) {
      schemaErrors = null; // not one JSON document: no schema can be applied
    }
    boolean readerAccepts = readerError == null;
    boolean schemaAccepts = schemaErrors != null && schemaErrors.isEmpty();
    if (readerAccepts && !schemaAccepts) {
      outcomes.merge("schema refuses, reader accepts", 1, Integer::sum);
      if (schemaTooStrict.size() < 10) {
        schemaTooStrict.add(doc + "\n  schema: " + schemaErrors);
      }
    } else if (readerAccepts) {
      outcomes.merge("both accept", 1, Integer::sum);
    } else if (!schemaAccepts) {
      outcomes.merge("both refuse", 1, Integer::sum);
    } else {
      outcomes.merge("reader only refuses", 1, Integer::sum);
      String error = schemaErrors == null ? "<parse> " + readerError : readerError;
      Optional<ReaderOnly> r = ReaderOnly.of(error);
      if (r.isPresent()) {
        readerOnly.merge(r.get(), 1, Integer::sum);
        example.putIfAbsent(r.get(), error);
      } else if (undocumented.size() < 20) {
        undocumented.add(error + "\n  in " + doc);
      }
    }
  }

  /** "path: rule" of a reader error (the domain field and rule for a broken domain rule), indices as [i]. */
  static String describe(JsonProcessingException e) {
    if (!(e instanceof JsonMappingException)) {
      return "<parse> " + e.getOriginalMessage();
    }
    Throwable cause = e.getCause();
    String message = cause instanceof InvalidValueException
        ? ((InvalidValueException) cause).field() + ": " + ((InvalidValueException) cause).rule()
        : ThresholdsJson.pathOf((JsonMappingException) e) + ": " + e.getOriginalMessage();
    return message.replaceAll("\\[[0-9]+\\]", "[i]");
  }

  // ---- inputs ----------------------------------------------------------------------------------

  /** Bundled documents, generated @1 referrals and the same made @2 (approximate ages, ...). */
  private static List<JsonNode> seeds(Random random) {
    List<JsonNode> out = new ArrayList<>(ReferralSchemas.bundled().values());
    Arbitrary<Referral> referrals = Generators.referrals();
    RandomGenerator<Referral> generator = referrals.generator(100);
    for (int i = 0; i < 60; i++) {
      Referral r = generator.next(random).value();
      out.add(Fixtures.tree(ThresholdsJson.writeReferral(r)));
      out.add(Fixtures.tree(ThresholdsJson.writeReferral(format2(r, random))));
    }
    return out;
  }

  /** The referral with some facts only {@code @2} can say. */
  static Referral format2(Referral r, Random random) {
    LocalDate day = r.madeAt().atOffset(ZoneOffset.UTC).toLocalDate();
    List<Child> children = new ArrayList<>();
    for (Child c : r.household().children()) {
      Child.Builder b = Child.builder().from(c);
      int k = random.nextInt(4);
      if (k == 0 && c.dateOfBirth().isPresent()) {
        Period p = Period.between(c.dateOfBirth().get(), day);
        int years = Math.min(ApproximateAge.MAX_YEARS, Math.max(0, p.getYears()));
        b.dateOfBirth(Optional.empty()).approximateAge(random.nextBoolean()
            ? ApproximateAge.ofYears(years) : ApproximateAge.of(years, Math.max(0, p.getMonths())));
      } else if (k == 1 && c.dateOfBirth().isPresent()) {
        b.dateOfBirth(Optional.empty()).ageUnknown(true);
      }
      if (!c.disabled() && random.nextInt(3) == 0) {
        b.disabilityUnknown(true);
      }
      children.add(b.build());
    }
    List<Concern> concerns = new ArrayList<>();
    for (Concern c : r.concerns()) {
      if (c.subject() != SubjectKind.CHILD && random.nextBoolean()) {
        concerns.add(Concern.builder().from(c).aboutChildren(List.of(r.referredChildren().get(
            random.nextInt(r.referredChildren().size())))).build());
      } else {
        concerns.add(c);
      }
    }
    Referral.Builder b = Referral.builder().from(r)
        .household(Household.builder().from(r.household()).children(children).build()).concerns(concerns);
    if (random.nextBoolean()) {
      b.phoneReferralMadeAt(r.madeAt().plus(Duration.ofMinutes(random.nextInt(600))));
    }
    Referral made = b.build();
    if (random.nextInt(3) == 0) {
      try {
        return withConsentByGiver(made, random);
      } catch (InvalidValueException e) {
        return made; // a combination the model refuses (e.g. sharing on a consent now nobody's)
      }
    }
    return made;
  }

  /**
   * The referral with each person's decision on consent: the single consent given, withheld or
   * withdrawn becomes one person's decision (FORMAT.md's mapping), others are added for the
   * adults with parental responsibility and the young person.
   */
  static Referral withConsentByGiver(Referral r, Random random) {
    ConsentStatus[] statuses = {ConsentStatus.NOT_YET_SOUGHT, ConsentStatus.GIVEN, ConsentStatus.WITHHELD,
        ConsentStatus.WITHDRAWN};
    List<GiverConsent> givers = new ArrayList<>();
    Referral.Builder b = Referral.builder().from(r);
    ConsentState single = r.consent();
    boolean mapped = false;
    if (r.consentHistory().entries().isEmpty() && single.by().isPresent()) {
      GiverConsent.Builder g = GiverConsent.builder().giver(single.by().get()).status(single.status())
          .form(single.form()).recordedAt(single.recordedAt());
      if (single.by().get() == ConsentGiver.YOUNG_PERSON) {
        g.competence(Competence.JUDGED_COMPETENT);
        if (r.referredChildren().size() > 1) {
          g.person(r.referredChildren().get(0));
        }
      }
      givers.add(g.build());
      b.consent(ConsentState.notYetSought());
      mapped = true;
    }
    for (Adult a : r.household().adults()) {
      if (a.parentalResponsibility() && random.nextBoolean()) {
        givers.add(decision(GiverConsent.builder().giver(ConsentGiver.PARENTAL_RESPONSIBILITY).person(a.ref()),
            statuses[random.nextInt(statuses.length)], r, random));
      }
    }
    if (random.nextBoolean()) {
      givers.add(decision(GiverConsent.builder().giver(ConsentGiver.PARENTAL_RESPONSIBILITY),
          statuses[random.nextInt(statuses.length)], r, random));
    }
    if (!(mapped && single.by().get() == ConsentGiver.YOUNG_PERSON) && random.nextBoolean()) {
      Competence[] competences = Competence.values();
      GiverConsent.Builder g = GiverConsent.builder().giver(ConsentGiver.YOUNG_PERSON)
          .competence(competences[random.nextInt(competences.length)]);
      if (r.referredChildren().size() > 1 || random.nextBoolean()) {
        g.person(r.referredChildren().get(random.nextInt(r.referredChildren().size())));
      }
      givers.add(decision(g, statuses[random.nextInt(statuses.length)], r, random));
    }
    return b.consentByGiver(givers).build();
  }

  private static GiverConsent decision(GiverConsent.Builder g, ConsentStatus status, Referral r, Random random) {
    g.status(status);
    if (status == ConsentStatus.GIVEN) {
      g.form(random.nextBoolean() ? ConsentForm.VERBAL : ConsentForm.WRITTEN);
    }
    if (status != ConsentStatus.NOT_YET_SOUGHT) {
      g.recordedAt(r.madeAt().minus(Duration.ofMinutes(1 + random.nextInt(600))));
    }
    return g.build();
  }

  /** Values that reach the edges of the schema's rules, by the kind of property they fit. */
  private static final List<JsonNode> VALUES = List.of(
      // references and codes
      NODES.textNode("c-1"), NODES.textNode("a".repeat(64)), NODES.textNode("a".repeat(65)),
      NODES.textNode("c 1"), NODES.textNode("c1\n"), NODES.textNode("T2-PAR-PARENTAL-SUBSTANCE-USE"),
      NODES.textNode("T2-X-"), NODES.textNode("T2--X"), NODES.textNode("t2-x"), NODES.textNode("T" + "2".repeat(48)),
      // dates and instants
      NODES.textNode("1899-12-31"), NODES.textNode("1900-01-01"), NODES.textNode("9999-12-30"),
      NODES.textNode("9999-12-31"), NODES.textNode("2024-02-29"), NODES.textNode("2025-02-29"),
      NODES.textNode("2025-04-31"), NODES.textNode("2025-13-01"), NODES.textNode("2030-01-01"),
      NODES.textNode("2025-11-21T19:00:00Z"), NODES.textNode("2025-11-21t19:00:00z"),
      NODES.textNode("2025-11-21T19:00Z"), NODES.textNode("2025-11-21T24:00:00Z"),
      NODES.textNode("2025-11-21T23:59:60Z"), NODES.textNode("2025-11-21T19:00:00.Z"),
      NODES.textNode("2025-11-21T19:00:00.123456789Z"), NODES.textNode("2025-11-21T19:00:00.1234567891Z"),
      NODES.textNode("2025-11-21T19:00:00+01:00:30"), NODES.textNode("2025-11-21T19:00:00+0100"),
      NODES.textNode("2025-11-21T19:00:00+18:00"), NODES.textNode("2025-11-21T19:00:00+19:00"),
      NODES.textNode("1899-12-31T23:30:00-01:00"), NODES.textNode("1900-01-01T00:30:00+01:00"),
      NODES.textNode("9999-12-31T00:30:00+01:00"), NODES.textNode("9999-12-30T23:59:59Z"),
      NODES.textNode("2025-04-31T10:00:00Z"), NODES.textNode("2025-11-21 19:00:00Z"),
      // enumerations of several kinds
      NODES.textNode("school"), NODES.textNode("parent-or-carer"), NODES.textNode("member-of-public"),
      NODES.textNode("designated-safeguarding-lead"), NODES.textNode("teacher-or-school-staff"),
      NODES.textNode("mother"), NODES.textNode("mobile"), NODES.textNode("pre-mobile"), NODES.textNode("child"),
      NODES.textNode("parent-carer"), NODES.textNode("household-member"), NODES.textNode("given"),
      NODES.textNode("withheld"), NODES.textNode("withdrawn"), NODES.textNode("not-yet-sought"),
      NODES.textNode("not-sought-unsafe"), NODES.textNode("shared-without-consent"),
      NODES.textNode("young-person"), NODES.textNode("verbal"), NODES.textNode("line-manager"),
      NODES.textNode("increased-risk-to-child"), NODES.textNode("consent"), NODES.textNode("other-legal-basis"),
      NODES.textNode("Given"), NODES.textNode("thresholds/referral@1"), NODES.textNode("thresholds/referral@2"),
      NODES.textNode("parental-responsibility"), NODES.textNode("judged-competent"), NODES.textNode("not-assessed"),
      NODES.textNode("early-help"), NODES.textNode("child-protection"), NODES.textNode("social-worker"),
      NODES.textNode("no-further-action"), NODES.textNode("parent-acts-protectively"),
      // text
      NODES.textNode(""), NODES.textNode(" \t"), NODES.textNode("\u00a0"), NODES.textNode("\u2007"),
      NODES.textNode("\u3000"), NODES.textNode("a reason"),
      // numbers and the rest
      NODES.numberNode(0), NODES.numberNode(11), NODES.numberNode(12), NODES.numberNode(25), NODES.numberNode(26),
      NODES.numberNode(100), NODES.numberNode(101), NODES.numberNode(-1), NODES.numberNode(1.0),
      NODES.numberNode(new java.math.BigDecimal("1E+1")), NODES.numberNode(3_000_000_000L),
      NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode(), NODES.arrayNode(), NODES.objectNode());

  /** Property names of the format with a value that fits them, to add where they are missing. */
  private static final Map<String, List<JsonNode>> ADDITIONS = new LinkedHashMap<>();

  static {
    ObjectNode age = NODES.objectNode().put("years", 12);
    ObjectNode ageMonths = NODES.objectNode().put("years", 0).put("months", 9);
    ADDITIONS.put("approximateAge", List.of(age, ageMonths, NODES.objectNode().put("months", 1)));
    ADDITIONS.put("ageUnknown", List.of(NODES.booleanNode(true), NODES.booleanNode(false)));
    ADDITIONS.put("disabilityUnknown", List.of(NODES.booleanNode(true), NODES.booleanNode(false)));
    ADDITIONS.put("disabled", List.of(NODES.booleanNode(true)));
    ADDITIONS.put("disabilityNeedsAssessed", List.of(NODES.booleanNode(true)));
    ADDITIONS.put("dateOfBirth", List.of(NODES.textNode("2015-03-09"), NODES.textNode("2031-01-01")));
    ADDITIONS.put("expectedDateOfDelivery", List.of(NODES.textNode("2026-03-01")));
    ADDITIONS.put("mobility", List.of(NODES.textNode("mobile")));
    ADDITIONS.put("phoneReferralMadeAt", List.of(NODES.textNode("2025-11-21T19:00:00Z")));
    ADDITIONS.put("position", List.of(NODES.textNode("gp"), NODES.textNode("member-of-public"),
        NODES.textNode("designated-safeguarding-lead")));
    ADDITIONS.put("designatedSafeguardingLead", List.of(NODES.booleanNode(true)));
    ADDITIONS.put("homeEducated", List.of(NODES.booleanNode(true)));
    ADDITIONS.put("attendancePercent", List.of(NODES.numberNode(90)));
    ADDITIONS.put("by", List.of(NODES.textNode("young-person")));
    ADDITIONS.put("form", List.of(NODES.textNode("written")));
    ADDITIONS.put("recordedAt", List.of(NODES.textNode("2025-11-21T18:00:00Z")));
    ADDITIONS.put("notSoughtReason", List.of(NODES.textNode("increased-risk-to-child")));
    ADDITIONS.put("authorisedBy", List.of(NODES.textNode("line-manager")));
    ADDITIONS.put("legalBasis", List.of(NODES.textNode("s47"), NODES.textNode(" ")));
    ADDITIONS.put("note", List.of(NODES.textNode("a note")));
    ADDITIONS.put("school", List.of(NODES.objectNode().put("onRoll", false)));
    // consent per person, the case's history and protective facts (referral@2)
    ObjectNode parentWithholds = NODES.objectNode().put("giver", "parental-responsibility").put("status", "withheld")
        .put("recordedAt", "2025-11-21T18:00:00Z");
    ObjectNode youngPersonGives = NODES.objectNode().put("giver", "young-person").put("competence", "judged-competent")
        .put("status", "given").put("form", "verbal").put("recordedAt", "2025-11-21T17:00:00Z");
    ObjectNode notYetSought = NODES.objectNode().put("giver", "parental-responsibility").put("status", "not-yet-sought");
    ADDITIONS.put("consentByGiver", List.of(NODES.arrayNode(), NODES.arrayNode().add(parentWithholds),
        NODES.arrayNode().add(youngPersonGives).add(notYetSought),
        NODES.arrayNode().add(youngPersonGives.deepCopy().put("person", "c1")).add(parentWithholds.deepCopy().put("person", "a1")),
        NODES.arrayNode().add(youngPersonGives).add(youngPersonGives)));
    ADDITIONS.put("giver", List.of(NODES.textNode("young-person"), NODES.textNode("parental-responsibility")));
    ADDITIONS.put("person", List.of(NODES.textNode("c1"), NODES.textNode("a1")));
    ADDITIONS.put("competence", List.of(NODES.textNode("judged-competent"), NODES.textNode("judged-not-competent")));
    ADDITIONS.put("caseHistory", List.of(NODES.objectNode(),
        NODES.objectNode().set("openPlans", NODES.arrayNode()),
        NODES.objectNode().set("openPlans", NODES.arrayNode().add("early-help")),
        NODES.objectNode().set("previousReferral", NODES.objectNode().put("madeOn", "2024-05-01")),
        NODES.objectNode().put("hubDisagreementAt", "2025-11-21T18:00:00Z")));
    ADDITIONS.put("openPlans", List.of(NODES.arrayNode().add("child-protection"),
        NODES.arrayNode().add("early-help").add("early-help")));
    ADDITIONS.put("allocatedWorkers", List.of(NODES.arrayNode().add("social-worker"), NODES.arrayNode()));
    ADDITIONS.put("previousReferral", List.of(NODES.objectNode().put("madeOn", "2024-05-01").put("outcome", "early-help"),
        NODES.objectNode().put("outcome", "unknown")));
    ADDITIONS.put("hubDisagreementAt", List.of(NODES.textNode("2025-11-21T18:00:00Z")));
    ADDITIONS.put("madeOn", List.of(NODES.textNode("2024-05-01"), NODES.textNode("2031-01-01")));
    ADDITIONS.put("outcome", List.of(NODES.textNode("no-further-action")));
    ADDITIONS.put("repeatReferral", List.of(NODES.booleanNode(false)));
    ADDITIONS.put("protectiveFacts", List.of(NODES.arrayNode(), NODES.arrayNode().add("parent-acts-protectively"),
        NODES.arrayNode().add("family-engages-with-plan").add("family-engages-with-plan")));
  }

  /** One to three changes aimed at the schema's rules. */
  static String mutate(JsonNode root, Random random, List<JsonNode> seeds) {
    int n = 1 + random.nextInt(3);
    for (int k = 0; k < n; k++) {
      List<JsonNode> containers = new ArrayList<>();
      collect(root, containers);
      JsonNode target = containers.get(random.nextInt(containers.size()));
      int op = random.nextInt(10);
      if (op == 0 && root.isObject()) {
        ((ObjectNode) root).put("format", random.nextBoolean() ? "thresholds/referral@1" : "thresholds/referral@2");
      } else if (target.isObject()) {
        ObjectNode o = (ObjectNode) target;
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        if (op <= 3 || names.isEmpty()) {
          List<String> keys = new ArrayList<>(ADDITIONS.keySet());
          String name = keys.get(random.nextInt(keys.size()));
          List<JsonNode> values = ADDITIONS.get(name);
          o.set(name, values.get(random.nextInt(values.size())).deepCopy());
        } else if (op <= 5) {
          String name = names.get(random.nextInt(names.size()));
          o.remove(name);
        } else if (op <= 8) {
          o.set(names.get(random.nextInt(names.size())), VALUES.get(random.nextInt(VALUES.size())).deepCopy());
        } else {
          // a value of the same property from another document: real but maybe inconsistent
          String name = names.get(random.nextInt(names.size()));
          JsonNode other = seeds.get(random.nextInt(seeds.size())).findValue(name);
          if (other != null) {
            o.set(name, other.deepCopy());
          }
        }
      } else {
        ArrayNode a = (ArrayNode) target;
        if (a.size() == 0 || op <= 3) {
          a.add(a.size() > 0 && random.nextBoolean() ? a.get(random.nextInt(a.size())).deepCopy()
              : VALUES.get(random.nextInt(VALUES.size())).deepCopy());
        } else if (op <= 6) {
          a.remove(random.nextInt(a.size()));
        } else {
          a.set(random.nextInt(a.size()), VALUES.get(random.nextInt(VALUES.size())).deepCopy());
        }
      }
    }
    return root.toString();
  }

  private static void collect(JsonNode n, List<JsonNode> out) {
    if (n.isObject() || n.isArray()) {
      out.add(n);
      for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
        collect(it.next(), out);
      }
    }
  }

  static String summary(Map<ReaderOnly, Integer> counts) {
    return counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
  }
}
