/**
 * thresholds-examples: the {@code thresholds} command-line tool (evaluate a referral or a JSON
 * Lines file of them, generate synthetic referrals, list the indicator catalogue, prefill and check
 * the referral forms, export and check a policy) and two embedding
 * examples, a school MIS and a JSON service. It uses only the public API of the SDK modules.
 */
module io.thresholds.examples {
  requires io.thresholds.core;
  requires io.thresholds.jackson;
  requires io.thresholds.forms;
  requires com.fasterxml.jackson.dataformat.csv;
  requires info.picocli;
  requires me.tongfei.progressbar;
  requires jdk.httpserver;
  requires java.logging;
  requires static org.jspecify;

  // picocli reads the annotated command classes reflectively.
  opens io.thresholds.examples to info.picocli;
}
