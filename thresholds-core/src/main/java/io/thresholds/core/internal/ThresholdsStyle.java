package io.thresholds.core.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;
import org.immutables.value.Value.Style.ImplementationVisibility;

/** The one Immutables style of the SDK; every value type is annotated with it. */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    // Accessors are record-like names (tier(), ref()); builder setters use the same names.
    get = {"is*", "get*"},
    init = "*",
    // Generated Immutable* classes are public so that builder chains compile from any package;
    // users reach them through static builder()/of() methods on the abstract type.
    visibility = ImplementationVisibility.PUBLIC,
    // Generated code uses only JDK collections (List.copyOf-style), no Guava: core has no deps.
    jdkOnly = true,
    // No generated file header noise.
    headerComments = false)
public @interface ThresholdsStyle {}
