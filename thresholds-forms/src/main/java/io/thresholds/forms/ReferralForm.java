package io.thresholds.forms;

import io.thresholds.core.evaluation.Action;
import io.thresholds.core.evaluation.ChildAssessment;
import io.thresholds.core.policy.ActionKind;
import io.thresholds.core.policy.Modality;
import java.util.EnumSet;
import java.util.Set;

/** The referral forms of the City of London Thresholds of Need appendices. */
public enum ReferralForm {
  /** Appendix 1: the Multi-Agency Referral Form, for early help and children's social care. */
  MARF("marf", "Multi-Agency Referral Form", "Appendix 1"),
  /** Appendix 3: the Multi-Agency Child Exploitation referral form, completed with the duty social worker. */
  MACE("mace", "Multi-Agency Child Exploitation referral form", "Appendix 3"),
  /** Appendix 4: the Prevent referral form. */
  PREVENT("prevent", "Prevent referral form", "Appendix 4");

  private final String id;
  private final String title;
  private final String appendix;

  ReferralForm(String id, String title, String appendix) {
    this.id = id;
    this.title = title;
    this.appendix = appendix;
  }

  /** @return the form's id in a {@link FormPack}: {@code marf}, {@code mace} or {@code prevent} */
  public String id() {
    return id;
  }

  /** @return the form's title */
  public String title() {
    return title;
  }

  /** @return the appendix of the thresholds document that holds the form */
  public String appendix() {
    return appendix;
  }

  /**
   * The forms a child's advised actions call for. Actions only to be considered count too, so that
   * a product can offer the form; check the action's {@link Modality} before requiring it.
   *
   * @param assessment one child's result
   * @return the forms, in appendix order
   */
  public static Set<ReferralForm> calledFor(ChildAssessment assessment) {
    EnumSet<ReferralForm> out = EnumSet.noneOf(ReferralForm.class);
    for (Action a : assessment.actions()) {
      ActionKind k = a.kind();
      if (k == ActionKind.WRITTEN_REFERRAL || k == ActionKind.EARLY_HELP_REFERRAL
          || k == ActionKind.MACE_REFERRAL) {
        out.add(MARF);
      }
      if (k == ActionKind.MACE_REFERRAL) {
        out.add(MACE);
      }
      if (k == ActionKind.PREVENT_REFERRAL) {
        out.add(PREVENT);
      }
    }
    return out;
  }
}
