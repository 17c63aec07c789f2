/**
 * Validation of completed forms with Jakarta Bean Validation (Hibernate Validator):
 * {@link io.thresholds.forms.validation.FormValidator} turns a {@link io.thresholds.forms.FormData}
 * into a list of {@link io.thresholds.forms.validation.Violation}s, each naming the field path, a
 * rule code and a message that never contains the value entered; each field's checks are Bean
 * Validation constraints built from the form schema (see {@link
 * io.thresholds.forms.validation.FormValidator}). {@link
 * io.thresholds.forms.validation.Identifiers} checks NHS numbers, Unique Pupil Numbers, UK
 * postcodes, phone numbers and email addresses.
 */
@NullMarked
package io.thresholds.forms.validation;

import org.jspecify.annotations.NullMarked;
