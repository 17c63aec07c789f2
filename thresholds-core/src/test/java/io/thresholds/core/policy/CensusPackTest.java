package io.thresholds.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.thresholds.core.model.IndicatorCode;
import io.thresholds.core.model.Tier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The census mapping of the City of London pack (census.tsv, census.properties) and its reader. */
class CensusPackTest {
  private static final String BASE = "/io/thresholds/core/policy/city-of-london/";
  private static final List<String> FILES = List.of("policy.properties", "indicators.tsv", "actions.tsv",
      "bank-holidays.tsv", "census.properties", "census.tsv");

  @TempDir
  Path dir;

  @BeforeEach
  void copyEmbeddedPack() throws IOException {
    for (String file : FILES) {
      try (InputStream in = CensusPackTest.class.getResourceAsStream(BASE + file)) {
        assertThat(in).as(file).isNotNull();
        Files.copy(in, dir.resolve(file));
      }
    }
  }

  private static CensusCodes census() {
    return Policies.cityOfLondon().census().orElseThrow();
  }

  private static CensusMapping mapping(String code) {
    return census().mapping(IndicatorCode.of(code)).orElseThrow();
  }

  @Test
  void census_everyTier2to4Need_hasARowWithCodesOrAReason() {
    Policy p = Policies.cityOfLondon();
    for (Indicator i : p.indicators()) {
      if (i.tier() == Tier.UNIVERSAL || i.kind() != IndicatorKind.NEED) {
        continue;
      }
      CensusMapping m = census().mapping(i.code()).orElse(null);
      assertThat(m).as(i.code().value()).isNotNull();
      if (m.factors().isEmpty()) {
        assertThat(m.reading()).as(i.code().value()).startsWith("no census factor");
      }
      if (i.tier() == Tier.ACUTE && m.categories().isEmpty()) {
        assertThat(m.reading()).as(i.code().value()).contains("no single category").containsAnyOf("enquiry decides");
      }
    }
    assertThat(census().mappings()).hasSize((int) p.indicators().stream()
        .filter(i -> i.tier() != Tier.UNIVERSAL && i.kind() == IndicatorKind.NEED).count());
  }

  @Test
  void census_codeListNamesItsVersionAndSource() {
    assertThat(census().version()).isEqualTo("2024 to 2025");
    assertThat(census().codeList()).contains("factors identified at the end of assessment");
    assertThat(census().source()).contains("data-to-insight");
  }

  @Test
  void census_domesticAbuse_suffixFollowsWhomItConcerns() {
    assertThat(mapping("T2-PAR-ISOLATED-DOMESTIC-ABUSE").factors()).containsExactly("3B", "3C");
    assertThat(mapping("T4-PAR-SEVERE-DA-CHILD-HARMED").factors()).containsExactly("3A", "3B", "3C");
  }

  @Test
  void census_namedFactors_fgmNeglectExploitation() {
    assertThat(mapping("T4-PAR-FGM-RISK").factors()).containsExactly("22A");
    assertThat(mapping("T4-S47-SERIOUS-NEGLECT").factors()).containsExactly("16A");
    assertThat(mapping("T4-S47-SERIOUS-NEGLECT").categories()).containsExactly(ChildProtectionCategory.NEGLECT);
    assertThat(mapping("T4-FAM-MACE-CATEGORY-1").factors()).containsExactly("11A", "24A");
  }

  @Test
  void census_radicalisation_isOther_theCodeListHasNoFactorForIt() {
    // The census schemas' complete list of valid factor codes (2022-23, 2024-25) names no
    // radicalisation factor; 24A is child criminal exploitation.
    CensusMapping m = mapping("T4-RAD-ADVOCATES-KILLING");
    assertThat(m.confirmed()).isTrue();
    assertThat(m.factors()).containsExactly("20");
    assertThat(m.reading()).contains("no factor").contains("24A is child criminal exploitation");
    assertThat(mapping("T3-RAD-PERSISTENTLY-RUNS-AWAY").factors()).containsExactly("10A", "20");
    assertThat(census().source()).contains("CIN_schema_2024.xsd");
  }

  @Test
  void census_everyRowConfirmed() {
    assertThat(census().mappings()).allSatisfy(m -> assertThat(m.confirmed()).as(m.indicator().value()).isTrue());
  }

  @Test
  void census_categoriesOnlyOnTier4() {
    Policy p = Policies.cityOfLondon();
    for (CensusMapping m : census().mappings()) {
      if (!m.categories().isEmpty()) {
        assertThat(p.require(m.indicator()).tier()).as(m.indicator().value()).isEqualTo(Tier.ACUTE);
      }
    }
  }

  @Test
  void load_withoutCensusFiles_hasNoCensus() throws IOException {
    Files.delete(dir.resolve("census.tsv"));
    Files.delete(dir.resolve("census.properties"));
    assertThat(Policies.load(dir).census()).isEmpty();
  }

  @Test
  void load_censusWithoutProperties_namesTheMissingFile() throws IOException {
    Files.delete(dir.resolve("census.properties"));
    assertThat(loadFails().getMessage()).contains("census.properties").contains("missing");
  }

  @Test
  void load_unknownIndicator_namesFileAndLine() throws IOException {
    int line = append("T9-NOT-AN-INDICATOR\t20\t-\tconfirmed\tx");
    assertThat(loadFails().getMessage())
        .contains("policy pack file census.tsv line " + line)
        .contains("names an indicator that does not exist");
  }

  @Test
  void load_mappedTwice_namesFileAndLine() throws IOException {
    int line = append("T4-S47-SERIOUS-NEGLECT\t16A\tNEG\tconfirmed\tagain");
    assertThat(loadFails().getMessage()).contains("census.tsv line " + line).contains("mapped twice");
  }

  @Test
  void load_badFactorCode_namesLineAndColumn() throws IOException {
    edit("T4-S47-SERIOUS-NEGLECT\t", "T4-S47-SERIOUS-NEGLECT\tneglect\tNEG\tconfirmed\tx");
    assertThat(loadFails().getMessage()).contains("census.tsv line").contains("census codes");
  }

  @Test
  void load_unknownCategory_namesLineAndColumn() throws IOException {
    int line = edit("T4-S47-SERIOUS-NEGLECT\t", "T4-S47-SERIOUS-NEGLECT\t16A\tXYZ\tconfirmed\tx");
    assertThat(loadFails().getMessage())
        .contains("census.tsv line " + line + " column cp_categories").contains("unknown category");
  }

  @Test
  void load_badStatus_namesLineAndColumn() throws IOException {
    int line = edit("T4-S47-SERIOUS-NEGLECT\t", "T4-S47-SERIOUS-NEGLECT\t16A\tNEG\tmaybe\tx");
    assertThat(loadFails().getMessage()).contains("census.tsv line " + line + " column status");
  }

  @Test
  void load_categoryOnTier3Indicator_refused() throws IOException {
    int line = edit("T3-PAR-NEGLECT-ALLEGATIONS\t", "T3-PAR-NEGLECT-ALLEGATIONS\t16A\tNEG\tconfirmed\tx");
    assertThat(loadFails().getMessage()).contains("census.tsv line " + line).contains("Tier 4 indicators only");
  }

  @Test
  void load_missingVersion_namesTheKey() throws IOException {
    List<String> all = lines("census.properties");
    all.removeIf(l -> l.startsWith("census.code-list.version"));
    Files.write(dir.resolve("census.properties"), all, StandardCharsets.UTF_8);
    assertThat(loadFails().getMessage()).contains("census.code-list.version");
  }

  private PolicyFormatException loadFails() {
    PolicyFormatException e = catchThrowableOfType(PolicyFormatException.class, () -> Policies.load(dir));
    assertThat(e).as("expected PolicyFormatException").isNotNull();
    return e;
  }

  private List<String> lines(String file) throws IOException {
    return new ArrayList<>(Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8));
  }

  private int append(String line) throws IOException {
    List<String> all = lines("census.tsv");
    all.add(line);
    Files.write(dir.resolve("census.tsv"), all, StandardCharsets.UTF_8);
    return all.size();
  }

  private int edit(String prefix, String replacement) throws IOException {
    List<String> all = lines("census.tsv");
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).startsWith(prefix)) {
        all.set(i, replacement);
        Files.write(dir.resolve("census.tsv"), all, StandardCharsets.UTF_8);
        return i + 1;
      }
    }
    throw new AssertionError(prefix);
  }
}
