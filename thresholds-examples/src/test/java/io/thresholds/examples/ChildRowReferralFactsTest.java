package io.thresholds.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.model.Adult;
import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.ApproximateAge;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The research row of a child whose age is approximate or unknown (never a made-up age or band),
 * whose disability is not known, and who is or is not named by a concern about some children.
 */
class ChildRowReferralFactsTest {
  private static final Policy POLICY = Policies.cityOfLondon();
  private static final Instant AT = Instant.parse("2025-11-20T11:00:00Z");

  @Test
  void approximateAndUnknownAges_bandOnlyWhenCertain_andConcernsAboutOneChild() {
    Referral r = Referral.builder().ref(Ref.of("r")).madeAt(AT).referrer(Referrer.of(AgencyType.HEALTH))
        .household(Household.builder()
            .addChildren(Child.builder().ref(Ref.of("about12")).approximateAge(ApproximateAge.ofYears(12)).build())
            .addChildren(Child.builder().ref(Ref.of("about5")).approximateAge(ApproximateAge.ofYears(5))
                .disabilityUnknown(true).build())
            .addChildren(Child.builder().ref(Ref.of("unknown")).ageUnknown(true).build())
            .addChildren(Child.builder().ref(Ref.of("exact")).dateOfBirth(LocalDate.of(2016, 1, 10)).build())
            .addAdults(Adult.builder().ref(Ref.of("mum")).relationship(Relationship.MOTHER).parentalResponsibility(true).build())
            .build())
        .addReferredChildren(Ref.of("about12"), Ref.of("about5"), Ref.of("unknown"), Ref.of("exact"))
        .addConcerns(Concern.builder().indicator(IndicatorCode.of("T3-PAR-ASSAULT-NO-OR-MINOR-INJURY"))
            .subject(SubjectKind.PARENT_CARER).subjectRef(Ref.of("mum")).addAboutChildren(Ref.of("about5"))
            .observedOn(LocalDate.of(2025, 11, 19)).build())
        .addConcerns(Concern.builder().indicator(IndicatorCode.of("T2-FAM-OVERCROWDING"))
            .subject(SubjectKind.PARENT_CARER).subjectRef(Ref.of("mum")).observedOn(LocalDate.of(2025, 11, 19)).build())
        .build();
    Evaluation e = ThresholdEvaluator.of(POLICY).evaluate(r, AT);
    List<ChildRow> rows = ChildRow.of(1, POLICY, r, e);

    ChildRow about12 = rows.get(0);
    assertThat(about12.ageBasis).isEqualTo("approximate");
    assertThat(about12.ageYears).isEqualTo(12);
    assertThat(about12.ageBand).as("11 to 13: all 10-15").isEqualTo("10-15");
    assertThat(about12.childConcerns).as("the assault concern is about another child").isEqualTo(1);

    ChildRow about5 = rows.get(1);
    assertThat(about5.ageYears).isEqualTo(5);
    assertThat(about5.ageBand).as("4 to 6 spans 1-4 and 5-9").isEqualTo("uncertain");
    assertThat(about5.disabilityUnknown).isTrue();
    assertThat(about5.childConcerns).isEqualTo(2);
    assertThat(about5.provisional).isTrue();
    assertThat(about5.openFacts).contains("disability");

    ChildRow unknown = rows.get(2);
    assertThat(unknown.ageBasis).isEqualTo("unknown");
    assertThat(unknown.ageYears).isNull();
    assertThat(unknown.ageBand).isEqualTo("unknown");
    assertThat(unknown.unborn).isFalse();

    ChildRow exact = rows.get(3);
    assertThat(exact.ageBasis).isEqualTo("exact");
    assertThat(exact.ageYears).isEqualTo(9);
    assertThat(exact.ageBand).isEqualTo("5-9");
    assertThat(exact.openFacts).isEmpty();
  }
}
