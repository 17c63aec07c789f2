/**
 * Embedding example: a school management information system (MIS) turns its own pupil, contact
 * and safeguarding-log records into a referral, evaluates it with the SDK and shows the actions.
 * It uses only the public API of {@code thresholds-core}; copy and adapt it.
 */
@NullMarked
package io.thresholds.examples.mis;

import org.jspecify.annotations.NullMarked;
