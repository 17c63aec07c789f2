package io.thresholds.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pins the compiled module descriptor of thresholds-core (tests run on the class path). */
class ModuleTest {
  private static final Path CLASSES = Path.of("target", "classes");
  private static ModuleDescriptor descriptor;

  @BeforeAll
  static void readDescriptor() throws IOException {
    Path file = CLASSES.resolve("module-info.class");
    assertThat(file).as("compiled module descriptor").exists();
    try (InputStream in = Files.newInputStream(file)) {
      descriptor = ModuleDescriptor.read(in);
    }
  }

  @Test
  void name_isIoThresholdsCore() {
    assertThat(descriptor.name()).isEqualTo("io.thresholds.core");
    assertThat(descriptor.isOpen()).isFalse();
    assertThat(descriptor.isAutomatic()).isFalse();
  }

  @Test
  void exports_exactlyThePublicPackages_unqualified() {
    assertThat(descriptor.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(
            "io.thresholds.core",
            "io.thresholds.core.model",
            "io.thresholds.core.policy",
            "io.thresholds.core.consent",
            "io.thresholds.core.time",
            "io.thresholds.core.evaluation",
            "io.thresholds.core.text");
    assertThat(descriptor.exports()).allSatisfy(e -> {
      assertThat(e.isQualified()).as(e.source()).isFalse();
      assertThat(e.modifiers()).as(e.source()).isEmpty();
    });
  }

  @Test
  void internal_isNotExportedOrOpened() {
    assertThat(descriptor.exports()).noneMatch(e -> e.source().equals("io.thresholds.core.internal"));
    assertThat(descriptor.opens()).isEmpty();
  }

  @Test
  void requires_onlyStaticBesidesJavaBase() {
    Set<ModuleDescriptor.Requires> others = descriptor.requires().stream()
        .filter(r -> !r.name().equals("java.base"))
        .collect(Collectors.toSet());
    assertThat(others).allSatisfy(r -> {
      assertThat(r.modifiers()).as(r.name()).contains(ModuleDescriptor.Requires.Modifier.STATIC);
      assertThat(r.modifiers()).as(r.name()).doesNotContain(ModuleDescriptor.Requires.Modifier.TRANSITIVE);
    });
    assertThat(others.stream().map(ModuleDescriptor.Requires::name))
        .containsExactlyInAnyOrder("org.immutables.value.annotations", "org.jspecify");
    assertThat(descriptor.requires()).anyMatch(r -> r.name().equals("java.base"));
  }

  @Test
  void uses_andProvides_none() {
    assertThat(descriptor.uses()).isEmpty();
    assertThat(descriptor.provides()).isEmpty();
  }

  @Test
  void moduleFinder_findsTheExplodedModuleWithItsPackages() {
    ModuleReference ref = ModuleFinder.of(CLASSES).find("io.thresholds.core").orElseThrow();
    ModuleDescriptor found = ref.descriptor();
    assertThat(found.packages()).contains("io.thresholds.core.internal", "io.thresholds.core.policy");
    assertThat(found.exports()).isEqualTo(descriptor.exports());
  }
}
