package io.thresholds.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No generated Immutables type is part of the public API of a published module: no exported package
 * holds an accessible {@code Immutable*} type, and no accessible type of an exported package names
 * one in a public signature (interfaces, methods, constructors, fields). Checked on the jars (or
 * classes) a consumer gets, one place for every module.
 */
class PublicApiSurfaceTest {

  @ParameterizedTest
  @ValueSource(strings = {"io.thresholds.core.policy.Policy", "io.thresholds.forms.Forms",
      "io.thresholds.jackson.ThresholdsJson"})
  void exportedPackages_exposeNoGeneratedImmutableType(String classOfTheModule) throws Exception {
    Path location = Path.of(Class.forName(classOfTheModule).getProtectionDomain().getCodeSource()
        .getLocation().toURI());
    if (Files.isDirectory(location)) {
      check(location);
    } else {
      try (FileSystem jar = FileSystems.newFileSystem(URI.create("jar:" + location.toUri()), Map.of())) {
        check(jar.getPath("/"));
      }
    }
  }

  private static void check(Path root) throws Exception {
    ModuleDescriptor module;
    try (InputStream in = Files.newInputStream(root.resolve("module-info.class"))) {
      module = ModuleDescriptor.read(in);
    }
    List<String> offenders = new ArrayList<>();
    int scanned = 0;
    for (ModuleDescriptor.Exports e : module.exports()) {
      List<Path> files;
      try (Stream<Path> s = Files.list(root.resolve(e.source().replace('.', '/')))) {
        files = s.filter(p -> p.getFileName().toString().endsWith(".class")).collect(Collectors.toList());
      }
      for (Path f : files) {
        String binaryName = e.source() + "." + f.getFileName().toString().replace(".class", "");
        Class<?> c = Class.forName(binaryName, false, PublicApiSurfaceTest.class.getClassLoader());
        if (!accessible(c)) {
          continue;
        }
        scanned++;
        // A nested X.Builder extends the package-private generated builder: that superclass is not
        // accessible, so it is not API (javadoc shows its public methods as X.Builder's own).
        List<Type> mentioned = new ArrayList<>(List.of(c.getGenericInterfaces()));
        for (Method m : c.getMethods()) {
          mentioned.add(m.getGenericReturnType());
          mentioned.addAll(List.of(m.getGenericParameterTypes()));
        }
        for (Constructor<?> k : c.getConstructors()) {
          mentioned.addAll(List.of(k.getGenericParameterTypes()));
        }
        for (Field d : c.getFields()) {
          mentioned.add(d.getGenericType());
        }
        if (c.getSimpleName().startsWith("Immutable")) {
          offenders.add(binaryName);
        }
        mentioned.stream().map(Type::getTypeName)
            .filter(t -> t.matches("(?s).*(^|[.$<, ])Immutable[A-Z].*"))
            .forEach(t -> offenders.add(binaryName + " -> " + t));
      }
    }
    assertThat(scanned).as("accessible types scanned in " + module.name()).isPositive();
    assertThat(offenders).as(module.name()).isEmpty();
  }

  private static boolean accessible(Class<?> c) {
    if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
      return false;
    }
    for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
      int mods = k.getModifiers();
      boolean nested = k.getDeclaringClass() != null;
      if (!Modifier.isPublic(mods) && !(nested && Modifier.isProtected(mods))) {
        return false;
      }
    }
    return true;
  }
}
