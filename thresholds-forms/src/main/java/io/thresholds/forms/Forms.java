package io.thresholds.forms;

import java.nio.file.Path;
import java.util.Objects;

/** Where form packs come from: the embedded City of London forms, or a form pack directory. */
public final class Forms {
  private static final String CITY_OF_LONDON = "/io/thresholds/forms/city-of-london";

  private Forms() {}

  /**
   * The embedded City of London forms (Appendix 1 MARF, Appendix 3 MACE, Appendix 4 Prevent of
   * the Thresholds of Need). Loaded once, then shared (it is immutable).
   *
   * @return the City of London form pack
   */
  public static FormPack cityOfLondon() {
    return CityOfLondon.PACK;
  }

  /**
   * Reads a form pack from a directory holding {@code forms.properties} and one {@code ID.tsv} per
   * form (the format is in FORMS.md of thresholds-forms).
   *
   * @param directory the pack's directory
   * @return the pack
   * @throws FormFormatException naming the file, line and rule of the first problem
   */
  public static FormPack load(Path directory) {
    Objects.requireNonNull(directory, "directory");
    return new FormPackReader(FormPackReader.Source.directory(directory)).read();
  }

  private static final class CityOfLondon {
    static final FormPack PACK = new FormPackReader(FormPackReader.Source.classpath(CITY_OF_LONDON)).read();
  }
}
