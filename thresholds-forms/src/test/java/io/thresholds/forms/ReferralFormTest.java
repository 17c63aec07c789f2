package io.thresholds.forms;

import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Household;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Referrer;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.policy.Policies;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReferralFormTest {
  private static final Instant AT = Instant.parse("2025-11-19T10:00:00Z");

  private static ChildAssessment assess(String... codes) {
    Ref c = Ref.of("c1");
    var b = Referral.builder()
        .ref(Ref.of("r1"))
        .referrer(Referrer.of(AgencyType.SCHOOL))
        .madeAt(AT)
        .household(Household.builder()
            .addChildren(Child.builder().ref(c).dateOfBirth(LocalDate.of(2011, 3, 1)).build())
            .build())
        .addReferredChildren(c);
    for (String code : codes) {
      b.addConcerns(Concern.of(code, SubjectKind.CHILD, c, LocalDate.of(2025, 11, 18)));
    }
    return ThresholdEvaluator.of(Policies.cityOfLondon()).evaluate(b.build(), AT).children().get(0);
  }

  @Test
  void appendix3_maceCategory1_callsForMarfAndMace() {
    assertThat(ReferralForm.calledFor(assess("T4-FAM-MACE-CATEGORY-1")))
        .containsExactly(ReferralForm.MARF, ReferralForm.MACE);
  }

  @Test
  void tier1_noConcerns_callsForNoForm() {
    assertThat(ReferralForm.calledFor(assess())).isEmpty();
  }

  @Test
  void appendix4_radicalisation_callsForPrevent() {
    assertThat(ReferralForm.calledFor(assess("T3-RAD-PERSISTENTLY-RUNS-AWAY")))
        .contains(ReferralForm.MARF, ReferralForm.PREVENT);
  }
}
