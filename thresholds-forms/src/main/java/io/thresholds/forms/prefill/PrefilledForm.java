package io.thresholds.forms.prefill;

import io.thresholds.forms.FormData;
import io.thresholds.forms.FormSchema;
import io.thresholds.forms.internal.FormsStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * A form prefilled from a referral and its evaluation: the schema, the answers the SDK could give,
 * and notes on what the professional must still answer or decide. A prefilled form is a draft: it
 * is usually not yet valid (the narrative parts are the referrer's to write).
 */
@Value.Immutable
@FormsStyle
public abstract class PrefilledForm {
  /** @return the form */
  public abstract FormSchema schema();

  /** @return the answers given */
  public abstract FormData data();

  /** @return what was left for the professional, and why (no personal values) */
  public abstract List<String> notes();

  /**
   * The builder of {@link PrefilledForm}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutablePrefilledForm.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return "PrefilledForm[" + schema().id() + ", " + data().fieldIds().size() + " answers, " + notes().size() + " notes]";
  }
}
