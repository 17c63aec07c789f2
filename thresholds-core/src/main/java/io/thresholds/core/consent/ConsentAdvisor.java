package io.thresholds.core.consent;

import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.model.Tier;
import io.thresholds.core.policy.Indicator;
import io.thresholds.core.policy.IndicatorFlag;
import io.thresholds.core.policy.Policy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Derives consent guidance from a policy's consent rules, the driving indicators and the recorded
 * consent state. Stateless; used by the evaluator and usable on its own.
 */
public final class ConsentAdvisor {
  private ConsentAdvisor() {}

  /**
   * @param policy the policy
   * @param tier the tier to advise for
   * @param driving the indicators driving the result
   * @param state the recorded consent state
   * @return the guidance
   */
  public static ConsentGuidance advise(
      Policy policy, Tier tier, Collection<Indicator> driving, ConsentState state) {
    return advise(policy, tier, driving, state, false);
  }

  /**
   * @param policy the policy
   * @param tier the tier to advise for
   * @param driving the indicators driving the result
   * @param state the recorded consent state
   * @param unborn true if the child is unborn: a young person's own consent then cannot count
   * @return the guidance
   */
  public static ConsentGuidance advise(
      Policy policy, Tier tier, Collection<Indicator> driving, ConsentState state, boolean unborn) {
    return advise(policy, tier, driving, List.of(), state, unborn);
  }

  /**
   * @param policy the policy
   * @param tier the tier to advise for
   * @param driving the indicators driving the result
   * @param related indicators the child's concerns may amount to (the same concern listed at another
   *     tier, a possible escalation): their "do not tell the family" and "police investigation"
   *     flags restrict the advice as the driving indicators' do, so that which code was picked never
   *     decides whether the family may be told
   * @param state the recorded consent state
   * @param unborn true if the child is unborn: a young person's own consent then cannot count
   * @return the guidance
   */
  public static ConsentGuidance advise(Policy policy, Tier tier, Collection<Indicator> driving,
      Collection<Indicator> related, ConsentState state, boolean unborn) {
    return advise(policy, tier, driving, related, state, List.of(), unborn);
  }

  /**
   * Consent advice with each person's own decision. Whose consent counts at the tier is the policy's
   * ({@link ConsentRule#givers()}); a young person's decision counts only when they are judged of
   * sufficient age and understanding (never for an unborn child). The recorded consents satisfy the
   * rule when someone whose consent counts has given it and nobody whose consent counts has
   * withheld or withdrawn it: a refusal by any of them is consent withheld, and the guidance names
   * the disagreement and what the policy says happens then. A decision that does not count is
   * still shown, with why. The restrictions (do not seek consent, do not tell the family) come from
   * the driving indicators and the referral's own decision as before: no person's consent lifts them.
   *
   * @param policy the policy
   * @param tier the tier to advise for
   * @param driving the indicators driving the result
   * @param related indicators the child's concerns may amount to (see the other overload)
   * @param state the referral's recorded consent state
   * @param givers each person's decision in force, for this child (empty: only {@code state})
   * @param unborn true if the child is unborn: a young person's own consent then cannot count
   * @return the guidance
   */
  public static ConsentGuidance advise(Policy policy, Tier tier, Collection<Indicator> driving,
      Collection<Indicator> related, ConsentState state, List<GiverConsent> givers, boolean unborn) {
    return advise(policy, tier, driving, related, List.of(), state, givers, unborn);
  }

  /**
   * Consent advice that also weighs the concerns reported about the other children of the same
   * household: a "do not tell the family" or "police investigation" flag of any of them restricts
   * the advice for this child too, since telling the family about this child's referral would
   * tell them about the others'.
   *
   * @param policy the policy
   * @param tier the tier to advise for
   * @param driving the indicators driving the result
   * @param related indicators the child's concerns may amount to (see the other overloads)
   * @param household indicators of the concerns about the household's other children (and the
   *     indicators they may amount to)
   * @param state the referral's recorded consent state
   * @param givers each person's decision in force, for this child (empty: only {@code state})
   * @param unborn true if the child is unborn: a young person's own consent then cannot count
   * @return the guidance
   */
  public static ConsentGuidance advise(Policy policy, Tier tier, Collection<Indicator> driving,
      Collection<Indicator> related, Collection<Indicator> household, ConsentState state,
      List<GiverConsent> givers, boolean unborn) {
    ConsentRule rule = policy.consentRule(tier);
    List<String> restrictions = new ArrayList<>();
    boolean tell = true;
    boolean seek = true;
    boolean[] said = new boolean[2]; // do not tell the family; police investigation
    restrict(driving, said, restrictions,
        code -> "Do not discuss the referral with the family (" + code + ").",
        code -> "Seeking consent or telling the family could compromise a police"
            + " investigation or increase the risk to the child (" + code + ").");
    restrict(related, said, restrictions,
        code -> "Do not discuss the referral with the family: the concern may amount to "
            + code + ", for which the document says not to.",
        code -> "Seeking consent or telling the family could compromise a police"
            + " investigation or increase the risk to the child: the concern may amount to " + code + ".");
    restrict(household, said, restrictions,
        code -> "Do not discuss the referral with the family: a concern about another child of"
            + " the household is or may amount to " + code + ", for which the document says not to.",
        code -> "Seeking consent or telling the family could compromise a police"
            + " investigation or increase the risk to the children: a concern about another child of the"
            + " household is or may amount to " + code + ".");
    boolean dnt = said[0];
    boolean police = said[1];
    if (dnt || police) {
      tell = false;
      seek = false;
    }
    if (state.status() == ConsentStatus.NOT_SOUGHT_UNSAFE) {
      tell = false;
      seek = false;
      restrictions.add("Consent is recorded as not sought because seeking it "
          + (state.notSoughtReason().orElse(NotSoughtReason.INCREASED_RISK_TO_CHILD)
              == NotSoughtReason.INCREASED_RISK_TO_CHILD
              ? "would increase the risk to the child" : "could compromise a police investigation")
          + ": do not seek consent or tell the family while that record stands.");
    }
    boolean significantHarm = tier == Tier.ACUTE;
    for (Indicator i : driving) {
      significantHarm |= i.has(IndicatorFlag.S47);
    }
    ConsentGuidance.Builder b = ConsentGuidance.builder()
        .tier(tier)
        .requirement(rule.requirement())
        .givers(rule.givers())
        .maySeekConsent(seek)
        .mayTellFamily(tell)
        .restrictions(restrictions)
        .ifWithheld(rule.ifWithheld())
        .mustShareToSafeguard(significantHarm)
        .citation(rule.citation());
    GiverConsent judgeFirst = null;
    if (!givers.isEmpty()) {
      ConsentState fromGivers = byGiver(rule, state, givers, unborn, tell, b);
      if (!referralDecisionStands(state, givers, unborn)) {
        state = fromGivers;
        judgeFirst = state.status() == ConsentStatus.GIVEN ? unjudgedRefusal(givers, unborn) : null;
      }
    }
    ConsentStatus s = state.status();
    boolean validGiver = s == ConsentStatus.GIVEN && rule.givers().contains(state.by().orElseThrow())
        && !(unborn && state.by().orElseThrow() == ConsentGiver.YOUNG_PERSON);
    if (validGiver && judgeFirst != null && rule.requirement() != ConsentRequirement.NOT_REQUIRED_SEEK_IF_SAFE) {
      // A young person refuses and nobody has judged whether they are of sufficient age and
      // understanding: if they are, their refusal means consent is not in place, so the consent
      // given by others is not relied on until that is judged. Only consent that is required holds
      // an action up (ActionPlanner): at Tier 3 and 4 the referral still goes ahead.
      b.check(ConsentCheck.NOT_SATISFIED).missing("The young person" + who(judgeFirst) + " refuses, and"
          + " whether they are of sufficient age and understanding is not assessed: judge that first. If"
          + " they are, their refusal means consent is not in place; if they are not, their wishes and"
          + " feelings are still weighed and the consent given counts.");
      return b.build();
    }
    switch (rule.requirement()) {
      case REQUIRED:
        if (validGiver) {
          b.check(ConsentCheck.SATISFIED);
        } else {
          b.check(ConsentCheck.NOT_SATISFIED).missing(guarded(requiredMissing(rule, state), s, tell, seek));
        }
        break;
      case SEEK_UNLESS_UNSAFE:
        if (validGiver || s == ConsentStatus.NOT_SOUGHT_UNSAFE
            || s == ConsentStatus.SHARED_WITHOUT_CONSENT) {
          b.check(ConsentCheck.SATISFIED);
        } else if (s == ConsentStatus.WITHHELD || s == ConsentStatus.WITHDRAWN) {
          b.check(ConsentCheck.NOT_SATISFIED).missing(guarded(refusal("Consent is", state) + rule.ifWithheld(),
              s, tell, seek));
        } else if (s == ConsentStatus.GIVEN) {
          b.check(ConsentCheck.NOT_SATISFIED).missing(requiredMissing(rule, state));
        } else if (!seek) {
          b.check(ConsentCheck.NOT_SATISFIED)
              .missing("Record that consent was not sought because seeking it is unsafe.");
        } else {
          b.check(ConsentCheck.NOT_SATISFIED)
              .missing("Seek consent, or record why seeking it would place the child at further risk.");
        }
        break;
      case NOT_REQUIRED_SEEK_IF_SAFE:
        b.check(ConsentCheck.NOT_REQUIRED);
        break;
      default:
        throw new AssertionError(rule.requirement());
    }
    return b.build();
  }

  /**
   * The consent state the recorded decisions of each person amount to at this tier, with the notes on
   * decisions that do not count and the disagreement, if any, added to the guidance.
   */
  private static ConsentState byGiver(ConsentRule rule, ConsentState state, List<GiverConsent> givers,
      boolean unborn, boolean tell, ConsentGuidance.Builder b) {
    GiverConsent refused = null;
    GiverConsent given = null;
    GiverConsent givenOther = null;
    List<GiverConsent> consenting = new ArrayList<>();
    List<GiverConsent> refusing = new ArrayList<>();
    for (GiverConsent g : givers) {
      if (g.status() == ConsentStatus.NOT_YET_SOUGHT) {
        continue;
      }
      String what = g.status() == ConsentStatus.GIVEN ? "consent" : "refusal";
      boolean young = g.giver() == ConsentGiver.YOUNG_PERSON;
      if (young && unborn) {
        b.addGiverNotes("A young person's decision is recorded, but the child is unborn: it does not count.");
        continue;
      }
      if (!g.decides()) {
        b.addGiverNotes(g.competence().orElseThrow() == Competence.JUDGED_NOT_COMPETENT
            ? "The young person" + who(g) + " is judged not to be of sufficient age and understanding: their "
                + what + " is not a decision on consent. Their wishes and feelings are still to be weighed."
            : g.refused()
                ? "Whether the young person" + who(g) + " is of sufficient age and understanding is not"
                    + " assessed: their refusal is not yet a decision on consent, and no one else's consent is"
                    + " relied on over it until that is judged."
                : "Whether the young person" + who(g) + " is of sufficient age and understanding is not assessed:"
                    + " their " + what + " does not count as a decision on consent until it is judged.");
        continue;
      }
      if (g.refused()) {
        // A refusal by anyone whose decision counts is consent withheld, as the single consent's
        // "withheld" is whoever withholds it.
        refusing.add(g);
        refused = refused == null ? g : refused;
      } else if (rule.givers().contains(g.giver())) {
        consenting.add(g);
        given = given == null ? g : given;
      } else {
        consenting.add(g);
        givenOther = givenOther == null ? g : givenOther;
        b.addGiverNotes("At this tier the rule takes consent from " + whoCounts(rule) + ": the "
            + (young ? "young person's" : "parental") + " consent" + who(g)
            + " is recorded as their view, not as the consent the rule needs.");
      }
    }
    if (!consenting.isEmpty() && refused != null) {
      StringBuilder d = new StringBuilder("The people asked disagree: ");
      d.append(describe(consenting, "consents", "consent")).append("; ")
          .append(describe(refusing, "refuses", "refuse")).append(". ")
          .append("A refusal by anyone whose decision counts means consent is not in place.");
      if (tell) {
        rule.ifGiversDiffer().ifPresent(t -> d.append(' ').append(t));
      } else {
        // The policy's words may say to engage the family; here the family must not be told.
        d.append(" The family must not be told about the referral (see the restrictions): discuss the"
            + " disagreement with your designated safeguarding lead, not with the family.");
      }
      b.disagreement(d.toString());
      rule.giversDifferCitation().ifPresent(b::disagreementCitation);
    }
    if (refused != null) {
      return ConsentState.builder().status(refused.status()).by(refused.giver())
          .recordedAt(refused.recordedAt().orElseThrow()).build();
    }
    GiverConsent in = given != null ? given : givenOther;
    if (in != null) {
      return ConsentState.given(in.giver(), in.form().orElseThrow(), in.recordedAt().orElseThrow());
    }
    return state;
  }

  /**
   * Whether the referral's own decision (consent not sought because unsafe, or shared without
   * consent on a recorded authority) is the state in force rather than the people's decisions: it is
   * when it was recorded at or after the latest decision that counts, as the same decisions recorded
   * in one consent history would have it as their last entry. So a designated safeguarding lead's
   * decision to share without consent after a parent's refusal is not undone by recording that
   * refusal per person (section 2, Tier 3 higher end and Tier 4; section 6).
   *
   * @param state the referral's recorded consent state
   * @param givers each person's decision in force, for one child
   * @param unborn true if the child is unborn (a young person's decision then does not count)
   * @return true if {@code state} is a referral decision of that kind and it is the one in force
   */
  public static boolean referralDecisionStands(ConsentState state, List<GiverConsent> givers,
      boolean unborn) {
    if (state.status() != ConsentStatus.SHARED_WITHOUT_CONSENT
        && state.status() != ConsentStatus.NOT_SOUGHT_UNSAFE) {
      return false;
    }
    java.time.Instant decided = state.recordedAt().orElseThrow();
    for (GiverConsent g : givers) {
      boolean counts = g.status() != ConsentStatus.NOT_YET_SOUGHT && g.decides()
          && !(unborn && g.giver() == ConsentGiver.YOUNG_PERSON);
      if (counts && g.recordedAt().orElseThrow().isAfter(decided)) {
        return false;
      }
    }
    return true;
  }

  /** A refusal by a young person whose age and understanding nobody has judged yet, if any. */
  private static GiverConsent unjudgedRefusal(List<GiverConsent> givers, boolean unborn) {
    if (unborn) {
      return null;
    }
    for (GiverConsent g : givers) {
      if (g.giver() == ConsentGiver.YOUNG_PERSON && g.refused()
          && g.competence().orElse(Competence.NOT_ASSESSED) == Competence.NOT_ASSESSED) {
        return g;
      }
    }
    return null;
  }

  private static String who(GiverConsent g) {
    return g.person().map(r -> " (" + r + ")").orElse("");
  }

  private static String describe(List<GiverConsent> gs, String one, String many) {
    List<String> names = new ArrayList<>();
    for (GiverConsent g : gs) {
      names.add((g.giver() == ConsentGiver.YOUNG_PERSON ? "the young person" : "a person with parental"
          + " responsibility") + who(g));
    }
    return String.join(" and ", names) + " " + (gs.size() == 1 ? one : many);
  }

  private static String whoCounts(ConsentRule rule) {
    return rule.givers().contains(ConsentGiver.YOUNG_PERSON)
        ? rule.givers().contains(ConsentGiver.PARENTAL_RESPONSIBILITY)
            ? "a person with parental responsibility or the young person (if of sufficient age and understanding)"
            : "the young person (if of sufficient age and understanding)"
        : "those with parental responsibility";
  }

  /**
   * What is missing, where the family must not be told or consent must not be sought: the policy's
   * words for a refusal may say to engage the family, and "consent is required" reads as advice to
   * seek it, so neither is said then.
   */
  private static String guarded(String missing, ConsentStatus s, boolean tell, boolean seek) {
    if (!tell && (s == ConsentStatus.WITHHELD || s == ConsentStatus.WITHDRAWN)) {
      return "Consent is " + (s == ConsentStatus.WITHHELD ? "withheld" : "withdrawn") + ", and the family must"
          + " not be told about the referral (see the restrictions): discuss with your designated safeguarding"
          + " lead how to proceed, not with the family.";
    }
    if (!seek && (s == ConsentStatus.NOT_YET_SOUGHT || s == ConsentStatus.NOT_SOUGHT_UNSAFE)) {
      return "Consent is required, and it must not be sought while the restrictions stand: this cannot go"
          + " ahead now; discuss with your designated safeguarding lead.";
    }
    return missing;
  }

  /**
   * The opening of a refusal's text. The policy's words for consent withheld may speak of the
   * parents' consent; where the refusal is a young person's own (judged of sufficient age and
   * understanding), the text says so first (vig5 observation 7).
   */
  private static String refusal(String opening, ConsentState state) {
    String what = state.status() == ConsentStatus.WITHHELD ? "withheld" : "withdrawn";
    if (state.by().filter(ConsentGiver.YOUNG_PERSON::equals).isPresent()) {
      return opening + " " + what + " by the young person. What the policy says where consent is withheld"
          + " applies to their refusal: ";
    }
    return opening + " " + what + ": ";
  }

  private static String requiredMissing(ConsentRule rule, ConsentState state) {
    ConsentStatus s = state.status();
    String who = rule.givers().contains(ConsentGiver.YOUNG_PERSON)
        ? "a person with parental responsibility or, where of sufficient age and understanding, the young person"
        : "a person with parental responsibility";
    switch (s) {
      case WITHHELD:
      case WITHDRAWN:
        return refusal("Consent is required and has been", state) + rule.ifWithheld();
      case GIVEN:
        return "Consent was given by someone this tier's rule does not accept for this child; it is"
            + " needed from " + who + ".";
      default:
        return "Consent is required from " + who + " before referring, assessing or sharing information.";
    }
  }

  /**
   * Adds the first "do not tell the family" and the first "police investigation" restriction found
   * among {@code indicators}, unless one of that kind is already said.
   */
  private static void restrict(Collection<Indicator> indicators, boolean[] said, List<String> restrictions,
      java.util.function.Function<IndicatorCode, String> doNotTell,
      java.util.function.Function<IndicatorCode, String> police) {
    for (Indicator i : indicators) {
      if (i.has(IndicatorFlag.DO_NOT_TELL_FAMILY) && !said[0]) {
        said[0] = true;
        restrictions.add(doNotTell.apply(i.code()));
      }
      if (i.has(IndicatorFlag.POLICE_INVESTIGATION) && !said[1]) {
        said[1] = true;
        restrictions.add(police.apply(i.code()));
      }
    }
  }
}
