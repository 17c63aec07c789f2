package io.thresholds.core.consent;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.internal.Bounds;
import io.thresholds.core.model.Ref;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One person's decision about consent to a referral: a person with parental responsibility (an
 * adult of the household by reference, or unnamed), or the young person (a referred child, with the
 * practitioner's judgement of whether they are of sufficient age and understanding). A referral
 * records one per person ({@code Referral.consentByGiver()}): a young person may consent while a
 * parent refuses, or the reverse. The status is the person's latest decision: {@code NOT_YET_SOUGHT},
 * {@code GIVEN}, {@code WITHHELD} or {@code WITHDRAWN}; a decision not to seek consent at all, or to
 * share without it, is the referral's ({@code Referral.consent()}), not a person's.
 */
@Value.Immutable
public abstract class GiverConsent {
  /** @return whose consent this is */
  public abstract ConsentGiver giver();

  /**
   * @return which person: for {@link ConsentGiver#PARENTAL_RESPONSIBILITY} an adult of the
   *     household with parental responsibility (optional: a person with parental responsibility may
   *     live elsewhere); for {@link ConsentGiver#YOUNG_PERSON} the referred child (required when
   *     more than one child is referred)
   */
  public abstract Optional<Ref> person();

  /**
   * @return for the young person, the practitioner's judgement of whether they are of sufficient
   *     age and understanding (required); absent for a person with parental responsibility
   */
  public abstract Optional<Competence> competence();

  /** @return the person's latest decision */
  public abstract ConsentStatus status();

  /** @return how consent was given (required when given) */
  public abstract Optional<ConsentForm> form();

  /** @return when the decision was recorded (required unless not yet sought) */
  public abstract Optional<Instant> recordedAt();

  /**
   * The builder of {@link GiverConsent}: a setter per attribute, {@code from(value)} to start from an
   * existing value; {@code build()} checks the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableGiverConsent.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return true if the person withheld or withdrew consent */
  public boolean refused() {
    return status() == ConsentStatus.WITHHELD || status() == ConsentStatus.WITHDRAWN;
  }

  /**
   * @return true if this person's decision can count as consent or its refusal: a person with
   *     parental responsibility, or a young person judged of sufficient age and understanding
   */
  public boolean decides() {
    return giver() == ConsentGiver.PARENTAL_RESPONSIBILITY
        || competence().orElse(Competence.NOT_ASSESSED) == Competence.JUDGED_COMPETENT;
  }

  @Value.Check
  void check() {
    ConsentStatus s = status();
    if (s == ConsentStatus.NOT_SOUGHT_UNSAFE || s == ConsentStatus.SHARED_WITHOUT_CONSENT) {
      throw new InvalidValueException("consentByGiver.status",
          "is a person's decision (NOT_YET_SOUGHT, GIVEN, WITHHELD or WITHDRAWN); not seeking consent"
              + " or sharing without it is recorded in consent");
    }
    boolean young = giver() == ConsentGiver.YOUNG_PERSON;
    if (young != competence().isPresent()) {
      throw new InvalidValueException("consentByGiver.competence", young
          ? "is required for the young person: JUDGED_COMPETENT, JUDGED_NOT_COMPETENT or NOT_ASSESSED"
          : "applies only to the young person");
    }
    if ((s == ConsentStatus.GIVEN) != form().isPresent()) {
      throw new InvalidValueException("consentByGiver.form",
          s == ConsentStatus.GIVEN ? "is required when consent is given" : "applies only to given consent");
    }
    if ((s == ConsentStatus.NOT_YET_SOUGHT) == recordedAt().isPresent()) {
      throw new InvalidValueException("consentByGiver.recordedAt", s == ConsentStatus.NOT_YET_SOUGHT
          ? "does not apply before consent is sought" : "is required when consent is " + s);
    }
    recordedAt().ifPresent(t -> Bounds.instant("consentByGiver.recordedAt", t));
  }
}
