package io.thresholds.core.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where the files of a policy pack come from: a directory, or a classpath location of this module. */
abstract class PackFiles {
  /** Files larger than this are refused, so a pack cannot exhaust memory. */
  static final int MAX_FILE_CHARS = 4 * 1024 * 1024;

  abstract String describe(String file);

  abstract Reader open(String file) throws IOException;

  /** @return true if the pack has the file (for optional files) */
  abstract boolean exists(String file);

  /** Reads a whole file as lines, strictly as UTF-8. */
  List<String> lines(String file) {
    try (BufferedReader r = new BufferedReader(open(file))) {
      List<String> out = new ArrayList<>();
      int chars = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        chars += line.length() + 1;
        if (chars > MAX_FILE_CHARS) {
          throw new PolicyFormatException(describe(file) + ": larger than " + MAX_FILE_CHARS + " characters");
        }
        out.add(line);
      }
      return out;
    } catch (NoSuchFileException e) {
      throw new PolicyFormatException(describe(file) + ": missing", e);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new PolicyFormatException(describe(file) + ": not valid UTF-8", e);
    } catch (IOException e) {
      throw new PolicyFormatException(describe(file) + ": cannot be read (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  static Reader utf8(InputStream in) {
    return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  static PackFiles directory(Path dir) {
    return new PackFiles() {
      @Override
      String describe(String file) {
        return "policy pack file " + file;
      }

      @Override
      Reader open(String file) throws IOException {
        return utf8(Files.newInputStream(dir.resolve(file)));
      }

      @Override
      boolean exists(String file) {
        return Files.exists(dir.resolve(file));
      }
    };
  }

  static PackFiles classpath(String base) {
    return new PackFiles() {
      @Override
      String describe(String file) {
        return "embedded policy file " + base + "/" + file;
      }

      @Override
      Reader open(String file) throws IOException {
        InputStream in = PackFiles.class.getResourceAsStream(base + "/" + file);
        if (in == null) {
          throw new NoSuchFileException(base + "/" + file);
        }
        return utf8(in);
      }

      @Override
      boolean exists(String file) {
        return PackFiles.class.getResource(base + "/" + file) != null;
      }
    };
  }
}
