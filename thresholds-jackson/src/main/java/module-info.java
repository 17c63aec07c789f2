/**
 * thresholds-jackson: the JSON wire format of referrals, evaluations, policies and completed forms
 * ({@code thresholds/referral@1}, {@code thresholds/evaluation@1}, {@code thresholds/policy@1},
 * {@code thresholds/form@1}) as a Jackson module, plus a hardened {@link
 * com.fasterxml.jackson.databind.ObjectMapper} factory. The format is documented in FORMAT.md
 * beside the module's pom.
 */
module io.thresholds.jackson {
  requires transitive io.thresholds.core;
  // Optional: only the form documents (thresholds/form@1) need it; a consumer that reads or writes
  // forms has thresholds-forms as its own dependency.
  requires static io.thresholds.forms;
  requires transitive com.fasterxml.jackson.databind;
  requires static org.jspecify;

  exports io.thresholds.jackson;

  provides com.fasterxml.jackson.databind.Module with
      io.thresholds.jackson.ThresholdsModule;
}
