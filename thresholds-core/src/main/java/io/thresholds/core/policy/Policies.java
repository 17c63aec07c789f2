package io.thresholds.core.policy;

import java.nio.file.Path;
import java.util.Objects;

/** Where policies come from: the embedded City of London policy, or a policy pack directory. */
public final class Policies {
  private static final String CITY_OF_LONDON = "/io/thresholds/core/policy/city-of-london";

  private Policies() {}

  /**
   * The embedded default: City of London Corporation, City and Hackney Safeguarding Children
   * Partnership. Loaded once, then shared (it is immutable).
   *
   * @return the City of London policy
   */
  public static Policy cityOfLondon() {
    return CityOfLondon.POLICY;
  }

  /**
   * Reads a policy pack from a directory holding {@code policy.properties}, {@code indicators.tsv},
   * {@code actions.tsv} and {@code bank-holidays.tsv} (see {@code docs/policy-pack.md}).
   *
   * @param directory the pack's directory
   * @return the policy
   * @throws PolicyFormatException naming the file, line and rule of the first problem
   */
  public static Policy load(Path directory) {
    Objects.requireNonNull(directory, "directory");
    return new PolicyPackReader(PackFiles.directory(directory)).read();
  }

  private static final class CityOfLondon {
    static final Policy POLICY = new PolicyPackReader(PackFiles.classpath(CITY_OF_LONDON)).read();
  }
}
