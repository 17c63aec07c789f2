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
}
