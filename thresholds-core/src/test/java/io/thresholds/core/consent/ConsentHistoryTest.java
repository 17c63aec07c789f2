package io.thresholds.core.consent;

import static io.thresholds.core.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The transitions a consent history accepts and rejects (README "Consent and information sharing":
 * "rejects transitions that make no sense (withdrawn before given, back to 'not yet sought', out of
 * time order)"), and which state is in force at an instant.
 */
class ConsentHistoryTest {
  static final Instant T0 = Instant.parse("2025-11-17T09:30:00Z");
  static final Instant T1 = T0.plusSeconds(3600);
  static final Instant T2 = T1.plusSeconds(3600);
  static final Instant T3 = T2.plusSeconds(3600);

  static final ConsentGiver PR = ConsentGiver.PARENTAL_RESPONSIBILITY;
  static final ConsentGiver YP = ConsentGiver.YOUNG_PERSON;

  static ConsentState given(Instant at) {
    return ConsentState.given(PR, ConsentForm.WRITTEN, at);
  }

  static ConsentState withheld(Instant at) {
    return ConsentState.withheld(PR, at);
  }

  static ConsentState withdrawn(Instant at) {
    return ConsentState.builder().status(ConsentStatus.WITHDRAWN).by(PR).recordedAt(at).build();
  }

  static ConsentState notSoughtUnsafe(Instant at) {
    return ConsentState.notSoughtUnsafe(NotSoughtReason.INCREASED_RISK_TO_CHILD, at);
  }

  static ConsentState shared(Instant at) {
    return ConsentState.builder().status(ConsentStatus.SHARED_WITHOUT_CONSENT).recordedAt(at)
        .authorisedBy(Authoriser.DESIGNATED_SAFEGUARDING_LEAD)
        .legalBasis("Children Act 1989 s47: risk of significant harm").build();
  }

  /** A recorded state of the given status at the given instant. */
  static ConsentState state(ConsentStatus status, Instant at) {
    switch (status) {
      case NOT_YET_SOUGHT:
        return ConsentState.notYetSought();
      case GIVEN:
        return given(at);
      case WITHHELD:
        return withheld(at);
      case WITHDRAWN:
        return withdrawn(at);
      case NOT_SOUGHT_UNSAFE:
        return notSoughtUnsafe(at);
      default:
        return shared(at);
    }
  }

  // ---- rejected transitions ---------------------------------------------------------------------

  @Nested
  class Rejected {
    @Test
    void withdrawnBeforeGiven_asTheFirstEntry_namesEntry0() {
      assertInvalid("consentHistory[0]", () -> ConsentHistory.of(withdrawn(T0)));
    }

    @Test
    void withdrawnBeforeGiven_afterWithheld_namesThatEntry() {
      assertInvalid("consentHistory[1]", () -> ConsentHistory.of(withheld(T0), withdrawn(T1)));
    }

    @Test
    void withdrawnBeforeGiven_afterNotSoughtOrSharedWithoutConsent_namesThatEntry() {
      assertInvalid("consentHistory[2]",
          () -> ConsentHistory.of(notSoughtUnsafe(T0), shared(T1), withdrawn(T2)));
    }

    @Test
    void withdrawnTwice_theSecondWithdrawalHasNothingToWithdraw() {
      assertInvalid("consentHistory[2]",
          () -> ConsentHistory.of(given(T0), withdrawn(T1), withdrawn(T2)));
    }

    @Test
    void withheldAfterGiven_namesThatEntry_givenConsentIsWithdrawnNotWithheld() {
      assertThat(assertInvalid("consentHistory[1]", () -> ConsentHistory.of(given(T0), withheld(T1))).rule())
          .contains("withdrawn, not withheld");
    }

    @Test
    void sharedWithoutConsentOrNotSought_whileConsentIsInForce_rejected() {
      assertInvalid("consentHistory[1]", () -> ConsentHistory.of(given(T0), shared(T1)));
      assertInvalid("consentHistory[1]", () -> ConsentHistory.of(given(T0), notSoughtUnsafe(T1)));
    }

    @ParameterizedTest
    @EnumSource(value = ConsentStatus.class, names = "NOT_YET_SOUGHT", mode = EnumSource.Mode.EXCLUDE)
    void notYetSought_afterAnything_namesThatEntry(ConsentStatus first) {
      ConsentState before = first == ConsentStatus.WITHDRAWN ? given(T0) : state(first, T0);
      assertInvalid("consentHistory[1]",
          () -> ConsentHistory.of(before, ConsentState.notYetSought()));
      if (first == ConsentStatus.WITHDRAWN) {
        assertInvalid("consentHistory[2]",
            () -> ConsentHistory.of(given(T0), withdrawn(T1), ConsentState.notYetSought()));
      }
    }

    @Test
    void notYetSought_thenSomething_namesEntry0_recordOnlyWhatHappened() {
      assertInvalid("consentHistory[0]", () -> ConsentHistory.of(ConsentState.notYetSought(), given(T0)));
    }

    @Test
    void notYetSought_viaThen_isRejectedToo() {
      ConsentHistory h = ConsentHistory.of(withheld(T0));
      assertInvalid("consentHistory[1]", () -> h.then(ConsentState.notYetSought()));
    }

    @Test
    void outOfTimeOrder_namesTheLaterEntrysRecordedAt() {
      // The field is the entry's recordedAt: consentHistory[i].recordedAt.
      assertInvalid("consentHistory[1].recordedAt", () -> ConsentHistory.of(withheld(T1), given(T0)));
      assertInvalid("consentHistory[2].recordedAt",
          () -> ConsentHistory.of(withheld(T0), given(T2), withdrawn(T1)));
    }

    @Test
    void outOfTimeOrder_isCheckedAgainstTheLatestEarlierEntry_notJustTheNeighbour() {
      assertInvalid("consentHistory[2].recordedAt",
          () -> ConsentHistory.of(withheld(T0), given(T3), shared(T2)));
    }

    @Test
    void outOfTimeOrder_viaThen() {
      ConsentHistory h = ConsentHistory.of(withheld(T1));
      assertInvalid("consentHistory[1].recordedAt", () -> h.then(given(T0)));
    }
  }

  // ---- accepted transitions ---------------------------------------------------------------------

  @Nested
  class Accepted {
    @Test
    void givenAfterWithheld_aFamilyMayChangeItsMind() {
      ConsentHistory h = ConsentHistory.of(withheld(T0), given(T1));
      assertThat(h.current()).isEqualTo(given(T1));
    }

    @Test
    void sharedWithoutConsentAfterWithheld() {
      ConsentHistory h = ConsentHistory.of(withheld(T0), shared(T1));
      assertThat(h.current().status()).isEqualTo(ConsentStatus.SHARED_WITHOUT_CONSENT);
      assertThat(h.current().authorisedBy()).contains(Authoriser.DESIGNATED_SAFEGUARDING_LEAD);
      assertThat(h.current().legalBasis()).isPresent();
    }

    @Test
    void withdrawnAfterGiven() {
      assertThat(ConsentHistory.of(given(T0), withdrawn(T1)).current().status())
          .isEqualTo(ConsentStatus.WITHDRAWN);
    }

    @Test
    void givenAgainAfterWithdrawn() {
      ConsentHistory h = ConsentHistory.of(given(T0), withdrawn(T1), given(T2));
      assertThat(h.entries()).extracting(ConsentState::status)
          .containsExactly(ConsentStatus.GIVEN, ConsentStatus.WITHDRAWN, ConsentStatus.GIVEN);
    }


    @Test
    void withheldAfterWithdrawn_askedAgainAndRefused() {
      assertThat(ConsentHistory.of(given(T0), withdrawn(T1), withheld(T2)).current().status())
          .isEqualTo(ConsentStatus.WITHHELD);
    }

    @Test
    void sharedWithoutConsent_afterAnyStateButConsentInForce() {
      for (ConsentStatus s : ConsentArbitraries.RECORDED) {
        if (s == ConsentStatus.GIVEN) {
          continue;
        }
        ConsentHistory h = s == ConsentStatus.WITHDRAWN
            ? ConsentHistory.of(given(T0), withdrawn(T1), shared(T2))
            : ConsentHistory.of(state(s, T0), shared(T1));
        assertThat(h.current().status()).as("after %s", s).isEqualTo(ConsentStatus.SHARED_WITHOUT_CONSENT);
      }
    }

    @Test
    void equalInstants_areInOrder() {
      assertThat(ConsentHistory.of(withheld(T0), given(T0), withdrawn(T0)).entries()).hasSize(3);
    }

    @Test
    void theLoneNotYetSoughtEntry_andTheEmptyHistory() {
      assertThat(ConsentHistory.of(ConsentState.notYetSought()).current())
          .isEqualTo(ConsentState.notYetSought());
      assertThat(ConsentHistory.empty().entries()).isEmpty();
      assertThat(ConsentHistory.empty().current()).isEqualTo(ConsentState.notYetSought());
    }

    @Test
    void then_appendsAndChecks() {
      ConsentHistory h = ConsentHistory.empty().then(withheld(T0)).then(given(T1)).then(withdrawn(T2));
      assertThat(h).isEqualTo(ConsentHistory.of(withheld(T0), given(T1), withdrawn(T2)));
    }

    @Test
    void consentGivenByEitherGiver_mayBeWithdrawnByEither() {
      // The history does not track who withdraws: a young person's consent may be withdrawn by a
      // parent, and vice versa.
      ConsentState ypGiven = ConsentState.given(YP, ConsentForm.VERBAL, T0);
      ConsentState prWithdrawn = ConsentState.builder().status(ConsentStatus.WITHDRAWN).by(PR)
          .recordedAt(T1).build();
      assertThat(ConsentHistory.of(ypGiven, prWithdrawn).entries()).hasSize(2);
    }
  }

  // ---- at(instant) -----------------------------------------------------------------------------

  @Nested
  class At {
    private final ConsentHistory h = ConsentHistory.of(withheld(T0), given(T1), withdrawn(T2));

    @Test
    void beforeTheFirstEntry_notYetSought() {
      assertThat(h.at(T0.minusSeconds(1))).isEqualTo(ConsentState.notYetSought());
    }

    @Test
    void atAnEntrysInstant_thatEntry() {
      assertThat(h.at(T0)).isEqualTo(withheld(T0));
      assertThat(h.at(T1)).isEqualTo(given(T1));
      assertThat(h.at(T2)).isEqualTo(withdrawn(T2));
    }

    @Test
    void betweenEntries_theEarlierOne() {
      assertThat(h.at(T1.plusSeconds(1))).isEqualTo(given(T1));
      assertThat(h.at(T2.minusSeconds(1))).isEqualTo(given(T1));
    }

    @Test
    void afterTheLastEntry_theCurrentOne() {
      assertThat(h.at(T3)).isEqualTo(h.current());
    }

    @Test
    void equalInstants_theLaterEntryInTheList() {
      ConsentHistory same = ConsentHistory.of(withheld(T1), given(T1));
      assertThat(same.at(T1)).isEqualTo(given(T1));
    }

    @Test
    void emptyHistory_alwaysNotYetSought() {
      assertThat(ConsentHistory.empty().at(T3)).isEqualTo(ConsentState.notYetSought());
    }
  }

  // ---- text -----------------------------------------------------------------------------------

  @Test
  void toString_showsStatusesOnly() {
    ConsentHistory h = ConsentHistory.of(withheld(T0), shared(T1));
    assertThat(h.toString()).isEqualTo("ConsentHistory[WITHHELD, SHARED_WITHOUT_CONSENT]")
        .doesNotContain("Children Act");
    assertThat(shared(T1).toString()).doesNotContain("Children Act").doesNotContain("s47");
  }
}
