/**
 * The JSON format of the thresholds SDK. {@link io.thresholds.jackson.ThresholdsJson} reads and
 * writes referrals, evaluations, policies and completed forms with a hardened mapper; {@link
 * io.thresholds.jackson.ThresholdsModule} adds the same (de)serializers to a mapper of your own.
 *
 * <p>Error messages name the JSON path and the rule that was broken, never the personal value
 * that was given (names, dates of birth, NHS numbers, free text), so they are safe to log.
 */
@NullMarked
package io.thresholds.jackson;

import org.jspecify.annotations.NullMarked;
