package io.thresholds.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.thresholds.core.consent.ConsentStatus;
import io.thresholds.core.model.Ref;
import io.thresholds.core.model.Referral;
import io.thresholds.jackson.ThresholdsJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Issue 11 in the CLI: consent per person and who decides exclusions (sample 14). */
class ConsentByGiverCliTest {
  private static final String SAMPLE = "samples/14-young-person-consents-parent-refuses.json";

  @Test
  void sample14_tier3_youngPersonConsents_parentRefuses_disagreementAndSocialWorkManager() {
    Cli r = Cli.run("evaluate", SAMPLE);
    assertThat(r.exit).as(r.toString()).isZero();
    String flat = r.out.replaceAll("\\s+", " ");
    assertThat(flat)
        .contains("The young person (c-teen), judged of sufficient age and understanding: consent given")
        .contains("A person with parental responsibility (mum): consent withheld")
        .contains("The people asked disagree: the young person (c-teen) consents; a person with parental"
            + " responsibility (mum) refuses.")
        .contains("a social work manager then decides whether the child is likely to suffer significant harm");
    assertThat(flat)
        .contains("c-younger: Lives with her father during the week")
        .contains("Proposed exclusion - the Social Work Manager decides:")
        .contains("apply to this child too: T3-PAR-CHAOTIC-SUBSTANCE-USE.");
    assertThat(r.out).doesNotContain("drinking");
  }

  @Test
  void csvConsentStatus_withConsentPerPerson_isWhatTheDecisionsAmountTo() throws Exception {
    Referral r = ThresholdsJson.readReferral(Files.readString(Path.of(SAMPLE)));
    assertThat(ChildRow.consentStatus(r, Ref.of("c-teen"))).isEqualTo(ConsentStatus.WITHHELD);
  }
}
