package io.thresholds.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.model.Adult;
import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Household;
import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Referrer;
import io.thresholds.core.model.Relationship;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.policy.Policies;
import io.thresholds.core.policy.Policy;
import io.thresholds.core.text.EvaluationText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Who decides exclusions (issue 11), pinned to section 3 "How to make a referral": "When there is
 * more than one child in the household, the Social Work Manager will make a decision about whether
 * or not to include any or all the children in the final threshold decision. In the majority of
 * cases ... will include all children in the household. The reasons for excluding any will be made
 * clear to the referrer."
 */
class ExclusionDecisionClauseTest {
  private static final Policy POLICY = Policies.cityOfLondon();
  private static final ThresholdEvaluator EVALUATOR = ThresholdEvaluator.of(POLICY);
  private static final Instant TUE_10AM = Instant.parse("2025-11-18T10:00:00Z");
  private static final LocalDate MON = LocalDate.of(2025, 11, 17);
  private static final Ref C1 = Ref.of("c1");
  private static final Ref C2 = Ref.of("c2");
  private static final Ref MUM = Ref.of("mum");

  private static Referral.Builder household() {
    return Referral.builder()
        .ref(Ref.of("r1"))
        .referrer(Referrer.of(AgencyType.SCHOOL))
        .madeAt(TUE_10AM)
        .household(Household.builder()
            .addChildren(Child.builder().ref(C1).dateOfBirth(LocalDate.of(2016, 4, 10)).build())
            .addChildren(Child.builder().ref(C2).dateOfBirth(LocalDate.of(2009, 1, 5)).build())
            .addAdults(Adult.builder().ref(MUM).relationship(Relationship.MOTHER).parentalResponsibility(true).build())
            .build())
        .addReferredChildren(C1)
        .putExclusions(C2, "Boards at a residential college in term time");
  }

  @Test
  void section3_moreThanOneChild_theSocialWorkManagerDecides_theExclusionIsAProposal() {
    Evaluation e = EVALUATOR.evaluate(household()
        .addConcerns(Concern.of("T2-DEV-BEREAVED", SubjectKind.CHILD, C1, MON)).build(), TUE_10AM);
    Exclusion x = e.exclusions().get(0);
    assertThat(x.child()).isEqualTo(C2);
    assertThat(x.reason()).isEqualTo("Boards at a residential college in term time");
    assertThat(x.proposed()).isTrue();
    assertThat(x.decidedBy()).contains("the Social Work Manager");
    assertThat(x.explanation().orElseThrow()).contains("include all the children")
        .contains("made clear to the referrer");
    assertThat(x.citation().orElseThrow().section()).isEqualTo("3 How to make a referral (more than one child in the household)");
    assertThat(x.citation().orElseThrow().reading()).isPresent();
    // A concern about the referred child only is not the excluded child's.
    assertThat(x.sharedConcerns()).isEmpty();
    assertThat(x.toString()).doesNotContain("residential");
  }

  /**
   * Never under-state risk: a concern about a parent that is about the whole household applies to
   * the child proposed for exclusion too, and the result says so; a concern naming only the
   * referred child does not.
   */
  @Test
  void section3_householdConcernAboutAParent_appliesToTheProposedExcludedChildToo() {
    Evaluation e = EVALUATOR.evaluate(household()
        .addConcerns(Concern.of("T3-PAR-CHAOTIC-SUBSTANCE-USE", SubjectKind.PARENT_CARER, MUM, MON))
        .addConcerns(Concern.builder().from(Concern.of("T2-FAM-OVERCROWDING", SubjectKind.PARENT_CARER, MUM, MON))
            .addAboutChildren(C1).build())
        .addConcerns(Concern.of("T2-DEV-BEREAVED", SubjectKind.CHILD, C1, MON))
        .build(), TUE_10AM);
    assertThat(e.exclusions().get(0).sharedConcerns())
        .containsExactly(IndicatorCode.of("T3-PAR-CHAOTIC-SUBSTANCE-USE"));
    String text = EvaluationText.render(POLICY, household().build(), e).replaceAll("\\s+", " ");
    assertThat(text)
        .contains("c2: Boards at a residential college in term time")
        .contains("Proposed exclusion - the Social Work Manager decides:")
        .contains("The concerns about the whole household or a parent apply to this child too: T3-PAR-CHAOTIC-SUBSTANCE-USE.")
        .contains("Source: ");
  }

  /** A policy that says nothing about who decides shows the exclusion as the referrer stated it. */
  @Test
  void aPolicyWithoutTheRule_showsTheExclusionAsStated() {
    Policy silent = Policy.builder().from(POLICY).exclusionRule(Optional.empty()).build();
    Evaluation e = ThresholdEvaluator.of(silent).evaluate(household()
        .addConcerns(Concern.of("T3-PAR-CHAOTIC-SUBSTANCE-USE", SubjectKind.PARENT_CARER, MUM, MON)).build(), TUE_10AM);
    assertThat(e.exclusions()).containsExactly(Exclusion.of(C2, "Boards at a residential college in term time"));
  }
}
