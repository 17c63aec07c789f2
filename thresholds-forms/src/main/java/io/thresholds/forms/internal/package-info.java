/** Internal build-time support (the Immutables style). Not exported. */
@NullMarked
package io.thresholds.forms.internal;

import org.jspecify.annotations.NullMarked;
