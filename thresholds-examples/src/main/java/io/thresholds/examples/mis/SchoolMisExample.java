package io.thresholds.examples.mis;

import io.thresholds.core.consent.ConsentForm;
import io.thresholds.core.consent.ConsentGiver;
import io.thresholds.core.consent.ConsentState;
import io.thresholds.core.consent.NotSoughtReason;
import io.thresholds.core.evaluation.Action;
import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.Adult;
import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Household;
import io.thresholds.core.model.Mobility;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Referrer;
import io.thresholds.core.model.Relationship;
import io.thresholds.core.model.SchoolAttendance;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.policy.Contact;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.Policy;
import io.thresholds.forms.FormData;
import io.thresholds.forms.Forms;
import io.thresholds.forms.ReferralForm;
import io.thresholds.forms.prefill.FormPrefiller;
import io.thresholds.forms.prefill.PrefilledForm;
import io.thresholds.forms.validation.FormValidator;
import io.thresholds.forms.validation.RuleCodes;
import io.thresholds.forms.validation.Violation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a school management information system (MIS) embeds the SDK: its own records become a
 * {@link Referral}, {@link ThresholdEvaluator} evaluates it, the MIS shows the actions on its
 * safeguarding screen and drafts the Multi-Agency Referral Form when the advice calls for one. Run
 * {@link #main} for a demonstration.
 *
 * <p>The records below stand for what an MIS holds; yours will differ. What carries over: use the
 * MIS's internal ids as references (pseudonymous: never a name or a Unique Pupil Number); map the
 * school's own safeguarding-log categories to the policy's indicator codes once, in one table that
 * the designated safeguarding lead reviews; refer or exclude, with a reason, every child of the
 * household the school knows; pass the time in, never read the clock inside.
 */
public final class SchoolMisExample {
  private SchoolMisExample() {}

  // ---- the school's own records -----------------------------------------------------------------

  /**
   * A pupil as the MIS holds it.
   *
   * @param misId the MIS's internal id, e.g. {@code pupil-4711}
   * @param dateOfBirth the date of birth
   * @param attendancePercent this year's attendance
   * @param ehcPlan has an Education, Health and Care plan
   */
  public record Pupil(String misId, LocalDate dateOfBirth, int attendancePercent, boolean ehcPlan) {}

  /**
   * A brother or sister in the household.
   *
   * @param misId the MIS's id (or one the school makes up for a child it does not teach)
   * @param dateOfBirth the date of birth
   * @param notReferredBecause why the child is not referred, or empty to refer the child too
   */
  public record Sibling(String misId, LocalDate dateOfBirth, Optional<String> notReferredBecause) {}

  /**
   * An adult at the pupil's home, from the MIS's contacts.
   *
   * @param misId the MIS's contact id
   * @param relationship the MIS's relationship text ("Mother", "Stepfather", "Grandmother", ...)
   * @param parentalResponsibility whether the MIS records parental responsibility
   */
  public record HomeContact(String misId, String relationship, boolean parentalResponsibility) {}

  /**
   * An entry of the school's safeguarding log, in the school's own categories.
   *
   * @param category the school's category, e.g. {@code young-carer}
   * @param aboutMisId whom it is about: the pupil's or a contact's id
   * @param loggedOn the day it was observed
   */
  public record LogEntry(String category, String aboutMisId, LocalDate loggedOn) {}

  /** What the school recorded about asking the parents. */
  public enum ParentsAsked {
    /** Not asked yet. */
    NOT_YET,
    /** Agreed, on the phone or in person. */
    AGREED_VERBALLY,
    /** Agreed in writing. */
    AGREED_IN_WRITING,
    /** Refused. */
    REFUSED,
    /** Not asked: asking could put the child at greater risk. */
    NOT_ASKED_UNSAFE
  }

  /**
   * The school's log categories and the indicator each records, with whom it is about. Reviewed by
   * the designated safeguarding lead against {@code thresholds indicators}; a category missing here
   * is reported, never guessed.
   */
  static final Map<String, String> CATEGORIES = Map.of(
      "young-carer", "T2-FAM-YOUNG-CARER-NEEDS",
      "bullying", "T2-FAM-BULLYING-DISCRIMINATION",
      "low-mood", "T2-DEV-MENTAL-HEALTH-NEEDS",
      "self-harm", "T3-DEV-FREQUENT-SELF-HARM",
      "missing-from-home", "T2-DEV-OCCASIONALLY-MISSING",
      "parent-substance-misuse", "T2-PAR-PARENTAL-SUBSTANCE-USE",
      "parent-mental-health", "T2-PAR-PARENTAL-EPISODIC-ILL-HEALTH",
      "domestic-abuse-at-home", "T3-PAR-SERIOUS-PERSISTENT-VIOLENCE",
      "disclosure-of-abuse", "T4-S47-SEXUAL-ABUSE-DISCLOSURE");

  /**
   * A referral built from the MIS's records, and the log entries it could not use.
   *
   * @param referral the referral
   * @param unmapped log categories with no indicator: show them to the designated safeguarding lead
   */
  public record Prepared(Referral referral, List<String> unmapped) {}

  // ---- records to referral ----------------------------------------------------------------------

  /**
   * Builds the referral from the school's records.
   *
   * @param caseId the MIS's id of this safeguarding case, used as the referral's reference
   * @param pupil the pupil
   * @param siblings the pupil's brothers and sisters
   * @param home the adults at the pupil's home
   * @param log the safeguarding log entries to refer on
   * @param asked whether the parents were asked
   * @param askedAt when they were asked (ignored for {@link ParentsAsked#NOT_YET})
   * @param fromTheSafeguardingLead whether the designated safeguarding lead makes the referral
   * @param now the time of the referral
   * @return the referral and the categories that could not be mapped
   */
  public static Prepared referral(String caseId, Pupil pupil, List<Sibling> siblings, List<HomeContact> home,
      List<LogEntry> log, ParentsAsked asked, Instant askedAt, boolean fromTheSafeguardingLead, Instant now) {
    Ref child = Ref.of(pupil.misId());
    Household.Builder household = Household.builder().addChildren(Child.builder()
        .ref(child)
        .dateOfBirth(pupil.dateOfBirth())
        .mobility(Mobility.MOBILE)
        .ehcPlan(pupil.ehcPlan())
        .school(SchoolAttendance.builder().onRoll(true).attendancePercent(pupil.attendancePercent()).build())
        .build());
    Referral.Builder referral = Referral.builder()
        .ref(Ref.of(caseId))
        .referrer(Referrer.builder().agencyType(AgencyType.SCHOOL).designatedSafeguardingLead(fromTheSafeguardingLead).build())
        .madeAt(now)
        .addReferredChildren(child);
    for (Sibling s : siblings) {
      household.addChildren(Child.builder().ref(Ref.of(s.misId())).dateOfBirth(s.dateOfBirth()).build());
      if (s.notReferredBecause().isPresent()) {
        referral.putExclusions(Ref.of(s.misId()), s.notReferredBecause().get());
      } else {
        referral.addReferredChildren(Ref.of(s.misId()));
      }
    }
    for (HomeContact c : home) {
      household.addAdults(Adult.builder()
          .ref(Ref.of(c.misId()))
          .relationship(relationship(c.relationship()))
          .parentalResponsibility(c.parentalResponsibility())
          .build());
    }
    List<String> unmapped = new ArrayList<>();
    for (LogEntry e : log) {
      String code = CATEGORIES.get(e.category());
      if (code == null) {
        unmapped.add(e.category());
        continue;
      }
      SubjectKind about = e.aboutMisId().equals(pupil.misId()) ? SubjectKind.CHILD : SubjectKind.PARENT_CARER;
      referral.addConcerns(Concern.of(code, about, Ref.of(e.aboutMisId()), e.loggedOn()));
    }
    referral.household(household.build()).consent(consent(asked, askedAt));
    return new Prepared(referral.build(), List.copyOf(unmapped));
  }

  private static Relationship relationship(String mis) {
    switch (mis.toLowerCase(Locale.ROOT)) {
      case "mother":
        return Relationship.MOTHER;
      case "father":
        return Relationship.FATHER;
      case "stepmother":
      case "stepfather":
        return Relationship.STEP_PARENT;
      case "grandmother":
      case "grandfather":
        return Relationship.GRANDPARENT;
      case "foster carer":
        return Relationship.FOSTER_CARER;
      default:
        return Relationship.OTHER;
    }
  }

  private static ConsentState consent(ParentsAsked asked, Instant at) {
    switch (asked) {
      case AGREED_VERBALLY:
        return ConsentState.given(ConsentGiver.PARENTAL_RESPONSIBILITY, ConsentForm.VERBAL, at);
      case AGREED_IN_WRITING:
        return ConsentState.given(ConsentGiver.PARENTAL_RESPONSIBILITY, ConsentForm.WRITTEN, at);
      case REFUSED:
        return ConsentState.withheld(ConsentGiver.PARENTAL_RESPONSIBILITY, at);
      case NOT_ASKED_UNSAFE:
        return ConsentState.notSoughtUnsafe(NotSoughtReason.INCREASED_RISK_TO_CHILD, at);
      case NOT_YET:
      default:
        return ConsentState.notYetSought();
    }
  }

  // ---- evaluation to screen ---------------------------------------------------------------------

  /**
   * The lines of the MIS's safeguarding screen: per referred child the suggested tier and the
   * actions in order, each with how firmly, whom to contact, by when (local time) and what it waits
   * for; then the reminder that the professional decides.
   *
   * @param policy the policy evaluated against (tier names, time zone)
   * @param evaluation the result
   * @return the lines
   */
  public static List<String> screen(Policy policy, Evaluation evaluation) {
    DateTimeFormatter when = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK).withZone(policy.zone());
    List<String> lines = new ArrayList<>();
    for (ChildAssessment a : evaluation.children()) {
      lines.add(a.child() + ": " + a.tierRange()
          .map(r -> r + " - " + policy.tier(r.min()).name() + (r.isSingle() ? "" : " to " + policy.tier(r.max()).name()))
          .orElse("out of scope (adult)"));
      int n = 1;
      for (Action action : a.actions()) {
        StringBuilder b = new StringBuilder("  ").append(n++).append(". ")
            .append(action.modality().name()).append(": ").append(action.description());
        action.contact().ifPresent(c -> b.append(" Contact: ").append(contact(c)).append('.'));
        action.due().ifPresent(d -> b.append(" By ").append(when.format(d.dueBy())).append('.'));
        if (!action.ready()) {
          b.append(" Waiting for: ").append(String.join("; ", action.blockers())).append('.');
        }
        lines.add(b.toString());
      }
    }
    lines.add(evaluation.advisory());
    return lines;
  }

  // ---- evaluation to a prefilled MARF --------------------------------------------------------------

  /**
   * The member of staff making the referral, from the MIS's staff records: the MARF's referrer
   * section, which the referral itself (references and codes only) does not carry.
   *
   * @param name the name
   * @param role the role, e.g. "Designated Safeguarding Lead"
   * @param school the school, as the MARF's agency
   * @param phone a UK phone number
   * @param email an email address
   */
  public record StaffMember(String name, String role, String school, String phone, String email) {}

  /**
   * Drafts the Multi-Agency Referral Form for a referred child when the advice calls for one (an
   * early help, written or MACE referral): {@link FormPrefiller} fills what the referral and the
   * evaluation say (referral type, date, household, the needs found with their citations, consent)
   * and the MIS adds the referrer's details from its staff records. The draft is not yet valid: the
   * narrative and the signatures are the referrer's; {@link #marfScreen} lists what is left.
   *
   * @param policy the policy evaluated against
   * @param referral the referral
   * @param evaluation its evaluation
   * @param child the referred child, e.g. the pupil's MIS id
   * @param from the member of staff making the referral
   * @return the draft, or empty if the advice does not call for a MARF for this child
   */
  public static Optional<PrefilledForm> marf(Policy policy, Referral referral, Evaluation evaluation, Ref child,
      StaffMember from) {
    PrefilledForm draft = FormPrefiller.of(policy, Forms.cityOfLondon())
        .prefill(referral, evaluation, child)
        .get(ReferralForm.MARF);
    if (draft == null) {
      return Optional.empty();
    }
    FormData data = draft.data().toBuilder()
        .set("referrer.name", from.name())
        .set("referrer.role", from.role())
        .set("referrer.agency", from.school())
        .set("referrer.phone", from.phone())
        .set("referrer.email", from.email())
        .build();
    return Optional.of(PrefilledForm.builder().from(draft).data(data).build());
  }

  /**
   * The lines of the MIS's MARF screen: each answer prefilled, what the prefiller leaves to the
   * referrer, and the required questions not yet answered (checked with {@link FormValidator}).
   *
   * @param marf the draft from {@link #marf}
   * @param today the day, in the policy's time zone
   * @return the lines
   */
  public static List<String> marfScreen(PrefilledForm marf, LocalDate today) {
    List<String> lines = new ArrayList<>();
    lines.add("MARF draft (" + marf.schema().title() + "), " + marf.data().fieldIds().size() + " answers prefilled:");
    marf.data().values().forEach((field, value) -> lines.add("  " + field + ": " + value));
    marf.notes().forEach(n -> lines.add("  To do: " + n));
    List<String> unanswered;
    try (FormValidator validator = FormValidator.create()) {
      unanswered = validator.validate(marf.schema(), marf.data(), today).stream()
          .filter(v -> v.code().equals(RuleCodes.REQUIRED))
          .map(Violation::field)
          .collect(Collectors.toList());
    }
    lines.add("  Still to answer: " + String.join(", ", unanswered));
    return lines;
  }

  private static String contact(Contact c) {
    return c.name() + (c.phones().isEmpty() ? "" : ", " + String.join(" or ", c.phones()));
  }

  // ---- demonstration ----------------------------------------------------------------------------

  /**
   * Builds a referral from invented records of a 12-year-old young carer with low attendance,
   * evaluates it, prints the screen and the prefilled MARF.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Instant now = Instant.parse("2025-11-21T10:15:00Z"); // a real MIS passes Instant.now(clock)
    Prepared prepared = referral(
        "case-2025-0042",
        new Pupil("pupil-4711", LocalDate.of(2013, 5, 14), 84, false),
        List.of(new Sibling("pupil-4712", LocalDate.of(2016, 2, 3),
            Optional.of("No concerns recorded; the younger sibling's class teacher sees no change."))),
        List.of(new HomeContact("contact-88", "Mother", true)),
        List.of(new LogEntry("young-carer", "pupil-4711", LocalDate.of(2025, 11, 18)),
            new LogEntry("parent-mental-health", "contact-88", LocalDate.of(2025, 11, 19)),
            new LogEntry("uniform", "pupil-4711", LocalDate.of(2025, 11, 20))),
        ParentsAsked.AGREED_VERBALLY, Instant.parse("2025-11-21T09:40:00Z"), true, now);
    Policy policy = Policies.cityOfLondon();
    Evaluation evaluation = ThresholdEvaluator.of(policy).evaluate(prepared.referral(), now);
    screen(policy, evaluation).forEach(System.out::println);
    if (!prepared.unmapped().isEmpty()) {
      System.out.println("Not assessed (no indicator for these log categories): " + prepared.unmapped());
    }
    StaffMember dsl = new StaffMember("A. Teacher", "Designated Safeguarding Lead", "Example Primary School",
        "020 7946 0000", "dsl@example.org");
    marf(policy, prepared.referral(), evaluation, Ref.of("pupil-4711"), dsl).ifPresent(marf -> {
      System.out.println();
      marfScreen(marf, LocalDate.ofInstant(now, policy.zone())).forEach(System.out::println);
    });
  }
}
