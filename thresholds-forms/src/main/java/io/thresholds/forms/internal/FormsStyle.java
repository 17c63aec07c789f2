package io.thresholds.forms.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;
import org.immutables.value.Value.Style.ImplementationVisibility;

/**
 * The Immutables style of thresholds-forms, the same as core's (core's style annotation lives in a
 * package core does not export, so this module carries its own copy).
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    // Accessors are record-like names (id(), fields()); builder setters use the same names.
    get = {"is*", "get*"},
    init = "*",
    // Generated Immutable* classes are public so that builder chains compile from any package;
    // users reach them through static builder()/of() methods on the abstract type.
    visibility = ImplementationVisibility.PUBLIC,
    // Generated code uses only JDK collections, no Guava.
    jdkOnly = true,
    // No generated file header noise.
    headerComments = false)
public @interface FormsStyle {}
