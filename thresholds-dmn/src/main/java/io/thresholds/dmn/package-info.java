/**
 * DMN export of a thresholds policy. {@link io.thresholds.dmn.DmnExporter#export} writes the
 * policy's tier and pathway rules (MACE, Prevent, do not tell the family) as a DMN 1.3 model that
 * loads unchanged in Camunda's and Apache KIE's DMN engines; the module's README says how the
 * inputs are modelled and what DMN cannot express (the tier range, consent, routes, deadlines).
 *
 * <p>Everything in this package is non-null: {@code export} rejects a null policy.
 */
package io.thresholds.dmn;
