package io.thresholds.forms;

import io.thresholds.core.InvalidValueException;
import io.thresholds.forms.internal.FormsStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The referral forms of one partnership, read from its form pack: for the City of London, the
 * MARF, the MACE referral form and the Prevent referral form. Get it with {@link Forms}.
 */
@Value.Immutable
@FormsStyle
public abstract class FormPack {
  /** @return the id of the policy the forms belong to, e.g. {@code city-of-london} */
  public abstract String policyId();

  /** @return the title of the document the forms' citations refer to */
  public abstract String document();

  /** @return the forms, in the pack's order */
  public abstract List<FormSchema> forms();

  /**
   * The builder of {@link FormPack}: a setter per attribute ({@code addX}, {@code putX} for elements of
   * a list or map), {@code from(value)} to start from an existing value; {@code build()} checks
   * the invariants and throws an exception naming the field.
   */
  public static final class Builder extends ImmutableFormPack.Builder {
    Builder() {}
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @param id a form id such as {@code marf}
   * @return that form
   */
  public Optional<FormSchema> form(String id) {
    return forms().stream().filter(f -> f.id().equals(id)).findFirst();
  }

  /**
   * @param form one of the standard referral forms
   * @return the pack's version of it, if the partnership has one
   */
  public Optional<FormSchema> form(ReferralForm form) {
    return form(form.id());
  }

  @Value.Check
  void check() {
    Set<String> ids = new HashSet<>();
    for (FormSchema f : forms()) {
      if (!ids.add(f.id())) {
        throw new InvalidValueException("pack.forms", "form ids must be unique");
      }
    }
  }

  @Override
  public String toString() {
    return "FormPack[" + policyId() + ", " + forms().stream().map(FormSchema::id).toList() + "]";
  }
}
