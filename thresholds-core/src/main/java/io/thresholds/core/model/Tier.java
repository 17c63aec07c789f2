package io.thresholds.core.model;

import io.thresholds.core.InvalidValueException;

/**
 * The four numbered levels of need of the engine. A partnership's policy gives each level its local
 * name ({@code policy.tier(t).name()}) and may group adjacent levels into one service ({@code
 * policy.service(t)}, e.g. "Family Help" across levels 2 and 3); the numbers and their order are
 * fixed. The constant names follow the City of London document; code that should not depend on one
 * partnership's words can use the neutral aliases {@link #LEVEL_1} to {@link #LEVEL_4} or {@link
 * #of(int)}.
 */
public enum Tier {
  /** Tier 1: universal services meet the child's needs. */
  UNIVERSAL(1),
  /** Tier 2: additional needs, met by early help and a multi-agency plan. */
  ADDITIONAL_NEEDS(2),
  /** Tier 3: high or complex needs; possibly a child in need (Children Act 1989 s17). */
  HIGH_OR_COMPLEX(3),
  /** Tier 4: acute needs; significant harm or its risk (Children Act 1989 s47). */
  ACUTE(4);

  /** Level 1, the same constant as {@link #UNIVERSAL}; its name comes from the policy. */
  public static final Tier LEVEL_1 = UNIVERSAL;
  /** Level 2, the same constant as {@link #ADDITIONAL_NEEDS}; its name comes from the policy. */
  public static final Tier LEVEL_2 = ADDITIONAL_NEEDS;
  /** Level 3, the same constant as {@link #HIGH_OR_COMPLEX}; its name comes from the policy. */
  public static final Tier LEVEL_3 = HIGH_OR_COMPLEX;
  /** Level 4, the same constant as {@link #ACUTE}; its name comes from the policy. */
  public static final Tier LEVEL_4 = ACUTE;

  private final int number;

  Tier(int number) {
    this.number = number;
  }

  /** @return the tier number, 1 to 4 */
  public int number() {
    return number;
  }

  /**
   * @param number 1 to 4
   * @return the tier with that number
   * @throws InvalidValueException if the number is not 1 to 4
   */
  public static Tier of(int number) {
    if (number < 1 || number > 4) {
      throw new InvalidValueException("tier", "must be 1, 2, 3 or 4");
    }
    return values()[number - 1];
  }

  /** @return true if this tier is at least {@code other} */
  public boolean isAtLeast(Tier other) {
    return compareTo(other) >= 0;
  }

  /** @return the higher of the two tiers */
  public static Tier max(Tier a, Tier b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** @return the next tier up, or this tier if it is already the highest */
  public Tier oneUp() {
    return this == ACUTE ? ACUTE : values()[ordinal() + 1];
  }
}
