/**
 * thresholds-forms: the referral forms of a partnership policy. This first version names the forms
 * and tells which ones an evaluation calls for; the full schemas, validation and JSON Schema export
 * are still to come (see CHANGELOG).
 */
module io.thresholds.forms {
  requires transitive io.thresholds.core;
  requires static org.jspecify;

  exports io.thresholds.forms;
}
