/**
 * Consent and information sharing: the recorded {@link io.thresholds.core.consent.ConsentState} of
 * a referral and the policy's {@link io.thresholds.core.consent.ConsentRule consent rules} per tier.
 */
@NullMarked
@ThresholdsStyle
package io.thresholds.core.consent;

import io.thresholds.core.internal.ThresholdsStyle;
import org.jspecify.annotations.NullMarked;
