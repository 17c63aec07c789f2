/**
 * The partnership policy as data. A {@link io.thresholds.core.policy.Policy} holds everything that
 * differs between safeguarding partnerships: identity and version, tier names, the
 * {@link io.thresholds.core.policy.Indicator indicator} catalogue with
 * {@link io.thresholds.core.policy.Citation citations}, consent rules, contacts and their hours,
 * the action rules with their timescales, and the bank-holiday calendar.
 *
 * <p>{@link io.thresholds.core.policy.Policies#cityOfLondon()} returns the embedded City of London
 * (City and Hackney Safeguarding Children Partnership) policy; {@link
 * io.thresholds.core.policy.Policies#load(java.nio.file.Path)} reads another partnership's policy
 * pack in the same format. The format is described in {@code docs/policy-pack.md}.
 */
@NullMarked
@ThresholdsStyle
package io.thresholds.core.policy;

import io.thresholds.core.internal.ThresholdsStyle;
import org.jspecify.annotations.NullMarked;
