package io.thresholds.core.evaluation;

import static io.thresholds.core.testing.ReferralArbitraries.CALENDAR;
import static io.thresholds.core.testing.ReferralArbitraries.POLICY;
import static io.thresholds.core.testing.ReferralArbitraries.ZONE;
import static io.thresholds.core.testing.ReferralArbitraries.referralDay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.consent.ConsentCheck;
import io.thresholds.core.consent.ConsentGiver;
import io.thresholds.core.consent.ConsentGuidance;
import io.thresholds.core.consent.ConsentHistory;
import io.thresholds.core.consent.ConsentRequirement;
import io.thresholds.core.consent.ConsentState;
import io.thresholds.core.consent.ConsentStatus;
import io.thresholds.core.consent.SharingBasis;
import io.thresholds.core.consent.SharingRecord;
import io.thresholds.core.model.Adult;
import io.thresholds.core.model.Child;
import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Household;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.core.model.Referrer;
import io.thresholds.core.model.SubjectKind;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.ActionKind;
import io.thresholds.core.policy.ActionRule;
import io.thresholds.core.policy.Indicator;
import io.thresholds.core.policy.IndicatorFlag;
import io.thresholds.core.policy.IndicatorKind;
import io.thresholds.core.policy.Modality;
import io.thresholds.core.testing.AgeBand;
import io.thresholds.core.testing.ReferralArbitraries;
import io.thresholds.core.testing.ReferralDomain;
import io.thresholds.core.testing.ReferralWithExtraConcern;
import io.thresholds.core.testing.TimeClass;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;
import net.jqwik.api.statistics.Statistics;

/** Laws of the evaluator over referrals of any shape (see {@link ReferralArbitraries}). */
@Domain(ReferralDomain.class)
@Domain(DomainContext.Global.class)
class EvaluationProperties {
  private static final ThresholdEvaluator EVALUATOR = ThresholdEvaluator.of(POLICY);
  private static final Set<ReasonKind> INDICATOR_REASONS = EnumSet.of(ReasonKind.INDICATOR,
      ReasonKind.ESCALATED, ReasonKind.DERIVED, ReasonKind.CONDITION_NOT_MET, ReasonKind.STRENGTH,
      ReasonKind.POSSIBLE_ESCALATION);
  private static final Set<ActionKind> URGENT = EnumSet.of(ActionKind.CALL_EMERGENCY_SERVICES,
      ActionKind.INFORM_SAFEGUARDING_LEAD, ActionKind.PHONE_REFERRAL, ActionKind.WRITTEN_REFERRAL,
      ActionKind.STRATEGY_DISCUSSION);
  /** What stays unblocked even when the referrer is not a professional (anyone may phone). */
  private static final Set<ActionKind> URGENT_FOR_ANYONE = EnumSet.of(ActionKind.CALL_EMERGENCY_SERVICES,
      ActionKind.PHONE_REFERRAL, ActionKind.WRITTEN_REFERRAL, ActionKind.STRATEGY_DISCUSSION);
  private static final Set<ActionKind> NEVER_REMOVED_BY_CONSENT = EnumSet.of(
      ActionKind.CALL_EMERGENCY_SERVICES, ActionKind.PHONE_REFERRAL, ActionKind.STRATEGY_DISCUSSION);

  private static Evaluation evaluate(Referral r) {
    return EVALUATOR.evaluate(r, r.madeAt());
  }

  // ---- the generators reach every class ---------------------------------------------------------

  @Property(tries = 1500)
  void generators_reachEveryTierScopeAgeBandConsentStatusAndTimeClass(@ForAll Referral referral) {
    Evaluation e = evaluate(referral);
    for (ChildAssessment c : e.children()) {
      Statistics.label("scope").collect(c.scope());
      Statistics.label("age band").collect(AgeBand.of(c.age()));
      c.tierRange().ifPresent(r -> {
        Statistics.label("min tier").collect(r.min());
        Statistics.label("max tier").collect(r.max());
      });
    }
    Statistics.label("immediate danger").collect(referral.immediateDanger());
    Statistics.label("consent status").collect(referral.consent().status());
    Statistics.label("time class").collect(TimeClass.of(referral.madeAt(), CALENDAR));
    Statistics.label("professional referrer").collect(referral.referrer().professional());

    Statistics.label("scope").coverage(cov -> {
      for (Scope s : Scope.values()) {
        cov.check(s).count(n -> n >= 20);
      }
    });
    Statistics.label("age band").coverage(cov -> {
      for (AgeBand b : AgeBand.values()) {
        cov.check(b).count(n -> n >= 10);
      }
    });
    Statistics.label("min tier").coverage(cov -> {
      for (Tier t : Tier.values()) {
        cov.check(t).count(n -> n >= 10);
      }
    });
    Statistics.label("max tier").coverage(cov -> {
      for (Tier t : Tier.values()) {
        cov.check(t).count(n -> n >= 10);
      }
    });
    Statistics.label("immediate danger").coverage(cov -> {
      cov.check(true).count(n -> n >= 50);
      cov.check(false).count(n -> n >= 50);
    });
    Statistics.label("consent status").coverage(cov -> {
      for (ConsentStatus s : ConsentStatus.values()) {
        cov.check(s).count(n -> n >= 20);
      }
    });
    Statistics.label("time class").coverage(cov -> {
      for (TimeClass t : TimeClass.values()) {
        cov.check(t).count(n -> n >= 20);
      }
    });
    Statistics.label("professional referrer").coverage(cov -> {
      cov.check(true).count(n -> n >= 50);
      cov.check(false).count(n -> n >= 50);
    });
  }

  // ---- 1. monotonic -----------------------------------------------------------------------------

  @Property
  void law1_addingAConcernNeverLowersTheMinOrMaxTier(@ForAll ReferralWithExtraConcern c) {
    Evaluation before = evaluate(c.referral());
    Evaluation after = evaluate(c.withExtra());
    for (ChildAssessment b : before.children()) {
      ChildAssessment a = after.child(b.child()).orElseThrow();
      assertThat(a.tierRange().isPresent()).isEqualTo(b.tierRange().isPresent());
      b.tierRange().ifPresent(rb -> {
        TierRange ra = a.tierRange().orElseThrow();
        Statistics.label("extra concern raised the range")
            .collect(!ra.equals(rb));
        assertThat(ra.min()).as("min of %s", b.child()).isGreaterThanOrEqualTo(rb.min());
        assertThat(ra.max()).as("max of %s", b.child()).isGreaterThanOrEqualTo(rb.max());
      });
    }
  }

  // ---- 2. immediate danger ----------------------------------------------------------------------

  @Property
  void law2_immediateDanger_firstActionIsAMustCallToThePolice(@ForAll Referral referral) {
    Referral r = Referral.builder().from(referral).immediateDanger(true).build();
    for (ChildAssessment c : evaluate(r).children()) {
      Statistics.label("scope").collect(c.scope());
      assertThat(c.actions()).isNotEmpty();
      Action first = c.actions().get(0);
      assertThat(first.kind()).isEqualTo(ActionKind.CALL_EMERGENCY_SERVICES);
      assertThat(first.modality()).isEqualTo(Modality.MUST);
      assertThat(first.contact()).hasValueSatisfying(k -> assertThat(k.id()).isEqualTo("police"));
      assertThat(first.due()).hasValueSatisfying(d -> assertThat(d.dueBy()).isEqualTo(r.madeAt()));
    }
  }

  @Property
  void noImmediateDanger_neverAdvisesAnEmergencyCall(@ForAll Referral referral) {
    Referral r = Referral.builder().from(referral).immediateDanger(false).build();
    for (ChildAssessment c : evaluate(r).children()) {
      assertThat(c.actions()).extracting(Action::kind)
          .doesNotContain(ActionKind.CALL_EMERGENCY_SERVICES, ActionKind.INFORM_SAFEGUARDING_LEAD);
      assertThat(c.reasons()).extracting(Reason::kind).doesNotContain(ReasonKind.IMMEDIATE_DANGER);
    }
  }

  // ---- 3. Tier 4: phone, then writing within 24 hours ---------------------------------------------

  @Property
  void law3_tier4_phoneReferralMust_writtenReferralExactly24HoursAfterIt(@ForAll Referral referral) {
    for (ChildAssessment c : evaluate(referral).children()) {
      boolean acute = c.tierRange().map(r -> r.min() == Tier.ACUTE).orElse(false);
      Statistics.label("min is Tier 4").collect(acute);
      if (!acute) {
        continue;
      }
      List<Action> phone = ofKind(c, ActionKind.PHONE_REFERRAL);
      List<Action> written = ofKind(c, ActionKind.WRITTEN_REFERRAL);
      assertThat(phone).hasSize(1);
      assertThat(written).hasSize(1);
      assertThat(phone.get(0).modality()).isEqualTo(Modality.MUST);
      assertThat(written.get(0).modality()).isEqualTo(Modality.MUST);
      Instant phoneDue = phone.get(0).due().orElseThrow().dueBy();
      assertThat(written.get(0).due().orElseThrow().dueBy())
          .isEqualTo(phoneDue.plus(Duration.ofHours(24)));
      assertThat(c.actions().indexOf(phone.get(0))).isLessThan(c.actions().indexOf(written.get(0)));
    }
  }

  /**
   * Tier 4 routing by the time of the referral: the Hub in office hours (now), the Emergency Duty
   * Team out of hours (now), and in the 08:30-09:00 gap the Hub at 09:00 with a note saying so.
   */
  @Property
  void tier4_phoneReferralRoute_followsTheServiceHours(@ForAll Referral referral) {
    TimeClass when = TimeClass.of(referral.madeAt(), CALENDAR);
    for (ChildAssessment c : evaluate(referral).children()) {
      if (!c.tierRange().map(r -> r.min() == Tier.ACUTE).orElse(false)) {
        continue;
      }
      Statistics.label("time class").collect(when);
      Action phone = ofKind(c, ActionKind.PHONE_REFERRAL).get(0);
      Instant due = phone.due().orElseThrow().dueBy();
      String contact = phone.contact().orElseThrow().id();
      if (when == TimeClass.OFFICE_HOURS) {
        assertThat(contact).isEqualTo("hub");
        assertThat(due).isEqualTo(referral.madeAt());
        assertThat(phone.notes()).isEmpty();
      } else if (when == TimeClass.GAP_0830_TO_0900) {
        assertThat(contact).isEqualTo("hub");
        assertThat(due).isEqualTo(ZonedDateTime.of(referralDay(referral), LocalTime.of(9, 0), ZONE)
            .toInstant());
        assertThat(phone.notes()).hasSize(1);
        assertThat(phone.notes().get(0)).contains("call 999 now");
      } else {
        assertThat(contact).isEqualTo("edt");
        assertThat(due).isEqualTo(referral.madeAt());
        assertThat(phone.notes()).isEmpty();
      }
      Action written = ofKind(c, ActionKind.WRITTEN_REFERRAL).get(0);
      assertThat(written.contact().orElseThrow().email())
          .contains(contact.equals("hub") ? "Children.duty@cityoflondon.gov.uk" : "duty@hackney.gov.uk");
    }
  }

  // ---- 4. early help needs consent ----------------------------------------------------------------

  @Property
  void law4_earlyHelpReferral_comesWithTier2ConsentRequired(@ForAll Referral referral) {
    for (ChildAssessment c : evaluate(referral).children()) {
      boolean earlyHelp = c.actions().stream().anyMatch(a -> a.kind() == ActionKind.EARLY_HELP_REFERRAL);
      Statistics.label("early help referral").collect(earlyHelp);
      if (earlyHelp) {
        assertThat(c.consent())
            .filteredOn(g -> g.tier() == Tier.ADDITIONAL_NEEDS)
            .singleElement()
            .satisfies(g -> assertThat(g.requirement()).isEqualTo(ConsentRequirement.REQUIRED));
      }
    }
  }

  // ---- 5. deterministic -------------------------------------------------------------------------

  @Property
  void law5_deterministic_sameReferralOrAnEqualCopy_sameInstant_equalEvaluations(
      @ForAll Referral referral, @ForAll("delays") Duration delay) {
    Instant at = referral.madeAt().plus(delay);
    Referral copy = freshCopy(referral);
    assertThat(copy).isEqualTo(referral).isNotSameAs(referral);
    Evaluation first = EVALUATOR.evaluate(referral, at);
    Evaluation second = EVALUATOR.evaluate(referral, at);
    Evaluation ofCopy = EVALUATOR.evaluate(copy, at);
    Evaluation otherEvaluator = ThresholdEvaluator.of(POLICY).evaluate(copy, at);
    assertThat(second).isEqualTo(first);
    assertThat(ofCopy).isEqualTo(first);
    assertThat(otherEvaluator).isEqualTo(first);
    assertThat(ofCopy.toString()).isEqualTo(first.toString());
    assertThat(first.evaluatedAt()).isEqualTo(at);
  }

  @Provide
  Arbitrary<Duration> delays() {
    return Arbitraries.frequencyOf(List.of(
        Tuple.of(1, Arbitraries.just(Duration.ZERO)),
        Tuple.of(2, Arbitraries.longs().between(1, 3L * 24 * 3600).map(Duration::ofSeconds))));
  }

  /**
   * An equal referral built from scratch: every value object rebuilt, and the exclusions put in
   * the reverse order (a map: the order does not make referrals unequal).
   */
  static Referral freshCopy(Referral r) {
    List<Map.Entry<Ref, String>> ex = new ArrayList<>(r.exclusions().entrySet());
    Collections.reverse(ex);
    Map<Ref, String> reversed = new LinkedHashMap<>();
    ex.forEach(e -> reversed.put(Ref.of(e.getKey().value()), new String(e.getValue())));
    return Referral.builder()
        .ref(Ref.of(r.ref().value()))
        .referrer(Referrer.builder().from(r.referrer()).build())
        .madeAt(Instant.ofEpochSecond(r.madeAt().getEpochSecond(), r.madeAt().getNano()))
        .household(Household.builder()
            .children(r.household().children().stream()
                .map(c -> Child.builder().from(c).build()).collect(Collectors.toList()))
            .adults(r.household().adults().stream()
                .map(a -> Adult.builder().from(a).build()).collect(Collectors.toList()))
            .build())
        .referredChildren(r.referredChildren().stream().map(x -> Ref.of(x.value()))
            .collect(Collectors.toList()))
        .exclusions(reversed)
        .concerns(r.concerns().stream().map(c -> Concern.builder().from(c).build())
            .collect(Collectors.toList()))
        .immediateDanger(r.immediateDanger())
        .repeatReferral(r.repeatReferral())
        .consentHistory(ConsentHistory.builder().from(r.consentHistory()).build())
        .consent(ConsentState.builder().from(r.consent()).build())
        .sharing(r.sharing().stream().map(x -> SharingRecord.builder().from(x).build())
            .collect(Collectors.toList()))
        .build();
  }

  // ---- 6. explained and cited -------------------------------------------------------------------

  @Property
  void law6_indicatorReasonsNameAnIndicator_everyReasonAndActionIsCited(@ForAll Referral referral) {
    for (ChildAssessment c : evaluate(referral).children()) {
      for (Reason r : c.reasons()) {
        Statistics.label("reason kind").collect(r.kind());
        if (INDICATOR_REASONS.contains(r.kind())) {
          assertThat(r.indicator()).as("indicator of %s", r.kind()).isPresent();
          assertThat(POLICY.indicator(r.indicator().get())).isPresent();
        }
        assertThat(r.citation().document()).isNotBlank();
        assertThat(r.citation().section()).isNotBlank();
        assertThat(r.explanation()).isNotBlank();
      }
      for (Action a : c.actions()) {
        assertThat(a.citation().document()).isNotBlank();
        assertThat(a.citation().section()).isNotBlank();
        assertThat(a.description()).isNotBlank();
      }
      assertThat(c.reasons()).as("every result is explained").isNotEmpty();
    }
  }

  // ---- 7. one result per referred child, one exclusion per excluded child -------------------------

  @Property
  void law7_aResultForEveryReferredChildInOrder_anExclusionForEveryExcludedChild(
      @ForAll Referral referral) {
    Evaluation e = evaluate(referral);
    Statistics.label("children excluded").collect(!referral.exclusions().isEmpty());
    assertThat(e.children()).extracting(ChildAssessment::child)
        .containsExactlyElementsOf(referral.referredChildren());
    assertThat(e.exclusions()).extracting(Exclusion::child)
        .containsExactlyInAnyOrderElementsOf(referral.exclusions().keySet())
        .doesNotContainAnyElementsOf(referral.referredChildren());
    for (Exclusion x : e.exclusions()) {
      assertThat(x.reason()).isEqualTo(referral.exclusions().get(x.child()));
    }
    assertThat(e.referral()).isEqualTo(referral.ref());
    assertThat(e.policyId()).isEqualTo(POLICY.id());
    assertThat(e.policyVersion()).isEqualTo(POLICY.version());
  }

  // ---- 8. withholding consent ---------------------------------------------------------------------

  @Property
  void law8_withholdingConsent_neverLowersTheRange_neverRemovesUrgentActions(
      @ForAll Referral referral, @ForAll("givers") ConsentGiver by) {
    Referral withheld = withConsent(referral, ConsentState.withheld(by, referral.madeAt()));
    Statistics.label("consent before").collect(referral.consent().status());
    Evaluation before = evaluate(referral);
    Evaluation after = evaluate(withheld);
    for (ChildAssessment b : before.children()) {
      ChildAssessment a = after.child(b.child()).orElseThrow();
      b.tierRange().ifPresent(rb -> {
        TierRange ra = a.tierRange().orElseThrow();
        assertThat(ra.min()).isGreaterThanOrEqualTo(rb.min());
        assertThat(ra.max()).isGreaterThanOrEqualTo(rb.max());
      });
      for (Action x : b.actions()) {
        if (NEVER_REMOVED_BY_CONSENT.contains(x.kind())) {
          assertThat(a.actions())
              .as("%s kept when consent is withheld", x.ruleId())
              .anySatisfy(y -> {
                assertThat(y.ruleId()).isEqualTo(x.ruleId());
                assertThat(y.modality()).isEqualTo(x.modality());
                assertThat(y.due()).isEqualTo(x.due());
                // Section 2, Tier 3: the Tier 3 referral waits on the DSL discussion while consent
                // is withheld (listed, with the reason); 999 and every Tier 4 action never wait.
                if (tier3ReferralWaiting(y, a)) {
                  assertThat(y.blockers()).allMatch(t -> t.startsWith("Consent is withheld"));
                } else {
                  assertThat(y.blockers()).isEmpty();
                }
              });
        }
      }
    }
  }

  /**
   * The referral with its consent replaced by a single state: no history, and no record of sharing
   * on the basis of consent (which the new state may contradict).
   */
  static Referral withConsent(Referral r, ConsentState state) {
    return Referral.builder().from(r)
        .consentHistory(ConsentHistory.empty())
        .consent(state)
        .sharing(r.sharing().stream().filter(x -> x.basis() != SharingBasis.CONSENT)
            .collect(Collectors.toList()))
        .build();
  }

  // ---- gated actions --------------------------------------------------------------------------------

  /**
   * Safety actions never wait for the family to be told, for the referrer's role, or for consent,
   * with one exception the document makes: the Tier 3 phone and written referral wait on the
   * discussion with the designated safeguarding lead while consent is withheld (section 2, Tier 3).
   * 999 and every action of a firm Tier 4 never wait.
   */
  @Property
  void safetyActions_areNeverBlocked(@ForAll Referral referral) {
    Set<ActionKind> urgent = referral.referrer().professional() ? URGENT : URGENT_FOR_ANYONE;
    for (ChildAssessment c : evaluate(referral).children()) {
      for (Action a : c.actions()) {
        if (urgent.contains(a.kind())) {
          if (tier3ReferralWaiting(a, c)) {
            Statistics.label("tier 3 referral waits on consent").collect(true);
            assertThat(a.blockers()).as(a.ruleId()).isNotEmpty()
                .allMatch(t -> t.startsWith("Consent is withheld") || t.startsWith("Consent is withdrawn"));
            assertThat(c.tierRange().orElseThrow().min()).isNotEqualTo(Tier.ACUTE);
          } else {
            assertThat(a.blockers()).as(a.ruleId()).isEmpty();
            assertThat(a.ready()).isTrue();
          }
        }
      }
    }
  }

  /** The Tier 3 referral (not the urgent Tier 4 one) while consent is refused. */
  private static boolean tier3ReferralWaiting(Action a, ChildAssessment c) {
    return (a.ruleId().equals("phone-referral") || a.ruleId().equals("written-referral"))
        && c.tierRange().map(r -> r.min() != Tier.ACUTE && r.contains(Tier.HIGH_OR_COMPLEX)).orElse(false)
        && !a.blockers().isEmpty();
  }

  /**
   * Only gated rules block; the early help referral (gated by consent and by telling the family)
   * is ready exactly when the Tier 2 consent rule is met and the family may be told (anyone may
   * complete the form: the City's web page invites anyone concerned to use it).
   */
  @Property
  void onlyGatedActionsBlock_earlyHelpReadyExactlyWhenTier2ConsentIsMet(@ForAll Referral referral) {
    Map<String, ActionRule> rules = POLICY.actionRules().stream()
        .collect(Collectors.toMap(ActionRule::id, r -> r));
    for (ChildAssessment c : evaluate(referral).children()) {
      for (Action a : c.actions()) {
        if (!a.blockers().isEmpty()) {
          assertThat(rules.get(a.ruleId()).gates()).as(a.ruleId()).isNotEmpty();
        }
        if (a.kind() == ActionKind.EARLY_HELP_REFERRAL) {
          ConsentGuidance tier2 = c.consent().stream()
              .filter(g -> g.tier() == Tier.ADDITIONAL_NEEDS).findFirst().orElseThrow();
          boolean met = tier2.check() != ConsentCheck.NOT_SATISFIED
              && tier2.mayTellFamily();
          Statistics.label("early help ready").collect(a.ready());
          assertThat(a.ready()).isEqualTo(met);
        }
      }
    }
  }

  @Provide
  Arbitrary<ConsentGiver> givers() {
    return Arbitraries.of(ConsentGiver.values());
  }

  // ---- 9. do not tell the family ------------------------------------------------------------------

  @Property
  void law9_doNotTellFamily_noGuidanceAllowsTellingOrSeekingConsent(@ForAll Referral referral) {
    for (ChildAssessment c : evaluate(referral).children()) {
      boolean secret = c.drivingIndicators().stream()
          .map(POLICY::require)
          .anyMatch(i -> i.has(IndicatorFlag.DO_NOT_TELL_FAMILY));
      Statistics.label("do not tell family").collect(secret);
      if (secret) {
        assertThat(c.consent()).isNotEmpty().allSatisfy(g -> {
          assertThat(g.mayTellFamily()).isFalse();
          assertThat(g.maySeekConsent()).isFalse();
          assertThat(g.restrictions()).anyMatch(s -> s.startsWith("Do not discuss the referral with the family"));
        });
      }
    }
  }

  // ---- 10. scope ----------------------------------------------------------------------------------

  @Property
  void law10_adultsAreOutOfScope_unbornChildrenAreInScope(@ForAll Referral referral) {
    Evaluation e = evaluate(referral);
    LocalDate day = referralDay(referral);
    for (ChildAssessment c : e.children()) {
      Child child = referral.household().child(c.child()).orElseThrow();
      Scope expected = expectedScope(child, day);
      Statistics.label("scope").collect(expected);
      assertThat(c.scope()).isEqualTo(expected);
      switch (expected) {
        case ADULT:
          assertThat(c.age().years()).isGreaterThanOrEqualTo(18);
          assertThat(c.tierRange()).isEmpty();
          assertThat(c.consent()).isEmpty();
          assertThat(c.drivingIndicators()).isEmpty();
          assertThat(c.actions()).extracting(Action::kind).contains(ActionKind.ADULT_SERVICES);
          assertThat(c.reasons()).extracting(Reason::kind).contains(ReasonKind.OUT_OF_SCOPE);
          break;
        case UNBORN:
          assertThat(c.age().unborn()).isTrue();
          assertThat(c.tierRange()).isPresent();
          assertThat(c.actions()).extracting(Action::kind).doesNotContain(ActionKind.ADULT_SERVICES);
          break;
        default:
          assertThat(c.age().years()).isLessThan(18);
          assertThat(c.tierRange()).isPresent();
          assertThat(c.actions()).extracting(Action::kind).doesNotContain(ActionKind.ADULT_SERVICES);
      }
    }
  }

  /** The scope from first principles: before the expected date unborn, from 18 adult. */
  private static Scope expectedScope(Child child, LocalDate day) {
    Optional<LocalDate> edd = child.expectedDateOfDelivery();
    if (edd.isPresent() && day.isBefore(edd.get())) {
      return Scope.UNBORN;
    }
    LocalDate born = child.dateOfBirth().or(() -> edd).orElseThrow();
    return Period.between(born, day).getYears() >= 18 ? Scope.ADULT : Scope.CHILD;
  }

  // ---- 11. consent guidance per tier --------------------------------------------------------------

  @Property
  void law11_consentGuidance_coversExactlyTheTiersOfTheRange_lowestFirst(@ForAll Referral referral) {
    for (ChildAssessment c : evaluate(referral).children()) {
      List<Tier> expected = new ArrayList<>();
      c.tierRange().ifPresent(r -> {
        for (Tier t : Tier.values()) {
          if (t.compareTo(r.min()) >= 0 && t.compareTo(r.max()) <= 0) {
            expected.add(t);
          }
        }
      });
      Statistics.label("tiers advised").collect(expected.size());
      assertThat(c.consent()).extracting(ConsentGuidance::tier).containsExactlyElementsOf(expected);
    }
  }

  // ---- 12. no personal value in toString ----------------------------------------------------------

  @Property(tries = 500)
  void law12_toStringNeverShowsAPersonalValue(@ForAll("referralsWithPersonalData") Referral referral) {
    Evaluation e = evaluate(referral);
    String referralText = referral.toString();
    String evaluationText = e.toString();
    Set<String> publicDates = publicDates(referral, e);
    List<String> values = ReferralArbitraries.personalValues(referral);
    Statistics.label("personal values").collect(values.size() >= 10);
    for (String v : values) {
      if (publicDates.contains(v)) {
        continue; // a date of birth that is also, say, the day the referral was made
      }
      assertThat(referralText).doesNotContain(v);
      assertThat(evaluationText).doesNotContain(v);
      for (ChildAssessment c : e.children()) {
        assertThat(c.toString()).doesNotContain(v);
      }
    }
  }

  @Provide
  Arbitrary<Referral> referralsWithPersonalData() {
    return ReferralArbitraries.referralsWithPersonalData();
  }

  /** Dates that legitimately appear in toString (observations, UTC dates of instants). */
  private static Set<String> publicDates(Referral r, Evaluation e) {
    Set<String> out = new HashSet<>();
    r.concerns().forEach(c -> out.add(c.observedOn().toString()));
    List<Instant> instants = new ArrayList<>();
    instants.add(r.madeAt());
    instants.add(e.evaluatedAt());
    r.consent().recordedAt().ifPresent(instants::add);
    r.consentHistory().entries().forEach(c -> c.recordedAt().ifPresent(instants::add));
    r.sharing().forEach(x -> instants.add(x.sharedAt()));
    e.children().forEach(c -> c.actions().forEach(a -> a.due().ifPresent(d -> instants.add(d.dueBy()))));
    instants.forEach(i -> out.add(i.toString().substring(0, 10)));
    return out;
  }

  // ---- further laws -------------------------------------------------------------------------------

  @Property
  void deadlinesAreNeverBeforeTheTimeOfTheAdvice(@ForAll Referral referral, @ForAll("delays") Duration delay) {
    Instant at = referral.madeAt().plus(delay);
    for (ChildAssessment c : EVALUATOR.evaluate(referral, at).children()) {
      for (Action a : c.actions()) {
        a.due().ifPresent(d -> assertThat(d.dueBy()).as(a.ruleId()).isAfterOrEqualTo(at));
      }
    }
  }

  @Property
  void actionsFollowThePolicyOrder_eachRuleAtMostOnce(@ForAll Referral referral) {
    List<String> order = POLICY.actionRules().stream().map(ActionRule::id).collect(Collectors.toList());
    for (ChildAssessment c : evaluate(referral).children()) {
      List<Integer> positions = c.actions().stream().map(a -> order.indexOf(a.ruleId()))
          .collect(Collectors.toList());
      assertThat(positions).doesNotContain(-1).isSorted().doesNotHaveDuplicates();
    }
  }

  @Property
  void theRange_isAtLeastEveryDrivingIndicator_andStrengthsNeverDrive(@ForAll Referral referral) {
    for (ChildAssessment c : evaluate(referral).children()) {
      if (c.tierRange().isEmpty()) {
        continue;
      }
      TierRange r = c.tierRange().get();
      boolean uncertain = c.widenedBy().contains(Widening.UNKNOWN_FACT) || c.widenedBy().contains(Widening.AGE_BOUNDARY);
      for (var code : c.drivingIndicators()) {
        Indicator i = POLICY.require(code);
        assertThat(i.kind()).isEqualTo(IndicatorKind.NEED);
        // Every driving indicator is within reach; the lower end is below it only where a fact its
        // condition needs is unknown (the range then starts at what applies without it).
        assertThat(r.max()).isGreaterThanOrEqualTo(i.tier());
        if (!uncertain) {
          assertThat(r.min()).isGreaterThanOrEqualTo(i.tier());
        }
      }
      if (!c.widenedBy().isEmpty()) {
        assertThat(r.isSingle()).isFalse();
      }
      if (referral.immediateDanger()) {
        assertThat(r.min()).isEqualTo(Tier.ACUTE);
      }
      if (c.drivingIndicators().isEmpty() && !referral.immediateDanger()) {
        assertThat(r.min()).isEqualTo(Tier.UNIVERSAL);
      }
    }
  }

  /**
   * "No need reported: universal services, no referral form" is said exactly when nothing places
   * an in-scope child above Tier 1: no need indicator and no immediate danger.
   */
  @Property
  void noNeedReported_exactlyWhenNothingPlacesTheChildAboveTier1(@ForAll Referral referral) {
    for (ChildAssessment c : evaluate(referral).children()) {
      boolean nothing = c.scope() != Scope.ADULT && c.drivingIndicators().isEmpty()
          && !referral.immediateDanger();
      Statistics.label("no need").collect(nothing);
      assertThat(c.reasons().stream().anyMatch(r -> r.kind() == ReasonKind.NO_NEED_REPORTED))
          .as("NO_NEED_REPORTED for %s (range %s)", c.child(), c.tierRange())
          .isEqualTo(nothing);
      if (nothing) {
        assertThat(c.tierRange().orElseThrow().min()).isEqualTo(Tier.UNIVERSAL);
      }
    }
  }

  @Property
  void aConcernWithASubjectTheIndicatorDoesNotAllow_isRejectedNamingIt(@ForAll Referral referral,
      @ForAll("indices") int pick, @ForAll("indices") int refPick, @ForAll("indices") int position) {
    List<Tuple3<Indicator, SubjectKind, List<Ref>>> wrong = new ArrayList<>();
    for (Indicator i : POLICY.indicators()) {
      for (SubjectKind s : SubjectKind.values()) {
        List<Ref> refs = ReferralArbitraries.subjectRefs(s, referral.household(),
            referral.referredChildren());
        if (!i.subjects().contains(s) && !refs.isEmpty()) {
          wrong.add(Tuple.of(i, s, refs));
        }
      }
    }
    Tuple3<Indicator, SubjectKind, List<Ref>> w = wrong.get(pick % wrong.size());
    Concern concern = Concern.of(w.get1().code().value(), w.get2(),
        w.get3().get(refPick % w.get3().size()), referralDay(referral));
    List<Concern> concerns = new ArrayList<>(referral.concerns());
    int index = position % (concerns.size() + 1);
    concerns.add(index, concern);
    Referral bad = Referral.builder().from(referral).concerns(concerns).build();
    Statistics.label("wrong subject").collect(w.get2());
    assertThatThrownBy(() -> evaluate(bad))
        .isInstanceOfSatisfying(InvalidValueException.class,
            x -> assertThat(x.field()).isEqualTo("concerns[" + index + "].subject"));
  }

  @Provide
  Arbitrary<Integer> indices() {
    return Arbitraries.integers().between(0, 100_000);
  }

  @Property
  void aConcernObservedAfterTheReferralDay_isRejectedNamingIt(
      @ForAll ReferralWithExtraConcern c, @ForAll("daysLater") int daysLater) {
    Concern late = Concern.builder().from(c.extra())
        .observedOn(referralDay(c.referral()).plusDays(daysLater)).build();
    Referral bad = Referral.builder().from(c.referral()).addConcerns(late).build();
    int index = bad.concerns().size() - 1;
    assertThatThrownBy(() -> evaluate(bad))
        .isInstanceOfSatisfying(InvalidValueException.class,
            x -> assertThat(x.field()).isEqualTo("concerns[" + index + "].observedOn"));
  }

  @Provide
  Arbitrary<Integer> daysLater() {
    return Arbitraries.integers().between(1, 400);
  }

  private static List<Action> ofKind(ChildAssessment c, ActionKind kind) {
    return c.actions().stream().filter(a -> a.kind() == kind).collect(Collectors.toList());
  }
}
