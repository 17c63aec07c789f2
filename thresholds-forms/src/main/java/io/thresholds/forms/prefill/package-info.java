/**
 * Prefilling forms from a {@link io.thresholds.core.model.Referral} and its
 * {@link io.thresholds.core.evaluation.Evaluation}: {@link io.thresholds.forms.prefill.FormPrefiller}.
 */
@NullMarked
package io.thresholds.forms.prefill;

import org.jspecify.annotations.NullMarked;
