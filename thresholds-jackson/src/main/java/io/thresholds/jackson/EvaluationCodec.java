package io.thresholds.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import io.thresholds.core.InvalidValueException;
import io.thresholds.core.consent.ConsentCheck;
import io.thresholds.core.consent.ConsentGiver;
import io.thresholds.core.consent.ConsentGuidance;
import io.thresholds.core.consent.ConsentRequirement;
import io.thresholds.core.evaluation.Action;
import io.thresholds.core.evaluation.AgeBasis;
import io.thresholds.core.evaluation.OpenFact;
import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.Deadline;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.Exclusion;
import io.thresholds.core.evaluation.Reason;
import io.thresholds.core.evaluation.ReasonKind;
import io.thresholds.core.evaluation.Scope;
import io.thresholds.core.evaluation.TierRange;
import io.thresholds.core.evaluation.Widening;
import io.thresholds.core.model.Age;
import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.ActionKind;
import io.thresholds.core.policy.Channel;
import io.thresholds.core.policy.Citation;
import io.thresholds.core.policy.Contact;
import io.thresholds.core.policy.Modality;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes {@code thresholds/evaluation@1} and {@code thresholds/evaluation@2} documents and
 * every value inside them. Property names are the accessor names of the core types; see FORMAT.md.
 * An evaluation is written as {@code @1} unless a child's result uses a property only {@code @2}
 * has (an approximate or unknown age, open facts).
 */
final class EvaluationCodec {
  static final String FORMAT = "thresholds/evaluation@1";
  static final String FORMAT_2 = "thresholds/evaluation@2";

  private static final List<String> EVALUATION = List.of("format", "referral", "policyId",
      "policyVersion", "evaluatedAt", "children", "exclusions", "advisory");
  private static final List<String> ASSESSMENT = List.of("child", "age", "ageBasis", "oldestAge",
      "scope", "tierRange", "drivingIndicators", "widenedBy", "openFacts", "reasons", "actions",
      "consent", "notes");
  private static final List<String> AGE = List.of("unborn", "years");
  private static final List<String> RANGE = List.of("min", "max");
  private static final List<String> REASON = List.of("kind", "indicator", "reportedAs", "tier",
      "concernIndex", "explanation", "citation");
  private static final List<String> ACTION = List.of("ruleId", "kind", "modality", "channel",
      "contact", "due", "description", "notes", "blockers", "ready", "citation");
  private static final List<String> CONTACT = List.of("id", "name", "phones", "email", "hours");
  private static final List<String> DEADLINE = List.of("dueBy", "basis");
  private static final List<String> GUIDANCE = List.of("tier", "requirement", "givers",
      "maySeekConsent", "mayTellFamily", "restrictions", "ifWithheld", "check", "missing",
      "mustShareToSafeguard", "citation", "giverNotes", "disagreement", "disagreementCitation");
  private static final List<String> CITATION = List.of("document", "section", "tier", "domain", "area",
      "reading");
  private static final List<String> EXCLUSION = List.of("child", "reason", "decidedBy", "explanation",
      "citation", "sharedConcerns");

  private EvaluationCodec() {}

  static List<String> knownNames(Class<?> type) {
    if (type == Evaluation.class) {
      return EVALUATION;
    } else if (type == ChildAssessment.class) {
      return ASSESSMENT;
    } else if (type == Age.class) {
      return AGE;
    } else if (type == TierRange.class) {
      return RANGE;
    } else if (type == Reason.class) {
      return REASON;
    } else if (type == Action.class) {
      return ACTION;
    } else if (type == Contact.class) {
      return CONTACT;
    } else if (type == Deadline.class) {
      return DEADLINE;
    } else if (type == ConsentGuidance.class) {
      return GUIDANCE;
    } else if (type == Citation.class) {
      return CITATION;
    } else if (type == Exclusion.class) {
      return EXCLUSION;
    }
    return List.of();
  }

  // ---- reading ---------------------------------------------------------------------------------

  static Evaluation evaluation(In in) throws IOException {
    var b = Evaluation.builder();
    String[] format = {FORMAT};
    Set<String> seen = in.object(Evaluation.class, EVALUATION, name -> {
      switch (name) {
        case "format":
          format[0] = in.string();
          if (!FORMAT.equals(format[0]) && !FORMAT_2.equals(format[0])) {
            throw in.mismatch(Evaluation.class,
                "unsupported format: this reader reads " + FORMAT + " and " + FORMAT_2);
          }
          break;
        case "referral":
          b.referral(in.ref());
          break;
        case "policyId":
          b.policyId(in.string());
          break;
        case "policyVersion":
          b.policyVersion(in.string());
          break;
        case "evaluatedAt":
          b.evaluatedAt(in.instant());
          break;
        case "children":
          b.children(in.list(EvaluationCodec::assessment));
          break;
        case "exclusions":
          b.exclusions(in.list(EvaluationCodec::exclusion));
          break;
        case "advisory":
          b.advisory(in.string());
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(Evaluation.class, seen, "format", "referral", "policyId", "policyVersion",
        "evaluatedAt", "children");
    Evaluation e = in.build(Evaluation.class, b::build);
    if (FORMAT.equals(format[0]) && needs2(e)) {
      throw in.mismatch(Evaluation.class, historyNeeds2(e)
          ? "the reason kinds protective and household, the widenings household and child-protection-plan"
              + " and the action kinds step-up,"
              + " step-down and allocated-worker-review need format " + FORMAT_2
          : "ageBasis, oldestAge, openFacts, giverNotes, disagreement(Citation) and the exclusions' decidedBy,"
              + " explanation, citation and sharedConcerns need format " + FORMAT_2);
    }
    return e;
  }

  static ChildAssessment assessment(In in) throws IOException {
    ChildAssessment.Builder b = ChildAssessment.builder();
    Set<String> seen = in.object(ChildAssessment.class, ASSESSMENT, name -> {
      switch (name) {
        case "child":
          b.child(in.ref());
          break;
        case "age":
          b.age(age(in));
          break;
        case "ageBasis":
          b.ageBasis(in.enumeration(AgeBasis.class));
          break;
        case "oldestAge":
          b.oldestAge(age(in));
          break;
        case "openFacts":
          b.openFacts(in.uniqueList(x -> x.enumeration(OpenFact.class)));
          break;
        case "scope":
          b.scope(in.enumeration(Scope.class));
          break;
        case "tierRange":
          b.tierRange(tierRange(in));
          break;
        case "drivingIndicators":
          b.drivingIndicators(in.uniqueList(In::code));
          break;
        case "widenedBy":
          b.widenedBy(in.uniqueList(x -> x.enumeration(Widening.class)));
          break;
        case "reasons":
          b.reasons(in.list(EvaluationCodec::reason));
          break;
        case "actions":
          b.actions(in.list(EvaluationCodec::action));
          break;
        case "consent":
          b.consent(in.list(EvaluationCodec::guidance));
          break;
        case "notes":
          b.notes(in.list(In::string));
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(ChildAssessment.class, seen, "child", "age", "scope");
    return in.build(ChildAssessment.class, b::build);
  }

  static Age age(In in) throws IOException {
    boolean[] unborn = {false};
    int[] years = {0};
    Set<String> seen = in.object(Age.class, AGE, name -> {
      if (name.equals("unborn")) {
        unborn[0] = in.bool();
      } else {
        years[0] = in.integer(0, 150);
      }
    });
    in.require(Age.class, seen, "unborn", "years");
    return in.build(Age.class, () -> unborn[0] ? checkedUnborn(years[0]) : Age.ofYears(years[0]));
  }

  private static Age checkedUnborn(int years) {
    if (years != 0) {
      throw new InvalidValueException("age.years", "must be 0 for an unborn child");
    }
    return Age.unbornChild();
  }

  static TierRange tierRange(In in) throws IOException {
    Tier[] minMax = new Tier[2];
    Set<String> seen = in.object(TierRange.class, RANGE, name -> {
      minMax[name.equals("min") ? 0 : 1] = in.tier();
    });
    in.require(TierRange.class, seen, "min", "max");
    return in.build(TierRange.class, () -> TierRange.of(minMax[0], minMax[1]));
  }

  static Reason reason(In in) throws IOException {
    Reason.Builder b = Reason.builder();
    Set<String> seen = in.object(Reason.class, REASON, name -> {
      switch (name) {
        case "kind":
          b.kind(in.enumeration(ReasonKind.class));
          break;
        case "indicator":
          b.indicator(in.code());
          break;
        case "reportedAs":
          b.reportedAs(in.code());
          break;
        case "tier":
          b.tier(in.tier());
          break;
        case "concernIndex":
          b.concernIndex(in.integer(0, Integer.MAX_VALUE));
          break;
        case "explanation":
          b.explanation(in.string());
          break;
        case "citation":
          b.citation(citation(in));
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(Reason.class, seen, "kind", "tier", "explanation", "citation");
    return in.build(Reason.class, b::build);
  }

  static Action action(In in) throws IOException {
    Action.Builder b = Action.builder();
    Boolean[] ready = {null};
    Set<String> seen = in.object(Action.class, ACTION, name -> {
      switch (name) {
        case "ruleId":
          b.ruleId(in.string());
          break;
        case "kind":
          b.kind(in.enumeration(ActionKind.class));
          break;
        case "modality":
          b.modality(in.enumeration(Modality.class));
          break;
        case "channel":
          b.channel(in.enumeration(Channel.class));
          break;
        case "contact":
          b.contact(contact(in));
          break;
        case "due":
          b.due(deadline(in));
          break;
        case "description":
          b.description(in.string());
          break;
        case "notes":
          b.notes(in.list(In::string));
          break;
        case "blockers":
          b.blockers(in.list(In::string));
          break;
        case "ready":
          ready[0] = in.bool();
          break;
        case "citation":
          b.citation(citation(in));
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(Action.class, seen, "ruleId", "kind", "modality", "channel", "description",
        "citation");
    Action action = in.build(Action.class, b::build);
    if (ready[0] != null && ready[0] != action.ready()) {
      // ready is derived (no blockers); it is written for readers, and checked when read back.
      throw in.mismatch(Action.class, "ready must be true exactly when blockers is empty");
    }
    return action;
  }

  static Contact contact(In in) throws IOException {
    Contact.Builder b = Contact.builder();
    Set<String> seen = in.object(Contact.class, CONTACT, name -> {
      switch (name) {
        case "id":
          b.id(in.string());
          break;
        case "name":
          b.name(in.string());
          break;
        case "phones":
          b.phones(in.list(In::string));
          break;
        case "email":
          b.email(in.string());
          break;
        case "hours":
          b.hours(PolicyCodec.serviceHours(in));
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(Contact.class, seen, "id", "name");
    return in.buildPart(Contact.class, CONTACT, b::build);
  }

  static Deadline deadline(In in) throws IOException {
    Instant[] dueBy = new Instant[1];
    String[] basis = new String[1];
    Set<String> seen = in.object(Deadline.class, DEADLINE, name -> {
      if (name.equals("dueBy")) {
        dueBy[0] = in.instant();
      } else {
        basis[0] = in.string();
      }
    });
    in.require(Deadline.class, seen, "dueBy", "basis");
    return in.build(Deadline.class, () -> Deadline.of(dueBy[0], basis[0]));
  }

  static ConsentGuidance guidance(In in) throws IOException {
    ConsentGuidance.Builder b = ConsentGuidance.builder();
    Set<String> seen = in.object(ConsentGuidance.class, GUIDANCE, name -> {
      switch (name) {
        case "tier":
          b.tier(in.tier());
          break;
        case "requirement":
          b.requirement(in.enumeration(ConsentRequirement.class));
          break;
        case "givers":
          b.givers(in.uniqueList(i -> i.enumeration(ConsentGiver.class)));
          break;
        case "maySeekConsent":
          b.maySeekConsent(in.bool());
          break;
        case "mayTellFamily":
          b.mayTellFamily(in.bool());
          break;
        case "restrictions":
          b.restrictions(in.list(In::string));
          break;
        case "ifWithheld":
          b.ifWithheld(in.string());
          break;
        case "check":
          b.check(in.enumeration(ConsentCheck.class));
          break;
        case "missing":
          b.missing(in.string());
          break;
        case "mustShareToSafeguard":
          b.mustShareToSafeguard(in.bool());
          break;
        case "citation":
          b.citation(citation(in));
          break;
        case "giverNotes":
          b.giverNotes(in.list(In::string));
          break;
        case "disagreement":
          b.disagreement(in.string());
          break;
        case "disagreementCitation":
          b.disagreementCitation(citation(in));
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(ConsentGuidance.class, seen, "tier", "requirement", "givers", "maySeekConsent",
        "mayTellFamily", "ifWithheld", "check", "mustShareToSafeguard", "citation");
    return in.build(ConsentGuidance.class, b::build);
  }

  static Citation citation(In in) throws IOException {
    Citation.Builder b = Citation.builder();
    Set<String> seen = in.object(Citation.class, CITATION, name -> {
      switch (name) {
        case "document":
          b.document(in.string());
          break;
        case "section":
          b.section(in.string());
          break;
        case "tier":
          b.tier(in.tier());
          break;
        case "domain":
          b.domain(in.string());
          break;
        case "area":
          b.area(in.string());
          break;
        case "reading":
          b.reading(in.string());
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(Citation.class, seen, "document", "section");
    return in.buildPart(Citation.class, CITATION, b::build);
  }

  static Exclusion exclusion(In in) throws IOException {
    Exclusion.Builder b = Exclusion.builder();
    Set<String> seen = in.object(Exclusion.class, EXCLUSION, name -> {
      switch (name) {
        case "child":
          b.child(in.ref());
          break;
        case "reason":
          b.reason(in.string());
          break;
        case "decidedBy":
          b.decidedBy(in.string());
          break;
        case "explanation":
          b.explanation(in.string());
          break;
        case "citation":
          b.citation(citation(in));
          break;
        case "sharedConcerns":
          b.sharedConcerns(in.uniqueList(In::code));
          break;
        default:
          throw new AssertionError(name);
      }
    });
    in.require(Exclusion.class, seen, "child", "reason");
    return in.build(Exclusion.class, b::build);
  }

  // ---- writing ---------------------------------------------------------------------------------

  static void writeEvaluation(Evaluation e, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("format", needs2(e) ? FORMAT_2 : FORMAT);
    g.writeStringField("referral", e.referral().value());
    g.writeStringField("policyId", e.policyId());
    g.writeStringField("policyVersion", e.policyVersion());
    g.writeStringField("evaluatedAt", e.evaluatedAt().toString());
    g.writeArrayFieldStart("children");
    for (ChildAssessment c : e.children()) {
      writeAssessment(c, g);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("exclusions");
    for (Exclusion x : e.exclusions()) {
      writeExclusion(x, g);
    }
    g.writeEndArray();
    g.writeStringField("advisory", e.advisory());
    g.writeEndObject();
  }

  static void writeAssessment(ChildAssessment c, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("child", c.child().value());
    g.writeFieldName("age");
    writeAge(c.age(), g);
    if (c.ageBasis() != AgeBasis.EXACT) {
      g.writeStringField("ageBasis", Names.of(c.ageBasis()));
    }
    if (c.oldestAge().isPresent()) {
      g.writeFieldName("oldestAge");
      writeAge(c.oldestAge().get(), g);
    }
    g.writeStringField("scope", Names.of(c.scope()));
    if (c.tierRange().isPresent()) {
      g.writeFieldName("tierRange");
      writeTierRange(c.tierRange().get(), g);
    }
    g.writeArrayFieldStart("drivingIndicators");
    for (IndicatorCode code : c.drivingIndicators()) {
      g.writeString(code.value());
    }
    g.writeEndArray();
    if (!c.widenedBy().isEmpty()) {
      g.writeArrayFieldStart("widenedBy");
      for (Widening w : c.widenedBy()) {
        g.writeString(Names.of(w));
      }
      g.writeEndArray();
    }
    if (!c.openFacts().isEmpty()) {
      g.writeArrayFieldStart("openFacts");
      for (OpenFact f : c.openFacts()) {
        g.writeString(Names.of(f));
      }
      g.writeEndArray();
    }
    g.writeArrayFieldStart("reasons");
    for (Reason r : c.reasons()) {
      writeReason(r, g);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("actions");
    for (Action a : c.actions()) {
      writeAction(a, g);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("consent");
    for (ConsentGuidance cg : c.consent()) {
      writeGuidance(cg, g);
    }
    g.writeEndArray();
    strings(g, "notes", c.notes());
    g.writeEndObject();
  }

  /** True if the evaluation uses a property only {@code thresholds/evaluation@2} has. */
  static boolean needs2(Evaluation e) {
    if (historyNeeds2(e)) {
      return true;
    }
    for (ChildAssessment c : e.children()) {
      if (c.ageBasis() != AgeBasis.EXACT || c.oldestAge().isPresent() || !c.openFacts().isEmpty()) {
        return true;
      }
      for (ConsentGuidance g : c.consent()) {
        if (!g.giverNotes().isEmpty() || g.disagreement().isPresent() || g.disagreementCitation().isPresent()) {
          return true;
        }
      }
    }
    for (Exclusion x : e.exclusions()) {
      if (x.proposed() || !x.sharedConcerns().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Issue 11: a reason or action of a kind {@code evaluation@1} does not have (protective facts,
   * stepping up or down, the allocated worker, another child of the household), or a range widened
   * by a child protection plan or by another child of the household, needs {@code evaluation@2}.
   */
  private static boolean historyNeeds2(Evaluation e) {
    for (ChildAssessment c : e.children()) {
      if (c.widenedBy().contains(Widening.CHILD_PROTECTION_PLAN) || c.widenedBy().contains(Widening.HOUSEHOLD)) {
        return true;
      }
      for (Reason r : c.reasons()) {
        if (r.kind() == ReasonKind.PROTECTIVE || r.kind() == ReasonKind.HOUSEHOLD) {
          return true;
        }
      }
      for (Action a : c.actions()) {
        if (a.kind() == ActionKind.STEP_UP || a.kind() == ActionKind.STEP_DOWN
            || a.kind() == ActionKind.ALLOCATED_WORKER_REVIEW) {
          return true;
        }
      }
    }
    return false;
  }

  static void writeAge(Age a, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeBooleanField("unborn", a.unborn());
    g.writeNumberField("years", a.years());
    g.writeEndObject();
  }

  static void writeTierRange(TierRange r, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeNumberField("min", r.min().number());
    g.writeNumberField("max", r.max().number());
    g.writeEndObject();
  }

  static void writeReason(Reason r, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", Names.of(r.kind()));
    if (r.indicator().isPresent()) {
      g.writeStringField("indicator", r.indicator().get().value());
    }
    if (r.reportedAs().isPresent()) {
      g.writeStringField("reportedAs", r.reportedAs().get().value());
    }
    g.writeNumberField("tier", r.tier().number());
    if (r.concernIndex().isPresent()) {
      g.writeNumberField("concernIndex", r.concernIndex().getAsInt());
    }
    g.writeStringField("explanation", r.explanation());
    g.writeFieldName("citation");
    writeCitation(r.citation(), g);
    g.writeEndObject();
  }

  static void writeAction(Action a, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("ruleId", a.ruleId());
    g.writeStringField("kind", Names.of(a.kind()));
    g.writeStringField("modality", Names.of(a.modality()));
    g.writeStringField("channel", Names.of(a.channel()));
    if (a.contact().isPresent()) {
      g.writeFieldName("contact");
      writeContact(a.contact().get(), g);
    }
    if (a.due().isPresent()) {
      g.writeFieldName("due");
      writeDeadline(a.due().get(), g);
    }
    g.writeStringField("description", a.description());
    strings(g, "notes", a.notes());
    strings(g, "blockers", a.blockers());
    g.writeBooleanField("ready", a.ready());
    g.writeFieldName("citation");
    writeCitation(a.citation(), g);
    g.writeEndObject();
  }

  static void writeContact(Contact c, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", c.id());
    g.writeStringField("name", c.name());
    strings(g, "phones", c.phones());
    ReferralCodec.optional(g, "email", c.email());
    if (c.hours().isPresent()) {
      g.writeStringField("hours", PolicyCodec.hoursText(c.hours().get()));
    }
    g.writeEndObject();
  }

  static void writeDeadline(Deadline d, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("dueBy", d.dueBy().toString());
    g.writeStringField("basis", d.basis());
    g.writeEndObject();
  }

  static void writeGuidance(ConsentGuidance c, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeNumberField("tier", c.tier().number());
    g.writeStringField("requirement", Names.of(c.requirement()));
    g.writeArrayFieldStart("givers");
    for (ConsentGiver giver : c.givers()) {
      g.writeString(Names.of(giver));
    }
    g.writeEndArray();
    g.writeBooleanField("maySeekConsent", c.maySeekConsent());
    g.writeBooleanField("mayTellFamily", c.mayTellFamily());
    strings(g, "restrictions", c.restrictions());
    g.writeStringField("ifWithheld", c.ifWithheld());
    g.writeStringField("check", Names.of(c.check()));
    ReferralCodec.optional(g, "missing", c.missing());
    g.writeBooleanField("mustShareToSafeguard", c.mustShareToSafeguard());
    g.writeFieldName("citation");
    writeCitation(c.citation(), g);
    if (!c.giverNotes().isEmpty()) {
      strings(g, "giverNotes", c.giverNotes());
    }
    ReferralCodec.optional(g, "disagreement", c.disagreement());
    if (c.disagreementCitation().isPresent()) {
      g.writeFieldName("disagreementCitation");
      writeCitation(c.disagreementCitation().get(), g);
    }
    g.writeEndObject();
  }

  static void writeCitation(Citation c, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("document", c.document());
    g.writeStringField("section", c.section());
    if (c.tier().isPresent()) {
      g.writeNumberField("tier", c.tier().get().number());
    }
    ReferralCodec.optional(g, "domain", c.domain());
    ReferralCodec.optional(g, "area", c.area());
    ReferralCodec.optional(g, "reading", c.reading());
    g.writeEndObject();
  }

  static void writeExclusion(Exclusion x, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("child", x.child().value());
    g.writeStringField("reason", x.reason());
    ReferralCodec.optional(g, "decidedBy", x.decidedBy());
    ReferralCodec.optional(g, "explanation", x.explanation());
    if (x.citation().isPresent()) {
      g.writeFieldName("citation");
      writeCitation(x.citation().get(), g);
    }
    if (!x.sharedConcerns().isEmpty()) {
      g.writeArrayFieldStart("sharedConcerns");
      for (IndicatorCode code : x.sharedConcerns()) {
        g.writeString(code.value());
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
