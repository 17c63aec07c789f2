/** A consumer's own module: it needs only the SDK modules it names. */
module consumer {
  requires io.thresholds.jackson;
  requires io.thresholds.forms;

  exports consumer;
}
