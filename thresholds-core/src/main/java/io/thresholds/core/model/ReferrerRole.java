package io.thresholds.core.model;

/**
 * The referrer's position, as a code safe to show and count (the free-text role stays in
 * {@link Referrer#role()}).
 */
public enum ReferrerRole {
  /** Designated safeguarding lead (or deputy) of a school, college, early years setting or other organisation. */
  DESIGNATED_SAFEGUARDING_LEAD,
  /** Teacher or other school staff. */
  TEACHER_OR_SCHOOL_STAFF,
  /** Early years practitioner or childminder. */
  EARLY_YEARS_PRACTITIONER,
  /** General practitioner. */
  GP,
  /** Health visitor, school nurse or midwife. */
  HEALTH_VISITOR_SCHOOL_NURSE_OR_MIDWIFE,
  /** Hospital or community doctor, nurse or therapist; CAMHS practitioner. */
  OTHER_HEALTH_PROFESSIONAL,
  /** Police officer. */
  POLICE_OFFICER,
  /** Social worker or early help practitioner. */
  SOCIAL_WORKER_OR_EARLY_HELP,
  /** Youth worker or youth offending team worker. */
  YOUTH_WORKER,
  /** Housing officer. */
  HOUSING_OFFICER,
  /** Probation officer. */
  PROBATION_OFFICER,
  /** Coach, volunteer or staff of a sports, cultural or faith organisation. */
  COMMUNITY_OR_VOLUNTARY_WORKER,
  /** Another professional. */
  OTHER_PROFESSIONAL,
  /** A parent or carer. */
  PARENT_OR_CARER,
  /** A member of the public. */
  MEMBER_OF_PUBLIC;

  /** @return true for the professional positions */
  public boolean isProfessional() {
    return this != PARENT_OR_CARER && this != MEMBER_OF_PUBLIC;
  }
}
