package io.thresholds.core.policy;

/** Facts about an indicator that change what the evaluator advises, beyond its tier. */
public enum IndicatorFlag {
  /** Do not discuss the referral with the family (e.g. forced marriage, fabricated or induced illness). */
  DO_NOT_TELL_FAMILY,
  /** Seeking consent could compromise a police investigation (e.g. an allegation of sexual abuse). */
  POLICE_INVESTIGATION,
  /** The policy says to refer to the Multi-Agency Child Exploitation panel. */
  REFER_MACE,
  /** The policy says to consider a referral to the Multi-Agency Child Exploitation panel. */
  CONSIDER_MACE,
  /** A radicalisation concern: a Prevent referral applies. */
  PREVENT,
  /** A child missing education: refer to the education service as well. */
  MISSING_EDUCATION,
  /** Significant harm: a Section 47 child protection criterion. */
  S47,
  /**
   * An allegation against a person who works with children: tell the local authority's designated
   * officer (LADO) and consider the duty to refer to the Disclosure and Barring Service.
   */
  LADO,
  /**
   * The child has no parent or carer able to look after them now (e.g. no available parent and the
   * child needs accommodation; lost or abandoned): the referral is urgent, by phone at once, to the
   * out-of-hours service when the usual one is closed.
   */
  NEEDS_CARE_NOW
}
