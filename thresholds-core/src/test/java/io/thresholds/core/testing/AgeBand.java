package io.thresholds.core.testing;

import io.thresholds.core.model.Age;

/**
 * Age bands that matter to the City of London policy: unborn; under one (assault on the mother of
 * a baby under 12 months); under five (failure to thrive); compulsory school age from five; early
 * onset offending 10 to 14; under 13 and 13 to 15 (sexual activity, pregnancy); 16 and 17; adult.
 */
public enum AgeBand {
  /** Not yet born. */
  UNBORN,
  /** 0 completed years. */
  AGE_0,
  /** 1 to 3. */
  AGE_1_TO_3,
  /** 4: the last year under five. */
  AGE_4,
  /** 5: the first year of compulsory school age. */
  AGE_5,
  /** 6 to 8. */
  AGE_6_TO_8,
  /** 9 and 10: either side of the lower bound of early onset offending. */
  AGE_9_TO_10,
  /** 11. */
  AGE_11,
  /** 12 and 13: either side of the under-13 criteria. */
  AGE_12_TO_13,
  /** 14 and 15: either side of the upper bound of early onset offending. */
  AGE_14_TO_15,
  /** 16. */
  AGE_16,
  /** 17: the last year in scope. */
  AGE_17,
  /** 18 and over: outside the children's thresholds. */
  AGE_18_PLUS;

  /**
   * @param age an age
   * @return its band
   */
  public static AgeBand of(Age age) {
    if (age.unborn()) {
      return UNBORN;
    }
    int y = age.years();
    if (y >= 18) {
      return AGE_18_PLUS;
    }
    switch (y) {
      case 0:
        return AGE_0;
      case 1:
      case 2:
      case 3:
        return AGE_1_TO_3;
      case 4:
        return AGE_4;
      case 5:
        return AGE_5;
      case 6:
      case 7:
      case 8:
        return AGE_6_TO_8;
      case 9:
      case 10:
        return AGE_9_TO_10;
      case 11:
        return AGE_11;
      case 12:
      case 13:
        return AGE_12_TO_13;
      case 14:
      case 15:
        return AGE_14_TO_15;
      case 16:
        return AGE_16;
      default:
        return AGE_17;
    }
  }
}
