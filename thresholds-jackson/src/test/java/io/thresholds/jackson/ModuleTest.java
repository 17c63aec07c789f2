package io.thresholds.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thresholds.core.model.Referral;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Pins the compiled module descriptor and the service registration. */
class ModuleTest {
  @Test
  void descriptor_exportsOnlyTheApiPackage_andProvidesTheModule() throws Exception {
    ModuleDescriptor d;
    try (InputStream in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
      d = ModuleDescriptor.read(in);
    }
    assertThat(d.name()).isEqualTo("io.thresholds.jackson");
    assertThat(d.exports()).extracting(ModuleDescriptor.Exports::source).containsExactly("io.thresholds.jackson");
    assertThat(d.exports()).allMatch(e -> !e.isQualified());
    assertThat(d.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()))
        .contains("io.thresholds.core", "io.thresholds.forms", "com.fasterxml.jackson.databind");
    // thresholds-forms is optional: read when present, never required of a consumer.
    assertThat(d.requires()).filteredOn(r -> r.name().equals("io.thresholds.forms")).singleElement()
        .satisfies(r -> assertThat(r.modifiers()).containsExactly(ModuleDescriptor.Requires.Modifier.STATIC));
    assertThat(ThresholdsModule.FORMS).as("forms present in this module's tests").isTrue();
    assertThat(d.provides()).singleElement().satisfies(p -> {
      assertThat(p.service()).isEqualTo("com.fasterxml.jackson.databind.Module");
      assertThat(p.providers()).containsExactly("io.thresholds.jackson.ThresholdsModule");
    });
  }

  @Test
  void serviceLoader_findsTheModule() throws Exception {
    assertThat(ObjectMapper.findModules()).extracting(Module::getClass).contains(ThresholdsModule.class);
    ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
    Referral r = mapper.readValue(BadInputTest.MINIMAL, Referral.class);
    assertThat(r.ref().value()).isEqualTo("r-001");
  }

  @Test
  void scalarsAndValues_haveTheirWireForm_onTheirOwn() throws Exception {
    ObjectMapper mapper = ThresholdsJson.newMapper();
    assertThat(mapper.writeValueAsString(io.thresholds.core.model.Tier.ACUTE)).isEqualTo("4");
    assertThat(mapper.readValue("2", io.thresholds.core.model.Tier.class)).isEqualTo(io.thresholds.core.model.Tier.ADDITIONAL_NEEDS);
    assertThat(mapper.writeValueAsString(io.thresholds.core.model.Ref.of("c1"))).isEqualTo("\"c1\"");
    assertThat(mapper.writeValueAsString(io.thresholds.core.consent.ConsentStatus.NOT_YET_SOUGHT)).isEqualTo("\"not-yet-sought\"");
    assertThat(mapper.readValue("\"parent-carer\"", io.thresholds.core.model.SubjectKind.class))
        .isEqualTo(io.thresholds.core.model.SubjectKind.PARENT_CARER);
    io.thresholds.core.model.Concern c = mapper.readValue(
        "{\"indicator\":\"T2-PAR-PARENTAL-SUBSTANCE-USE\",\"subject\":\"parent-carer\",\"subjectRef\":\"a1\",\"observedOn\":\"2025-11-20\"}",
        io.thresholds.core.model.Concern.class);
    assertThat(mapper.readValue(mapper.writeValueAsString(c), io.thresholds.core.model.Concern.class)).isEqualTo(c);
  }

  @Test
  void onlyTheTwoEntryPointsArePublic() throws Exception {
    try (var files = Files.list(Path.of("target/classes/io/thresholds/jackson"))) {
      var publicTypes = files.map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.equals("package-info.class"))
          .map(n -> "io.thresholds.jackson." + n.replace(".class", ""))
          .filter(n -> {
            try {
              return java.lang.reflect.Modifier.isPublic(Class.forName(n).getModifiers());
            } catch (ClassNotFoundException e) {
              throw new AssertionError(e);
            }
          })
          .collect(Collectors.toSet());
      assertThat(publicTypes).containsExactlyInAnyOrder(
          "io.thresholds.jackson.ThresholdsModule", "io.thresholds.jackson.ThresholdsJson");
    }
  }
}
