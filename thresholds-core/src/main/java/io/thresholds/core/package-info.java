/**
 * The thresholds SDK core: the {@link io.thresholds.core.ThresholdsException} hierarchy shared by
 * every package. The domain model is in {@code model}, the partnership policy in {@code policy},
 * consent rules in {@code consent}, working-day and service-hour arithmetic in {@code time}, and the
 * threshold evaluator in {@code evaluation}.
 */
@NullMarked
package io.thresholds.core;

import org.jspecify.annotations.NullMarked;
