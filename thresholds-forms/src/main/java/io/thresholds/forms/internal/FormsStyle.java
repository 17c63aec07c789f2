package io.thresholds.forms.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;
import org.immutables.value.Value.Style.BuilderVisibility;
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
    // Generated Immutable* classes are package-private and never part of the API: each abstract
    // type declares a public nested Builder that extends the generated one (the documented
    // Immutables pattern) and static builder()/of() methods; build() and of() return the abstract
    // type, so no generated type appears in a public signature or in the javadoc.
    visibility = ImplementationVisibility.PACKAGE,
    // The generated builder is package-private too, so javadoc documents its setters as methods
    // of the public X.Builder and shows no generated type in the hierarchy.
    builderVisibility = BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    // No annotation found on the class path is copied onto generated classes: in particular not
    // org.immutables.value.Generated, whose class file a consumer does not have (javac would warn
    // "Cannot find annotation method 'from()'" and fail a consumer's -Werror build). Override is
    // never discovered on the class path, so listing only it allows none.
    allowedClasspathAnnotations = {Override.class},
    // Generated code uses only JDK collections, no Guava.
    jdkOnly = true,
    // No generated file header noise.
    headerComments = false)
public @interface FormsStyle {}
