/** A service's own module: referrals and evaluations as JSON, no forms. */
module referrals {
  requires io.thresholds.jackson;

  exports referrals;
}
