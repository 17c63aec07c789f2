package io.thresholds.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import io.thresholds.core.consent.Authoriser;
import io.thresholds.core.consent.Competence;
import io.thresholds.core.consent.ConsentForm;
import io.thresholds.core.consent.ConsentGiver;
import io.thresholds.core.consent.ConsentHistory;
import io.thresholds.core.consent.ConsentState;
import io.thresholds.core.consent.ConsentStatus;
import io.thresholds.core.consent.GiverConsent;
import io.thresholds.core.consent.NotSoughtReason;
import io.thresholds.core.consent.SharedItem;
import io.thresholds.core.consent.SharingBasis;
import io.thresholds.core.consent.SharingRecord;
import io.thresholds.core.model.Adult;
import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.ApproximateAge;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Household;
import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.model.Mobility;
import io.thresholds.core.model.PersonalDetails;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Referrer;
import io.thresholds.core.model.ReferrerRole;
import io.thresholds.core.model.Relationship;
import io.thresholds.core.model.SchoolAttendance;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.model.AllocatedWorker;
import io.thresholds.core.model.CaseHistory;
import io.thresholds.core.model.OpenPlan;
import io.thresholds.core.model.PreviousReferral;
import io.thresholds.core.model.ProtectiveFact;
import io.thresholds.core.model.ReferralOutcome;
import io.thresholds.core.policy.Policy;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes {@code thresholds/referral@1} and {@code thresholds/referral@2} documents and
 * every value inside them. Property names are the accessor names of the core types; see FORMAT.md.
 * A referral is written as {@code @1} unless it uses a fact only {@code @2} can say, so that
 * {@code @1} consumers keep reading what they always read.
 */
final class ReferralCodec {
  static final String FORMAT = "thresholds/referral@1";
  static final String FORMAT_2 = "thresholds/referral@2";

  private static final List<String> REFERRAL = List.of("format", "ref", "madeAt", "referrer",
      "household", "referredChildren", "exclusions", "concerns", "immediateDanger",
      "phoneReferralMadeAt", "repeatReferral", "consent", "consentHistory", "consentByGiver", "sharing",
      "caseHistory", "protectiveFacts");
  private static final List<String> REFERRER =
      List.of("agencyType", "role", "position", "designatedSafeguardingLead", "personal");
  private static final List<String> HOUSEHOLD = List.of("children", "adults");
  private static final List<String> CHILD = List.of("ref", "personal", "dateOfBirth",
      "expectedDateOfDelivery", "approximateAge", "ageUnknown", "disabled", "disabilityUnknown",
      "disabilityNeedsAssessed", "ehcPlan", "mobility", "school");
  private static final List<String> APPROXIMATE_AGE = List.of("years", "months");
  private static final List<String> ADULT =
      List.of("ref", "relationship", "parentalResponsibility", "personal");
  private static final List<String> PERSONAL = List.of("forenames", "surname", "nhsNumber",
      "uniquePupilNumber", "address", "postcode", "gender", "ethnicity");
  private static final List<String> SCHOOL = List.of("onRoll", "homeEducated", "attendancePercent");
  private static final List<String> CONCERN =
      List.of("indicator", "subject", "subjectRef", "aboutChildren", "observedOn", "note");
  private static final List<String> CONSENT = List.of("status", "by", "form", "recordedAt",
      "notSoughtReason", "authorisedBy", "legalBasis");

  private static final List<String> GIVER_CONSENT = List.of("giver", "person", "competence", "status",
      "form", "recordedAt");
  private static final List<String> CASE_HISTORY =
      List.of("openPlans", "allocatedWorkers", "previousReferral", "hubDisagreementAt");
  private static final List<String> PREVIOUS_REFERRAL = List.of("madeOn", "outcome");

  private static final List<String> SHARING = List.of("items", "description", "sharedWith",
      "purpose", "basis", "sharedAt", "authorisedBy", "legalBasis");

  private ReferralCodec() {}

  static List<String> knownNames(Class<?> type) {
    if (type == Referral.class) {
      return REFERRAL;
    } else if (type == Referrer.class) {
      return REFERRER;
    } else if (type == Household.class) {
      return HOUSEHOLD;
    } else if (type == Child.class) {
      return CHILD;
    } else if (type == Adult.class) {
      return ADULT;
    } else if (type == PersonalDetails.class) {
      return PERSONAL;
    } else if (type == SchoolAttendance.class) {
      return SCHOOL;
    } else if (type == Concern.class) {
      return CONCERN;
    } else if (type == ConsentState.class) {
      return CONSENT;
    } else if (type == SharingRecord.class) {
      return SHARING;
    } else if (type == GiverConsent.class) {
      return GIVER_CONSENT;
    } else if (type == ApproximateAge.class) {
      return APPROXIMATE_AGE;
    } else if (type == CaseHistory.class) {
      return CASE_HISTORY;
    } else if (type == PreviousReferral.class) {
      return PREVIOUS_REFERRAL;
    }
    return List.of();
  }

  // ---- reading ---------------------------------------------------------------------------------

  static Referral referral(In in) throws IOException {
    var b = Referral.builder();
    String[] format = {FORMAT};
    Set<String> seen = in.object(Referral.class, REFERRAL, name -> {
      switch (name) {
        case "format":
          format[0] = in.string();
          if (!FORMAT.equals(format[0]) && !FORMAT_2.equals(format[0])) {
            throw in.mismatch(Referral.class,
                "unsupported format: this reader reads " + FORMAT + " and " + FORMAT_2);
          }
          break;
        case "ref":
          b.ref(in.ref());
          break;
        case "madeAt":
          b.madeAt(in.instant());
          break;
        case "referrer":
          b.referrer(referrer(in));
          break;
        case "household":
          b.household(household(in));
          break;
        case "referredChildren":
          b.referredChildren(in.list(In::ref, ThresholdsJson.MAX_CHILDREN, "referred children"));
          break;
        case "exclusions":
          b.exclusions(in.refToText(Referral.class));
          break;
        case "concerns":
          b.concerns(in.list(ReferralCodec::concern, ThresholdsJson.MAX_CONCERNS, "concerns"));
          break;
        case "immediateDanger":
          b.immediateDanger(in.bool());
          break;
        case "phoneReferralMadeAt":
          b.phoneReferralMadeAt(in.instant());
          break;
        case "repeatReferral":
          b.repeatReferral(in.bool());
          break;
        case "consent":
          b.consent(consent(in));
          break;
        case "consentHistory":
          b.consentHistory(consentHistory(in));
          break;
        case "consentByGiver":
          b.consentByGiver(in.list(ReferralCodec::giverConsent, ThresholdsJson.MAX_ADULTS + ThresholdsJson.MAX_CHILDREN,
              "decisions on consent"));
          break;
        case "sharing":
          b.sharing(in.list(ReferralCodec::sharing));
          break;
        case "caseHistory":
          b.caseHistory(caseHistory(in));
          break;
        case "protectiveFacts":
          b.protectiveFacts(in.uniqueList(i -> i.enumeration(ProtectiveFact.class)));
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(Referral.class, seen, "format", "ref", "madeAt", "referrer", "household",
        "referredChildren");
    Referral r = in.build(Referral.class, b::build);
    if (FORMAT.equals(format[0])) {
      Optional<String> field = field2(r);
      if (field.isPresent()) {
        throw in.mismatch(Referral.class, field.get() + " needs format " + FORMAT_2);
      }
    }
    return r;
  }

  static Referrer referrer(In in) throws IOException {
    Referrer.Builder b = Referrer.builder();
    Set<String> seen = in.object(Referrer.class, REFERRER, name -> {
      switch (name) {
        case "agencyType":
          b.agencyType(in.enumeration(AgencyType.class));
          break;
        case "role":
          b.role(in.string());
          break;
        case "position":
          b.position(in.enumeration(ReferrerRole.class));
          break;
        case "designatedSafeguardingLead":
          b.designatedSafeguardingLead(in.bool());
          break;
        case "personal":
          b.personal(personal(in));
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(Referrer.class, seen, "agencyType");
    return in.build(Referrer.class, b::build);
  }

  static Household household(In in) throws IOException {
    Household.Builder b = Household.builder();
    Set<String> seen = in.object(Household.class, HOUSEHOLD, name -> {
      if (name.equals("children")) {
        b.children(in.list(ReferralCodec::child, ThresholdsJson.MAX_CHILDREN, "children"));
      } else {
        b.adults(in.list(ReferralCodec::adult, ThresholdsJson.MAX_ADULTS, "adults"));
      }
    });
    in.require(Household.class, seen, "children");
    return in.build(Household.class, b::build);
  }

  static Child child(In in) throws IOException {
    Child.Builder b = Child.builder();
    Set<String> seen = in.object(Child.class, CHILD, name -> {
      switch (name) {
        case "ref":
          b.ref(in.ref());
          break;
        case "personal":
          b.personal(personal(in));
          break;
        case "dateOfBirth":
          b.dateOfBirth(in.date());
          break;
        case "expectedDateOfDelivery":
          b.expectedDateOfDelivery(in.date());
          break;
        case "approximateAge":
          b.approximateAge(approximateAge(in));
          break;
        case "ageUnknown":
          b.ageUnknown(in.bool());
          break;
        case "disabled":
          b.disabled(in.bool());
          break;
        case "disabilityUnknown":
          b.disabilityUnknown(in.bool());
          break;
        case "disabilityNeedsAssessed":
          b.disabilityNeedsAssessed(in.bool());
          break;
        case "ehcPlan":
          b.ehcPlan(in.bool());
          break;
        case "mobility":
          b.mobility(in.enumeration(Mobility.class));
          break;
        case "school":
          b.school(school(in));
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(Child.class, seen, "ref");
    return in.build(Child.class, b::build);
  }

  static ApproximateAge approximateAge(In in) throws IOException {
    int[] v = {0, -1};
    Set<String> seen = in.object(ApproximateAge.class, APPROXIMATE_AGE, name -> {
      if (name.equals("years")) {
        v[0] = in.integer(0, ApproximateAge.MAX_YEARS);
      } else {
        v[1] = in.integer(0, 11);
      }
    });
    in.require(ApproximateAge.class, seen, "years");
    return in.build(ApproximateAge.class,
        () -> v[1] < 0 ? ApproximateAge.ofYears(v[0]) : ApproximateAge.of(v[0], v[1]));
  }

  /**
   * The first property of a referral that only {@code thresholds/referral@2} has, as a JSON path,
   * or empty if the referral can be written as {@code @1}.
   */
  static Optional<String> field2(Referral r) {
    if (r.phoneReferralMadeAt().isPresent()) {
      return Optional.of("phoneReferralMadeAt");
    }
    if (!r.consentByGiver().isEmpty()) {
      return Optional.of("consentByGiver");
    }
    if (!r.caseHistory().isEmpty()) {
      return Optional.of("caseHistory");
    }
    if (!r.protectiveFacts().isEmpty()) {
      return Optional.of("protectiveFacts");
    }
    List<Child> children = r.household().children();
    for (int i = 0; i < children.size(); i++) {
      Child c = children.get(i);
      String at = "household.children[" + i + "].";
      if (c.approximateAge().isPresent()) {
        return Optional.of(at + "approximateAge");
      }
      if (c.ageUnknown()) {
        return Optional.of(at + "ageUnknown");
      }
      if (c.disabilityUnknown()) {
        return Optional.of(at + "disabilityUnknown");
      }
    }
    for (int i = 0; i < r.concerns().size(); i++) {
      if (!r.concerns().get(i).aboutChildren().isEmpty()) {
        return Optional.of("concerns[" + i + "].aboutChildren");
      }
    }
    return Optional.empty();
  }

  static Adult adult(In in) throws IOException {
    Adult.Builder b = Adult.builder();
    Set<String> seen = in.object(Adult.class, ADULT, name -> {
      switch (name) {
        case "ref":
          b.ref(in.ref());
          break;
        case "relationship":
          b.relationship(in.enumeration(Relationship.class));
          break;
        case "parentalResponsibility":
          b.parentalResponsibility(in.bool());
          break;
        case "personal":
          b.personal(personal(in));
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(Adult.class, seen, "ref", "relationship", "parentalResponsibility");
    return in.build(Adult.class, b::build);
  }

  static PersonalDetails personal(In in) throws IOException {
    PersonalDetails.Builder b = PersonalDetails.builder();
    in.object(PersonalDetails.class, PERSONAL, name -> {
      // Every personal field is a string; In.string() never quotes what it was given instead.
      String value = in.string();
      switch (name) {
        case "forenames":
          b.forenames(value);
          break;
        case "surname":
          b.surname(value);
          break;
        case "nhsNumber":
          b.nhsNumber(value);
          break;
        case "uniquePupilNumber":
          b.uniquePupilNumber(value);
          break;
        case "address":
          b.address(value);
          break;
        case "postcode":
          b.postcode(value);
          break;
        case "gender":
          b.gender(value);
          break;
        case "ethnicity":
          b.ethnicity(value);
          break;
        default:
          throw new AssertionError(name);
      }
    });
    return in.build(PersonalDetails.class, b::build);
  }

  static SchoolAttendance school(In in) throws IOException {
    SchoolAttendance.Builder b = SchoolAttendance.builder();
    Set<String> seen = in.object(SchoolAttendance.class, SCHOOL, name -> {
      switch (name) {
        case "onRoll":
          b.onRoll(in.bool());
          break;
        case "homeEducated":
          b.homeEducated(in.bool());
          break;
        case "attendancePercent":
          b.attendancePercent(in.integer(0, 100));
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(SchoolAttendance.class, seen, "onRoll");
    return in.build(SchoolAttendance.class, b::build);
  }

  static Concern concern(In in) throws IOException {
    Concern.Builder b = Concern.builder();
    Set<String> seen = in.object(Concern.class, CONCERN, name -> {
      switch (name) {
        case "indicator":
          b.indicator(checkedCode(in));
          break;
        case "subject":
          b.subject(in.enumeration(SubjectKind.class));
          break;
        case "subjectRef":
          b.subjectRef(in.ref());
          break;
        case "aboutChildren":
          b.aboutChildren(in.list(In::ref, ThresholdsJson.MAX_CHILDREN, "children"));
          break;
        case "observedOn":
          b.observedOn(in.date());
          break;
        case "note":
          b.note(in.string());
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(Concern.class, seen, "indicator", "subject", "subjectRef", "observedOn");
    return in.build(Concern.class, b::build);
  }

  /** An indicator code, checked against a policy's catalogue if the reader was given one. */
  private static IndicatorCode checkedCode(In in) throws IOException {
    IndicatorCode code = in.code();
    Object policy = in.context().getAttribute(ThresholdsModule.POLICY_ATTRIBUTE);
    if (policy instanceof Policy) {
      Policy p = (Policy) policy;
      if (p.indicator(code).isEmpty()) {
        // Codes are catalogue keys, not personal data: naming it is what makes the error useful.
        String why = p.retired(code).map(r -> "retired by policy " + r.retiredBy()
            + r.replacedBy().map(n -> "; use " + n + " instead").orElse("; it has no replacement")
            + " (evaluate the referral under the version in force when it was made)")
            .orElse("not in the catalogue of policy " + p.id() + " " + p.version());
        throw in.mismatch(IndicatorCode.class, "unknown indicator code " + code + ": " + why);
      }
    }
    return code;
  }

  static ConsentState consent(In in) throws IOException {
    ConsentState.Builder b = ConsentState.builder();
    Set<String> seen = in.object(ConsentState.class, CONSENT, name -> {
      switch (name) {
        case "status":
          b.status(in.enumeration(ConsentStatus.class));
          break;
        case "by":
          b.by(in.enumeration(ConsentGiver.class));
          break;
        case "form":
          b.form(in.enumeration(ConsentForm.class));
          break;
        case "recordedAt":
          b.recordedAt(in.instant());
          break;
        case "notSoughtReason":
          b.notSoughtReason(in.enumeration(NotSoughtReason.class));
          break;
        case "authorisedBy":
          b.authorisedBy(in.enumeration(Authoriser.class));
          break;
        case "legalBasis":
          b.legalBasis(in.string());
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(ConsentState.class, seen, "status");
    return in.build(ConsentState.class, b::build);
  }

  /** One person's decision on consent ({@code referral@2}). */
  static GiverConsent giverConsent(In in) throws IOException {
    GiverConsent.Builder b = GiverConsent.builder();
    Set<String> seen = in.object(GiverConsent.class, GIVER_CONSENT, name -> {
      switch (name) {
        case "giver":
          b.giver(in.enumeration(ConsentGiver.class));
          break;
        case "person":
          b.person(in.ref());
          break;
        case "competence":
          b.competence(in.enumeration(Competence.class));
          break;
        case "status":
          b.status(in.enumeration(ConsentStatus.class));
          break;
        case "form":
          b.form(in.enumeration(ConsentForm.class));
          break;
        case "recordedAt":
          b.recordedAt(in.instant());
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(GiverConsent.class, seen, "giver", "status");
    return in.build(GiverConsent.class, b::build);
  }

  /** The consent history: an array of consent states, oldest first. */
  static ConsentHistory consentHistory(In in) throws IOException {
    List<ConsentState> entries = in.list(ReferralCodec::consent);
    return in.build(ConsentHistory.class, () -> ConsentHistory.builder().entries(entries).build());
  }

  static SharingRecord sharing(In in) throws IOException {
    SharingRecord.Builder b = SharingRecord.builder();
    Set<String> seen = in.object(SharingRecord.class, SHARING, name -> {
      switch (name) {
        case "items":
          b.items(in.list(i -> i.enumeration(SharedItem.class)));
          break;
        case "description":
          b.description(in.string());
          break;
        case "sharedWith":
          b.sharedWith(in.string());
          break;
        case "purpose":
          b.purpose(in.string());
          break;
        case "basis":
          b.basis(in.enumeration(SharingBasis.class));
          break;
        case "sharedAt":
          b.sharedAt(in.instant());
          break;
        case "authorisedBy":
          b.authorisedBy(in.enumeration(Authoriser.class));
          break;
        case "legalBasis":
          b.legalBasis(in.string());
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(SharingRecord.class, seen, "items", "sharedWith", "purpose", "basis", "sharedAt");
    return in.build(SharingRecord.class, b::build);
  }

  // ---- issue 11: the case's history and protective facts (referral@2) --------------------------

  static CaseHistory caseHistory(In in) throws IOException {
    CaseHistory.Builder b = CaseHistory.builder();
    in.object(CaseHistory.class, CASE_HISTORY, name -> {
      switch (name) {
        case "openPlans":
          b.openPlans(in.uniqueList(i -> i.enumeration(OpenPlan.class)));
          break;
        case "allocatedWorkers":
          b.allocatedWorkers(in.uniqueList(i -> i.enumeration(AllocatedWorker.class)));
          break;
        case "previousReferral":
          b.previousReferral(previousReferral(in));
          break;
        case "hubDisagreementAt":
          b.hubDisagreementAt(in.instant());
          break;
        default:
          throw new AssertionError(name);
      }
    });
    return in.build(CaseHistory.class, b::build);
  }

  static PreviousReferral previousReferral(In in) throws IOException {
    PreviousReferral.Builder b = PreviousReferral.builder();
    Set<String> seen = in.object(PreviousReferral.class, PREVIOUS_REFERRAL, name -> {
      switch (name) {
        case "madeOn":
          b.madeOn(in.date());
          break;
        case "outcome":
          b.outcome(in.enumeration(ReferralOutcome.class));
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(PreviousReferral.class, seen, "madeOn");
    return in.build(PreviousReferral.class, b::build);
  }

  static void writeCaseHistory(CaseHistory h, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("openPlans");
    for (OpenPlan p : h.openPlans()) {
      g.writeString(Names.of(p));
    }
    g.writeEndArray();
    g.writeArrayFieldStart("allocatedWorkers");
    for (AllocatedWorker w : h.allocatedWorkers()) {
      g.writeString(Names.of(w));
    }
    g.writeEndArray();
    if (h.previousReferral().isPresent()) {
      g.writeFieldName("previousReferral");
      writePreviousReferral(h.previousReferral().get(), g);
    }
    if (h.hubDisagreementAt().isPresent()) {
      g.writeStringField("hubDisagreementAt", h.hubDisagreementAt().get().toString());
    }
    g.writeEndObject();
  }

  static void writePreviousReferral(PreviousReferral p, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("madeOn", p.madeOn().toString());
    g.writeStringField("outcome", Names.of(p.outcome()));
    g.writeEndObject();
  }

  /** Writes the issue 11 facts; nothing when none is recorded, so that an @1 referral stays @1. */
  private static void writeHistoryAndProtectiveFacts(Referral r, JsonGenerator g) throws IOException {
    if (!r.caseHistory().isEmpty()) {
      g.writeFieldName("caseHistory");
      writeCaseHistory(r.caseHistory(), g);
    }
    if (!r.protectiveFacts().isEmpty()) {
      g.writeArrayFieldStart("protectiveFacts");
      for (ProtectiveFact f : r.protectiveFacts()) {
        g.writeString(Names.of(f));
      }
      g.writeEndArray();
    }
  }

  // ---- end of issue 11 ---------------------------------------------------------------------------

  // ---- writing ---------------------------------------------------------------------------------
  // Canonical form: fixed property order; every attribute with a value is written, defaults
  // included; absent optional attributes are left out. Never null.

  static void writeReferral(Referral r, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("format", field2(r).isPresent() ? FORMAT_2 : FORMAT);
    g.writeStringField("ref", r.ref().value());
    g.writeStringField("madeAt", r.madeAt().toString());
    g.writeFieldName("referrer");
    writeReferrer(r.referrer(), g);
    g.writeFieldName("household");
    writeHousehold(r.household(), g);
    g.writeArrayFieldStart("referredChildren");
    for (Ref c : r.referredChildren()) {
      g.writeString(c.value());
    }
    g.writeEndArray();
    g.writeObjectFieldStart("exclusions");
    for (Map.Entry<Ref, String> e : r.exclusions().entrySet()) {
      g.writeStringField(e.getKey().value(), e.getValue());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("concerns");
    for (Concern c : r.concerns()) {
      writeConcern(c, g);
    }
    g.writeEndArray();
    g.writeBooleanField("immediateDanger", r.immediateDanger());
    if (r.phoneReferralMadeAt().isPresent()) {
      g.writeStringField("phoneReferralMadeAt", r.phoneReferralMadeAt().get().toString());
    }
    g.writeBooleanField("repeatReferral", r.repeatReferral());
    g.writeFieldName("consent");
    writeConsent(r.consent(), g);
    g.writeFieldName("consentHistory");
    writeConsentHistory(r.consentHistory(), g);
    if (!r.consentByGiver().isEmpty()) {
      g.writeArrayFieldStart("consentByGiver");
      for (GiverConsent c : r.consentByGiver()) {
        writeGiverConsent(c, g);
      }
      g.writeEndArray();
    }
    g.writeArrayFieldStart("sharing");
    for (SharingRecord s : r.sharing()) {
      writeSharing(s, g);
    }
    g.writeEndArray();
    writeHistoryAndProtectiveFacts(r, g);
    g.writeEndObject();
  }

  static void writeGiverConsent(GiverConsent c, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("giver", Names.of(c.giver()));
    if (c.person().isPresent()) {
      g.writeStringField("person", c.person().get().value());
    }
    if (c.competence().isPresent()) {
      g.writeStringField("competence", Names.of(c.competence().get()));
    }
    g.writeStringField("status", Names.of(c.status()));
    if (c.form().isPresent()) {
      g.writeStringField("form", Names.of(c.form().get()));
    }
    if (c.recordedAt().isPresent()) {
      g.writeStringField("recordedAt", c.recordedAt().get().toString());
    }
    g.writeEndObject();
  }

  static void writeConsentHistory(ConsentHistory h, JsonGenerator g) throws IOException {
    g.writeStartArray();
    for (ConsentState s : h.entries()) {
      writeConsent(s, g);
    }
    g.writeEndArray();
  }

  static void writeSharing(SharingRecord s, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("items");
    for (SharedItem item : s.items()) {
      g.writeString(Names.of(item));
    }
    g.writeEndArray();
    optional(g, "description", s.description());
    g.writeStringField("sharedWith", s.sharedWith());
    g.writeStringField("purpose", s.purpose());
    g.writeStringField("basis", Names.of(s.basis()));
    g.writeStringField("sharedAt", s.sharedAt().toString());
    if (s.authorisedBy().isPresent()) {
      g.writeStringField("authorisedBy", Names.of(s.authorisedBy().get()));
    }
    optional(g, "legalBasis", s.legalBasis());
    g.writeEndObject();
  }

  static void writeReferrer(Referrer r, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("agencyType", Names.of(r.agencyType()));
    optional(g, "role", r.role());
    if (r.position().isPresent()) {
      g.writeStringField("position", Names.of(r.position().get()));
    }
    g.writeBooleanField("designatedSafeguardingLead", r.designatedSafeguardingLead());
    if (r.personal().isPresent()) {
      g.writeFieldName("personal");
      writePersonal(r.personal().get(), g);
    }
    g.writeEndObject();
  }

  static void writeHousehold(Household h, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("children");
    for (Child c : h.children()) {
      writeChild(c, g);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("adults");
    for (Adult a : h.adults()) {
      writeAdult(a, g);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  static void writeChild(Child c, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("ref", c.ref().value());
    if (c.personal().isPresent()) {
      g.writeFieldName("personal");
      writePersonal(c.personal().get(), g);
    }
    if (c.dateOfBirth().isPresent()) {
      g.writeStringField("dateOfBirth", c.dateOfBirth().get().toString());
    }
    if (c.expectedDateOfDelivery().isPresent()) {
      g.writeStringField("expectedDateOfDelivery", c.expectedDateOfDelivery().get().toString());
    }
    if (c.approximateAge().isPresent()) {
      ApproximateAge a = c.approximateAge().get();
      g.writeObjectFieldStart("approximateAge");
      g.writeNumberField("years", a.years());
      if (a.months().isPresent()) {
        g.writeNumberField("months", a.months().getAsInt());
      }
      g.writeEndObject();
    }
    if (c.ageUnknown()) {
      g.writeBooleanField("ageUnknown", true);
    }
    g.writeBooleanField("disabled", c.disabled());
    if (c.disabilityUnknown()) {
      g.writeBooleanField("disabilityUnknown", true);
    }
    g.writeBooleanField("disabilityNeedsAssessed", c.disabilityNeedsAssessed());
    g.writeBooleanField("ehcPlan", c.ehcPlan());
    g.writeStringField("mobility", Names.of(c.mobility()));
    if (c.school().isPresent()) {
      g.writeFieldName("school");
      writeSchool(c.school().get(), g);
    }
    g.writeEndObject();
  }

  static void writeAdult(Adult a, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("ref", a.ref().value());
    g.writeStringField("relationship", Names.of(a.relationship()));
    g.writeBooleanField("parentalResponsibility", a.parentalResponsibility());
    if (a.personal().isPresent()) {
      g.writeFieldName("personal");
      writePersonal(a.personal().get(), g);
    }
    g.writeEndObject();
  }

  static void writePersonal(PersonalDetails d, JsonGenerator g) throws IOException {
    g.writeStartObject();
    optional(g, "forenames", d.forenames());
    optional(g, "surname", d.surname());
    optional(g, "nhsNumber", d.nhsNumber());
    optional(g, "uniquePupilNumber", d.uniquePupilNumber());
    optional(g, "address", d.address());
    optional(g, "postcode", d.postcode());
    optional(g, "gender", d.gender());
    optional(g, "ethnicity", d.ethnicity());
    g.writeEndObject();
  }

  static void writeSchool(SchoolAttendance s, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeBooleanField("onRoll", s.onRoll());
    g.writeBooleanField("homeEducated", s.homeEducated());
    if (s.attendancePercent().isPresent()) {
      g.writeNumberField("attendancePercent", s.attendancePercent().getAsInt());
    }
    g.writeEndObject();
  }

  static void writeConcern(Concern c, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("indicator", c.indicator().value());
    g.writeStringField("subject", Names.of(c.subject()));
    g.writeStringField("subjectRef", c.subjectRef().value());
    if (!c.aboutChildren().isEmpty()) {
      g.writeArrayFieldStart("aboutChildren");
      for (Ref ref : c.aboutChildren()) {
        g.writeString(ref.value());
      }
      g.writeEndArray();
    }
    g.writeStringField("observedOn", c.observedOn().toString());
    optional(g, "note", c.note());
    g.writeEndObject();
  }

  static void writeConsent(ConsentState c, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("status", Names.of(c.status()));
    if (c.by().isPresent()) {
      g.writeStringField("by", Names.of(c.by().get()));
    }
    if (c.form().isPresent()) {
      g.writeStringField("form", Names.of(c.form().get()));
    }
    if (c.recordedAt().isPresent()) {
      g.writeStringField("recordedAt", c.recordedAt().get().toString());
    }
    if (c.notSoughtReason().isPresent()) {
      g.writeStringField("notSoughtReason", Names.of(c.notSoughtReason().get()));
    }
    if (c.authorisedBy().isPresent()) {
      g.writeStringField("authorisedBy", Names.of(c.authorisedBy().get()));
    }
    optional(g, "legalBasis", c.legalBasis());
    g.writeEndObject();
  }

  static void optional(JsonGenerator g, String name, Optional<String> value) throws IOException {
    if (value.isPresent()) {
      g.writeStringField(name, value.get());
    }
  }
}
