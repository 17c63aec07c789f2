package io.thresholds.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.model.*;
import io.thresholds.core.policy.Policies;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void smoke() {
    Child c = Child.builder().ref(Ref.of("c1")).dateOfBirth(LocalDate.of(2013, 5, 1)).build();
    Adult m = Adult.builder().ref(Ref.of("a1")).relationship(Relationship.MOTHER).parentalResponsibility(true).build();
    Referral r = Referral.builder().ref(Ref.of("r1")).referrer(Referrer.of(AgencyType.SCHOOL))
        .madeAt(Instant.parse("2025-11-21T19:00:00Z"))
        .household(Household.builder().addChildren(c).addAdults(m).build())
        .addReferredChildren(Ref.of("c1"))
        .addConcerns(Concern.of("T3-DEV-PREGNANT-OR-UNSAFE-RELATIONSHIP-13-15", SubjectKind.CHILD, Ref.of("c1"), LocalDate.of(2025, 11, 20)))
        .addConcerns(Concern.of("T2-PAR-PARENTAL-SUBSTANCE-USE", SubjectKind.PARENT_CARER, Ref.of("a1"), LocalDate.of(2025, 11, 20)))
        .build();
    Evaluation e = ThresholdEvaluator.of(Policies.cityOfLondon()).evaluate(r, Instant.parse("2025-11-21T19:00:00Z"));
    System.out.println(e);
    assertThat(e.children()).hasSize(1);
  }
}
