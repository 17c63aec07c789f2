package io.thresholds.forms.prefill;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.consent.Competence;
import io.thresholds.core.consent.ConsentForm;
import io.thresholds.core.consent.ConsentGiver;
import io.thresholds.core.consent.ConsentState;
import io.thresholds.core.consent.ConsentStatus;
import io.thresholds.core.consent.GiverConsent;
import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.Reason;
import io.thresholds.core.evaluation.ReasonKind;
import io.thresholds.core.evaluation.TierRange;
import io.thresholds.core.model.Adult;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.PersonalDetails;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Relationship;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.Indicator;
import io.thresholds.core.policy.Policy;
import io.thresholds.forms.FormData;
import io.thresholds.forms.FormPack;
import io.thresholds.forms.FormSchema;
import io.thresholds.forms.ReferralForm;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Prefills the forms an evaluation calls for from the referral: the MARF for a written or early
 * help referral, with the MACE form and the Prevent form when the advice includes those referrals.
 *
 * <p>What it fills (field ids of the City of London forms; a pack without a field simply does not
 * get that answer): the referral type from the suggested tier (Tier 3 or 4, or a range reaching
 * Tier 3, is a children's social care referral; otherwise early help) and new or repeat; the
 * referral date; the referrer's name and role; the child's details; everyone else in the household
 * with their relationship and whether they are referred too; the needs found, each with the
 * document's citation, and the practitioner's notes; consent from those with parental
 * responsibility (from each person's recorded decision where the referral has them). It never
 * invents the narrative (what is working well, goals, next steps) or a choice the professional must
 * make (the SAFEGUARD risk factors); the notes say what is left.
 *
 * <p>It never makes up a date of birth: for a child whose age is approximate or unknown a date
 * field is left blank with a note (the Prevent form's "approximate age, if the date of birth is not
 * known" gets the approximate age's years). A concern about particular children of the household
 * goes only into their forms, and names the child in the MARF's "the child a specific concern is
 * about"; a provisional result and a phone referral already made are noted.
 */
public final class FormPrefiller {
  private final Policy policy;
  private final FormPack pack;

  private FormPrefiller(Policy policy, FormPack pack) {
    this.policy = policy;
    this.pack = pack;
  }

  /**
   * @param policy the policy the evaluation was made with (for its catalogue and time zone)
   * @param pack the partnership's forms
   * @return a prefiller
   */
  public static FormPrefiller of(Policy policy, FormPack pack) {
    return new FormPrefiller(Objects.requireNonNull(policy, "policy"), Objects.requireNonNull(pack, "pack"));
  }

  /**
   * The forms the evaluation calls for for one referred child, prefilled.
   *
   * @param referral the referral
   * @param evaluation its evaluation
   * @param child the referred child
   * @return the prefilled forms by kind, in appendix order; empty if no form is called for
   * @throws InvalidValueException if the evaluation is not of this referral, or the child was not referred
   */
  public Map<ReferralForm, PrefilledForm> prefill(Referral referral, Evaluation evaluation, Ref child) {
    ChildAssessment a = assessment(referral, evaluation, child);
    Map<ReferralForm, PrefilledForm> out = new EnumMap<>(ReferralForm.class);
    for (ReferralForm f : ReferralForm.calledFor(a)) {
      Optional<FormSchema> schema = pack.form(f);
      if (schema.isPresent()) {
        out.put(f, fill(f, schema.get(), referral, evaluation, a));
      }
    }
    return out;
  }

  /**
   * Prefills one form whether or not the evaluation calls for it.
   *
   * @param form which form
   * @param referral the referral
   * @param evaluation its evaluation
   * @param child the referred child
   * @return the prefilled form
   * @throws InvalidValueException if the pack has no such form, the evaluation is not of this
   *     referral, or the child was not referred
   */
  public PrefilledForm prefill(ReferralForm form, Referral referral, Evaluation evaluation, Ref child) {
    FormSchema schema = pack.form(form)
        .orElseThrow(() -> new InvalidValueException("form", "the form pack has no " + form.id() + " form"));
    return fill(form, schema, referral, evaluation, assessment(referral, evaluation, child));
  }

  private static ChildAssessment assessment(Referral referral, Evaluation evaluation, Ref child) {
    if (!evaluation.referral().equals(referral.ref())) {
      throw new InvalidValueException("evaluation.referral", "is not the evaluation of this referral");
    }
    return evaluation.child(child)
        .orElseThrow(() -> new InvalidValueException("child", "was not referred in this evaluation"));
  }

  private PrefilledForm fill(ReferralForm form, FormSchema schema, Referral r, Evaluation e, ChildAssessment a) {
    Draft d = new Draft(schema);
    switch (form) {
      case MARF:
        marf(d, r, a, e.evaluatedAt());
        break;
      case MACE:
        mace(d, r, a);
        break;
      case PREVENT:
        prevent(d, r, a);
        break;
      default:
        throw new AssertionError(form);
    }
    return PrefilledForm.builder().schema(schema).data(d.data.build()).notes(d.notes).build();
  }

  private void marf(Draft d, Referral r, ChildAssessment a, Instant evaluatedAt) {
    Optional<TierRange> range = a.tierRange();
    if (range.isPresent()) {
      boolean social = range.get().max().isAtLeast(Tier.HIGH_OR_COMPLEX);
      d.set("referralType.service", social ? "CHILDRENS_SOCIAL_CARE" : "EARLY_HELP");
      if (social && !range.get().min().isAtLeast(Tier.HIGH_OR_COMPLEX)) {
        d.note("referralType.service: the suggested range spans early help and children's social care;"
            + " the higher was chosen, the professional decides.");
      }
    } else {
      d.note("referralType.service: the person is outside the children's thresholds; choose the service.");
    }
    provisional(d, a);
    d.set("referralType.newOrRepeat", r.repeatReferral() ? "REPEAT" : "NEW");
    d.set("referrer.date", today(r).toString());
    if (r.phoneReferralMadeAt().isPresent()) {
      d.note("A phone referral was already made (recorded in the referral): this written referral"
          + " follows it; the evaluation gives when it is due.");
    }
    r.referrer().personal().flatMap(FormPrefiller::name).ifPresent(n -> d.set("referrer.name", n));
    r.referrer().role().ifPresent(role -> d.set("referrer.role", role));
    r.referrer().personal().flatMap(PersonalDetails::postcode).ifPresent(p -> d.set("referrer.postcode", p));
    Child child = r.household().child(a.child()).orElseThrow();
    child.personal().ifPresent(p -> {
      p.forenames().ifPresent(v -> d.set("child.forenames", v));
      p.surname().ifPresent(v -> d.set("child.surname", v));
      address(p).ifPresent(v -> d.set("child.address", v));
      p.ethnicity().ifPresent(v -> d.set("child.ethnicity", v));
      p.gender().ifPresent(v -> d.set("child.gender", v));
      p.nhsNumber().ifPresent(v -> d.set("child.nhsNumber", v));
      p.uniquePupilNumber().ifPresent(v -> d.set("child.upn", v));
    });
    birthOrDue(child).ifPresent(v -> d.set("child.dateOfBirthOrEdd", v));
    noDateOfBirth(d, "child.dateOfBirthOrEdd", child);
    if (aboutThisChildInParticular(r, a.child())) {
      child.personal().flatMap(FormPrefiller::name).ifPresent(n -> d.set("worries.childNamed", n));
    }
    List<Object> members = new ArrayList<>();
    boolean memberAgeNotKnown = false;
    for (Child c : r.household().children()) {
      if (!c.ref().equals(a.child())) {
        Map<String, Object> row = person(c.personal());
        birthOrDue(c).ifPresent(v -> row.put("dateOfBirthOrEdd", v));
        memberAgeNotKnown |= !c.hasExactAge();
        row.put("relationship", "Child in the household");
        row.put("alsoReferred", r.referredChildren().contains(c.ref()));
        members.add(row);
      }
    }
    for (Adult ad : r.household().adults()) {
      Map<String, Object> row = person(ad.personal());
      row.put("relationship", relationship(ad.relationship()));
      members.add(row);
    }
    if (!members.isEmpty()) {
      d.set("household.members", members);
      if (memberAgeNotKnown) {
        d.note("household.members: the date of birth of a child in the household is not known (the"
            + " referral gives an approximate age or none); it is left blank.");
      }
    }
    String needs = needs(r, a);
    if (!needs.isEmpty()) {
      d.set("worries.needs", needs);
    }
    consent(d, r, a.child(), evaluatedAt);
    caseHistory(d, r);
    d.note("The narrative questions (agency involvement, past harm, future risk, what is working well,"
        + " goals, views, next steps) and the signatures are the referrer's to complete.");
  }

  /**
   * Issue 11: an open early help plan means an Early Help Assessment was completed (section 7: the
   * assessment informs the plan); without one the answer is left to the referrer, as an unrecorded
   * plan is not a "no". Protective facts are named in a note for "what is working well", which
   * stays the referrer's own words.
   */
  private static void caseHistory(Draft d, Referral r) {
    if (r.caseHistory().openPlans().contains(io.thresholds.core.model.OpenPlan.EARLY_HELP)) {
      d.set("agency.earlyHelpAssessment", "YES");
      d.note("agency.earlyHelpAssessment: the referral records an open early help plan; attach the Early"
          + " Help Assessment.");
    }
    if (!r.protectiveFacts().isEmpty()) {
      d.note("workingWell.strengths: the referral records protective facts ("
          + r.protectiveFacts().stream().map(f -> f.name().toLowerCase(Locale.ROOT).replace('_', ' '))
              .collect(java.util.stream.Collectors.joining("; "))
          + "); describe them in your own words, as sustained over time and related to the needs.");
    }
  }

  private void mace(Draft d, Referral r, ChildAssessment a) {
    r.referrer().personal().flatMap(FormPrefiller::name).ifPresent(n -> d.set("referringProfessional.name", n));
    Child child = r.household().child(a.child()).orElseThrow();
    child.personal().ifPresent(p -> {
      p.forenames().ifPresent(v -> d.set("subject.firstName", v));
      p.surname().ifPresent(v -> d.set("subject.surname", v));
      p.ethnicity().ifPresent(v -> d.set("subject.ethnicity", v));
      address(p).ifPresent(v -> d.set("subject.address", v));
    });
    child.dateOfBirth().ifPresent(v -> d.set("subject.dateOfBirth", v.toString()));
    noDateOfBirth(d, "subject.dateOfBirth", child);
    List<Object> family = new ArrayList<>();
    for (Adult ad : r.household().adults()) {
      Map<String, Object> row = new LinkedHashMap<>();
      ad.personal().flatMap(FormPrefiller::name).ifPresent(n -> row.put("name", n));
      row.put("relationship", relationship(ad.relationship()));
      family.add(row);
    }
    if (!family.isEmpty()) {
      d.set("family.members", family.subList(0, Math.min(family.size(), 8)));
    }
    String needs = needs(r, a);
    if (!needs.isEmpty()) {
      d.set("riskFactors.concerns", needs);
    }
    d.note("riskFactors.safeguard: mark the SAFEGUARD risk factors that apply; the duty social worker"
        + " completes this form with the referring agency.");
  }

  private void prevent(Draft d, Referral r, ChildAssessment a) {
    Child child = r.household().child(a.child()).orElseThrow();
    child.personal().ifPresent(p -> {
      p.forenames().ifPresent(v -> d.set("individual.forenames", v));
      p.surname().ifPresent(v -> d.set("individual.surname", v));
      p.gender().ifPresent(v -> d.set("individual.gender", v));
      address(p).ifPresent(v -> d.set("individual.addresses", List.of(v)));
    });
    child.dateOfBirth().ifPresent(v -> d.set("individual.dateOfBirth", v.toString()));
    // The Prevent form asks for the date of birth or, if it is not known, an approximate age (in
    // whole years); the MARF and the MACE form ask for a date only.
    child.approximateAge().ifPresent(v -> d.setAge("individual.approxAge", v.years()));
    if (child.ageUnknown()) {
      d.note("individual.dateOfBirth: the referral does not know the age; give the date of birth or an"
          + " approximate age.");
    }
    String needs = needs(r, a);
    if (!needs.isEmpty()) {
      d.set("concern.description", needs);
    }
    r.concerns().stream()
        .filter(c -> c.appliesTo(a.child()))
        .map(Concern::observedOn)
        .min(LocalDate::compareTo)
        .ifPresent(v -> d.set("dates.concernArose", v.toString()));
    d.set("dates.referred", today(r).toString());
    r.referrer().personal().ifPresent(p -> {
      p.forenames().ifPresent(v -> d.set("firstIdentifiedBy.forename", v));
      p.surname().ifPresent(v -> d.set("firstIdentifiedBy.surname", v));
    });
    r.referrer().role().ifPresent(v -> d.set("firstIdentifiedBy.roleAndOrganisation", v));
    d.note("safeguarding: answer each question; a Yes needs its description.");
  }

  /**
   * Issue 11: where the referral records each person's decision ({@code consentByGiver}), the MARF's
   * "consent from those with parental responsibility" follows the decisions of those with parental
   * responsibility known when the evaluation was made (the young person's only for this child, as the
   * evaluator reads them): a refusal by any of them is "not obtained" (the SDK's reading, as in the
   * consent guidance); consent given by one or more and refused by none is the form in which they
   * gave it, left blank with a note when some gave it verbally and some in writing; otherwise it is
   * left blank. A decision of the referral itself (not sought because unsafe, shared without consent)
   * keeps its answer. Each person's decision is listed in a note, by reference and relationship only,
   * with when it was recorded; nothing goes into the free-text reason or the signatures, which stay
   * the referrer's.
   */
  private void consent(Draft d, Referral r, Ref child, Instant at) {
    List<GiverConsent> givers = new ArrayList<>();
    boolean later = false;
    for (GiverConsent g : r.decisionsAbout(child)) {
      if (g.recordedAt().map(t -> t.isAfter(at)).orElse(false)) {
        later = true;
        continue;
      }
      givers.add(g);
    }
    if (later) {
      d.note("consent.parentalConsent: a decision on consent is recorded after the time of the evaluation;"
          + " evaluate again to use it.");
    }
    if (givers.isEmpty() || r.consent().status() != ConsentStatus.NOT_YET_SOUGHT) {
      consent(d, r.consent());
    }
    if (givers.isEmpty()) {
      return;
    }
    for (GiverConsent g : givers) {
      d.note("consent: " + describe(r, g) + ".");
    }
    if (r.consent().status() != ConsentStatus.NOT_YET_SOUGHT) {
      return;
    }
    List<GiverConsent> parents = new ArrayList<>();
    for (GiverConsent g : givers) {
      if (g.giver() == ConsentGiver.PARENTAL_RESPONSIBILITY) {
        parents.add(g);
      }
    }
    Set<ConsentForm> forms = EnumSet.noneOf(ConsentForm.class);
    boolean refused = false;
    for (GiverConsent g : parents) {
      refused |= g.refused();
      g.form().ifPresent(forms::add);
    }
    if (refused) {
      d.set("consent.parentalConsent", "NOT_OBTAINED");
      d.note("consent.reason: say why consent was not obtained (a person with parental responsibility"
          + " refused; see their decisions above).");
    } else if (forms.size() == 1) {
      d.set("consent.parentalConsent", forms.iterator().next().name());
    } else if (forms.size() > 1) {
      d.note("consent.parentalConsent: those with parental responsibility gave consent, some verbally and"
          + " some in writing; choose the answer.");
    } else if (parents.isEmpty()) {
      d.note("consent.parentalConsent: the referral records no decision of those with parental"
          + " responsibility.");
    } else {
      d.note("consent.parentalConsent: consent has not been sought yet from those with parental"
          + " responsibility.");
    }
    for (GiverConsent g : givers) {
      boolean parentsGave = !forms.isEmpty() && !refused;
      if (g.giver() == ConsentGiver.YOUNG_PERSON && g.decides()
          && (g.refused() && parentsGave || g.status() == ConsentStatus.GIVEN && refused)) {
        d.note("consent.parentalConsent: the young person's decision differs from that of those with"
            + " parental responsibility; the consent guidance of the evaluation says what follows.");
      }
    }
  }

  /** One person's decision, by reference and relationship only (never a name), with when it was recorded. */
  private String describe(Referral r, GiverConsent g) {
    String who;
    if (g.giver() == ConsentGiver.YOUNG_PERSON) {
      who = "the young person" + g.person().map(p -> " (" + p + ")").orElse("") + ", "
          + (g.competence().orElseThrow() == Competence.JUDGED_COMPETENT
              ? "judged of sufficient age and understanding,"
              : g.competence().orElseThrow() == Competence.JUDGED_NOT_COMPETENT
                  ? "judged not of sufficient age and understanding,"
                  : "whose understanding is not assessed yet,");
    } else {
      who = "a person with parental responsibility" + g.person()
          .map(p -> " (" + p + r.household().adult(p).map(a -> ", " + relationship(a.relationship())
              .toLowerCase(Locale.ROOT)).orElse("") + ")")
          .orElse(" not recorded in the household");
    }
    String when = g.recordedAt().map(t -> ", recorded " + LocalDateTime.ofInstant(t, policy.zone())
        .truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' ')).orElse("");
    switch (g.status()) {
      case GIVEN:
        return who + " gave consent " + (g.form().orElseThrow() == ConsentForm.WRITTEN ? "in writing" : "verbally") + when;
      case WITHHELD:
        return who + " withheld consent" + when;
      case WITHDRAWN:
        return who + " withdrew consent" + when;
      default:
        return who + " has not been asked yet";
    }
  }

  private void consent(Draft d, ConsentState c) {
    switch (c.status()) {
      case GIVEN:
        if (c.by().orElse(null) == ConsentGiver.PARENTAL_RESPONSIBILITY) {
          d.set("consent.parentalConsent", c.form().orElseThrow().name());
        } else {
          d.note("consent.parentalConsent: consent was given by the young person, not by those with"
              + " parental responsibility.");
        }
        break;
      case NOT_YET_SOUGHT:
        d.note("consent.parentalConsent: consent has not been sought yet.");
        break;
      default:
        d.set("consent.parentalConsent", "NOT_OBTAINED");
        d.note("consent.reason: say why consent was not obtained.");
        break;
    }
  }

  /** The needs found for the child, one a line, each with the label and the document's citation. */
  private String needs(Referral r, ChildAssessment a) {
    StringBuilder b = new StringBuilder();
    for (Reason reason : a.reasons()) {
      if (reason.kind() != ReasonKind.INDICATOR && reason.kind() != ReasonKind.ESCALATED
          && reason.kind() != ReasonKind.DERIVED) {
        continue;
      }
      String label = reason.indicator().map(policy.catalogue()::get).map(Indicator::label)
          .orElse(reason.explanation());
      b.append("- ").append(label).append(" (Tier ").append(reason.tier().number()).append("; ")
          .append(reason.citation().toText()).append(")");
      if (reason.concernIndex().isPresent()) {
        r.concerns().get(reason.concernIndex().getAsInt()).note().ifPresent(n -> b.append(": ").append(n));
      }
      b.append('\n');
    }
    return b.toString().strip();
  }

  /**
   * Notes a date of birth the referral does not have (an approximate or unknown age): the field is
   * left blank rather than filled with a made-up date.
   */
  private static void noDateOfBirth(Draft d, String field, Child child) {
    if (!child.hasExactAge() && d.schema.field(field).isPresent()) {
      d.note(field + ": the referral gives " + (child.ageUnknown() ? "no age" : "an approximate age")
          + ", not a date of birth; the form asks for the date: find it if you can"
          + (child.ageUnknown() ? "." : ", else give the approximate age in the narrative."));
    }
  }

  /** Notes a provisional result: the suggested service follows a range that open facts may move. */
  private static void provisional(Draft d, ChildAssessment a) {
    if (a.provisional()) {
      d.note("referralType.service: the suggested range is provisional; recording "
          + a.openFacts().stream().map(f -> f.name().toLowerCase(Locale.ROOT).replace('_', ' '))
              .collect(java.util.stream.Collectors.joining(", "))
          + " settles it.");
    }
  }

  /** Whether a household concern that applies to the child names particular children (aboutChildren). */
  private static boolean aboutThisChildInParticular(Referral r, Ref child) {
    return r.concerns().stream().anyMatch(c -> c.subject() != SubjectKind.CHILD
        && c.aboutChildren().contains(child));
  }

  private LocalDate today(Referral r) {
    return LocalDate.ofInstant(r.madeAt(), policy.zone());
  }

  private static Map<String, Object> person(Optional<PersonalDetails> p) {
    Map<String, Object> row = new LinkedHashMap<>();
    p.flatMap(PersonalDetails::surname).ifPresent(v -> row.put("surname", v));
    p.flatMap(PersonalDetails::forenames).ifPresent(v -> row.put("forename", v));
    p.flatMap(PersonalDetails::ethnicity).ifPresent(v -> row.put("ethnicity", v));
    return row;
  }

  private static Optional<String> birthOrDue(Child c) {
    return c.dateOfBirth().or(c::expectedDateOfDelivery).map(LocalDate::toString);
  }

  private static Optional<String> name(PersonalDetails p) {
    String n = (p.forenames().orElse("") + " " + p.surname().orElse("")).strip();
    return n.isEmpty() ? Optional.empty() : Optional.of(n);
  }

  private static Optional<String> address(PersonalDetails p) {
    String a = (p.address().orElse("") + (p.postcode().isPresent() && p.address().isPresent() ? ", " : "")
        + p.postcode().orElse("")).strip();
    return a.isEmpty() ? Optional.empty() : Optional.of(a);
  }

  private static String relationship(Relationship r) {
    String s = r.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** Answers being collected for one form: only fields the form has are set. */
  private static final class Draft {
    final FormSchema schema;
    final FormData.Builder data = FormData.builder();
    final List<String> notes = new ArrayList<>();

    Draft(FormSchema schema) {
      this.schema = schema;
    }

    void set(String id, Object value) {
      if (schema.field(id).isEmpty()) {
        return;
      }
      if (value instanceof List) {
        data.set(id, (List<?>) value);
      } else {
        data.set(id, (String) value);
      }
    }

    void setAge(String id, int years) {
      if (schema.field(id).isPresent()) {
        data.set(id, years);
      }
    }

    void note(String note) {
      notes.add(note);
    }
  }
}
