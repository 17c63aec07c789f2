/**
 * Referral forms as data: a partnership's {@link io.thresholds.forms.FormPack} (for the City of
 * London: {@link io.thresholds.forms.Forms#cityOfLondon()}) holds its {@link io.thresholds.forms.FormSchema
 * form schemas}, each made of {@link io.thresholds.forms.Section sections} of
 * {@link io.thresholds.forms.Field fields} and {@link io.thresholds.forms.FormRule rules} across
 * fields. A completed form is a {@link io.thresholds.forms.FormData}; {@link
 * io.thresholds.forms.ReferralForm#calledFor} tells which forms an evaluation calls for.
 */
@NullMarked
package io.thresholds.forms;

import org.jspecify.annotations.NullMarked;
