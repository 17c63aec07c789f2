/**
 * thresholds-examples: the {@code thresholds} command-line tool (evaluate a referral, list the
 * indicator catalogue). It uses only the public API of the SDK modules.
 */
module io.thresholds.examples {
  requires io.thresholds.core;
  requires io.thresholds.jackson;
  requires info.picocli;
  requires static org.jspecify;

  // picocli reads the annotated command classes reflectively.
  opens io.thresholds.examples to info.picocli;
}
