package io.thresholds.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.thresholds.core.policy.Policies;
import io.thresholds.jackson.ThresholdsJson;
import org.junit.jupiter.api.Test;

/** Usage, help and version, and the indicators subcommand. */
class CommandLineTest {
  @Test
  void noSubcommand_isAUsageError() {
    Cli r = Cli.run();
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("Missing required subcommand").contains("Usage: thresholds");
  }

  @Test
  void unknownOption_isAUsageError() {
    Cli r = Cli.run("evaluate", "--colour", "samples/01-tier2-school-consent-given.json");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("Unknown option: '--colour'");
  }

  @Test
  void missingFileArgument_isAUsageError() {
    Cli r = Cli.run("evaluate");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("Missing required parameter: 'FILE|-'");
  }

  @Test
  void help_and_version() {
    Cli help = Cli.run("--help");
    assertThat(help.exit).isZero();
    assertThat(help.out).contains("evaluate").contains("batch").contains("generate").contains("indicators").contains("Exit codes:");
    Cli evaluateHelp = Cli.run("evaluate", "--help");
    assertThat(evaluateHelp.out).contains("--at=TIME").contains("--json");
    Cli version = Cli.run("--version");
    assertThat(version.exit).isZero();
    assertThat(version.out).startsWith("thresholds ").contains("policy city-of-london");
  }

  @Test
  void indicators_listsTheCatalogue() {
    Cli r = Cli.run("indicators");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("T4-S47-PREGNANCY-UNDER-13").contains("Tier 4  Acute needs (significant harm, s47)")
        .contains("age ..12").contains("Source: City of London Thresholds of Need")
        .contains(Policies.cityOfLondon().indicators().size() + " entries");
  }

  @Test
  void indicators_json_hasEveryIndicator() throws Exception {
    Cli r = Cli.run("indicators", "--json");
    assertThat(r.exit).isZero();
    JsonNode root = ThresholdsJson.newMapper().readTree(r.out);
    assertThat(root.get("indicators")).hasSize(Policies.cityOfLondon().indicators().size());
    JsonNode first = root.get("indicators").get(0);
    assertThat(first.get("code").asText()).matches("T\\d-.*");
    assertThat(first.get("citation").get("document").asText()).isEqualTo("City of London Thresholds of Need");
    assertThat(root.get("tiers")).hasSize(4);
  }

  @Test
  void indicators_tierFilter() {
    Cli r = Cli.run("indicators", "--tier", "4");
    assertThat(r.out).contains("T4-FAM-FORCED-MARRIAGE").doesNotContain("T2-FAM-YOUNG-CARER-NEEDS");
    assertThat(Cli.run("indicators", "--tier", "5").exit).isEqualTo(2);
  }
}
