/**
 * The immutable domain model of a referral: {@link io.thresholds.core.model.Referral}, its
 * {@link io.thresholds.core.model.Referrer}, the {@link io.thresholds.core.model.Household} with its
 * {@link io.thresholds.core.model.Child children} and {@link io.thresholds.core.model.Adult adults},
 * and the observed {@link io.thresholds.core.model.Concern concerns}.
 *
 * <p>People are identified by pseudonymous {@link io.thresholds.core.model.Ref references}.
 * Personal details (names, dates of birth, NHS numbers, addresses, free text) are optional, and
 * never appear in {@code toString()} or in exception messages.
 */
@NullMarked
@ThresholdsStyle
package io.thresholds.core.model;

import io.thresholds.core.internal.ThresholdsStyle;
import org.jspecify.annotations.NullMarked;
