package io.thresholds.core.model;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.consent.ConsentHistory;
import io.thresholds.core.consent.ConsentGiver;
import io.thresholds.core.consent.ConsentState;
import io.thresholds.core.consent.ConsentStatus;
import io.thresholds.core.consent.GiverConsent;
import io.thresholds.core.consent.SharingRecord;
import io.thresholds.core.internal.Bounds;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A referral about one or more children of a household: who refers, which children, what was
 * observed, whether there is immediate danger, the consent state and when it is made.
 *
 * <p>Every child in the household is either referred or excluded with a stated reason, as the
 * policy expects all children in a household to be considered. {@code toString()} shows
 * references, codes and flags only.
 */
@Value.Immutable
public abstract class Referral {
  /** @return the referral's own pseudonymous reference */
  public abstract Ref ref();

  /** @return who is referring */
  public abstract Referrer referrer();

  /** @return when the referral is made */
  public abstract Instant madeAt();

  /** @return the household */
  public abstract Household household();

  /** @return the children being referred (references into the household), at least one */
  public abstract List<Ref> referredChildren();

  /**
   * @return the children of the household who are not referred, each with the reason; the reasons
   *     are free text and never shown in {@code toString()}
   */
  @Value.Redacted
  public abstract Map<Ref, String> exclusions();

  /** @return the observed concerns; may be empty (the result then explains why no referral is needed) */
  public abstract List<Concern> concerns();

  /** @return true if a child is believed to be in immediate danger */
  @Value.Default
  public boolean immediateDanger() {
    return false;
  }

  /**
   * @return when the phone referral was already made, if it was: a later evaluation anchors the
   *     written referral and the chase to that call instead of advising to phone now
   */
  public abstract Optional<Instant> phoneReferralMadeAt();

  /**
   * @return true if the same children were referred before (a repeat referral); by default, true
   *     exactly when {@link CaseHistory#previousReferral()} is recorded
   */
  @Value.Default
  public boolean repeatReferral() {
    return caseHistory().previousReferral().isPresent();
  }

  /** @return the recorded consent history, oldest first; empty if only the current state is given */
  @Value.Default
  public ConsentHistory consentHistory() {
    return ConsentHistory.empty();
  }

  /**
   * @return the current consent state: the latest entry of the history, or the state given
   *     directly when no history is recorded (then "not yet sought" by default)
   */
  @Value.Default
  public ConsentState consent() {
    return consentHistory().current();
  }

  /**
   * @return each person's own decision about consent (each person with parental responsibility,
   *     the young person with the practitioner's judgement of their competence); empty when only
   *     the single {@link #consent()} is recorded. When used, {@link #consent()} and the history keep
   *     only the referral's decisions that are nobody's consent (not sought because unsafe, shared
   *     without consent). The single consent "given by X" means the same as one entry of giver X
   *     (a young person so recorded was judged of sufficient age and understanding).
   */
  public abstract List<GiverConsent> consentByGiver();

  /** @return records of information shared about this referral */
  public abstract List<SharingRecord> sharing();

  // ---- issue 11: the case's history and protective facts (thresholds/referral@2) ----------------

  /** @return what is known of the case's history; empty by default */
  @Value.Default
  public CaseHistory caseHistory() {
    return CaseHistory.none();
  }

  /** @return the protective facts recorded for the household; they never lower the range */
  public abstract Set<ProtectiveFact> protectiveFacts();

  private void checkHistory() {
    Optional<PreviousReferral> previous = caseHistory().previousReferral();
    if (previous.isPresent()) {
      LocalDate latest = madeAt().atOffset(ZoneOffset.UTC).toLocalDate().plusDays(DATE_OF_BIRTH_SLACK_DAYS);
      if (previous.get().madeOn().isAfter(latest)) {
        throw new InvalidValueException("caseHistory.previousReferral.madeOn",
            "is after the day this referral was made");
      }
      if (!repeatReferral()) {
        throw new InvalidValueException("repeatReferral",
            "must be true when caseHistory.previousReferral is recorded");
      }
    }
  }

  // ---- end of issue 11: the case's history and protective facts ---------------------------------

  /**
   * The builder of {@link Referral}: a setter per attribute ({@code addX}, {@code putX} for elements
   * of a list or map), {@code from(referral)} to start from an existing referral; {@code build()}
   * checks the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableReferral.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  private static void checkAbout(int i, Concern c, Set<Ref> referred) {
    Set<Ref> seen = new HashSet<>();
    for (int j = 0; j < c.aboutChildren().size(); j++) {
      Ref r = c.aboutChildren().get(j);
      String field = "concerns[" + i + "].aboutChildren[" + j + "]";
      if (!referred.contains(r)) {
        throw new InvalidValueException(field, "must name a referred child");
      }
      if (!seen.add(r)) {
        throw new InvalidValueException(field, "is listed twice");
      }
    }
  }

  /**
   * @param child a referred child
   * @return the decisions of {@link #consentByGiver()} that bear on that child, in order: every
   *     person's with parental responsibility, and the young person's own where it is that child's
   *     (the child it names, or the first referred child when it names none)
   */
  public final List<GiverConsent> decisionsAbout(Ref child) {
    List<GiverConsent> out = new ArrayList<>(consentByGiver().size());
    for (GiverConsent g : consentByGiver()) {
      if (g.giver() != io.thresholds.core.consent.ConsentGiver.YOUNG_PERSON
          || g.person().orElse(referredChildren().get(0)).equals(child)) {
        out.add(g);
      }
    }
    return out;
  }

  /** Shared on consent: someone whose decision counts had given it by then. */
  private boolean consistentWithGivers(SharingRecord r) {
    if (r.basis() != io.thresholds.core.consent.SharingBasis.CONSENT) {
      return true;
    }
    for (GiverConsent g : consentByGiver()) {
      Instant t = g.recordedAt().orElse(null);
      if (t != null && g.decides() && (g.status() == ConsentStatus.GIVEN && !t.isAfter(r.sharedAt())
          || g.status() == ConsentStatus.WITHDRAWN && t.isAfter(r.sharedAt()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean giverDecision(ConsentStatus s) {
    return s == ConsentStatus.GIVEN || s == ConsentStatus.WITHHELD || s == ConsentStatus.WITHDRAWN;
  }

  private void checkConsentByGiver() {
    List<GiverConsent> givers = consentByGiver();
    if (givers.isEmpty()) {
      return;
    }
    if (giverDecision(consent().status())
        || consentHistory().entries().stream().anyMatch(e -> giverDecision(e.status()))) {
      throw new InvalidValueException("consent", "when consentByGiver is used, each person's decision is"
          + " recorded there: consent keeps only not sought because unsafe or shared without consent");
    }
    Set<Ref> seen = new HashSet<>();
    boolean unnamedYoung = false;
    for (int i = 0; i < givers.size(); i++) {
      GiverConsent g = givers.get(i);
      String field = "consentByGiver[" + i + "].person";
      if (g.giver() == ConsentGiver.PARENTAL_RESPONSIBILITY) {
        if (g.person().isPresent()) {
          Optional<Adult> a = household().adult(g.person().get());
          if (a.isEmpty()) {
            throw new InvalidValueException(field, "must name an adult of the household");
          }
          if (!a.get().parentalResponsibility()) {
            throw new InvalidValueException(field, "must name an adult with parental responsibility");
          }
        }
      } else if (g.person().isPresent()) {
        if (!referredChildren().contains(g.person().get())) {
          throw new InvalidValueException(field, "the young person must be a referred child");
        }
      } else {
        if (referredChildren().size() > 1) {
          throw new InvalidValueException(field, "must name the young person when more than one child is referred");
        }
        if (unnamedYoung) {
          throw new InvalidValueException(field, "the young person's decision is recorded twice");
        }
        unnamedYoung = true;
      }
      if (g.person().isPresent() && !seen.add(g.person().get())) {
        throw new InvalidValueException(field, "the same person's decision is recorded twice");
      }
    }
    if (unnamedYoung && !referredChildren().isEmpty() && seen.contains(referredChildren().get(0))) {
      throw new InvalidValueException("consentByGiver", "the young person's decision is recorded twice");
    }
  }

  /**
   * How far after the day a referral is made (in UTC) a child's date of birth may be: one day, for
   * the time zones ahead of UTC. A later date of birth is a mistake, whether or not the child is
   * referred.
   */
  private static final int DATE_OF_BIRTH_SLACK_DAYS = 1;

  @Value.Check
  void check() {
    Bounds.instant("madeAt", madeAt());
    checkHistory();
    phoneReferralMadeAt().ifPresent(t -> Bounds.instant("phoneReferralMadeAt", t));
    if (!consentHistory().entries().isEmpty() && !consent().equals(consentHistory().current())) {
      throw new InvalidValueException("consent", "must be the latest entry of consentHistory when both are given");
    }
    checkConsentByGiver();
    for (int i = 0; i < sharing().size(); i++) {
      SharingRecord r = sharing().get(i);
      boolean consistent = !consentByGiver().isEmpty() ? consistentWithGivers(r)
          : consentHistory().entries().isEmpty()
          ? r.consistentWith(consent()) : r.consistentWith(consentHistory());
      if (!consistent) {
        throw new InvalidValueException("sharing[" + i + "].basis",
            "shared on the basis of consent, but consent was not given at that time");
      }
    }
    Household h = household();
    if (referredChildren().isEmpty()) {
      throw new InvalidValueException("referredChildren", "must name at least one child");
    }
    Set<Ref> referred = new HashSet<>();
    for (int i = 0; i < referredChildren().size(); i++) {
      Ref r = referredChildren().get(i);
      if (h.child(r).isEmpty()) {
        throw new InvalidValueException("referredChildren[" + i + "]", "is not a child of the household");
      }
      if (!referred.add(r)) {
        throw new InvalidValueException("referredChildren[" + i + "]", "is listed twice");
      }
    }
    for (Map.Entry<Ref, String> e : exclusions().entrySet()) {
      String field = "exclusions[" + e.getKey() + "]";
      if (h.child(e.getKey()).isEmpty()) {
        throw new InvalidValueException(field, "is not a child of the household");
      }
      if (referred.contains(e.getKey())) {
        throw new InvalidValueException(field, "a referred child cannot also be excluded");
      }
      if (e.getValue().isBlank()) {
        throw new InvalidValueException(field, "needs a reason");
      }
    }
    LocalDate latestBirth = madeAt().atOffset(ZoneOffset.UTC).toLocalDate().plusDays(DATE_OF_BIRTH_SLACK_DAYS);
    for (int i = 0; i < h.children().size(); i++) {
      Child c = h.children().get(i);
      String field = "household.children[" + i + "]";
      if (c.dateOfBirth().isPresent()) {
        Bounds.date(field + ".dateOfBirth", c.dateOfBirth().get());
        if (c.dateOfBirth().get().isAfter(latestBirth)) {
          throw new InvalidValueException(field + ".dateOfBirth", "is after the day the referral was made");
        }
      }
      c.expectedDateOfDelivery().ifPresent(d -> Bounds.date(field + ".expectedDateOfDelivery", d));
    }
    for (int i = 0; i < h.children().size(); i++) {
      Ref r = h.children().get(i).ref();
      if (!referred.contains(r) && !exclusions().containsKey(r)) {
        throw new InvalidValueException(
            "household.children[" + i + "]",
            "every child in the household must be referred or excluded with a reason");
      }
    }
    for (int i = 0; i < concerns().size(); i++) {
      Concern c = concerns().get(i);
      Bounds.date("concerns[" + i + "].observedOn", c.observedOn());
      String field = "concerns[" + i + "].subjectRef";
      switch (c.subject()) {
        case CHILD:
          if (!referred.contains(c.subjectRef())) {
            throw new InvalidValueException(field, "a concern about a child must name a referred child");
          }
          if (!c.aboutChildren().isEmpty()) {
            throw new InvalidValueException("concerns[" + i + "].aboutChildren",
                "a concern about a child is about that child: aboutChildren is for a concern about"
                    + " a parent, carer or household member");
          }
          break;
        case PARENT_CARER:
        case HOUSEHOLD_MEMBER:
          checkAbout(i, c, referred);
          break;
        default:
          throw new AssertionError(c.subject());
      }
      switch (c.subject()) {
        case CHILD:
          break;
        case PARENT_CARER:
          if (h.adult(c.subjectRef()).isEmpty()) {
            throw new InvalidValueException(field, "a concern about a parent or carer must name an adult of the household");
          }
          break;
        case HOUSEHOLD_MEMBER:
          if (h.adult(c.subjectRef()).isEmpty() && h.child(c.subjectRef()).isEmpty()) {
            throw new InvalidValueException(field, "must name a member of the household");
          }
          break;
        default:
          throw new AssertionError(c.subject());
      }
    }
  }
}
