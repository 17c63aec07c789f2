package io.thresholds.core.consent;

import static io.thresholds.core.InvalidValues.assertInvalid;
import static io.thresholds.core.consent.ConsentHistoryTest.T0;
import static io.thresholds.core.consent.ConsentHistoryTest.T1;
import static io.thresholds.core.consent.ConsentHistoryTest.T2;
import static io.thresholds.core.consent.ConsentHistoryTest.T3;
import static io.thresholds.core.consent.ConsentHistoryTest.given;
import static io.thresholds.core.consent.ConsentHistoryTest.shared;
import static io.thresholds.core.consent.ConsentHistoryTest.withdrawn;
import static io.thresholds.core.consent.ConsentHistoryTest.withheld;
import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.model.AgencyType;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Household;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Referrer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Consent and information sharing on a referral: {@code Referral.consent()} is the history's latest
 * entry, and a record of sharing "on consent" needs consent in force when it was shared (README
 * "Consent and information sharing"; document section 6 "Information sharing").
 */
class ReferralConsentTest {
  private static Referral.Builder referral() {
    return Referral.builder()
        .ref(Ref.of("r1"))
        .referrer(Referrer.of(AgencyType.SCHOOL))
        .madeAt(T3)
        .household(Household.builder()
            .addChildren(Child.builder().ref(Ref.of("c1")).dateOfBirth(LocalDate.of(2015, 3, 1)).build())
            .build())
        .addReferredChildren(Ref.of("c1"));
  }

  private static SharingRecord.Builder onConsent(Instant at) {
    return SharingRecord.builder().addItems(SharedItem.REFERRAL_FORM, SharedItem.CONCERNS)
        .sharedWith("Children and Families Hub").purpose("Early help referral")
        .basis(SharingBasis.CONSENT).sharedAt(at);
  }

  private static SharingRecord.Builder withoutConsent(Instant at) {
    return SharingRecord.builder().addItems(SharedItem.REFERRAL_FORM)
        .sharedWith("Children and Families Hub").purpose("Child protection referral")
        .basis(SharingBasis.SAFEGUARDING_SIGNIFICANT_HARM).sharedAt(at)
        .authorisedBy(Authoriser.DESIGNATED_SAFEGUARDING_LEAD)
        .legalBasis("Risk of significant harm: Working Together 2023");
  }

  // ---- consent() --------------------------------------------------------------------------------

  @Nested
  class CurrentConsent {
    @Test
    void consent_isTheHistorysLatestEntry() {
      ConsentHistory h = ConsentHistory.of(withheld(T0), given(T1), withdrawn(T2));
      Referral r = referral().consentHistory(h).build();
      assertThat(r.consent()).isEqualTo(withdrawn(T2)).isEqualTo(h.current());
    }

    @Test
    void noHistory_noState_notYetSought() {
      Referral r = referral().build();
      assertThat(r.consent()).isEqualTo(ConsentState.notYetSought());
      assertThat(r.consentHistory().entries()).isEmpty();
    }

    @Test
    void aStateGivenDirectly_withoutHistory_isTheConsent() {
      Referral r = referral().consent(withheld(T1)).build();
      assertThat(r.consent()).isEqualTo(withheld(T1));
      assertThat(r.consentHistory().entries()).isEmpty();
    }

    @Test
    void historyAndTheSameLatestState_accepted() {
      ConsentHistory h = ConsentHistory.of(withheld(T0), given(T1));
      assertThat(referral().consentHistory(h).consent(given(T1)).build().consent()).isEqualTo(given(T1));
    }

    @Test
    void historyAndADifferentState_rejectedOnConsent() {
      ConsentHistory h = ConsentHistory.of(withheld(T0), given(T1));
      assertInvalid("consent", () -> referral().consentHistory(h).consent(withheld(T0)).build());
      assertInvalid("consent", () -> referral().consentHistory(h).consent(ConsentState.notYetSought()).build());
      // The same status at another instant is a different state.
      assertInvalid("consent", () -> referral().consentHistory(h).consent(given(T2)).build());
    }
  }

  // ---- sharing records on a referral ------------------------------------------------------------

  @Nested
  class SharingOnAReferral {
    @Test
    void onConsent_whileConsentIsInForce_accepted() {
      Referral r = referral().consentHistory(ConsentHistory.of(withheld(T0), given(T1)))
          .addSharing(onConsent(T2).build()).build();
      assertThat(r.sharing()).hasSize(1);
    }

    @Test
    void onConsent_atTheInstantConsentIsGiven_accepted() {
      Referral r = referral().consentHistory(ConsentHistory.of(given(T1)))
          .addSharing(onConsent(T1).build()).build();
      assertThat(r.sharing()).hasSize(1);
    }

    @Test
    void onConsent_beforeConsentWasGiven_rejectedNamingTheRecord() {
      assertInvalid("sharing[1].basis", () -> referral()
          .consentHistory(ConsentHistory.of(withheld(T0), given(T2)))
          .addSharing(onConsent(T2).build(), onConsent(T1).build())
          .build());
    }

    @Test
    void onConsent_withNoConsentRecordedAtAll_rejected() {
      assertInvalid("sharing[0].basis", () -> referral().addSharing(onConsent(T1).build()).build());
    }

    @Test
    void onConsent_afterConsentWasWithdrawn_rejected() {
      assertInvalid("sharing[0].basis", () -> referral()
          .consentHistory(ConsentHistory.of(given(T0), withdrawn(T1)))
          .addSharing(onConsent(T2).build()).build());
    }

    @Test
    void onConsent_whileSharedWithoutConsentIsTheStateInForce_rejected() {
      assertInvalid("sharing[0].basis", () -> referral()
          .consentHistory(ConsentHistory.of(withheld(T0), shared(T1)))
          .addSharing(onConsent(T2).build()).build());
    }

    @Test
    void onConsent_givenDirectlyWithoutHistory_checkedAgainstItsInstant() {
      Referral ok = referral().consent(given(T1)).addSharing(onConsent(T2).build()).build();
      assertThat(ok.sharing()).hasSize(1);
      assertInvalid("sharing[0].basis",
          () -> referral().consent(given(T1)).addSharing(onConsent(T0).build()).build());
    }

    /**
     * README: a record made "on consent" is rejected "when no consent was in force". Sharing some
     * information without consent (allowed after any state) does not withdraw the consent given
     * earlier, so later sharing on that consent is still on consent in force.
     */
    @Test
    void sharedWithoutConsent_whileConsentIsInForce_rejected() {
      // While consent is in force, sharing is recorded with a SharingRecord on consent, so the
      // latest history entry is always the consent in force.
      assertInvalid("consentHistory[1]", () -> ConsentHistory.of(given(T0), shared(T1)));
    }

    @Test
    void withoutConsent_afterConsentWasWithheld_accepted() {
      Referral r = referral()
          .consentHistory(ConsentHistory.of(withheld(T0), shared(T1)))
          .addSharing(withoutConsent(T1).build()).build();
      assertThat(r.sharing()).singleElement().satisfies(x -> {
        assertThat(x.basis()).isEqualTo(SharingBasis.SAFEGUARDING_SIGNIFICANT_HARM);
        assertThat(x.authorisedBy()).contains(Authoriser.DESIGNATED_SAFEGUARDING_LEAD);
      });
    }
  }

  // ---- the sharing record itself -----------------------------------------------------------------

  @Nested
  class SharingRecordRules {
    @Test
    void withoutConsent_needsAnAuthoriser() {
      for (SharingBasis b : new SharingBasis[] {SharingBasis.SAFEGUARDING_SIGNIFICANT_HARM,
          SharingBasis.OTHER_LEGAL_BASIS}) {
        assertInvalid("sharing.authorisedBy", () -> SharingRecord.builder().addItems(SharedItem.CONCERNS)
            .sharedWith("Police").purpose("Strategy discussion").basis(b).sharedAt(T1)
            .legalBasis("s47").build());
      }
    }

    @Test
    void withoutConsent_needsALegalBasis_notBlank() {
      assertInvalid("sharing.legalBasis", () -> withoutConsent(T1).legalBasis(Optional.empty()).build());
      assertInvalid("sharing.legalBasis", () -> withoutConsent(T1).legalBasis("  ").build());
    }

    @Test
    void onConsent_takesNoAuthoriserOrLegalBasis() {
      assertInvalid("sharing.authorisedBy", () -> onConsent(T1).authorisedBy(Authoriser.LINE_MANAGER).build());
      assertInvalid("sharing.legalBasis", () -> onConsent(T1).legalBasis("s47").build());
    }

    @Test
    void namesAtLeastOneItem_andWhomAndWhy() {
      assertInvalid("sharing.items", () -> SharingRecord.builder().sharedWith("Hub").purpose("Referral")
          .basis(SharingBasis.CONSENT).sharedAt(T1).build());
      assertInvalid("sharing", () -> onConsent(T1).sharedWith(" ").build());
      assertInvalid("sharing", () -> onConsent(T1).purpose("").build());
    }

    @Test
    void consistentWith_isAboutConsentBasedRecordsOnly() {
      ConsentHistory withheldOnly = ConsentHistory.of(withheld(T0));
      assertThat(withoutConsent(T1).build().consistentWith(withheldOnly)).isTrue();
      assertThat(onConsent(T1).build().consistentWith(withheldOnly)).isFalse();
      assertThat(onConsent(T1).build().consistentWith(ConsentHistory.of(given(T0)))).isTrue();
    }

    @Test
    void toString_hidesTheFreeText() {
      SharingRecord x = withoutConsent(T1).description("Chronology of injuries").build();
      assertThat(x.toString()).doesNotContain("Children and Families Hub", "Child protection referral",
          "Working Together", "Chronology").contains("SAFEGUARDING_SIGNIFICANT_HARM");
    }
  }
}
