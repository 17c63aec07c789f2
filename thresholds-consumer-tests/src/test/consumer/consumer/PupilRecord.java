package consumer;

import io.thresholds.forms.validation.NhsNumber;
import io.thresholds.forms.validation.UkPostcode;
import io.thresholds.forms.validation.UniquePupilNumber;

/** A vendor's own class, constrained with the SDK's identifier constraints. */
final class PupilRecord {
  @NhsNumber
  final String nhsNumber;
  @UniquePupilNumber
  final String upn;
  @UkPostcode
  final String postcode;

  PupilRecord(String nhsNumber, String upn, String postcode) {
    this.nhsNumber = nhsNumber;
    this.upn = upn;
    this.postcode = postcode;
  }
}
