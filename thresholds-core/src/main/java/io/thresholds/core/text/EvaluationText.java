package io.thresholds.core.text;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.consent.Competence;
import io.thresholds.core.consent.ConsentCheck;
import io.thresholds.core.consent.ConsentGiver;
import io.thresholds.core.consent.ConsentGuidance;
import io.thresholds.core.consent.ConsentState;
import io.thresholds.core.consent.ConsentStatus;
import io.thresholds.core.consent.GiverConsent;
import io.thresholds.core.consent.NotSoughtReason;
import io.thresholds.core.evaluation.Action;
import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.Deadline;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.Exclusion;
import io.thresholds.core.evaluation.Reason;
import io.thresholds.core.evaluation.ReasonKind;
import io.thresholds.core.evaluation.Scope;
import io.thresholds.core.evaluation.TierRange;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.ActionKind;
import io.thresholds.core.policy.Channel;
import io.thresholds.core.policy.Contact;
import io.thresholds.core.policy.Policy;
import io.thresholds.core.time.ServiceHours;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The practitioner's explanation of an evaluation as plain text, the same wording the {@code
 * thresholds evaluate} command prints: per child the suggested tier with the policy's tier names,
 * what to do in order (with how firmly, how, whom to contact and by when, in the policy's local
 * time), why (each reason with its citation), consent and notes; then the children not referred
 * and the advisory reminder ("the SDK advises; a professional decides"). An immediate danger comes
 * first ("call the police on 999 now"), then any restriction on telling the family.
 *
 * <p>It shows references, codes and the policy's own text, never personal details (names, dates
 * of birth, NHS numbers, addresses); the reasons given for children who are not referred are the
 * referrer's own words and are shown as given. Lines are wrapped at 100 characters; times are in
 * English (UK) in the policy's zone. Deterministic: the same arguments give the same text.
 *
 * <pre>{@code
 * Evaluation result = ThresholdEvaluator.of(policy).evaluate(referral, now);
 * String text = EvaluationText.render(policy, referral, result);
 * }</pre>
 */
public final class EvaluationText {
  private static final int WIDTH = 100;
  private static final DateTimeFormatter LONG =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm zzz", Locale.UK);
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.UK);

  private final Policy policy;
  private final Referral referral;
  private final Evaluation evaluation;
  private final StringBuilder out = new StringBuilder();

  private EvaluationText(Policy policy, Referral referral, Evaluation evaluation) {
    this.policy = policy;
    this.referral = referral;
    this.evaluation = evaluation;
  }

  /**
   * Renders the explanation of an evaluation.
   *
   * @param policy the policy the evaluation was made with (its tier names, contacts and zone)
   * @param referral the referral that was evaluated
   * @param evaluation its evaluation
   * @return the explanation, lines separated by {@code \n}, ending with a line break
   * @throws InvalidValueException if the evaluation was made with another policy (id and version)
   *     or for another referral
   */
  public static String render(Policy policy, Referral referral, Evaluation evaluation) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(referral, "referral");
    Objects.requireNonNull(evaluation, "evaluation");
    if (!policy.id().equals(evaluation.policyId()) || !policy.version().equals(evaluation.policyVersion())) {
      throw new InvalidValueException("policy", "must be the policy the evaluation was made with");
    }
    if (!referral.ref().equals(evaluation.referral())) {
      throw new InvalidValueException("referral", "must be the referral that was evaluated");
    }
    return new EvaluationText(policy, referral, evaluation).render();
  }

  private String render() {
    if (referral.immediateDanger()) {
      line("!! IMMEDIATE DANGER: call the police on 999 now, before anything else.");
    }
    // Restrictions on telling the family come next: they change how every other step is done.
    evaluation.children().stream()
        .flatMap(c -> c.consent().stream())
        .filter(g -> !g.mayTellFamily())
        .flatMap(g -> g.restrictions().stream())
        .distinct()
        .forEach(r -> wrap("!! ", "   ", r));
    if (out.length() > 0) {
      line("");
    }
    wrap("", "Referral " + evaluation.referral() + ", made " + longTime(referral.madeAt()) + ".");
    if (referral.repeatReferral()) {
      // Issue 11: the MARF's referral type (New Referral / Repeat Referral).
      wrap("", "Referral type on the form: repeat referral" + referral.caseHistory().previousReferral()
          .map(p -> " (previous referral made on " + p.madeOn() + ", outcome: "
              + words(p.outcome().name()) + ")").orElse("") + ".");
    }
    wrap("", "Advice as at " + longTime(evaluation.evaluatedAt()) + " (" + policy.zone() + "), from "
        + policy.documentTitle() + " (policy " + evaluation.policyId() + " "
        + evaluation.policyVersion() + policy.extendsPolicy().map(b -> ", extending " + b).orElse("") + ").");
    for (ChildAssessment child : evaluation.children()) {
      child(child);
    }
    if (!evaluation.exclusions().isEmpty()) {
      line("");
      line("NOT REFERRED");
      for (Exclusion x : evaluation.exclusions()) {
        wrap("  - ", "    ", x.child() + ": " + x.reason());
        if (x.proposed()) {
          wrap("    ", "    ", "Proposed exclusion - " + x.decidedBy().orElseThrow() + " decides: "
              + x.explanation().orElseThrow());
        }
        if (!x.sharedConcerns().isEmpty()) {
          wrap("    ", "    ", "The concerns about the whole household or a parent apply to this child too: "
              + x.sharedConcerns().stream().map(Object::toString).collect(Collectors.joining(", ")) + ".");
        }
        x.citation().ifPresent(cit -> wrap("    ", "    ", "Source: " + cit.toText()));
      }
    }
    line("");
    line(rule('='));
    wrap("", "REMEMBER: " + evaluation.advisory());
    return out.toString();
  }

  private void child(ChildAssessment c) {
    line("");
    line(rule('='));
    wrap("", "CHILD " + c.child() + ", " + age(c) + ": " + tierText(c));
    if (c.provisional()) {
      wrap("  ", "  ", "PROVISIONAL: this result depends on facts not recorded. Recording them settles it: "
          + c.openFacts().stream().map(EvaluationText::openFact).collect(Collectors.joining("; ")) + ".");
    }
    line(rule('='));

    line("");
    line("WHAT TO DO, IN ORDER");
    if (c.actions().isEmpty()) {
      line("  (no action is advised)");
    }
    int n = 1;
    for (Action a : c.actions()) {
      action(n++, a);
    }

    line("");
    line("WHY");
    for (Reason r : c.reasons()) {
      if (r.kind() == ReasonKind.PROTECTIVE) {
        continue; // shown under WHAT IS WORKING WELL
      }
      String head = "Tier " + r.tier().number() + ", " + words(r.kind().name())
          + r.indicator().map(code -> " " + code).orElse("") + ": ";
      wrap("  - ", "    ", head + r.explanation());
      wrap("    ", "Source: " + r.citation().toText());
    }

    protective(c);

    if (!c.consent().isEmpty()) {
      line("");
      line("CONSENT AND INFORMATION SHARING");
      if (referral.consentByGiver().isEmpty() || referral.consent().status() != ConsentStatus.NOT_YET_SOUGHT) {
        wrap("  ", "Recorded: " + recorded(referral.consent()) + ".");
      }
      if (!referral.consentByGiver().isEmpty()) {
        wrap("  ", "Recorded for each person:");
      }
      for (GiverConsent gc : referral.consentByGiver()) {
        if (gc.giver() == ConsentGiver.YOUNG_PERSON && !gc.person().orElse(c.child()).equals(c.child())) {
          continue;
        }
        wrap("  - ", "    ", giverRecord(gc) + ".");
      }
      for (ConsentGuidance g : c.consent()) {
        consent(g);
      }
    }

    if (!c.notes().isEmpty()) {
      line("");
      line("NOTES");
      for (String note : c.notes()) {
        wrap("  - ", "    ", note);
      }
    }
  }

  /** Issue 11: the protective facts, under the MARF's own heading; they never lower the range. */
  private void protective(ChildAssessment c) {
    List<Reason> facts = c.reasons().stream().filter(r -> r.kind() == ReasonKind.PROTECTIVE)
        .collect(Collectors.toList());
    if (facts.isEmpty()) {
      return;
    }
    line("");
    line("WHAT IS WORKING WELL (protective facts; they never lower the suggested tier)");
    for (Reason r : facts) {
      wrap("  - ", "    ", r.explanation());
      wrap("    ", "Source: " + r.citation().toText());
    }
  }

  private void action(int n, Action a) {
    String number = String.format(Locale.ROOT, "%2d. ", n);
    boolean done = a.due().map(Deadline::isRecordedDone).orElse(false);
    wrap(" " + number, "     ", done
        ? "DONE (recorded): " + title(a.kind()) + "."
        : a.modality().name() + ": " + title(a.kind()) + ".");
    String pad = "     ";
    wrap(pad, pad + "  ", a.description());
    List<String> how = new ArrayList<>();
    channel(a.channel()).ifPresent(c -> how.add("How: " + c + "."));
    a.contact().ifPresent(contact -> how.add("Contact: " + contact(contact) + "."));
    if (!how.isEmpty()) {
      wrap(pad, pad + "  ", String.join(" ", how));
    }
    a.due().ifPresent(d -> wrap(pad, pad + "  ",
        "When: by " + shortTime(d.dueBy()) + " (" + d.basis() + ")."));
    for (String note : a.notes()) {
      wrap(pad + "! ", pad + "  ", note);
    }
    for (String blocker : a.blockers()) {
      wrap(pad + "! ", pad + "  ", "Not yet: " + blocker);
    }
    wrap(pad, pad + "  ", "Source: " + a.citation().toText());
    basis(pad, "action." + a.ruleId(), "action");
    a.contact().ifPresent(c -> {
      if (policy.provenanceOf("action." + a.ruleId()) != policy.provenanceOf("contact." + c.id())) {
        basis(pad, "contact." + c.id(), "contact");
      }
      basis(pad, "contact." + c.id() + ".hours", "contact's hours");
    });
  }

  /** Says so when an item is not stated by the pack's own document. */
  private void basis(String pad, String item, String what) {
    switch (policy.provenanceOf(item)) {
      case INHERITED:
        wrap(pad, pad + "  ", "Basis: " + what + " inherited from " + policy.extendsPolicy().orElse("the base pack")
            + " (this policy's document is silent).");
        break;
      case ASSUMED:
        wrap(pad, pad + "  ", "Basis: " + what + " assumed by the policy pack (not stated in its document).");
        break;
      default:
        break;
    }
  }

  private void consent(ConsentGuidance g) {
    line("");
    wrap("  ", "    ", "At Tier " + g.tier().number() + " (" + tierName(g.tier()) + "): "
        + requirement(g) + ".");
    String pad = "    ";
    wrap(pad, pad, "Who may give it: " + g.givers().stream().map(EvaluationText::giver)
        .collect(Collectors.joining(", or ")) + ".");
    wrap(pad, pad, check(g.check()) + g.missing().map(m -> " " + m).orElse(""));
    g.disagreement().ifPresent(d -> wrap(pad + "! ", pad + "  ", d));
    g.disagreementCitation().ifPresent(cit -> wrap(pad + "  ", pad + "  ", "Source: " + cit.toText()));
    g.giverNotes().forEach(n -> wrap(pad + "- ", pad + "  ", n));
    wrap(pad, pad, "May seek consent: " + yesNo(g.maySeekConsent()) + ". May tell the family: "
        + yesNo(g.mayTellFamily()) + ".");
    for (String restriction : g.restrictions()) {
      wrap(pad + "! ", pad + "  ", restriction);
    }
    if (g.mustShareToSafeguard()) {
      wrap(pad, pad, "Information must be shared to safeguard the child, whatever the consent.");
    }
    wrap(pad, pad, "If consent is withheld: " + (g.mayTellFamily() ? g.ifWithheld()
        : "the family must not be told here (see above); the policy's general words, which give way to"
            + " that: " + g.ifWithheld()));
    wrap(pad, pad, "Source: " + g.citation().toText());
  }

  // ---- words -----------------------------------------------------------------------------------

  private String tierText(ChildAssessment c) {
    if (c.scope() == Scope.ADULT || c.tierRange().isEmpty()) {
      return "outside the children's thresholds (aged " + policy.adultAge() + " or over)";
    }
    TierRange r = c.tierRange().get();
    if (r.isSingle()) {
      return "Tier " + r.min().number() + " - " + tierName(r.min());
    }
    return "Tier " + r.min().number() + " to " + r.max().number() + " (" + tierName(r.min())
        + " to " + tierName(r.max()) + "; a matter of professional judgement)";
  }

  private String tierName(Tier tier) {
    return policy.tier(tier).name() + policy.service(tier).map(s -> " [" + s.name() + " service]").orElse("");
  }

  private static String age(ChildAssessment c) {
    if (c.ageBasis() == io.thresholds.core.evaluation.AgeBasis.UNKNOWN) {
      return "age not known";
    }
    if (c.ageBasis() == io.thresholds.core.evaluation.AgeBasis.APPROXIMATE) {
      return "aged " + c.age().years() + " to " + c.oldestAge().map(a -> a.years()).orElse(c.age().years()) + " (approximate)";
    }
    if (c.age().unborn()) {
      return "unborn";
    }
    return "aged " + c.age().years();
  }

  private static String openFact(io.thresholds.core.evaluation.OpenFact f) {
    switch (f) {
      case DATE_OF_BIRTH:
        return "the child's date of birth";
      case EVENT_DATE:
        return "which side of the birthday the event happened";
      case MOBILITY:
        return "whether the child is mobile";
      case DISABILITY:
        return "whether the child is disabled";
      default:
        throw new AssertionError(f);
    }
  }

  private static String title(ActionKind kind) {
    switch (kind) {
      case CALL_EMERGENCY_SERVICES:
        return "call the police on 999";
      case INFORM_SAFEGUARDING_LEAD:
        return "tell your designated safeguarding lead";
      case PHONE_REFERRAL:
        return "phone the referral through";
      case WRITTEN_REFERRAL:
        return "send the written referral form";
      case EARLY_HELP_REFERRAL:
        return "make an early help referral";
      case EARLY_HELP_ASSESSMENT:
        return "early help assessment and Team Around the Family";
      case SINGLE_AGENCY_SUPPORT:
        return "keep offering your own agency's support";
      case UNIVERSAL_SERVICES:
        return "universal services meet the need";
      case CONSULT_SAFEGUARDING_LEAD:
        return "talk it through with your safeguarding lead";
      case STRATEGY_DISCUSSION:
        return "expect a strategy discussion";
      case MACE_REFERRAL:
        return "refer to the Multi-Agency Child Exploitation (MACE) panel";
      case PREVENT_REFERRAL:
        return "make a Prevent referral";
      case EDUCATION_SERVICE_REFERRAL:
        return "tell the education service";
      case DISABILITY_ASSESSMENT:
        return "disabled child's right to an assessment";
      case CHASE_FEEDBACK:
        return "chase the outcome if you have not heard";
      case ESCALATE_DISAGREEMENT:
        return "if you disagree with a decision, escalate";
      case MONITOR_AND_REREFER:
        return "keep monitoring; re-refer if things get worse";
      case ASK_A_PROFESSIONAL:
        return "ask a professional to refer";
      case ADULT_SERVICES:
        return "use adult safeguarding routes";
      case STEP_UP:
        return "step up from early help: the lead professional reviews the plan";
      case STEP_DOWN:
        return "stepping down is for the allocated social worker to decide";
      case ALLOCATED_WORKER_REVIEW:
        return "your information goes to the allocated worker and their manager";
      default:
        return words(kind.name());
    }
  }

  private static java.util.Optional<String> channel(Channel channel) {
    switch (channel) {
      case PHONE:
        return java.util.Optional.of("by phone");
      case SECURE_EMAIL:
        return java.util.Optional.of("by secure email (the form password protected)");
      case CONVERSATION:
        return java.util.Optional.of("in conversation");
      case IN_AGENCY:
        return java.util.Optional.of("within your own agency");
      default:
        return java.util.Optional.empty(); // nothing to send
    }
  }

  private static String contact(Contact c) {
    List<String> parts = new ArrayList<>();
    parts.add(c.name());
    if (!c.phones().isEmpty()) {
      parts.add("phone " + String.join(" or ", c.phones()));
    }
    c.email().ifPresent(e -> parts.add("email " + e));
    c.hours().ifPresent(h -> parts.add(hours(h)));
    return String.join(", ", parts);
  }

  private static String hours(ServiceHours h) {
    return h.kind() == ServiceHours.Kind.OFFICE_HOURS
        ? "open " + h.first() + "-" + h.second() + " on working days"
        : "open " + h.first() + "-" + h.second() + " on working days, and all day at weekends and"
            + " on bank holidays";
  }

  private static String requirement(ConsentGuidance g) {
    switch (g.requirement()) {
      case REQUIRED:
        return "consent is required before referring, assessing or sharing information";
      case SEEK_UNLESS_UNSAFE:
        return "seek consent unless doing so would put the child at greater risk";
      case NOT_REQUIRED_SEEK_IF_SAFE:
        return "consent is not required; seek it if it is safe to do so";
      default:
        return words(g.requirement().name());
    }
  }

  private static String check(ConsentCheck check) {
    switch (check) {
      case SATISFIED:
        return "The recorded consent meets this rule.";
      case NOT_SATISFIED:
        return "The recorded consent does not meet this rule yet:";
      default:
        return "Consent is not required at this tier.";
    }
  }

  private static String giver(ConsentGiver g) {
    return g == ConsentGiver.PARENTAL_RESPONSIBILITY
        ? "a person with parental responsibility"
        : "the young person (if of sufficient age and understanding)";
  }

  private String giverRecord(GiverConsent g) {
    StringBuilder b = new StringBuilder(g.giver() == ConsentGiver.YOUNG_PERSON ? "The young person"
        : "A person with parental responsibility");
    g.person().ifPresent(p -> b.append(" (").append(p).append(')'));
    g.competence().ifPresent(c -> b.append(c == Competence.JUDGED_COMPETENT
        ? ", judged of sufficient age and understanding"
        : c == Competence.JUDGED_NOT_COMPETENT ? ", judged not of sufficient age and understanding"
        : ", sufficient age and understanding not assessed"));
    b.append(": ").append(status(g.status()));
    g.form().ifPresent(f -> b.append(", ").append(words(f.name())));
    g.recordedAt().ifPresent(at -> b.append(", recorded ").append(shortTime(at)));
    return b.toString();
  }

  private String recorded(ConsentState s) {
    StringBuilder b = new StringBuilder(status(s.status()));
    s.by().ifPresent(by -> b.append(" by ").append(giver(by)));
    s.form().ifPresent(f -> b.append(", ").append(words(f.name())));
    s.notSoughtReason().ifPresent(r -> b.append(r == NotSoughtReason.INCREASED_RISK_TO_CHILD
        ? " (seeking it would increase the risk to the child)"
        : " (seeking it could compromise a police investigation)"));
    s.authorisedBy().ifPresent(a -> b.append(", authorised by the ").append(words(a.name())));
    s.recordedAt().ifPresent(at -> b.append(", recorded ").append(shortTime(at)));
    return b.toString();
  }

  private static String status(ConsentStatus s) {
    switch (s) {
      case NOT_YET_SOUGHT:
        return "consent not yet sought";
      case GIVEN:
        return "consent given";
      case WITHHELD:
        return "consent withheld";
      case WITHDRAWN:
        return "consent withdrawn";
      case NOT_SOUGHT_UNSAFE:
        return "consent deliberately not sought";
      case SHARED_WITHOUT_CONSENT:
        return "information shared without consent";
      default:
        return words(s.name());
    }
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }

  /** {@code SECURE_EMAIL} to "secure email". */
  private static String words(String constant) {
    return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private String longTime(Instant at) {
    return LONG.format(at.atZone(policy.zone()));
  }

  private String shortTime(Instant at) {
    return SHORT.format(at.atZone(policy.zone()));
  }

  // ---- layout ----------------------------------------------------------------------------------

  private static String rule(char c) {
    return String.valueOf(c).repeat(WIDTH);
  }

  private void line(String s) {
    out.append(s).append('\n');
  }

  private void wrap(String indent, String text) {
    wrap(indent, indent, text);
  }

  /** Writes {@code text} word-wrapped to the width, the first line after {@code first}. */
  private void wrap(String first, String rest, String text) {
    StringBuilder current = new StringBuilder(first);
    boolean empty = true;
    for (String word : text.split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!empty && current.length() + 1 + word.length() > WIDTH) {
        line(current.toString());
        current = new StringBuilder(rest);
        empty = true;
      }
      if (!empty) {
        current.append(' ');
      }
      current.append(word);
      empty = false;
    }
    line(current.toString());
  }
}
