/**
 * JSON Schema (draft 2020-12) export of form schemas, with the same required and conditional rules
 * as the Bean Validation validator: {@link io.thresholds.forms.jsonschema.JsonSchemaExporter}.
 */
@NullMarked
package io.thresholds.forms.jsonschema;

import org.jspecify.annotations.NullMarked;
