package io.thresholds.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Pins the compiled module descriptor: one exported package, no third-party module required. */
class ModuleTest {
  @Test
  void descriptor_exportsTheApiPackage_andRequiresOnlyCoreAndJavaXml() throws Exception {
    ModuleDescriptor d;
    try (InputStream in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
      d = ModuleDescriptor.read(in);
    }
    assertThat(d.name()).isEqualTo("io.thresholds.dmn");
    assertThat(d.isOpen()).isFalse();
    assertThat(d.exports()).extracting(ModuleDescriptor.Exports::source).containsExactly("io.thresholds.dmn");
    assertThat(d.exports()).allMatch(e -> !e.isQualified());
    Map<String, Set<ModuleDescriptor.Requires.Modifier>> requires = d.requires().stream()
        .collect(Collectors.toMap(ModuleDescriptor.Requires::name, ModuleDescriptor.Requires::modifiers));
    assertThat(requires.keySet()).containsExactlyInAnyOrder("java.base", "java.xml", "io.thresholds.core");
    assertThat(requires.get("io.thresholds.core")).containsExactly(ModuleDescriptor.Requires.Modifier.TRANSITIVE);
    assertThat(d.opens()).isEmpty();
    assertThat(d.uses()).isEmpty();
    assertThat(d.provides()).isEmpty();
  }

  /**
   * No generated Immutables type is part of the public API: no exported package holds an
   * accessible {@code Immutable*} type, and no accessible type of an exported package names one in
   * a public signature (its interfaces, methods, constructors or fields).
   */
  @Test
  void exportedPackages_exposeNoGeneratedImmutableType() throws Exception {
    Path classes = Path.of("target", "classes");
    ModuleDescriptor module;
    try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
      module = ModuleDescriptor.read(in);
    }
    java.util.List<String> offenders = new java.util.ArrayList<>();
    int scanned = 0;
    for (ModuleDescriptor.Exports e : module.exports()) {
      java.util.List<Path> files;
      try (java.util.stream.Stream<Path> s = Files.list(classes.resolve(e.source().replace('.', '/')))) {
        files = s.filter(p -> p.getFileName().toString().endsWith(".class")).collect(Collectors.toList());
      }
      for (Path f : files) {
        String binaryName = e.source() + "." + f.getFileName().toString().replace(".class", "");
        Class<?> c = Class.forName(binaryName, false, ModuleTest.class.getClassLoader());
        if (!accessible(c)) {
          continue;
        }
        scanned++;
        // A nested X.Builder extends the package-private generated builder: that superclass is
        // not accessible, so it is not API (javadoc shows its public methods as X.Builder's own).
        java.util.List<java.lang.reflect.Type> mentioned = new java.util.ArrayList<>();
        mentioned.addAll(java.util.List.of(c.getGenericInterfaces()));
        for (java.lang.reflect.Method m : c.getMethods()) {
          mentioned.add(m.getGenericReturnType());
          mentioned.addAll(java.util.List.of(m.getGenericParameterTypes()));
        }
        for (java.lang.reflect.Constructor<?> k : c.getConstructors()) {
          mentioned.addAll(java.util.List.of(k.getGenericParameterTypes()));
        }
        for (java.lang.reflect.Field d : c.getFields()) {
          mentioned.add(d.getGenericType());
        }
        if (c.getSimpleName().startsWith("Immutable")) {
          offenders.add(binaryName);
        }
        mentioned.stream().map(java.lang.reflect.Type::getTypeName)
            .filter(t -> t.matches("(?s).*(^|[.$<, ])Immutable[A-Z].*"))
            .forEach(t -> offenders.add(binaryName + " -> " + t));
      }
    }
    assertThat(scanned).as("accessible types scanned").isPositive();
    assertThat(offenders).isEmpty();
  }

  private static boolean accessible(Class<?> c) {
    if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
      return false;
    }
    for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
      int mods = k.getModifiers();
      boolean nested = k.getDeclaringClass() != null;
      if (!java.lang.reflect.Modifier.isPublic(mods) && !(nested && java.lang.reflect.Modifier.isProtected(mods))) {
        return false;
      }
    }
    return true;
  }
}
