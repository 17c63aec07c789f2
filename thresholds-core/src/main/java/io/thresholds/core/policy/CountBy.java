package io.thresholds.core.policy;

/**
 * What counts as one need when a policy widens a range for several needs at the highest tier found
 * ({@link Policy#cumulativeCount()}).
 */
public enum CountBy {
  /** Each distinct indicator counts (the behaviour of packs that do not say). */
  INDICATOR,
  /** Needs in one area (sub-heading of the matrix) count once. */
  AREA,
  /** Needs in one domain count once: widening asks for needs across distinct domains. */
  DOMAIN
}
