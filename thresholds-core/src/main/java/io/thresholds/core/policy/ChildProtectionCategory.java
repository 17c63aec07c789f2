package io.thresholds.core.policy;

import java.util.Optional;

/**
 * The category of abuse of a child protection plan, with its code in the Department for Education
 * children in need census.
 */
public enum ChildProtectionCategory {
  /** Neglect. */
  NEGLECT("NEG"),
  /** Physical abuse. */
  PHYSICAL_ABUSE("PHY"),
  /** Sexual abuse. */
  SEXUAL_ABUSE("SAB"),
  /** Emotional abuse. */
  EMOTIONAL_ABUSE("EMO"),
  /** More than one category. */
  MULTIPLE("MUL");

  private final String code;

  ChildProtectionCategory(String code) {
    this.code = code;
  }

  /** @return the census code, e.g. {@code NEG} */
  public String code() {
    return code;
  }

  /**
   * @param code a census code
   * @return the category with that code
   */
  public static Optional<ChildProtectionCategory> ofCode(String code) {
    for (ChildProtectionCategory c : values()) {
      if (c.code.equals(code)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
