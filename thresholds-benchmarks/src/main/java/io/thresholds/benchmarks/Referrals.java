package io.thresholds.benchmarks;

import io.thresholds.core.consent.ConsentForm;
import io.thresholds.core.consent.ConsentGiver;
import io.thresholds.core.consent.ConsentState;
import io.thresholds.core.model.Adult;
import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Household;
import io.thresholds.core.model.Mobility;
import io.thresholds.core.model.PersonalDetails;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Referrer;
import io.thresholds.core.model.Relationship;
import io.thresholds.core.model.SubjectKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The synthetic referrals every benchmark uses: the same input set for the SDK, the DMN engines, the bare lookup and JSON. */
final class Referrals {
  static final Instant AT = Instant.parse("2025-11-19T10:30:00Z");
  private static final LocalDate SEEN = LocalDate.of(2025, 11, 18);

  private Referrals() {}

  /**
   * The input set every benchmark uses.
   *
   * @param size {@code typical} or {@code large}
   * @return that referral
   */
  static Referral of(String size) {
    return switch (size) {
      case "typical" -> typical();
      case "large" -> large();
      default -> throw new IllegalArgumentException("size is typical or large, not " + size);
    };
  }

  /**
   * A typical referral as a service receives it (about 1 KB of JSON): one child with personal
   * details (for forms), three concerns (one with a note), consent given.
   */
  static Referral typical() {
    Referral r = typicalCore();
    Child child = Child.builder().from(r.household().children().get(0))
        .personal(PersonalDetails.builder().forenames("Amara").surname("Okafor-Lindqvist")
            .nhsNumber("943 476 5919").address("Flat 4, 17 Example Street, London")
            .postcode("EC2V 7HH").build())
        .build();
    List<Concern> concerns = new ArrayList<>(r.concerns());
    concerns.set(0, Concern.builder().from(concerns.get(0))
        .note("Attendance 84% this term; late most Mondays.").build());
    return Referral.builder().from(r)
        .household(Household.builder().from(r.household()).children(List.of(child)).build())
        .concerns(concerns)
        .build();
  }

  /** The typical referral without personal details or notes: one child, three concerns. */
  private static Referral typicalCore() {
    Ref c = Ref.of("c1");
    Ref m = Ref.of("a1");
    return Referral.builder()
        .ref(Ref.of("r-typical"))
        .referrer(Referrer.builder().agencyType(AgencyType.SCHOOL).designatedSafeguardingLead(true).build())
        .madeAt(AT)
        .household(Household.builder()
            .addChildren(Child.builder().ref(c).dateOfBirth(LocalDate.of(2014, 6, 2)).mobility(Mobility.MOBILE).build())
            .addAdults(Adult.builder().ref(m).relationship(Relationship.MOTHER).parentalResponsibility(true).build())
            .build())
        .addReferredChildren(c)
        .addConcerns(Concern.of("T2-DEV-LOW-ATTENDANCE", SubjectKind.CHILD, c, SEEN))
        .addConcerns(Concern.of("T2-DEV-BEREAVED", SubjectKind.CHILD, c, SEEN))
        .addConcerns(Concern.of("T2-PAR-PARENTAL-SUBSTANCE-USE", SubjectKind.PARENT_CARER, m, SEEN))
        .consent(ConsentState.given(ConsentGiver.PARENTAL_RESPONSIBILITY, ConsentForm.VERBAL, AT))
        .build();
  }

  /** A large referral: five children, twenty concerns across tiers. */
  static Referral large() {
    String[] childCodes = {
      "T2-DEV-BEREAVED", "T2-DEV-LOW-ATTENDANCE", "T3-FAM-PERSISTENTLY-MISSING",
      "T3-DEV-PREGNANT-OR-UNSAFE-RELATIONSHIP-13-15", "T4-FAM-MACE-CATEGORY-1"
    };
    var household = Household.builder()
        .addAdults(Adult.builder().ref(Ref.of("a1")).relationship(Relationship.MOTHER).parentalResponsibility(true).build())
        .addAdults(Adult.builder().ref(Ref.of("a2")).relationship(Relationship.STEP_PARENT).parentalResponsibility(false).build());
    var b = Referral.builder()
        .ref(Ref.of("r-large"))
        .referrer(Referrer.of(AgencyType.HEALTH))
        .madeAt(AT);
    for (int i = 0; i < 5; i++) {
      Ref c = Ref.of("c" + i);
      household.addChildren(Child.builder().ref(c).dateOfBirth(LocalDate.of(2010 + 2 * i, 3, 1 + i)).build());
      b.addReferredChildren(c);
      for (int k = 0; k < 3; k++) {
        b.addConcerns(Concern.of(childCodes[(i + k) % childCodes.length], SubjectKind.CHILD, c, SEEN));
      }
    }
    for (String code : new String[] {"T3-PAR-SERIOUS-PERSISTENT-VIOLENCE", "T2-PAR-PARENTAL-SUBSTANCE-USE",
        "T2-PAR-ISOLATED-DOMESTIC-ABUSE", "T3-PAR-INADEQUATE-CARE-SUPERVISION", "T2-PAR-EARLY-NEGLECT-SIGNS"}) {
      b.addConcerns(Concern.of(code, SubjectKind.PARENT_CARER, Ref.of("a1"), SEEN));
    }
    return b.household(household.build()).build();
  }
}
