package io.thresholds.core.consent;

import static io.thresholds.core.InvalidValues.assertInvalid;
import static io.thresholds.core.consent.ConsentArbitraries.allowedNext;
import static io.thresholds.core.consent.ConsentArbitraries.consentBearing;
import static io.thresholds.core.consent.ConsentArbitraries.forbiddenNext;
import static io.thresholds.core.testing.ReferralArbitraries.POLICY;
import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.consent.ConsentArbitraries.Facts;
import io.thresholds.core.consent.ConsentArbitraries.Walk;
import io.thresholds.core.consent.ConsentArbitraries.WalkPlan;
import io.thresholds.core.evaluation.Action;
import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.evaluation.Evaluation;
import io.thresholds.core.evaluation.Scope;
import io.thresholds.core.evaluation.ThresholdEvaluator;
import io.thresholds.core.evaluation.TierRange;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.ActionKind;
import io.thresholds.core.policy.ActionRule;
import io.thresholds.core.policy.Indicator;
import io.thresholds.core.policy.IndicatorFlag;
import io.thresholds.core.testing.ReferralArbitraries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Laws of consent and information sharing over generated referrals and consent histories (see
 * {@link ConsentArbitraries}). Valid histories are made by walking the transitions the documented
 * rules allow; invalid ones by putting one forbidden step into a valid walk.
 */
class ConsentProperties {
  private static final ThresholdEvaluator EVALUATOR = ThresholdEvaluator.of(POLICY);
  private static final Instant END = Instant.parse("2025-06-02T12:00:00Z");
  private static final Set<ActionKind> PROTECTIVE = EnumSet.of(ActionKind.CALL_EMERGENCY_SERVICES,
      ActionKind.PHONE_REFERRAL, ActionKind.STRATEGY_DISCUSSION);
  private static final Map<String, ActionRule> RULES = POLICY.actionRules().stream()
      .collect(Collectors.toMap(ActionRule::id, r -> r));

  private static Evaluation evaluate(Referral r) {
    return EVALUATOR.evaluate(r, r.madeAt());
  }

  private static boolean flagged(ChildAssessment c) {
    return c.drivingIndicators().stream().map(POLICY::require)
        .anyMatch(i -> i.has(IndicatorFlag.DO_NOT_TELL_FAMILY) || i.has(IndicatorFlag.POLICE_INVESTIGATION));
  }

  // ---- generators ---------------------------------------------------------------------------------

  @Provide
  Arbitrary<WalkPlan> walks() {
    return ConsentArbitraries.walkPlans(6, true);
  }

  @Provide
  Arbitrary<WalkPlan> recordedWalks() {
    return ConsentArbitraries.walkPlans(5, false);
  }

  /** Referrals of any shape and Tier 2 referrals, each with a generated valid consent history. */
  @Provide
  Arbitrary<Referral> consentedReferrals() {
    return Combinators.combine(ConsentArbitraries.mixedReferrals(), ConsentArbitraries.walkPlans(4, true),
            Arbitraries.of(true, false))
        .as((r, plan, direct) -> ConsentArbitraries.withConsent(r, plan.resolve(r.madeAt()), direct));
  }

  /** As {@link #consentedReferrals()}, plus one concern flagged "do not tell the family" or "police investigation". */
  @Provide
  Arbitrary<Referral> referralsWithFlaggedConcern() {
    return Combinators.combine(consentedReferrals(), ConsentArbitraries.flaggedSeeds())
        .as((r, seed) -> Referral.builder().from(r).addConcerns(seed.resolve(r)).build());
  }

  @Provide
  Arbitrary<ConsentGiver> givers() {
    return Arbitraries.of(ConsentGiver.values());
  }

  // ---- the generators reach every status, transition and tier ----------------------------------------

  @Property(tries = 600)
  void generators_reachEveryStatusTransitionAndTier(
      @ForAll("walks") WalkPlan plan, @ForAll("consentedReferrals") Referral referral) {
    Walk walk = plan.resolve(END);
    if (walk.history().entries().isEmpty()) {
      Statistics.label("status").collect(ConsentStatus.NOT_YET_SOUGHT);
    }
    walk.statuses().forEach(s -> Statistics.label("status").collect(s));
    walk.transitions().forEach(t -> Statistics.label("transition").collect(t));
    Statistics.label("history length").collect(walk.history().entries().size());
    Statistics.label("referral consent").collect(referral.consent().status());
    for (ChildAssessment c : evaluate(referral).children()) {
      c.tierRange().ifPresent(range -> {
        for (Tier t : Tier.values()) {
          if (range.contains(t)) {
            Statistics.label("tier in range").collect(t);
          }
        }
      });
    }

    Statistics.label("status").coverage(cov -> {
      for (ConsentStatus s : ConsentStatus.values()) {
        cov.check(s).count(n -> n >= 30);
      }
    });
    Statistics.label("transition").coverage(cov -> {
      for (String t : ConsentArbitraries.allTransitions()) {
        cov.check(t).count(n -> n >= 3);
      }
    });
    Statistics.label("referral consent").coverage(cov -> {
      for (ConsentStatus s : ConsentStatus.values()) {
        cov.check(s).count(n -> n >= 20);
      }
    });
    Statistics.label("tier in range").coverage(cov -> {
      for (Tier t : Tier.values()) {
        cov.check(t).count(n -> n >= 40);
      }
    });
  }

  // ---- valid walks are accepted; one invalid step is rejected, naming it --------------------------

  @Property(tries = 1000)
  void validWalks_areAccepted_stepByStepToo_andAtPicksTheStateInForce(
      @ForAll("walks") WalkPlan plan, @ForAll("probes") int probe) {
    ConsentHistory h = plan.resolve(END).history();
    ConsentHistory stepByStep = ConsentHistory.empty();
    for (ConsentState s : h.entries()) {
      stepByStep = stepByStep.then(s);
    }
    assertThat(stepByStep).isEqualTo(h);
    assertThat(h.current()).isEqualTo(h.entries().isEmpty() ? ConsentState.notYetSought()
        : h.entries().get(h.entries().size() - 1));

    // Probe at, just before and just after each entry's instant, and far before and after.
    List<Instant> probes = new ArrayList<>(List.of(END.minusSeconds(400L * 24 * 3600), END.plusSeconds(1)));
    h.entries().forEach(s -> s.recordedAt().ifPresent(t -> {
      probes.add(t);
      probes.add(t.minusSeconds(1));
      probes.add(t.plusSeconds(1));
    }));
    Instant at = probes.get(probe % probes.size());
    ConsentState expected = ConsentState.notYetSought();
    for (ConsentState s : h.entries()) {
      if (s.recordedAt().isPresent() && !s.recordedAt().get().isAfter(at)) {
        expected = s;
      }
    }
    Statistics.label("state in force").collect(expected.status());
    assertThat(h.at(at)).isEqualTo(expected);
    if (h.entries().stream().allMatch(s -> s.recordedAt().isPresent())) {
      assertThat(h.at(END.plusSeconds(1))).isEqualTo(h.current());
    }
  }

  @Provide
  Arbitrary<Integer> probes() {
    return Arbitraries.integers().between(0, 1000);
  }

  /** Ways to break a history at one entry. */
  enum Breakage {
    WITHDRAWN_WITHOUT_CONSENT_IN_FORCE,
    WITHHELD_AFTER_GIVEN,
    NOT_YET_SOUGHT_AFTER_ANOTHER_STATE,
    NOT_YET_SOUGHT_BEFORE_ANOTHER_STATE,
    OUT_OF_TIME_ORDER
  }

  @Property(tries = 1000)
  void oneForbiddenStep_isRejected_namingTheFirstOffendingEntry(
      @ForAll("recordedWalks") WalkPlan prefixPlan, @ForAll("breakChoices") int choice,
      @ForAll("facts") Facts facts, @ForAll("gapSeconds") long back,
      @ForAll("recordedWalks") WalkPlan suffixPlan) {
    Walk prefix = prefixPlan.resolve(END);
    List<ConsentState> entries = new ArrayList<>(prefix.history().entries());
    List<ConsentStatus> statuses = prefix.statuses();
    int i = entries.size();
    Instant last = i == 0 ? END : entries.get(i - 1).recordedAt().orElseThrow();

    List<Breakage> feasible = new ArrayList<>();
    feasible.add(forbiddenNext(statuses) == ConsentStatus.WITHDRAWN
        ? Breakage.WITHDRAWN_WITHOUT_CONSENT_IN_FORCE : Breakage.WITHHELD_AFTER_GIVEN);
    feasible.add(i == 0 ? Breakage.NOT_YET_SOUGHT_BEFORE_ANOTHER_STATE
        : Breakage.NOT_YET_SOUGHT_AFTER_ANOTHER_STATE);
    if (i > 0) {
      feasible.add(Breakage.OUT_OF_TIME_ORDER);
    }
    Breakage kind = feasible.get(choice % feasible.size());
    String field = "consentHistory[" + i + "]";
    switch (kind) {
      case WITHDRAWN_WITHOUT_CONSENT_IN_FORCE:
        entries.add(facts.state(ConsentStatus.WITHDRAWN, last.plusSeconds(back)));
        break;
      case WITHHELD_AFTER_GIVEN:
        entries.add(facts.state(ConsentStatus.WITHHELD, last.plusSeconds(back)));
        break;
      case NOT_YET_SOUGHT_AFTER_ANOTHER_STATE:
      case NOT_YET_SOUGHT_BEFORE_ANOTHER_STATE:
        entries.add(ConsentState.notYetSought());
        break;
      default:
        // A status that is allowed next, recorded before the previous entry.
        List<ConsentStatus> allowed = allowedNext(statuses);
        ConsentStatus s = allowed.get(choice % allowed.size());
        entries.add(facts.state(s, last.minusSeconds(Math.max(1, back))));
        field += ".recordedAt";
        break;
    }
    // Whatever follows, the first offending entry is named.
    List<ConsentState> suffix = suffixPlan.resolve(END.plusSeconds(30L * 24 * 3600)).history().entries();
    entries.addAll(suffix);
    if (kind == Breakage.NOT_YET_SOUGHT_BEFORE_ANOTHER_STATE && suffix.isEmpty()) {
      entries.add(facts.state(ConsentStatus.GIVEN, END));
    }
    Statistics.label("breakage").collect(kind);
    Statistics.label("consent bearing before").collect(consentBearing(statuses).map(Enum::name).orElse("none"));

    String expected = field;
    assertInvalid(expected, () -> ConsentHistory.builder().entries(entries).build());

    Statistics.label("breakage").coverage(cov -> {
      for (Breakage b : Breakage.values()) {
        cov.check(b).count(n -> n >= 30);
      }
    });
  }

  @Provide
  Arbitrary<Integer> breakChoices() {
    return Arbitraries.integers().between(0, 1000);
  }

  @Provide
  Arbitrary<Facts> facts() {
    return ConsentArbitraries.facts();
  }

  @Provide
  Arbitrary<Long> gapSeconds() {
    return ConsentArbitraries.gaps();
  }

  // ---- the early help referral waits for parental consent ---------------------------------------------

  /** As {@link #consentedReferrals()}, one in three Tier 2 referrals with consent just given by either giver. */
  @Provide
  Arbitrary<Referral> earlyHelpReferrals() {
    Arbitrary<Referral> consented = Combinators.combine(ConsentArbitraries.tier2Referrals(), givers(),
            Arbitraries.of(ConsentForm.values()), Arbitraries.longs().between(0, 3L * 24 * 3600))
        .as((r, by, form, before) -> ConsentArbitraries.withState(r,
            ConsentState.given(by, form, r.madeAt().minusSeconds(before))));
    return Arbitraries.frequencyOf(List.of(ReferralArbitraries.weighted(2, consentedReferrals()),
        ReferralArbitraries.weighted(1, consented)));
  }

  @Property(tries = 600)
  void earlyHelpReferral_neverReady_unlessConsentGivenByWhomTheTier2RuleAccepts(
      @ForAll("earlyHelpReferrals") Referral referral) {
    ConsentRule tier2 = POLICY.consentRule(Tier.ADDITIONAL_NEEDS);
    ConsentState consent = referral.consent();
    boolean accepted = consent.status() == ConsentStatus.GIVEN && tier2.givers().contains(consent.by().orElseThrow());
    for (ChildAssessment c : evaluate(referral).children()) {
      for (Action a : c.actions()) {
        if (a.kind() != ActionKind.EARLY_HELP_REFERRAL) {
          continue;
        }
        Statistics.label("early help ready").collect(a.ready());
        Statistics.label("consent").collect(consent.status(), consent.by().map(Enum::name).orElse("-"));
        if (a.ready()) {
          assertThat(accepted).as("ready with consent %s", consent).isTrue();
        } else if (accepted && !flagged(c) && c.consent().stream().allMatch(g -> g.mayTellFamily())
            && referral.referrer().professional()) {
          // (a related or household concern the family must not be told of also holds it up)
          throw new AssertionError("blocked although a parent consented: " + a.blockers());
        }
        if (!accepted) {
          assertThat(a.blockers()).as("says why").isNotEmpty();
        }
      }
    }
    Statistics.label("early help ready").coverage(cov -> {
      cov.check(true).count(n -> n >= 40);
      cov.check(false).count(n -> n >= 100);
    });
    Statistics.label("consent").coverage(cov -> {
      cov.check(ConsentStatus.GIVEN, ConsentGiver.YOUNG_PERSON.name()).count(n -> n >= 5);
      cov.check(ConsentStatus.GIVEN, ConsentGiver.PARENTAL_RESPONSIBILITY.name()).count(n -> n >= 20);
    });
  }

  // ---- do not tell the family, police investigation -----------------------------------------------

  @Property(tries = 400)
  void doNotTellFamilyOrPoliceInvestigation_neverSeekConsentOrTellTheFamily(
      @ForAll("referralsWithFlaggedConcern") Referral referral) {
    Concern added = referral.concerns().get(referral.concerns().size() - 1);
    Indicator flaggedIndicator = POLICY.require(added.indicator());
    Statistics.label("flag").collect(flaggedIndicator.has(IndicatorFlag.DO_NOT_TELL_FAMILY) ? "do not tell family"
        : "police investigation only");
    for (ChildAssessment c : evaluate(referral).children()) {
      if (c.scope() == Scope.ADULT) {
        continue;
      }
      boolean concerned = added.subject() != SubjectKind.CHILD || added.subjectRef().equals(c.child());
      if (concerned) {
        // Not vacuous: the added concern drives this child's result.
        assertThat(c.drivingIndicators()).contains(added.indicator());
      }
      boolean flagged = flagged(c);
      Statistics.label("child flagged").collect(flagged);
      if (!flagged) {
        continue;
      }
      Statistics.label("consent of a flagged child").collect(referral.consent().status());
      assertThat(c.consent()).isNotEmpty().allSatisfy(g -> {
        assertThat(g.maySeekConsent()).as("maySeekConsent at Tier %s", g.tier().number()).isFalse();
        assertThat(g.mayTellFamily()).as("mayTellFamily at Tier %s", g.tier().number()).isFalse();
        assertThat(g.restrictions()).isNotEmpty();
      });
      for (Action a : c.actions()) {
        if (RULES.get(a.ruleId()).gates().contains(ActionRule.Gate.TELLS_FAMILY)) {
          assertThat(a.ready()).as("%s involves the family", a.ruleId()).isFalse();
        }
      }
    }
    Statistics.label("child flagged").coverage(cov -> cov.check(true).count(n -> n >= 300));
    Statistics.label("consent of a flagged child").coverage(cov -> {
      for (ConsentStatus s : ConsentStatus.values()) {
        cov.check(s).count(n -> n >= 10);
      }
    });
  }

  // ---- withholding consent ------------------------------------------------------------------------

  /**
   * The referral with consent withheld now: appended to its history where the history allows it
   * (consent not in force), otherwise given directly in place of the history.
   */
  private static Referral withheldNow(Referral r, ConsentGiver by) {
    List<ConsentStatus> statuses = r.consentHistory().entries().stream().map(ConsentState::status)
        .collect(Collectors.toList());
    Instant last = r.consentHistory().current().recordedAt().orElse(r.madeAt());
    if (!statuses.isEmpty() && !last.isAfter(r.madeAt()) && allowedNext(statuses).contains(ConsentStatus.WITHHELD)) {
      // Recorded when the referral is made, so that the advice at that time knows it (a decision
      // recorded after the time of the advice is refused by the evaluator).
      Instant at = r.madeAt();
      Statistics.label("withheld").collect("appended to the history");
      return ConsentArbitraries.withHistory(r, r.consentHistory().then(ConsentState.withheld(by, at)));
    }
    Statistics.label("withheld").collect("in place of the consent");
    return ConsentArbitraries.withState(r, ConsentState.withheld(by, r.madeAt()));
  }

  @Property(tries = 400)
  void withholdingConsent_neverLowersTheRange_neverRemovesAProtectiveAction(
      @ForAll("consentedReferrals") Referral referral, @ForAll("givers") ConsentGiver by) {
    Referral withheld = withheldNow(referral, by);
    assertThat(withheld.consent().status()).isEqualTo(ConsentStatus.WITHHELD);
    Evaluation before = evaluate(referral);
    Evaluation after = evaluate(withheld);
    Statistics.label("consent before").collect(referral.consent().status());
    for (ChildAssessment b : before.children()) {
      ChildAssessment a = after.child(b.child()).orElseThrow();
      assertThat(a.tierRange().isPresent()).isEqualTo(b.tierRange().isPresent());
      b.tierRange().ifPresent(rb -> {
        TierRange ra = a.tierRange().orElseThrow();
        assertThat(ra.min()).isGreaterThanOrEqualTo(rb.min());
        assertThat(ra.max()).isGreaterThanOrEqualTo(rb.max());
      });
      for (Action x : b.actions()) {
        if (PROTECTIVE.contains(x.kind())) {
          Statistics.label("protective action").collect(x.kind());
          assertThat(a.actions()).as("%s kept when consent is withheld", x.ruleId()).anySatisfy(y -> {
            assertThat(y.ruleId()).isEqualTo(x.ruleId());
            assertThat(y.kind()).isEqualTo(x.kind());
            assertThat(y.modality()).isEqualTo(x.modality());
            assertThat(y.due()).isEqualTo(x.due());
            // Section 2, Tier 3: the Tier 3 referral waits on the DSL discussion while consent is
            // withheld; nothing else protective changes.
            boolean tier3Referral = (y.ruleId().equals("phone-referral") || y.ruleId().equals("written-referral"))
                && a.tierRange().orElseThrow().min() != Tier.ACUTE;
            if (tier3Referral) {
              assertThat(y.blockers()).allMatch(t -> x.blockers().contains(t) || t.startsWith("Consent is withheld"));
            } else {
              assertThat(y.blockers()).isEqualTo(x.blockers());
            }
          });
        }
      }
    }
    Statistics.label("protective action").coverage(cov -> {
      for (ActionKind k : PROTECTIVE) {
        cov.check(k).count(n -> n >= 8);
      }
    });
    Statistics.label("withheld").coverage(cov -> {
      cov.check("appended to the history").count(n -> n >= 20);
      cov.check("in place of the consent").count(n -> n >= 20);
    });
  }

  @Property(tries = 400)
  void withheldWithTier2InTheRange_singleAgencySupportStays(
      @ForAll("consentedReferrals") Referral referral, @ForAll("givers") ConsentGiver by) {
    Referral withheld = withheldNow(referral, by);
    for (ChildAssessment c : evaluate(withheld).children()) {
      boolean tier2 = c.tierRange().map(r -> r.contains(Tier.ADDITIONAL_NEEDS)).orElse(false);
      Statistics.label("Tier 2 in range").collect(tier2);
      if (!tier2) {
        continue;
      }
      assertThat(c.actions()).extracting(Action::kind).contains(ActionKind.SINGLE_AGENCY_SUPPORT);
      Action single = c.actions().stream().filter(a -> a.kind() == ActionKind.SINGLE_AGENCY_SUPPORT)
          .findFirst().orElseThrow();
      // Own-agency support never waits for consent or for the family to be told.
      assertThat(single.blockers()).noneMatch(x -> x.startsWith("Consent") || x.startsWith("The family"));
      assertThat(c.consent()).filteredOn(g -> g.tier() == Tier.ADDITIONAL_NEEDS).singleElement()
          .satisfies(g -> assertThat(g.check()).isEqualTo(ConsentCheck.NOT_SATISFIED));
      Statistics.label("Tier 2 range").collect(c.tierRange().orElseThrow().toString());
    }
    Statistics.label("Tier 2 in range").coverage(cov -> cov.check(true).count(n -> n >= 150));
  }

  // ---- sharing without consent needs an authoriser and a legal basis ----------------------------------

  @Provide
  Arbitrary<Optional<Authoriser>> maybeAuthorisers() {
    return Arbitraries.of(Authoriser.values()).optional(0.7);
  }

  @Provide
  Arbitrary<Optional<String>> maybeLegalBases() {
    return Arbitraries.frequencyOf(List.of(
            ReferralArbitraries.weighted(4, ReferralArbitraries.distinctiveText()),
            ReferralArbitraries.weighted(1, Arbitraries.of("", " ", "\t", "  \n"))))
        .optional(0.7);
  }

  @Property(tries = 600)
  void sharedWithoutConsent_alwaysNamesAnAuthoriserAndALegalBasis(
      @ForAll("maybeAuthorisers") Optional<Authoriser> authoriser,
      @ForAll("maybeLegalBases") Optional<String> legalBasis,
      @ForAll("walks") WalkPlan plan) {
    ConsentState.Builder b = ConsentState.builder().status(ConsentStatus.SHARED_WITHOUT_CONSENT)
        .recordedAt(END).authorisedBy(authoriser).legalBasis(legalBasis);
    boolean blank = legalBasis.map(String::isBlank).orElse(false);
    String outcome;
    if (authoriser.isEmpty()) {
      outcome = "no authoriser";
      assertInvalid("consent.authorisedBy", b::build);
    } else if (legalBasis.isEmpty()) {
      outcome = "no legal basis";
      assertInvalid("consent.legalBasis", b::build);
    } else if (blank) {
      outcome = "blank legal basis";
      assertInvalid("consent.legalBasis", b::build);
    } else {
      outcome = "accepted";
      ConsentState s = b.build();
      assertThat(s.authorisedBy()).isEqualTo(authoriser);
      assertThat(s.legalBasis()).isEqualTo(legalBasis);
    }
    Statistics.label("state").collect(outcome);

    // The same for a record of sharing without consent.
    for (SharingBasis basis : List.of(SharingBasis.SAFEGUARDING_SIGNIFICANT_HARM, SharingBasis.OTHER_LEGAL_BASIS)) {
      SharingRecord.Builder x = SharingRecord.builder().addItems(SharedItem.CONCERNS)
          .sharedWith("Children and Families Hub").purpose("Referral").basis(basis).sharedAt(END)
          .authorisedBy(authoriser).legalBasis(legalBasis);
      if (authoriser.isEmpty()) {
        assertInvalid("sharing.authorisedBy", x::build);
      } else if (legalBasis.isEmpty() || blank) {
        assertInvalid("sharing.legalBasis", x::build);
      } else {
        assertThat(x.build().authorisedBy()).isEqualTo(authoriser);
      }
    }

    // Every state of every valid history that shares without consent names both.
    for (ConsentState s : plan.resolve(END).history().entries()) {
      if (s.status() == ConsentStatus.SHARED_WITHOUT_CONSENT) {
        assertThat(s.authorisedBy()).isPresent();
        assertThat(s.legalBasis()).hasValueSatisfying(v -> assertThat(v).isNotBlank());
      }
    }

    Statistics.label("state").coverage(cov -> {
      for (String o : List.of("no authoriser", "no legal basis", "blank legal basis", "accepted")) {
        cov.check(o).count(n -> n >= 20);
      }
    });
  }

  // ---- sharing on consent needs consent in force -----------------------------------------------------

  @Provide
  Arbitrary<SharingRecord> sharingRecords() {
    Arbitrary<String> text = ReferralArbitraries.distinctiveText();
    return Combinators.combine(Arbitraries.subsetOf(SharedItem.values()).ofMinSize(1), text.optional(0.6),
            text, text, Arbitraries.of(SharingBasis.values()), Arbitraries.of(Authoriser.values()), text,
            Arbitraries.longs().between(-5L * 24 * 3600, 3600))
        .as((items, description, with, purpose, basis, authoriser, legal, offset) -> {
          SharingRecord.Builder x = SharingRecord.builder().items(items).description(description)
              .sharedWith(with).purpose(purpose).basis(basis).sharedAt(END.plusSeconds(offset));
          if (basis != SharingBasis.CONSENT) {
            x.authorisedBy(authoriser).legalBasis(legal);
          }
          return x.build();
        });
  }

  @Property(tries = 600)
  void sharingOnConsent_isAcceptedExactlyWhenConsentWasGivenAndInForce(
      @ForAll("consentedReferrals") Referral referral, @ForAll("sharingRecords") SharingRecord record,
      @ForAll("probes") int probe) {
    ConsentHistory effective = ConsentArbitraries.effective(referral);
    // Shared around the time the referral was made, or at, just before or just after a consent entry.
    List<Instant> times = new ArrayList<>(List.of(
        referral.madeAt().plusSeconds(record.sharedAt().getEpochSecond() - END.getEpochSecond())));
    effective.entries().forEach(s -> s.recordedAt().ifPresent(t -> {
      times.add(t);
      times.add(t.minusSeconds(1));
      times.add(t.plusSeconds(1));
    }));
    SharingRecord x = SharingRecord.builder().from(record).sharedAt(times.get(probe % times.size())).build();
    boolean inForce = effective.at(x.sharedAt()).status() == ConsentStatus.GIVEN;
    List<ConsentStatus> before = effective.entries().stream()
        .filter(e -> e.recordedAt().isPresent() && !e.recordedAt().get().isAfter(x.sharedAt()))
        .map(ConsentState::status).collect(Collectors.toList());
    Statistics.label("sharing").coverage(cov -> {
      cov.check("on consent, in force").count(n -> n >= 10);
      cov.check("on consent, none in force").count(n -> n >= 20);
      cov.check("without consent").count(n -> n >= 20);
    });
    if (x.basis() == SharingBasis.CONSENT && !inForce
        && consentBearing(before).equals(Optional.of(ConsentStatus.GIVEN))) {
      // Consent given, then a later entry that neither withholds nor withdraws it: whether that consent
      // is still in force is pinned (as a known bug) by ReferralConsentTest, not here.
      Statistics.label("sharing").collect("on consent given, later entry not about consent (skipped)");
      return;
    }
    boolean ok = x.basis() != SharingBasis.CONSENT || inForce;
    Statistics.label("sharing").collect(x.basis() == SharingBasis.CONSENT ? (inForce ? "on consent, in force"
        : "on consent, none in force") : "without consent");
    Referral.Builder b = Referral.builder().from(referral).addSharing(x);
    int i = referral.sharing().size();
    if (ok) {
      assertThat(b.build().sharing()).endsWith(x);
    } else {
      assertInvalid("sharing[" + i + "].basis", b::build);
    }
  }

  // ---- round trips and text -----------------------------------------------------------------------

  @Property(tries = 600)
  void roundTrip_andToStringNeverShowsFreeText(
      @ForAll("walks") WalkPlan plan, @ForAll("sharingRecords") SharingRecord record) {
    ConsentHistory h = plan.resolve(END).history();
    assertThat(ConsentHistory.builder().from(h).build()).isEqualTo(h).hasSameHashCodeAs(h);
    assertThat(ConsentHistory.of(h.entries().toArray(new ConsentState[0]))).isEqualTo(h);
    List<String> freeText = new ArrayList<>();
    for (ConsentState s : h.entries()) {
      assertThat(ConsentState.builder().from(s).build()).isEqualTo(s).hasSameHashCodeAs(s);
      s.legalBasis().ifPresent(freeText::add);
    }
    assertThat(SharingRecord.builder().from(record).build()).isEqualTo(record).hasSameHashCodeAs(record);
    List<String> recordText = new ArrayList<>(List.of(record.sharedWith(), record.purpose()));
    record.description().ifPresent(recordText::add);
    record.legalBasis().ifPresent(recordText::add);
    Statistics.label("free text in history").collect(!freeText.isEmpty());

    for (String t : freeText) {
      assertThat(h.toString()).doesNotContain(t);
      h.entries().forEach(s -> assertThat(s.toString()).doesNotContain(t));
    }
    for (String t : recordText) {
      assertThat(record.toString()).doesNotContain(t);
    }
    Statistics.label("free text in history").coverage(cov -> cov.check(true).count(n -> n >= 100));
  }
}
