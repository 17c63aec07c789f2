package io.thresholds.core.model;

/**
 * How mobile a child is. Several indicators (an injury to a pre- or non-mobile child) depend on it.
 */
public enum Mobility {
  /** Not yet recorded; indicators that need pre- or non-mobility do not match. */
  UNKNOWN,
  /** Moves independently. */
  MOBILE,
  /** A baby not yet crawling or walking. */
  PRE_MOBILE,
  /** A child who cannot move independently, for example because of a disability. */
  NON_MOBILE;

  /** @return true for {@link #PRE_MOBILE} and {@link #NON_MOBILE} */
  public boolean isPreOrNonMobile() {
    return this == PRE_MOBILE || this == NON_MOBILE;
  }
}
