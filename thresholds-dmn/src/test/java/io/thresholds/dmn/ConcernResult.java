package io.thresholds.dmn;

/**
 * The four decisions of the exported model for one concern.
 *
 * @param tier the tier number, 0 if no rule matched (an unknown code)
 * @param mace 2 refer to MACE, 1 consider, 0 neither
 * @param prevent 1 if a Prevent referral applies
 * @param doNotTellFamily 1 if the family must not be told
 */
record ConcernResult(int tier, int mace, int prevent, int doNotTellFamily) {
  /** The result for a child with no concern: Tier 1, no pathway. */
  static final ConcernResult NONE = new ConcernResult(1, 0, 0, 0);

  /**
   * @param other another concern's result
   * @return the highest of each decision: COLLECT MAX one level up, over a child's concerns
   */
  ConcernResult max(ConcernResult other) {
    return new ConcernResult(Math.max(tier, other.tier), Math.max(mace, other.mace),
        Math.max(prevent, other.prevent), Math.max(doNotTellFamily, other.doNotTellFamily));
  }
}
