package io.thresholds.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.thresholds.core.model.Referral;
import io.thresholds.core.policy.Policies;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Reading is policy-independent unless the caller asks for codes to be checked against one. */
class PolicyCheckTest {
  private static final String UNKNOWN = BadInputTest.minimalWith("T2-PAR-PARENTAL-SUBSTANCE-USE", "T2-PAR-NOT-IN-ANY-CATALOGUE");

  @Test
  void unknownCode_isReadWithoutAPolicy() throws Exception {
    Referral r = ThresholdsJson.readReferral(UNKNOWN);
    assertThat(r.concerns().get(0).indicator().value()).isEqualTo("T2-PAR-NOT-IN-ANY-CATALOGUE");
  }

  @Test
  void unknownCode_withAPolicy_failsNamingTheCodeAndPath() {
    JsonMappingException e = catchThrowableOfType(JsonMappingException.class,
        () -> ThresholdsJson.readReferral(new StringReader(UNKNOWN), Policies.cityOfLondon()));
    assertThat(ThresholdsJson.pathOf(e)).isEqualTo("concerns[0].indicator");
    assertThat(e.getOriginalMessage())
        .isEqualTo("unknown indicator code T2-PAR-NOT-IN-ANY-CATALOGUE: not in the catalogue of policy city-of-london "
            + Policies.cityOfLondon().version());
  }

  @Test
  void knownCode_withAPolicy_isRead() throws Exception {
    Referral r = ThresholdsJson.readReferral(new StringReader(BadInputTest.MINIMAL), Policies.cityOfLondon());
    assertThat(r.concerns()).hasSize(1);
  }

  @Test
  void policyAttribute_worksOnAnyReader() {
    JsonMappingException e = catchThrowableOfType(JsonMappingException.class, () -> ThresholdsJson.newMapper()
        .readerFor(Referral.class)
        .withAttribute(ThresholdsModule.POLICY_ATTRIBUTE, Policies.cityOfLondon())
        .readValue(UNKNOWN));
    assertThat(e.getOriginalMessage()).contains("T2-PAR-NOT-IN-ANY-CATALOGUE");
  }
}
