/**
 * The {@code thresholds} command-line tool: {@link io.thresholds.examples.ThresholdsCommand} with
 * the subcommands {@code evaluate}, {@code batch} (a JSON Lines file, streaming, on a bounded
 * pipeline of worker threads), {@code generate} (synthetic referrals) and {@code indicators}.
 * Exit codes: 0 done, 1 invalid input (the message names the file, field and line), 2 usage error,
 * 3 internal error.
 */
@NullMarked
package io.thresholds.examples;

import org.jspecify.annotations.NullMarked;
