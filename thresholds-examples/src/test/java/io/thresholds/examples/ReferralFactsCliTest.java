package io.thresholds.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 11 in the CLI: approximate ages and provisional results shown in the text output. */
class ReferralFactsCliTest {
  @Test
  void sample13_approximateAge_provisional_listsTheFactsThatSettleIt_neverTheNote() {
    Cli r = Cli.run("evaluate", "samples/13-approximate-age-and-one-childs-concern.json");
    assertThat(r.exit).as(r.toString()).isZero();
    String flat = r.out.replaceAll("\\s+", " ");
    assertThat(flat).contains("CHILD c-baby, aged 0 to 0 (approximate): Tier 3 to 4");
    assertThat(flat).contains("PROVISIONAL: this result depends on facts not recorded. Recording them settles it:"
        + " whether the child is mobile; whether the child is disabled.");
    assertThat(flat).contains("CHILD c-older, aged 6: Tier 2");
    assertThat(r.out).doesNotContain("bruise");
  }
}
