package io.thresholds.core.consent;

import static io.thresholds.core.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConsentStateTest {
  private static final Instant AT = Instant.parse("2025-11-21T10:00:00Z");

  private static ConsentState.Builder given() {
    return ConsentState.builder().status(ConsentStatus.GIVEN)
        .by(ConsentGiver.PARENTAL_RESPONSIBILITY).form(ConsentForm.WRITTEN).recordedAt(AT);
  }

  private static ConsentState.Builder shared() {
    return ConsentState.builder().status(ConsentStatus.SHARED_WITHOUT_CONSENT).recordedAt(AT)
        .authorisedBy(Authoriser.DESIGNATED_SAFEGUARDING_LEAD)
        .legalBasis("Children Act 1989 s47; risk of significant harm");
  }

  // --- valid states

  @Test
  void consent_notYetSought_valid() {
    ConsentState s = ConsentState.notYetSought();
    assertThat(s.status()).isEqualTo(ConsentStatus.NOT_YET_SOUGHT);
    assertThat(s.by()).isEmpty();
    assertThat(s.recordedAt()).isEmpty();
  }

  @Test
  void consent_given_valid() {
    ConsentState s = ConsentState.given(ConsentGiver.YOUNG_PERSON, ConsentForm.VERBAL, AT);
    assertThat(s).isEqualTo(given().by(ConsentGiver.YOUNG_PERSON).form(ConsentForm.VERBAL).build());
    assertThat(s.status().permitsConsentBasedReferral()).isTrue();
  }

  @Test
  void consent_withheld_valid() {
    ConsentState s = ConsentState.withheld(ConsentGiver.PARENTAL_RESPONSIBILITY, AT);
    assertThat(s.form()).isEmpty();
    assertThat(s.status().permitsConsentBasedReferral()).isFalse();
  }

  @Test
  void consent_withdrawn_valid() {
    assertThat(ConsentState.builder().status(ConsentStatus.WITHDRAWN).by(ConsentGiver.YOUNG_PERSON)
        .recordedAt(AT).build().by()).contains(ConsentGiver.YOUNG_PERSON);
  }

  @Test
  void consent_notSoughtUnsafe_valid() {
    assertThat(ConsentState.notSoughtUnsafe(NotSoughtReason.COMPROMISE_POLICE_INVESTIGATION, AT).notSoughtReason())
        .contains(NotSoughtReason.COMPROMISE_POLICE_INVESTIGATION);
  }

  @Test
  void consent_sharedWithoutConsent_valid() {
    assertThat(shared().build().authorisedBy()).contains(Authoriser.DESIGNATED_SAFEGUARDING_LEAD);
  }

  // --- consent.by

  @ParameterizedTest
  @EnumSource(value = ConsentStatus.class, names = {"GIVEN", "WITHHELD", "WITHDRAWN"})
  void by_missingWhenGivenWithheldOrWithdrawn_rejected(ConsentStatus status) {
    ConsentState.Builder b = ConsentState.builder().status(status).recordedAt(AT);
    if (status == ConsentStatus.GIVEN) {
      b.form(ConsentForm.VERBAL);
    }
    assertInvalid("consent.by", b::build);
  }

  @ParameterizedTest
  @EnumSource(value = ConsentStatus.class, names = {"NOT_YET_SOUGHT", "NOT_SOUGHT_UNSAFE", "SHARED_WITHOUT_CONSENT"})
  void by_presentForOtherStatuses_rejected(ConsentStatus status) {
    assertInvalid("consent.by",
        () -> ConsentState.builder().status(status).by(ConsentGiver.YOUNG_PERSON).recordedAt(AT).build());
  }

  // --- consent.form

  @Test
  void form_missingWhenGiven_rejected() {
    assertInvalid("consent.form", () -> ConsentState.builder().status(ConsentStatus.GIVEN)
        .by(ConsentGiver.YOUNG_PERSON).recordedAt(AT).build());
  }

  @Test
  void form_presentWhenWithheld_rejected() {
    assertInvalid("consent.form", () -> ConsentState.builder().status(ConsentStatus.WITHHELD)
        .by(ConsentGiver.YOUNG_PERSON).form(ConsentForm.WRITTEN).recordedAt(AT).build());
  }

  // --- consent.recordedAt

  @Test
  void recordedAt_missingWhenGiven_rejected() {
    assertInvalid("consent.recordedAt", () -> ConsentState.builder().status(ConsentStatus.GIVEN)
        .by(ConsentGiver.YOUNG_PERSON).form(ConsentForm.WRITTEN).build());
  }

  @ParameterizedTest
  @EnumSource(value = ConsentStatus.class, names = "NOT_YET_SOUGHT", mode = EnumSource.Mode.EXCLUDE)
  void recordedAt_missingForAnyRecordedStatus_rejected(ConsentStatus status) {
    ConsentState.Builder b = ConsentState.builder().status(status);
    switch (status) {
      case GIVEN:
        b.by(ConsentGiver.YOUNG_PERSON).form(ConsentForm.WRITTEN);
        break;
      case WITHHELD:
      case WITHDRAWN:
        b.by(ConsentGiver.YOUNG_PERSON);
        break;
      default:
        break;
    }
    assertInvalid("consent.recordedAt", b::build);
  }

  @Test
  void recordedAt_presentWhenNotYetSought_rejected() {
    assertInvalid("consent.recordedAt",
        () -> ConsentState.builder().status(ConsentStatus.NOT_YET_SOUGHT).recordedAt(AT).build());
  }

  // --- consent.notSoughtReason

  @Test
  void notSoughtReason_missingWhenNotSoughtUnsafe_rejected() {
    assertInvalid("consent.notSoughtReason",
        () -> ConsentState.builder().status(ConsentStatus.NOT_SOUGHT_UNSAFE).recordedAt(AT).build());
  }

  @Test
  void notSoughtReason_presentWhenGiven_rejected() {
    assertInvalid("consent.notSoughtReason",
        () -> given().notSoughtReason(NotSoughtReason.INCREASED_RISK_TO_CHILD).build());
  }

  // --- consent.authorisedBy

  @Test
  void authorisedBy_missingWhenSharedWithoutConsent_rejected() {
    assertInvalid("consent.authorisedBy", () -> ConsentState.builder()
        .status(ConsentStatus.SHARED_WITHOUT_CONSENT).recordedAt(AT).legalBasis("s47").build());
  }

  @Test
  void authorisedBy_presentWhenGiven_rejected() {
    assertInvalid("consent.authorisedBy", () -> given().authorisedBy(Authoriser.LINE_MANAGER).build());
  }

  // --- consent.legalBasis

  @Test
  void legalBasis_missingWhenSharedWithoutConsent_rejected() {
    assertInvalid("consent.legalBasis", () -> ConsentState.builder()
        .status(ConsentStatus.SHARED_WITHOUT_CONSENT).recordedAt(AT).authorisedBy(Authoriser.LINE_MANAGER).build());
  }

  @Test
  void legalBasis_presentWhenGiven_rejected() {
    assertInvalid("consent.legalBasis", () -> given().legalBasis("s47").build());
  }

  @Test
  void legalBasis_blank_rejected() {
    assertInvalid("consent.legalBasis", () -> shared().legalBasis("   ").build());
  }
}
