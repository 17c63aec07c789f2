package io.thresholds.core.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Where the files of a policy pack come from: a directory, or a classpath location of this module. */
abstract class PackFiles {
  /** Files larger than this are refused, so a pack cannot exhaust memory. */
  static final int MAX_FILE_CHARS = 4 * 1024 * 1024;

  abstract String describe(String file);

  abstract Reader open(String file) throws IOException;

  /** @return true if the pack has the file (for optional files) */
  abstract boolean exists(String file);

  /**
   * Reads a whole file as lines, strictly as UTF-8. The size limit is enforced while reading, so a
   * file without line breaks (or an endless one) fails after {@link #MAX_FILE_CHARS} characters.
   */
  List<String> lines(String file) {
    try (Reader r = open(file)) {
      return boundedLines(r, MAX_FILE_CHARS, () -> new PolicyFormatException(
          describe(file) + ": larger than " + MAX_FILE_CHARS + " characters"));
    } catch (NoSuchFileException e) {
      throw new PolicyFormatException(describe(file) + ": missing", e);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new PolicyFormatException(describe(file) + ": not valid UTF-8", e);
    } catch (IOException e) {
      throw new PolicyFormatException(describe(file) + ": cannot be read (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /**
   * The lines of a text, split like {@link java.io.BufferedReader#readLine()} (at LF, CR or CR LF),
   * failing with {@code tooLarge} as soon as more than {@code max} characters are read.
   */
  static List<String> boundedLines(Reader r, int max, Supplier<? extends RuntimeException> tooLarge)
      throws IOException {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    char[] buf = new char[8192];
    long total = 0;
    boolean afterCr = false;
    boolean pending = false;
    for (int n = r.read(buf); n >= 0; n = r.read(buf)) {
      total += n;
      if (total > max) {
        throw tooLarge.get();
      }
      for (int i = 0; i < n; i++) {
        char c = buf[i];
        if (c == '\n' && afterCr) {
          afterCr = false;
          continue;
        }
        afterCr = c == '\r';
        if (c == '\n' || c == '\r') {
          out.add(line.toString());
          line.setLength(0);
          pending = false;
        } else {
          line.append(c);
          pending = true;
        }
      }
    }
    if (pending) {
      out.add(line.toString());
    }
    return out;
  }

  /**
   * Opens a file of a pack directory: only a regular file whose real path is inside the directory's
   * real path. A symbolic link leaving the pack, a FIFO (which would block the load), a device such
   * as {@code /dev/zero} and a directory are refused before anything is opened.
   */
  static InputStream openInside(Path dir, String file, String described) throws IOException {
    Path realDir = dir.toRealPath();
    Path path = dir.resolve(file);
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      throw new NoSuchFileException(file);
    }
    Path real;
    try {
      real = path.toRealPath();
    } catch (NoSuchFileException e) {
      throw new PolicyFormatException(described + ": a symbolic link to nothing", e);
    }
    if (!real.startsWith(realDir)) {
      throw new PolicyFormatException(described + ": a symbolic link to a file outside the pack directory");
    }
    if (!Files.isRegularFile(real)) {
      throw new PolicyFormatException(described + ": not a regular file");
    }
    return Files.newInputStream(real);
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
        return utf8(openInside(dir, file, describe(file)));
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
