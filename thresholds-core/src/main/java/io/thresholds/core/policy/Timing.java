package io.thresholds.core.policy;

import io.thresholds.core.InvalidValueException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * When an action is due. Text forms used in policy packs:
 *
 * <ul>
 *   <li>{@code none}: no deadline in the policy;
 *   <li>{@code immediately}: at once (for a phone contact, when the contacted service is open);
 *   <li>{@code next-opening}: when the contacted service next opens;
 *   <li>{@code after:ACTION+DURATION}: an ISO-8601 duration after another action is due, e.g.
 *       {@code after:phone-referral+PT24H};
 *   <li>{@code working-days:N}: by the close of office hours on the N-th working day after the
 *       referral, or after another action with {@code working-days:N@ACTION}, or after the
 *       recorded disagreement with a Hub decision with {@code working-days:N@hub-disagreement}.
 * </ul>
 */
@Value.Immutable
public abstract class Timing {
  /**
   * The longest duration of an {@code after:} timing: 26 weeks. A policy's timescales are hours,
   * days or weeks (a review within six months at most); anything longer is a mistake.
   */
  public static final Duration MAX_DURATION = Duration.ofDays(26 * 7);

  /**
   * The anchor of a timing that counts from the disagreement with a Hub decision the referral
   * records ({@code working-days:5@hub-disagreement}), rather than from another action. A rule with
   * it must have the {@code hub-disagreement} trigger; no action rule may have this id.
   */
  public static final String HUB_DISAGREEMENT = "hub-disagreement";

  /** The most working days of a {@code working-days:} timing: 130, about six months. */
  public static final int MAX_WORKING_DAYS = 130;

  /** The kinds of timing. */
  public enum Kind {
    /** No deadline. */
    NONE,
    /** At once. */
    IMMEDIATELY,
    /** When the service next opens. */
    NEXT_OPENING,
    /** A duration after another action. */
    AFTER,
    /** Working days after the referral or another action. */
    WORKING_DAYS
  }

  /** @return the kind */
  public abstract Kind kind();

  /** @return the action this timing counts from, for AFTER and (optionally) WORKING_DAYS */
  public abstract Optional<String> afterAction();

  /** @return the duration of AFTER */
  public abstract Optional<Duration> duration();

  /** @return the number of working days */
  public abstract OptionalInt workingDays();

  /**
   * The builder of {@link Timing}: a setter per attribute; {@code build()} checks the invariants.
   * Policy packs use the text form instead, see {@link #parse(String, String)}.
   */
  public static final class Builder extends ImmutableTiming.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @param text the text form
   * @param field the field name for errors
   * @return the timing
   */
  public static Timing parse(String text, String field) {
    try {
      return parseUnchecked(text, field);
    } catch (InvalidValueException e) {
      throw e.field().equals(field) ? e : new InvalidValueException(field, e.rule());
    }
  }

  private static Timing parseUnchecked(String text, String field) {
    String t = text.trim();
    Builder b = builder();
    try {
      if (t.equals("none")) {
        return b.kind(Kind.NONE).build();
      }
      if (t.equals("immediately")) {
        return b.kind(Kind.IMMEDIATELY).build();
      }
      if (t.equals("next-opening")) {
        return b.kind(Kind.NEXT_OPENING).build();
      }
      if (t.startsWith("after:")) {
        int plus = t.indexOf('+');
        if (plus < 0) {
          throw new InvalidValueException(field, "after: needs +DURATION");
        }
        return b.kind(Kind.AFTER)
            .afterAction(t.substring(6, plus))
            .duration(Duration.parse(t.substring(plus + 1)))
            .build();
      }
      if (t.startsWith("working-days:")) {
        String rest = t.substring("working-days:".length());
        int at = rest.indexOf('@');
        if (at >= 0) {
          b.afterAction(rest.substring(at + 1));
          rest = rest.substring(0, at);
        }
        return b.kind(Kind.WORKING_DAYS).workingDays(Integer.parseInt(rest)).build();
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new InvalidValueException(field, "malformed number or duration in timing");
    }
    throw new InvalidValueException(field, "unknown timing; see Timing for the forms");
  }

  /** @return the text form */
  public String toText() {
    switch (kind()) {
      case AFTER:
        return "after:" + afterAction().orElseThrow() + "+" + duration().orElseThrow();
      case WORKING_DAYS:
        return "working-days:" + workingDays().getAsInt() + afterAction().map(a -> "@" + a).orElse("");
      case NEXT_OPENING:
        return "next-opening";
      default:
        return kind().name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  @Value.Check
  void check() {
    boolean ok;
    switch (kind()) {
      case AFTER:
        ok = afterAction().isPresent() && !afterAction().get().isBlank() && duration().isPresent()
            && !duration().get().isNegative() && workingDays().isEmpty();
        break;
      case WORKING_DAYS:
        ok = workingDays().isPresent() && workingDays().getAsInt() >= 1 && duration().isEmpty()
            && afterAction().map(a -> !a.isBlank()).orElse(true);
        break;
      default:
        ok = afterAction().isEmpty() && duration().isEmpty() && workingDays().isEmpty();
    }
    if (!ok) {
      throw new InvalidValueException("timing", "arguments do not match the kind");
    }
    if (duration().isPresent() && duration().get().compareTo(MAX_DURATION) > 0) {
      throw new InvalidValueException("timing", "a duration must be at most 26 weeks (PT4368H)");
    }
    if (workingDays().isPresent() && workingDays().getAsInt() > MAX_WORKING_DAYS) {
      throw new InvalidValueException("timing", "at most " + MAX_WORKING_DAYS + " working days");
    }
  }

  @Override
  public String toString() {
    return toText();
  }
}
