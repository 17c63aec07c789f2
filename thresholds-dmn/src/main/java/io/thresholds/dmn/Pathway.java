package io.thresholds.dmn;

import io.thresholds.core.policy.Indicator;
import io.thresholds.core.policy.IndicatorFlag;
import io.thresholds.core.policy.IndicatorKind;

/**
 * A pathway the DMN model can express: one decision each, a number that is 0 when the pathway
 * does not apply, so that COLLECT MAX aggregates rows (and the caller aggregates concerns) the same
 * way as the tier.
 */
enum Pathway {
  /** 2 = refer to the Multi-Agency Child Exploitation panel, 1 = consider it, 0 = neither. */
  MACE(DmnExporter.DECISION_MACE, "0,1,2",
      "Multi-Agency Child Exploitation (MACE) panel: 2 = refer, 1 = consider a referral, 0 = neither.") {
    @Override
    int value(Indicator i) {
      return i.has(IndicatorFlag.REFER_MACE) ? 2 : i.has(IndicatorFlag.CONSIDER_MACE) ? 1 : 0;
    }
  },
  /** 1 = a Prevent referral applies. */
  PREVENT(DmnExporter.DECISION_PREVENT, "0,1", "Prevent referral (radicalisation): 1 = applies, 0 = does not.") {
    @Override
    int value(Indicator i) {
      return i.has(IndicatorFlag.PREVENT) ? 1 : 0;
    }
  },
  /** 1 = do not discuss the referral with the family. */
  DO_NOT_TELL_FAMILY(DmnExporter.DECISION_DO_NOT_TELL_FAMILY, "0,1",
      "Do not discuss the referral with the family or seek their consent: 1 = do not tell, 0 = no such"
          + " restriction from this concern.") {
    @Override
    int value(Indicator i) {
      return i.has(IndicatorFlag.DO_NOT_TELL_FAMILY) ? 1 : 0;
    }
  };

  final String decision;
  /** The FEEL list of the values the decision gives. */
  final String outputValues;
  final String description;

  Pathway(String decision, String outputValues, String description) {
    this.decision = decision;
    this.outputValues = outputValues;
    this.description = description;
  }

  /**
   * @param i an indicator that applies to the child
   * @return this pathway's value for it; 0 for a strength (strengths never drive the advice)
   */
  final int of(Indicator i) {
    return i.kind() == IndicatorKind.STRENGTH ? 0 : value(i);
  }

  abstract int value(Indicator i);
}
