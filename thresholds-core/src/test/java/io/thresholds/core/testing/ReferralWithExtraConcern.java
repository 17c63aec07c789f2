package io.thresholds.core.testing;

import io.thresholds.core.model.Concern;
import io.thresholds.core.model.Referral;

/**
 * A referral and one more concern that is valid for it.
 *
 * @param referral the referral
 * @param extra the extra concern
 */
public record ReferralWithExtraConcern(Referral referral, Concern extra) {
  /** @return the referral with the extra concern added last */
  public Referral withExtra() {
    return Referral.builder().from(referral).addConcerns(extra).build();
  }
}
