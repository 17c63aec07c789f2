/**
 * The threshold evaluator and its explainable result.
 *
 * <p>{@link io.thresholds.core.evaluation.ThresholdEvaluator#evaluate} is pure and deterministic:
 * the same referral, policy version and time give the same
 * {@link io.thresholds.core.evaluation.Evaluation}. For every referred child it returns a suggested
 * {@link io.thresholds.core.evaluation.TierRange tier range}, the
 * {@link io.thresholds.core.evaluation.Reason reasons} with their citations, the ordered
 * {@link io.thresholds.core.evaluation.Action actions} with channel, contact and deadline, and the
 * consent guidance. The result advises; a professional decides.
 */
@NullMarked
@ThresholdsStyle
package io.thresholds.core.evaluation;

import io.thresholds.core.internal.ThresholdsStyle;
import org.jspecify.annotations.NullMarked;
