/**
 * Embedding example: a service that takes a {@code thresholds/referral@1} JSON document and answers
 * with the {@code thresholds/evaluation@1} document, or a problem document naming the JSON path of
 * what is wrong; as a plain function and as a handler for the JDK's HTTP server. It uses only the
 * public API of {@code thresholds-core} and {@code thresholds-jackson}.
 */
@NullMarked
package io.thresholds.examples.service;

import org.jspecify.annotations.NullMarked;
