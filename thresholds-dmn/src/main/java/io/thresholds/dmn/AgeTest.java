package io.thresholds.dmn;

import io.thresholds.core.policy.AgeCondition;
import io.thresholds.core.policy.Indicator;
import java.util.Optional;

/**
 * The FEEL unary test on the {@code ageYears} input that says an escalation target's age (and,
 * for a pre- or non-mobile indicator, "born") condition holds. Ages are completed years when the
 * concern was observed, {@value DmnExporter#UNBORN_AGE} before birth.
 *
 * <p>Only the simple unary tests that every engine reads are used (intervals, comparisons, a
 * comma-separated disjunction, {@code not(...)}): Camunda's legacy FEEL engine reads nothing else.
 */
final class AgeTest {
  /** The FEEL text of "any value". */
  static final String ANY = "-";

  private AgeTest() {}

  /**
   * @param target an escalation target
   * @return the unary test on the age that the target's conditions need, or {@link #ANY}
   */
  static String of(Indicator target) {
    return of(target.age(), target.preOrNonMobileOnly());
  }

  /**
   * @param condition the age condition, if any
   * @param mustBeBorn true if an unborn child never matches (a pre- or non-mobile condition)
   * @return the unary test, or {@link #ANY}
   */
  static String of(Optional<AgeCondition> condition, boolean mustBeBorn) {
    if (condition.isEmpty()) {
      return mustBeBorn ? ">= 0" : ANY;
    }
    AgeCondition c = condition.get();
    boolean unborn = c.includesUnborn() && !mustBeBorn;
    int lo = c.minYears().orElse(0);
    boolean bornFromZero = lo == 0;
    if (c.maxYears().isEmpty()) {
      if (unborn && bornFromZero) {
        return ANY;
      }
      return (unborn ? "< 0, " : "") + ">= " + lo;
    }
    int hi = c.maxYears().getAsInt();
    if (unborn && bornFromZero) {
      return "<= " + hi;
    }
    return (unborn ? "< 0, " : "") + "[" + lo + ".." + hi + "]";
  }

  /**
   * @param test a unary test other than {@link #ANY}
   * @return its negation
   */
  static String not(String test) {
    if (test.equals(ANY)) {
      throw new IllegalArgumentException("\"any\" has no negation that matches a value");
    }
    return "not(" + test + ")";
  }
}
