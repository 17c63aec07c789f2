package io.thresholds.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.model.Tier;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packs that extend another: resolution, retirement, provenance and the errors of a broken overlay. */
class OverlayPackTest {
  private static final Policy CITY = Policies.cityOfLondon();

  @TempDir
  Path dir;

  private Path overlay(String properties, String indicators, String actions) throws IOException {
    Files.writeString(dir.resolve("policy.properties"), "policy.id = test-overlay\npolicy.version = 1\n"
        + "policy.name = Test overlay\npolicy.document = Test document\npolicy.extends = city-of-london\n"
        + properties, StandardCharsets.UTF_8);
    if (indicators != null) {
      Files.writeString(dir.resolve("indicators.tsv"), PolicyPackReader.INDICATOR_HEADER + "\n" + indicators,
          StandardCharsets.UTF_8);
    }
    if (actions != null) {
      Files.writeString(dir.resolve("actions.tsv"), PolicyPackReader.ACTION_HEADER + "\n" + actions,
          StandardCharsets.UTF_8);
    }
    return dir;
  }

  private static Path testPack(String name) throws URISyntaxException {
    return Path.of(OverlayPackTest.class.getResource("/packs/" + name + "/policy.properties").toURI()).getParent();
  }

  @Test
  void overlay_withOnlyProperties_isTheBaseWithItsOwnIdentity() throws IOException {
    Policy p = Policies.load(overlay("contact.hub.phones = 020 0000 0000\n", null, null));
    assertThat(p.id()).isEqualTo("test-overlay");
    assertThat(p.extendsPolicy()).contains("city-of-london " + CITY.version());
    assertThat(p.indicators()).isEqualTo(CITY.indicators());
    assertThat(p.actionRules()).isEqualTo(CITY.actionRules());
    assertThat(p.calendar()).isEqualTo(CITY.calendar());
    assertThat(p.contact("hub").orElseThrow().phones()).containsExactly("020 0000 0000");
    assertThat(p.contact("hub").orElseThrow().name()).isEqualTo(CITY.contact("hub").orElseThrow().name());
    // Inherited citations keep the base's document.
    assertThat(p.tier(Tier.ACUTE).citation()).isEqualTo(CITY.tier(Tier.ACUTE).citation());
    assertThat(p.provenanceOf("contact.hub")).isEqualTo(Provenance.STATED);
    assertThat(p.provenanceOf("contact.hub.name")).isEqualTo(Provenance.INHERITED);
    assertThat(p.provenanceOf("contact.edt")).isEqualTo(Provenance.INHERITED);
    assertThat(p.provenanceOf("indicator.T4-S47-SERIOUS-INJURY-OR-SEXUAL-ABUSE")).isEqualTo(Provenance.INHERITED);
    assertThat(p.provenanceOf("action.call-999")).isEqualTo(Provenance.INHERITED);
    assertThat(p.provenanceOf("calendar")).isEqualTo(Provenance.INHERITED);
  }

  @Test
  void overlayRow_replacesTheBaseRowInPlace_newRowGoesAfterTheRowAboveIt() throws IOException {
    String override =
        "monitor\ttier>=2\tMONITOR_AND_REREFER\tMUST\tIN_AGENCY\t-\tnone\t-\tprofessional\tTest 1\tKeep monitoring (test).\n"
        + "extra-step\ttier>=2\tMONITOR_AND_REREFER\tSHOULD\tIN_AGENCY\t-\tnone\t-\t-\tTest 2\tA new step (test).\n";
    Policy p = Policies.load(overlay("", null, override));
    List<String> ids = p.actionRules().stream().map(ActionRule::id).collect(Collectors.toList());
    List<String> base = CITY.actionRules().stream().map(ActionRule::id).collect(Collectors.toList());
    assertThat(ids).hasSize(base.size() + 1);
    assertThat(ids.indexOf("monitor")).isEqualTo(base.indexOf("monitor"));
    assertThat(ids.indexOf("extra-step")).isEqualTo(base.indexOf("monitor") + 1);
    ActionRule monitor = p.actionRules().get(ids.indexOf("monitor"));
    assertThat(monitor.modality()).isEqualTo(Modality.MUST);
    assertThat(monitor.citation().document()).isEqualTo("Test document");
    assertThat(p.provenanceOf("action.monitor")).isEqualTo(Provenance.STATED);
    assertThat(p.provenanceOf("action.extra-step")).isEqualTo(Provenance.STATED);
  }

  @Test
  void retiredIndicator_isOutOfTheCatalogue_andNamesItsReplacement() throws IOException {
    Policy p = Policies.load(overlay("retire.indicator.T2-DEV-OCCASIONALLY-MISSING = T2-NEW-MISSING\n",
        "T2-NEW-MISSING\t2\tNEED\tDEVELOPMENTAL_NEEDS\tMissing\tCHILD\t-\t-\t-\t-\tTest\tMissing (test)\n", null));
    IndicatorCode old = IndicatorCode.of("T2-DEV-OCCASIONALLY-MISSING");
    assertThat(p.indicator(old)).isEmpty();
    assertThat(p.retired(old).orElseThrow().replacedBy()).contains(IndicatorCode.of("T2-NEW-MISSING"));
    assertThatThrownBy(() -> p.require(old))
        .isInstanceOf(RetiredIndicatorException.class)
        .hasMessageContaining("T2-DEV-OCCASIONALLY-MISSING was retired by policy test-overlay 1")
        .hasMessageContaining("use T2-NEW-MISSING instead");
    assertThat(p.indicators()).hasSize(CITY.indicators().size());
  }

  @Test
  void brokenOverlay_retiresWhatTheBaseDoesNotHave_namesFileLineAndBase() throws IOException {
    assertThatThrownBy(() -> Policies.load(overlay("retire.indicator.T9-NOT-THERE = -\n", null, null)))
        .isInstanceOf(PolicyFormatException.class)
        .hasMessage("policy pack file policy.properties line 6 (retire.indicator.T9-NOT-THERE): retires indicator"
            + " T9-NOT-THERE, which base pack city-of-london " + CITY.version() + " does not have");
  }

  @Test
  void brokenOverlay_retiredContactStillNamed_namesTheBaseEntry() throws IOException {
    assertThatThrownBy(() -> Policies.load(overlay("retire.contact.prevent = -\n", null, null)))
        .isInstanceOf(PolicyFormatException.class)
        .hasMessageStartingWith("policy pack file policy.properties line 6 (retire.contact.prevent): retires contact"
            + " prevent, but action prevent-referral (embedded policy file /io/thresholds/core/policy/city-of-london/actions.tsv line ")
        .hasMessageEndingWith(", contact) still names it; replace or retire that entry too");
  }

  @Test
  void brokenOverlay_badRowReplacingABaseRow_namesTheBaseRow() throws IOException {
    assertThatThrownBy(() -> Policies.load(overlay("",
        null, "monitor\ttier>=2\tNO_SUCH_KIND\tMUST\tIN_AGENCY\t-\tnone\t-\t-\tTest\tx\n")))
        .isInstanceOf(PolicyFormatException.class)
        .hasMessageStartingWith("policy pack file actions.tsv line 2")
        .hasMessageContaining("(this row replaces monitor of the base pack, embedded policy file "
            + "/io/thresholds/core/policy/city-of-london/actions.tsv line ");
  }

  @Test
  void brokenOverlay_unknownBase_listsTheEmbeddedPacks() throws IOException {
    Files.writeString(dir.resolve("policy.properties"), "policy.id = x\npolicy.version = 1\npolicy.name = x\n"
        + "policy.document = x\npolicy.extends = nowhere\n");
    assertThatThrownBy(() -> Policies.load(dir))
        .hasMessage("policy pack file policy.properties line 5 (policy.extends): names neither an embedded pack"
            + " (city-of-london, early-help-hub) nor a relative path starting ./ or ../");
  }

  @Test
  void brokenOverlay_packsExtendingEachOther_isACycle() throws IOException {
    Path a = Files.createDirectories(dir.resolve("a"));
    Path b = Files.createDirectories(dir.resolve("b"));
    Files.writeString(a.resolve("policy.properties"), "policy.id = a\npolicy.version = 1\npolicy.name = a\n"
        + "policy.document = a\npolicy.extends = ../b\n");
    Files.writeString(b.resolve("policy.properties"), "policy.id = b\npolicy.version = 1\npolicy.name = b\n"
        + "policy.document = b\npolicy.extends = ../a\n");
    assertThatThrownBy(() -> Policies.load(a)).hasMessageContaining("extend each other in a cycle");
  }

  @Test
  void assumedBasis_mustNameAnItem() throws IOException {
    assertThatThrownBy(() -> Policies.load(overlay("basis.contact.nobody = assumed\n", null, null)))
        .hasMessageStartingWith("policy pack file policy.properties line 6 (basis.contact.nobody): names no item");
    assertThat(Policies.load(overlay("basis.contact.edt.hours = assumed\n", null, null)).provenanceOf("contact.edt.hours"))
        .isEqualTo(Provenance.ASSUMED);
  }

  @Test
  void familyHelpTestPack_namesTiersGroupsThemIntoServices_andRoutesChildProtection() throws Exception {
    Policy p = Policies.load(testPack("family-help"));
    assertThat(p.tier(Tier.ADDITIONAL_NEEDS).name()).isEqualTo("Family Help (targeted)");
    assertThat(p.service(Tier.ADDITIONAL_NEEDS).orElseThrow().id()).isEqualTo("family-help");
    assertThat(p.service(Tier.HIGH_OR_COMPLEX).orElseThrow().name()).isEqualTo("Family Help");
    assertThat(p.service(Tier.ACUTE).orElseThrow().id()).isEqualTo("child-protection");
    assertThat(p.service(Tier.UNIVERSAL)).isEmpty();
    ActionRule urgent = p.actionRules().stream().filter(a -> a.id().equals("phone-referral-urgent")).findFirst().orElseThrow();
    assertThat(urgent.contact()).contains("mcpt");
    assertThat(p.effectiveFrom()).contains(LocalDate.of(2026, 4, 1));
  }

  @Test
  void classpathPack_extendsARelativeClasspathPack() {
    Policy p = Policies.fromClasspath(OverlayPackTest.class.getClassLoader(), "packs/family-help-v2");
    assertThat(p.version()).isEqualTo("2027.1");
    assertThat(p.extendsPolicy()).contains("family-help-test 2026.1");
    assertThat(p.contact("mcpt").orElseThrow().phones()).containsExactly("020 0000 0001");
    assertThat(p.service(Tier.HIGH_OR_COMPLEX).orElseThrow().id()).isEqualTo("family-help");
    assertThat(p.effectiveFrom()).contains(LocalDate.of(2027, 4, 1));
    assertThat(p.retired(IndicatorCode.of("T2-DEV-OCCASIONALLY-MISSING"))).isPresent();
    assertThat(p.provenanceOf("service.family-help")).isEqualTo(Provenance.INHERITED);
  }

  @Test
  void earlyHelpHub_statesItsOwnFrontDoor_andMarksTheRest() {
    Policy p = Policies.embedded("early-help-hub");
    assertThat(p.extendsPolicy()).contains("city-of-london " + CITY.version());
    Contact mash = p.contact(p.inHoursRoute()).orElseThrow();
    assertThat(mash.phones()).containsExactly("020 8871 6622");
    assertThat(p.contact("hub")).isEmpty();
    assertThat(p.contact("edt")).isEmpty();
    assertThat(p.contacts()).allSatisfy(c -> assertThat(c.phones()).doesNotContain("020 8356 2346"));
    assertThat(p.provenanceOf("contact.mash")).isEqualTo(Provenance.STATED);
    assertThat(p.provenanceOf("contact.mash.hours")).isEqualTo(Provenance.ASSUMED);
    assertThat(p.provenanceOf("contact.out-of-hours")).isEqualTo(Provenance.ASSUMED);
    assertThat(p.provenanceOf("routes.out-of-hours")).isEqualTo(Provenance.ASSUMED);
    assertThat(p.provenanceOf("consent.2.requirement")).isEqualTo(Provenance.INHERITED);
    assertThat(p.provenanceOf("tier.2")).isEqualTo(Provenance.INHERITED);
    assertThat(p.provenanceOf("indicator.T4-S47-SERIOUS-INJURY-OR-SEXUAL-ABUSE")).isEqualTo(Provenance.INHERITED);
    assertThat(p.provenanceOf("action.written-referral")).isEqualTo(Provenance.STATED);
    assertThat(p.consentRule(Tier.ADDITIONAL_NEEDS).givers()).hasSize(2);
    ActionRule written = p.actionRules().stream().filter(a -> a.id().equals("written-referral")).findFirst().orElseThrow();
    assertThat(written.timing().toString()).contains("PT24H");
    assertThat(written.description()).contains("Early Help Assessment");
    // Every action rule's contact is the pack's own or the police: none of the City's services.
    assertThat(p.actionRules()).allSatisfy(a -> assertThat(a.contact().orElse("-"))
        .isIn("-", "route", "police", "mash", "local-prevent", "local-education"));
  }

  @Test
  void goldenCases_areThePacksOwn_andNameTheirFileAndLine() throws IOException {
    assertThat(Policies.embeddedGoldenCases("city-of-london")).extracting(GoldenCase::name)
        .contains("tier4-immediate-danger-friday-night");
    assertThat(Policies.goldenCases(OverlayPackTest.class.getClassLoader(), "packs/family-help")).isEmpty();
    overlay("", null, null);
    Files.writeString(dir.resolve("golden.tsv"), PolicyPackReader.GOLDEN_HEADER + "\ncase\tgolden/missing.json\t-\tc1\t2\t-\n");
    assertThatThrownBy(() -> Policies.goldenCases(dir)).isInstanceOf(PolicyFormatException.class)
        .hasMessageStartingWith("policy pack file golden.tsv line 2: policy pack file golden/missing.json: missing");
    Files.writeString(dir.resolve("golden.tsv"), PolicyPackReader.GOLDEN_HEADER + "\ncase\t../x.json\t-\tc1\t2\t-\n");
    assertThatThrownBy(() -> Policies.goldenCases(dir)).hasMessageContaining("must be a path inside the pack");
  }
}
