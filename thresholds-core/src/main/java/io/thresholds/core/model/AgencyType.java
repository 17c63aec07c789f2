package io.thresholds.core.model;

/**
 * The kind of organisation a referrer works for, following the organisations with safeguarding
 * duties under section 11 of the Children Act 2004 (source document 003), plus the two kinds of
 * non-professional who may raise a concern but cannot make a multi-agency referral themselves.
 */
public enum AgencyType {
  /** A school or academy (the designated safeguarding lead usually refers). */
  SCHOOL(true),
  /** Further education college or sixth form. */
  FURTHER_EDUCATION(true),
  /** Nursery, childminder, pre-school or other early years and childcare provider. */
  EARLY_YEARS(true),
  /** General practice. */
  GP(true),
  /** Other health services: health visiting, school nursing, midwifery, hospitals, CAMHS. */
  HEALTH(true),
  /** Police, including British Transport Police. */
  POLICE(true),
  /** Housing services and housing associations. */
  HOUSING(true),
  /** Probation service. */
  PROBATION(true),
  /** Youth offending team. */
  YOUTH_OFFENDING(true),
  /** Prison service or the secure estate for children. */
  PRISON_OR_SECURE_ESTATE(true),
  /** Adult social care. */
  ADULT_SOCIAL_CARE(true),
  /** Children's social care or early help of another local authority. */
  CHILDRENS_SERVICES(true),
  /** Children and Family Court Advisory and Support Service. */
  CAFCASS(true),
  /** Voluntary and community sector organisation. */
  VOLUNTARY_AND_COMMUNITY(true),
  /** Faith organisation. */
  FAITH(true),
  /** Sports, culture and leisure organisation. */
  SPORTS_AND_LEISURE(true),
  /** Armed services welfare. */
  ARMED_SERVICES(true),
  /** Immigration and border services. */
  IMMIGRATION(true),
  /** Another professional body not listed. */
  OTHER_PROFESSIONAL(true),
  /** A parent or carer: not a professional referrer. */
  PARENT_OR_CARER(false),
  /** A member of the public: not a professional referrer. */
  MEMBER_OF_PUBLIC(false);

  private final boolean professional;

  AgencyType(boolean professional) {
    this.professional = professional;
  }

  /** @return true if someone from this kind of organisation refers as a professional */
  public boolean isProfessional() {
    return professional;
  }
}
