package io.thresholds.core.model;

import io.thresholds.core.InvalidValueException;

/**
 * The four tiers of the Continuum of Need. A partnership's policy gives each tier its local name;
 * the numbers and their order are fixed.
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
