package io.thresholds.core.testing;

import io.thresholds.core.consent.ConsentState;
import io.thresholds.core.model.PersonalDetails;
import io.thresholds.core.model.Referral;
import java.time.Instant;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.DomainContextBase;

/**
 * A jqwik domain for properties about referrals: {@code @Domain(ReferralDomain.class)} makes
 * {@code @ForAll Referral}, {@code @ForAll ReferralWithExtraConcern}, {@code @ForAll ConsentState}
 * and {@code @ForAll PersonalDetails} draw from {@link ReferralArbitraries}. Add
 * {@code @Domain(DomainContext.Global.class)} for the default generators of other types.
 */
public class ReferralDomain extends DomainContextBase {
  /** The instant consent states are recorded before. */
  private static final Instant CONSENT_BEFORE = Instant.parse("2025-06-02T12:00:00Z");

  @Provide
  Arbitrary<Referral> referrals() {
    return ReferralArbitraries.referrals();
  }

  @Provide
  Arbitrary<ReferralWithExtraConcern> referralsWithExtraConcern() {
    return ReferralArbitraries.referralsWithExtraConcern();
  }

  @Provide
  Arbitrary<ConsentState> consentStates() {
    return ReferralArbitraries.consentStates(CONSENT_BEFORE);
  }

  @Provide
  Arbitrary<PersonalDetails> personalDetails() {
    return ReferralArbitraries.personalDetails();
  }
}
