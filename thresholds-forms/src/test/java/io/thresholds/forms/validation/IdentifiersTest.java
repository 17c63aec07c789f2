package io.thresholds.forms.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {
  @ParameterizedTest
  @ValueSource(strings = {"9434765919", "943 476 5919", "4857773457", "4010232137"})
  void nhsNumber_modulus11_valid(String s) {
    assertThat(Identifiers.isNhsNumber(s)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"9434765918", "94347659", "94347659190", "943-476-5919", "94347 65919", "abcdefghij", "",
      // check digit would be 10: never issued
      "0000000060"})
  void nhsNumber_invalid(String s) {
    assertThat(Identifiers.isNhsNumber(s)).isFalse();
  }

  @Test
  void nhsNumber_remainderZero_checkDigitZero() {
    // 0*10+...: all-zero first nine digits sum to 0, 11 - 0 = 11, which means a check digit of 0.
    assertThat(Identifiers.isNhsNumber("0000000000")).isTrue();
  }

  @Test
  void upn_dfeCheckLetter() {
    assertThat(Identifiers.upnCheckLetter("801200005001")).isEqualTo('B');
    assertThat(Identifiers.isUniquePupilNumber("B801200005001")).isTrue();
    assertThat(Identifiers.isUniquePupilNumber("K201350024001")).isTrue();
    // a temporary UPN ends in a letter, valued by its place in the check alphabet
    assertThat(Identifiers.isUniquePupilNumber("W20135002400A")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"A801200005001", "B80120000500", "B8012000050011", "I801200005001", "b801200005001",
      "B80120000A001", "B80120000500S"})
  void upn_invalid(String s) {
    assertThat(Identifiers.isUniquePupilNumber(s)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"EC2V 7HH", "EC2V7HH", "ec2v 7hh", "E1 6AN", "SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH",
      "DN55 1PT", "W1A 0AX", "GIR 0AA"})
  void postcode_valid(String s) {
    assertThat(Identifiers.isUkPostcode(s)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"EC2V 7H", "EC2V  7HH", "QC2V 7HH", "12345", "E1 6AN ", "EC2V 7CC", ""})
  void postcode_invalid(String s) {
    assertThat(Identifiers.isUkPostcode(s)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"020 7332 3621", "02073323621", "+44 20 7332 3621", "+442073323621", "07700 900123",
      "07700-900-123", "01632 96011"})
  void phone_valid(String s) {
    assertThat(Identifiers.isUkPhoneNumber(s)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"7946 0018", "0770090", "00 44 20 7332 3621", "+1 212 555 0100", "020 7332 36211 1",
      "0207332362a", "(020) 7332 3621", "0 20 7332 3621 "})
  void phone_invalid(String s) {
    assertThat(Identifiers.isUkPhoneNumber(s)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"children.duty@cityoflondon.gov.uk", "a.b+c@example.org", "o'neil@example.co.uk"})
  void email_valid(String s) {
    assertThat(Identifiers.isEmail(s)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"amara@school", "no-at-sign.example.org", "a@b@example.org", "a b@example.org",
      "@example.org", "a@-example.org"})
  void email_invalid(String s) {
    assertThat(Identifiers.isEmail(s)).isFalse();
  }
}
