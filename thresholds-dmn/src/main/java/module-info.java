/**
 * thresholds-dmn: exports a policy's tier and pathway rules as a DMN 1.3 model that runs unchanged
 * in Camunda's and Apache KIE's DMN engines. No runtime dependency beyond thresholds-core and the
 * JDK's XML writer; the engines are used in tests only.
 */
module io.thresholds.dmn {
  requires transitive io.thresholds.core;
  requires java.xml;

  exports io.thresholds.dmn;
}
