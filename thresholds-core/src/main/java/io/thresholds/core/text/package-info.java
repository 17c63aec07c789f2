/**
 * Text for people: {@link io.thresholds.core.text.EvaluationText} renders an evaluation as the
 * explanation a practitioner reads, with the same wording as the {@code thresholds} command-line
 * tool, so that a product embedding the SDK shows what the CLI shows.
 */
@NullMarked
package io.thresholds.core.text;

import org.jspecify.annotations.NullMarked;
