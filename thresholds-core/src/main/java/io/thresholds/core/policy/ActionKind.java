package io.thresholds.core.policy;

/** What an advised action is. The policy decides when each applies and what it says. */
public enum ActionKind {
  /** Call the police on 999: a child is in immediate danger. */
  CALL_EMERGENCY_SERVICES,
  /** Tell the organisation's designated safeguarding lead at once. */
  INFORM_SAFEGUARDING_LEAD,
  /** Phone the referral through to the Hub (or the out-of-hours service). */
  PHONE_REFERRAL,
  /** Send the written multi-agency referral form. */
  WRITTEN_REFERRAL,
  /** Complete the referral form with the family and send it for early help. */
  EARLY_HELP_REFERRAL,
  /** An early help assessment and Team Around the Family. */
  EARLY_HELP_ASSESSMENT,
  /** Keep offering the practitioner's own agency's support. */
  SINGLE_AGENCY_SUPPORT,
  /** Universal services meet the need; refer within the agency with consent, no referral form. */
  UNIVERSAL_SERVICES,
  /** Talk the case through with the designated safeguarding lead or line manager. */
  CONSULT_SAFEGUARDING_LEAD,
  /** A strategy discussion and possible Section 47 enquiries (by children's social care). */
  STRATEGY_DISCUSSION,
  /** Refer to the Multi-Agency Child Exploitation panel. */
  MACE_REFERRAL,
  /** Refer to Prevent. */
  PREVENT_REFERRAL,
  /** Refer to the education service for a child missing education. */
  EDUCATION_SERVICE_REFERRAL,
  /** A social worker assessment for a disabled child whose needs were never assessed. */
  DISABILITY_ASSESSMENT,
  /** Chase the Hub if no feedback has come. */
  CHASE_FEEDBACK,
  /** Resolve a professional disagreement, escalating if needed. */
  ESCALATE_DISAGREEMENT,
  /** Keep monitoring and re-refer if things get worse. */
  MONITOR_AND_REREFER,
  /**
   * The referrer is not a professional: ask a professional to refer. No longer advised by the
   * City of London pack (the documents do not say it; see {@link #REPORT_CONCERN}); kept so that
   * older packs and results still read.
   */
  ASK_A_PROFESSIONAL,
  /**
   * Anyone, professional or not, may report a concern about a child to the referral route (or
   * 999 in an emergency).
   */
  REPORT_CONCERN,
  /** Tell the local authority designated officer (LADO) about an allegation against a person who works with children. */
  LADO_REFERRAL,
  /** Refer a person removed from regulated activity to the Disclosure and Barring Service. */
  DBS_REFERRAL,
  /** The person is an adult: the children's thresholds do not apply. */
  ADULT_SERVICES,
  /**
   * Step up from early help: the lead professional of the Early Help Assessment or Team Around the
   * Family reviews the plan and makes the decision to refer to children's social care.
   */
  STEP_UP,
  /** Step down from statutory services to early help, decided by the allocated social worker. */
  STEP_DOWN,
  /** The Hub passes the information straight to the worker already allocated and their manager. */
  ALLOCATED_WORKER_REVIEW
}
