package io.thresholds.core.policy;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.model.Tier;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * When an action rule applies. Text forms used in policy packs:
 *
 * <ul>
 *   <li>{@code always}: to every child in scope;
 *   <li>{@code immediate-danger}: the referral says a child is in immediate danger (applies to
 *       adults too);
 *   <li>{@code tier>=N}: the suggested range reaches tier N (a firm action when the lower end does,
 *       otherwise one to consider);
 *   <li>{@code tier=N}: tier N is within the suggested range;
 *   <li>{@code flag:FLAG}: a driving indicator carries the flag;
 *   <li>{@code disabled-not-assessed}: a disabled child whose needs were never assessed;
 *   <li>{@code missing-education}: a child of compulsory school age on no school roll and not
 *       home educated;
 *   <li>{@code consent-withheld}: consent is withheld or withdrawn;
 *   <li>{@code adult}: the person is over the children's age limit;
 *   <li>{@code not-professional}: the referrer is not a professional;
 *   <li>{@code range-uncertain}: the suggested range spans more than one tier;
 *   <li>{@code tier<=N}: the suggested range's upper end is at most tier N;
 *   <li>{@code early-help-plan}: the case history records an open early help plan (EHA / TAF);
 *   <li>{@code statutory-plan}: it records an open child in need or child protection plan;
 *   <li>{@code child-protection-plan}: it records an open child protection plan;
 *   <li>{@code allocated-worker}: it records an early help worker or social worker already
 *       allocated to the family;
 *   <li>{@code hub-disagreement}: it records a disagreement with a Hub decision, at or before the
 *       time of the advice;
 *   <li>{@code no-statutory-plan}: it records no open child in need or child protection plan (a
 *       case history that is not given records none);
 *   <li>{@code consent-not-sought-unsafe}: consent was deliberately not sought because asking would
 *       put the child at increased risk or compromise a police investigation.
 * </ul>
 *
 * <p>Triggers combine with {@code &}: {@code consent-withheld&tier=3} applies when both apply, and
 * is firm only when both are.
 */
@Value.Immutable
public abstract class Trigger {
  /** The kinds of trigger. */
  public enum Kind {
    /** Every child in scope. */
    ALWAYS,
    /** Immediate danger. */
    IMMEDIATE_DANGER,
    /** Range reaches a tier. */
    TIER_AT_LEAST,
    /** Range includes a tier. */
    TIER_IS,
    /** A driving indicator has a flag. */
    FLAG,
    /** Disabled, never assessed. */
    DISABLED_NOT_ASSESSED,
    /** Missing education by the recorded school facts. */
    MISSING_EDUCATION,
    /** Consent withheld or withdrawn. */
    CONSENT_WITHHELD,
    /** Out of scope by age. */
    ADULT,
    /** The referrer is not a professional. */
    NOT_PROFESSIONAL,
    /** The suggested range spans more than one tier. */
    RANGE_UNCERTAIN,
    /** The range's upper end is at most a tier ({@code tier<=N}). */
    TIER_AT_MOST,
    /** An open early help plan is recorded. */
    EARLY_HELP_PLAN,
    /** An open child in need or child protection plan is recorded. */
    STATUTORY_PLAN,
    /** An open child protection plan is recorded. */
    CHILD_PROTECTION_PLAN,
    /** A worker is already allocated to the family. */
    ALLOCATED_WORKER,
    /** A disagreement with a Hub decision is recorded. */
    HUB_DISAGREEMENT,
    /**
     * No open child in need or child protection plan is recorded: for advice that does not fit a
     * child on a statutory plan (stepping down from one goes to early help first).
     */
    NO_STATUTORY_PLAN,
    /** Consent was deliberately not sought because asking would be unsafe. */
    CONSENT_NOT_SOUGHT_UNSAFE
  }

  /** @return the kind */
  public abstract Kind kind();

  /** @return the tier of {@code tier>=N} and {@code tier=N} */
  public abstract Optional<Tier> tier();

  /** @return the flag of {@code flag:FLAG} */
  public abstract Optional<IndicatorFlag> flag();

  /** @return a further trigger that must also apply ({@code a&b}) */
  public abstract Optional<Trigger> and();

  /**
   * The builder of {@link Trigger}: a setter per attribute; {@code build()} checks the invariants.
   * Policy packs use the text form instead, see {@link #parse(String, String)}.
   */
  public static final class Builder extends ImmutableTrigger.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @param text the text form
   * @param field the field name for errors
   * @return the trigger
   */
  public static Trigger parse(String text, String field) {
    String t = text.trim();
    Builder b = builder();
    int amp = t.indexOf('&');
    if (amp >= 0) {
      Trigger rest = parse(t.substring(amp + 1), field);
      return builder().from(parse(t.substring(0, amp), field)).and(rest).build();
    }
    try {
      if (t.startsWith("tier>=")) {
        return b.kind(Kind.TIER_AT_LEAST).tier(Tier.of(Integer.parseInt(t.substring(6)))).build();
      }
      if (t.startsWith("tier<=")) {
        return b.kind(Kind.TIER_AT_MOST).tier(Tier.of(Integer.parseInt(t.substring(6)))).build();
      }
      if (t.startsWith("tier=")) {
        return b.kind(Kind.TIER_IS).tier(Tier.of(Integer.parseInt(t.substring(5)))).build();
      }
      if (t.startsWith("flag:")) {
        return b.kind(Kind.FLAG).flag(IndicatorFlag.valueOf(t.substring(5))).build();
      }
      return b.kind(Kind.valueOf(t.toUpperCase(Locale.ROOT).replace('-', '_'))).build();
    } catch (IllegalArgumentException | InvalidValueException e) {
      throw new InvalidValueException(field, "unknown trigger; see Trigger for the forms");
    }
  }

  /**
   * @param kind a kind of trigger
   * @return true if this trigger or one it is combined with ({@code a&b}) is of that kind
   */
  public boolean hasPart(Kind kind) {
    return kind() == kind || and().map(a -> a.hasPart(kind)).orElse(false);
  }

  /** @return the text form */
  public String toText() {
    return single() + and().map(a -> "&" + a.toText()).orElse("");
  }

  private String single() {
    switch (kind()) {
      case TIER_AT_LEAST:
        return "tier>=" + tier().orElseThrow().number();
      case TIER_IS:
        return "tier=" + tier().orElseThrow().number();
      case TIER_AT_MOST:
        return "tier<=" + tier().orElseThrow().number();
      case FLAG:
        return "flag:" + flag().orElseThrow().name();
      default:
        return kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  @Value.Check
  void check() {
    boolean tiered = kind() == Kind.TIER_AT_LEAST || kind() == Kind.TIER_IS || kind() == Kind.TIER_AT_MOST;
    if (tiered != tier().isPresent() || (kind() == Kind.FLAG) != flag().isPresent()) {
      throw new InvalidValueException("trigger", "arguments do not match the kind");
    }
  }

  @Override
  public String toString() {
    return toText();
  }
}
