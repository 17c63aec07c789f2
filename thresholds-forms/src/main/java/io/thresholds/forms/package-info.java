/** Referral forms: which of the MARF, MACE and Prevent forms an evaluation calls for. */
@NullMarked
package io.thresholds.forms;

import org.jspecify.annotations.NullMarked;
