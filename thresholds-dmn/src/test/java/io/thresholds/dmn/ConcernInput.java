package io.thresholds.dmn;

import io.thresholds.core.model.Mobility;

/**
 * The inputs of one evaluation of the exported model: one concern about one child.
 *
 * @param indicator the concern's indicator code
 * @param ageYears the child's age in completed years when the concern was observed, or {@link
 *     DmnExporter#UNBORN_AGE}
 * @param mobility the child's mobility
 */
record ConcernInput(String indicator, int ageYears, Mobility mobility) {}
