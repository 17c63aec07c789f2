/** Internal build-time support (the Immutables style). Not exported. */
@NullMarked
package io.thresholds.core.internal;

import org.jspecify.annotations.NullMarked;
