package io.thresholds.core.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.evaluation.Action;
import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.policy.Modality;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.testing.ReferralDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;

/** Issue 11, consent per person: the laws that hold whatever the referral. */
@Domain(ReferralDomain.class)
@Domain(DomainContext.Global.class)
class ConsentByGiverProperties {
  private static final ThresholdEvaluator EVALUATOR = ThresholdEvaluator.of(Policies.cityOfLondon());
  private static final ConsentStatus[] DECISIONS = {ConsentStatus.NOT_YET_SOUGHT, ConsentStatus.GIVEN,
      ConsentStatus.WITHHELD, ConsentStatus.WITHDRAWN};

  /**
   * A generated referral with its single consent reduced to what may stand beside per-person records
   * (not yet sought, not sought because unsafe, shared without consent), and some per-person records:
   * an unnamed person with parental responsibility and, when {@code young} is set, the first
   * referred child as the young person.
   */
  private static Referral withGivers(Referral r, int parent, int young, int competence) {
    ConsentState single = r.consent();
    boolean keep = r.consentHistory().entries().isEmpty()
        && (single.status() == ConsentStatus.NOT_SOUGHT_UNSAFE || single.status() == ConsentStatus.SHARED_WITHOUT_CONSENT);
    Referral.Builder b = Referral.builder().from(r).consentHistory(ConsentHistory.empty())
        .consent(keep ? single : ConsentState.notYetSought());
    if (!keep) {
      b.sharing(List.of());
    }
    List<GiverConsent> givers = new ArrayList<>();
    if (parent > 0) {
      givers.add(record(GiverConsent.builder().giver(ConsentGiver.PARENTAL_RESPONSIBILITY), DECISIONS[parent - 1], r));
    }
    if (young > 0) {
      givers.add(record(GiverConsent.builder().giver(ConsentGiver.YOUNG_PERSON)
          .person(r.referredChildren().get(0)).competence(Competence.values()[competence]), DECISIONS[young - 1], r));
    }
    return b.consentByGiver(givers).build();
  }

  private static GiverConsent record(GiverConsent.Builder b, ConsentStatus s, Referral r) {
    b.status(s);
    if (s == ConsentStatus.GIVEN) {
      b.form(ConsentForm.WRITTEN);
    }
    if (s != ConsentStatus.NOT_YET_SOUGHT) {
      b.recordedAt(r.madeAt());
    }
    return b.build();
  }

  private static Set<String> musts(ChildAssessment c) {
    return c.actions().stream().filter(a -> a.modality() == Modality.MUST).map(Action::ruleId)
        .collect(Collectors.toSet());
  }

  /**
   * Adding a person who withholds consent (a person with parental responsibility, or the young
   * person judged of sufficient age and understanding) never lowers any child's range and never
   * makes a MUST action (999, the phone referral, ...) disappear; it may only add the
   * consent-withheld steps and hold consent-gated actions up.
   */
  @Property(tries = 1000)
  void addingAWithholdingGiver_neverLowersTheRange_norRemovesAMustAction(
      @ForAll Referral generated, @ForAll @IntRange(min = 0, max = 4) int parent,
      @ForAll @IntRange(min = 0, max = 4) int young, @ForAll @IntRange(min = 0, max = 2) int competence,
      @ForAll boolean addYoungPerson) {
    Referral before = withGivers(generated, parent, young, competence);
    List<GiverConsent> more = new ArrayList<>(before.consentByGiver());
    if (addYoungPerson && young == 0) {
      more.add(record(GiverConsent.builder().giver(ConsentGiver.YOUNG_PERSON)
          .person(before.referredChildren().get(0)).competence(Competence.JUDGED_COMPETENT),
          ConsentStatus.WITHHELD, before));
    } else {
      more.add(record(GiverConsent.builder().giver(ConsentGiver.PARENTAL_RESPONSIBILITY), ConsentStatus.WITHHELD, before));
    }
    Referral after = Referral.builder().from(before).consentByGiver(more).build();
    Evaluation was = EVALUATOR.evaluate(before, before.madeAt());
    Evaluation is = EVALUATOR.evaluate(after, after.madeAt());
    for (int k = 0; k < was.children().size(); k++) {
      ChildAssessment a = was.children().get(k);
      ChildAssessment b = is.children().get(k);
      assertThat(b.tierRange()).as("range of %s", a.child()).isEqualTo(a.tierRange());
      assertThat(musts(b)).as("MUST actions of %s", a.child()).containsAll(musts(a));
      if (before.immediateDanger() && a.tierRange().isPresent()) {
        assertThat(b.actions().get(0).ruleId()).isEqualTo("call-999");
      }
    }
  }

  /**
   * A young person judged not of sufficient age and understanding, or not assessed, is never treated
   * as a valid consent giver: adding their consent changes no consent check and no action.
   */
  @Property(tries = 1000)
  void youngPersonNotJudgedCompetent_isNeverAValidConsentGiver(
      @ForAll Referral generated, @ForAll @IntRange(min = 0, max = 4) int parent,
      @ForAll boolean notAssessed) {
    Referral before = withGivers(generated, parent, 0, 0);
    Ref first = before.referredChildren().get(0);
    List<GiverConsent> more = new ArrayList<>(before.consentByGiver());
    more.add(record(GiverConsent.builder().giver(ConsentGiver.YOUNG_PERSON).person(first)
        .competence(notAssessed ? Competence.NOT_ASSESSED : Competence.JUDGED_NOT_COMPETENT),
        ConsentStatus.GIVEN, before));
    Referral after = Referral.builder().from(before).consentByGiver(more).build();
    Evaluation was = EVALUATOR.evaluate(before, before.madeAt());
    Evaluation is = EVALUATOR.evaluate(after, after.madeAt());
    for (int k = 0; k < was.children().size(); k++) {
      ChildAssessment a = was.children().get(k);
      ChildAssessment b = is.children().get(k);
      assertThat(b.actions()).isEqualTo(a.actions());
      assertThat(b.consent()).hasSameSizeAs(a.consent());
      for (int t = 0; t < a.consent().size(); t++) {
        assertThat(b.consent().get(t).check()).isEqualTo(a.consent().get(t).check());
        assertThat(b.consent().get(t).missing()).isEqualTo(a.consent().get(t).missing());
      }
    }
  }
}
