package io.thresholds.core.model;

import static io.thresholds.core.InvalidValues.assertInvalid;
import static io.thresholds.core.model.HouseholdTest.adult;
import static io.thresholds.core.model.HouseholdTest.child;
import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.consent.ConsentStatus;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReferralTest {
  private static final Ref C1 = Ref.of("c1");
  private static final Ref C2 = Ref.of("c2");
  private static final Ref A1 = Ref.of("a1");
  private static final LocalDate SEEN = LocalDate.of(2025, 11, 20);

  /** A household of two children and one adult; nothing referred yet. */
  private static Referral.Builder base() {
    return Referral.builder()
        .ref(Ref.of("r1"))
        .referrer(Referrer.of(AgencyType.SCHOOL))
        .madeAt(Instant.parse("2025-11-21T10:00:00Z"))
        .household(Household.builder().addChildren(child("c1"), child("c2")).addAdults(adult("a1")).build());
  }

  /** Both children accounted for: c1 referred, c2 excluded. */
  private static Referral.Builder valid() {
    return base().addReferredChildren(C1).putExclusions(C2, "lives mostly with the other parent");
  }

  @Test
  void referral_c1ReferredC2Excluded_valid() {
    Referral r = valid().build();
    assertThat(r.referredChildren()).containsExactly(C1);
    assertThat(r.consent().status()).isEqualTo(ConsentStatus.NOT_YET_SOUGHT);
    assertThat(r.immediateDanger()).isFalse();
    assertThat(r.repeatReferral()).isFalse();
  }

  @Test
  void referral_allChildrenReferred_valid() {
    assertThat(base().addReferredChildren(C1, C2).build().exclusions()).isEmpty();
  }

  @Test
  void referredChildren_empty_rejected() {
    assertInvalid("referredChildren", () -> base().putExclusions(C1, "x").putExclusions(C2, "y").build());
  }

  @Test
  void referredChildren_notAChildOfHousehold_rejected() {
    assertInvalid("referredChildren[1]", () -> base().addReferredChildren(C1, Ref.of("c9")).build());
  }

  @Test
  void referredChildren_anAdult_rejected() {
    assertInvalid("referredChildren[0]", () -> base().addReferredChildren(A1, C1, C2).build());
  }

  @Test
  void referredChildren_listedTwice_rejected() {
    assertInvalid("referredChildren[2]", () -> base().addReferredChildren(C1, C2, C1).build());
  }

  @Test
  void exclusions_notAChildOfHousehold_rejected() {
    assertInvalid("exclusions[a1]", () -> base().addReferredChildren(C1, C2).putExclusions(A1, "an adult").build());
  }

  @Test
  void exclusions_referredChildAlsoExcluded_rejected() {
    assertInvalid("exclusions[c1]", () -> base().addReferredChildren(C1, C2).putExclusions(C1, "both").build());
  }

  @Test
  void exclusions_blankReason_rejected() {
    assertInvalid("exclusions[c2]", () -> base().addReferredChildren(C1).putExclusions(C2, " \t").build());
  }

  @Test
  void household_childNeitherReferredNorExcluded_rejected() {
    assertInvalid("household.children[1]", () -> base().addReferredChildren(C1).build());
  }

  @Test
  void concerns_childSubjectIsReferredChild_valid() {
    Referral r = valid().addConcerns(Concern.of("T2-DEV-BEREAVED", SubjectKind.CHILD, C1, SEEN)).build();
    assertThat(r.concerns()).hasSize(1);
  }

  @Test
  void concerns_childSubjectNotReferred_rejected() {
    assertInvalid("concerns[1].subjectRef", () -> valid()
        .addConcerns(Concern.of("T2-DEV-BEREAVED", SubjectKind.CHILD, C1, SEEN))
        .addConcerns(Concern.of("T2-DEV-BEREAVED", SubjectKind.CHILD, C2, SEEN))
        .build());
  }

  @Test
  void concerns_childSubjectIsAdult_rejected() {
    assertInvalid("concerns[0].subjectRef",
        () -> valid().addConcerns(Concern.of("T2-DEV-BEREAVED", SubjectKind.CHILD, A1, SEEN)).build());
  }

  @Test
  void concerns_parentCarerSubjectIsAdult_valid() {
    assertThat(valid().addConcerns(Concern.of("T2-PAR-PARENTAL-SUBSTANCE-USE", SubjectKind.PARENT_CARER, A1, SEEN))
        .build().concerns()).hasSize(1);
  }

  @Test
  void concerns_parentCarerSubjectIsChild_rejected() {
    assertInvalid("concerns[0].subjectRef", () -> valid()
        .addConcerns(Concern.of("T2-PAR-PARENTAL-SUBSTANCE-USE", SubjectKind.PARENT_CARER, C1, SEEN)).build());
  }

  @Test
  void concerns_householdMemberSubjectIsExcludedChildOrAdult_valid() {
    Referral r = valid()
        .addConcerns(Concern.of("T2-PAR-ISOLATED-DOMESTIC-ABUSE", SubjectKind.HOUSEHOLD_MEMBER, C2, SEEN))
        .addConcerns(Concern.of("T2-PAR-ISOLATED-DOMESTIC-ABUSE", SubjectKind.HOUSEHOLD_MEMBER, A1, SEEN))
        .build();
    assertThat(r.concerns()).hasSize(2);
  }

  @Test
  void concerns_householdMemberSubjectNotInHousehold_rejected() {
    assertInvalid("concerns[0].subjectRef", () -> valid()
        .addConcerns(Concern.of("T2-PAR-ISOLATED-DOMESTIC-ABUSE", SubjectKind.HOUSEHOLD_MEMBER, Ref.of("x9"), SEEN))
        .build());
  }

  @Test
  void concern_malformedIndicatorCode_rejected() {
    assertInvalid("indicator", () -> Concern.of("t2-lower", SubjectKind.CHILD, C1, SEEN));
  }

  @Test
  void referrer_professionalDerivedFromAgencyType() {
    assertThat(Referrer.of(AgencyType.GP).professional()).isTrue();
    assertThat(Referrer.of(AgencyType.MEMBER_OF_PUBLIC).professional()).isFalse();
    assertThat(Referrer.of(AgencyType.PARENT_OR_CARER).professional()).isFalse();
  }
}
