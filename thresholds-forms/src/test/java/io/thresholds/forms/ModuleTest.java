package io.thresholds.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Requires.Modifier;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pins the compiled module descriptor of thresholds-forms (tests run on the class path). */
class ModuleTest {
  private static ModuleDescriptor descriptor;

  @BeforeAll
  static void readDescriptor() throws IOException {
    Path file = Path.of("target", "classes", "module-info.class");
    assertThat(file).as("compiled module descriptor").exists();
    try (InputStream in = Files.newInputStream(file)) {
      descriptor = ModuleDescriptor.read(in);
    }
  }

  @Test
  void name_isIoThresholdsForms() {
    assertThat(descriptor.name()).isEqualTo("io.thresholds.forms");
    assertThat(descriptor.isOpen()).isFalse();
  }

  @Test
  void exports_exactlyTheApiPackages_unqualified() {
    assertThat(descriptor.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("io.thresholds.forms", "io.thresholds.forms.validation",
            "io.thresholds.forms.prefill", "io.thresholds.forms.jsonschema");
    assertThat(descriptor.exports()).allSatisfy(e -> assertThat(e.isQualified()).as(e.source()).isFalse());
    ModuleDescriptor found = ModuleFinder.of(Path.of("target", "classes")).find("io.thresholds.forms").orElseThrow().descriptor();
    assertThat(found.packages()).contains("io.thresholds.forms.internal");
  }

  @Test
  void opens_onlyTheValidationPackage_toHibernateValidator() {
    assertThat(descriptor.opens()).singleElement().satisfies(o -> {
      assertThat(o.source()).isEqualTo("io.thresholds.forms.validation");
      assertThat(o.targets()).containsExactly("org.hibernate.validator");
    });
  }

  @Test
  void requires_coreTransitively_validation_andAnnotationsStatically() {
    Map<String, Set<Modifier>> requires = descriptor.requires().stream()
        .collect(Collectors.toMap(ModuleDescriptor.Requires::name, ModuleDescriptor.Requires::modifiers));
    assertThat(requires).containsOnlyKeys("java.base", "io.thresholds.core", "jakarta.validation",
        "org.hibernate.validator", "org.immutables.value.annotations", "org.jspecify");
    assertThat(requires.get("io.thresholds.core")).contains(Modifier.TRANSITIVE);
    assertThat(requires.get("jakarta.validation")).contains(Modifier.TRANSITIVE);
    assertThat(requires.get("org.hibernate.validator")).doesNotContain(Modifier.TRANSITIVE, Modifier.STATIC);
    assertThat(requires.get("org.immutables.value.annotations")).contains(Modifier.STATIC);
    assertThat(requires.get("org.jspecify")).contains(Modifier.STATIC);
  }

  @Test
  void noJacksonAtRunTime() {
    assertThat(descriptor.requires()).noneMatch(r -> r.name().startsWith("com.fasterxml"));
  }
}
