package io.thresholds.core.policy;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where policies come from: the embedded packs (City of London, and the Early Help Hub pack from
 * another borough's page), a policy pack directory, or a pack in a class loader's resources (a
 * vendor's own jar). A pack may extend another ({@code policy.extends}); the result is an ordinary
 * {@link Policy}. A single {@code thresholds/policy@1} JSON document or stream is read by {@code
 * io.thresholds.jackson.ThresholdsJson.readPolicy}.
 */
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
   * {@code actions.tsv} and {@code bank-holidays.tsv} (see {@code docs/policy-pack.md}). An overlay
   * pack ({@code policy.extends}) needs only {@code policy.properties} and the files it changes.
   *
   * @param directory the pack's directory
   * @return the policy
   * @throws PolicyFormatException naming the file, line and rule of the first problem
   */
  public static Policy load(Path directory) {
    Objects.requireNonNull(directory, "directory");
    return new PolicyPackReader(PackFiles.directory(directory)).read();
  }

  /**
   * An embedded pack by id: {@code city-of-london}, or {@code early-help-hub} (the Early Help Hub
   * page of another borough, seed 004, extending City of London where the page is silent).
   *
   * @param id the pack's id
   * @return the policy
   * @throws PolicyFormatException if no embedded pack has that id
   */
  public static Policy embedded(String id) {
    Objects.requireNonNull(id, "id");
    if (id.equals("city-of-london")) {
      return cityOfLondon();
    }
    PackFiles files = PackFiles.embedded(id).orElseThrow(() -> new PolicyFormatException(
        "no embedded policy pack has id " + id + "; embedded: " + String.join(", ", embeddedIds())));
    return new PolicyPackReader(files).read();
  }

  /** @return the ids of the embedded packs, sorted */
  public static java.util.SortedSet<String> embeddedIds() {
    return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(PackFiles.EMBEDDED.keySet()));
  }

  /**
   * Reads a policy pack from a class loader's resources, e.g. a pack a vendor ships inside its own
   * jar under {@code com/example/policy/our-borough/}. Its {@code policy.extends} may name an
   * embedded pack or a path relative to {@code base} in the same class loader.
   *
   * @param loader the class loader, e.g. {@code MyApp.class.getClassLoader()}
   * @param base the resource path of the pack's directory, e.g. {@code com/example/policy/our-borough}
   * @return the policy
   * @throws PolicyFormatException naming the file, line and rule of the first problem
   */
  public static Policy fromClasspath(ClassLoader loader, String base) {
    Objects.requireNonNull(loader, "loader");
    Objects.requireNonNull(base, "base");
    String path = base.replaceAll("^/+", "").replaceAll("/+$", "");
    return new PolicyPackReader(PackFiles.classLoader(loader, path)).read();
  }

  /**
   * The golden cases a pack directory carries in its {@code golden.tsv} (see {@code
   * docs/policy-pack.md}); an overlay's own, not its base's.
   *
   * @param directory the pack's directory
   * @return the cases, empty if the pack has none
   * @throws PolicyFormatException naming the file and line of a broken case
   */
  public static List<GoldenCase> goldenCases(Path directory) {
    Objects.requireNonNull(directory, "directory");
    return PolicyPackReader.goldenCases(PackFiles.directory(directory));
  }

  /**
   * @param loader the class loader holding the pack
   * @param base the resource path of the pack's directory
   * @return the golden cases of a pack in a class loader's resources (see {@link #fromClasspath})
   * @throws PolicyFormatException naming the file and line of a broken case
   */
  public static List<GoldenCase> goldenCases(ClassLoader loader, String base) {
    Objects.requireNonNull(loader, "loader");
    Objects.requireNonNull(base, "base");
    return PolicyPackReader.goldenCases(PackFiles.classLoader(loader, base.replaceAll("^/+", "").replaceAll("/+$", "")));
  }

  /**
   * @param id an embedded pack's id
   * @return the golden cases it ships
   * @throws PolicyFormatException if no embedded pack has that id
   */
  public static List<GoldenCase> embeddedGoldenCases(String id) {
    Objects.requireNonNull(id, "id");
    return PolicyPackReader.goldenCases(PackFiles.embedded(id).orElseThrow(() -> new PolicyFormatException(
        "no embedded policy pack has id " + id + "; embedded: " + String.join(", ", embeddedIds()))));
  }

  private static final class CityOfLondon {
    static final Policy POLICY = new PolicyPackReader(PackFiles.classpath(CITY_OF_LONDON)).read();
  }
}
