package io.thresholds.examples;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.thresholds.jackson.ThresholdsJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** A JSON document read whole from a file or standard input, with the name to report it by. */
final class Input {
  private static final long MAX_BYTES = ThresholdsJson.MAX_DOCUMENT_LENGTH;

  final String name;
  final String text;
  final Kind kind;

  private Input(String name, String text, Kind kind) {
    this.name = name;
    this.text = text;
    this.kind = kind;
  }

  /**
   * @param file a path, or {@code -} for standard input
   * @param stdin standard input
   * @return the document
   * @throws UserException if it cannot be read, is empty, too large or not UTF-8
   */
  static Input read(String file, InputStream stdin) {
    return read(file, stdin, Kind.REFERRAL);
  }

  /**
   * @param file a path, or {@code -} for standard input
   * @param stdin standard input
   * @param kind what the document should be, for the messages
   * @return the document
   * @throws UserException if it cannot be read, is empty, too large or not UTF-8
   */
  static Input read(String file, InputStream stdin, Kind kind) {
    if (file.equals("-")) {
      try {
        return decode("standard input", stdin.readNBytes((int) MAX_BYTES + 1), kind);
      } catch (IOException e) {
        throw new UserException("cannot read standard input: " + e.getClass().getSimpleName());
      }
    }
    Path path;
    try {
      path = Path.of(file);
    } catch (InvalidPathException e) {
      throw new UserException("cannot read " + file + ": not a valid path");
    }
    if (Files.isDirectory(path)) {
      throw new UserException("cannot read " + file + ": it is a directory; give " + kind.file);
    }
    try {
      if (Files.size(path) > MAX_BYTES) {
        throw new UserException(file + " is larger than " + MAX_BYTES / (1024 * 1024)
            + " MiB; " + kind.size);
      }
      // Read at most one byte past the limit: a pipe (<(zcat ...)) or a device such as /dev/zero
      // has no size to check first, and readAllBytes would never end on /dev/zero.
      try (InputStream in = Files.newInputStream(path)) {
        return decode(file, in.readNBytes((int) MAX_BYTES + 1), kind);
      }
    } catch (NoSuchFileException e) {
      throw new UserException("cannot read " + file + ": no such file");
    } catch (AccessDeniedException e) {
      throw new UserException("cannot read " + file + ": permission denied");
    } catch (IOException e) {
      throw new UserException("cannot read " + file + ": " + e.getClass().getSimpleName());
    }
  }

  private static Input decode(String name, byte[] bytes, Kind kind) {
    if (bytes.length > MAX_BYTES) {
      throw new UserException(name + " is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new UserException(name + " is not UTF-8 text; save the " + kind.noun + " as UTF-8 JSON");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // a byte order mark, as some editors write
    }
    if (text.isBlank()) {
      throw new UserException(name + " is empty: expected " + kind.document);
    }
    return new Input(name, text, kind);
  }

  /**
   * Describes a document that Jackson could not read as the given kind, in one line: the path and
   * line of the problem and the module's own message (which never quotes a personal value).
   *
   * @param e what the reader threw
   * @return the error to report
   */
  UserException invalid(IOException e) {
    if (e instanceof JsonMappingException) {
      JsonMappingException m = (JsonMappingException) e;
      String path = ThresholdsJson.pathOf(m);
      JsonLocation at = m.getLocation();
      if (e instanceof ValueInstantiationException && !path.isEmpty()) {
        // A rule of a whole object, checked when it has been read: Jackson's location is the end of
        // that object (for a policy, the end of the file); the property the path names is clearer.
        at = JsonLines.locate(text, path).orElse(at);
      }
      return new UserException(name + ": invalid " + kind.noun + (path.isEmpty() ? "" : " at " + path)
          + " (" + where(at) + "): " + m.getOriginalMessage());
    }
    if (e instanceof StreamReadException) {
      String message = ((StreamReadException) e).getOriginalMessage();
      // More than one document: most likely a JSON Lines file of referrals.
      String hint = kind == Kind.REFERRAL && message.startsWith("unexpected content after the end of the document")
          ? "; for a file of one referral per line (JSON Lines), use thresholds batch" : "";
      return new UserException(name + " is not valid JSON (" + where(((StreamReadException) e).getLocation())
          + "): " + message + hint);
    }
    if (e instanceof JsonProcessingException) {
      return new UserException(name + ": invalid " + kind.noun + " (" + where(((JsonProcessingException) e).getLocation())
          + "): " + ((JsonProcessingException) e).getOriginalMessage());
    }
    return new UserException("cannot read " + name + ": " + e.getClass().getSimpleName());
  }

  /**
   * @param location where Jackson met a problem
   * @return {@code line L, column C}, or {@code position unknown}
   */
  static String where(@Nullable JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "position unknown";
    }
    return "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /** What a document read whole should be, in the words of the messages. */
  enum Kind {
    /** A {@code thresholds/referral@1} document. */
    REFERRAL("referral", "a referral JSON file", "a thresholds/referral@1 JSON document", "a referral is a few KiB"),
    /** A {@code thresholds/policy@1} document. */
    POLICY("policy", "a policy JSON file", "a thresholds/policy@1 JSON document", "a policy is a few hundred KiB"),
    /** A completed form: a JSON object of answers by field id. */
    FORM("form", "a completed form as a JSON file", "a JSON object of answers by field id", "a form is a few KiB");

    final String noun;
    final String file;
    final String document;
    final String size;

    Kind(String noun, String file, String document, String size) {
      this.noun = noun;
      this.file = file;
      this.document = document;
      this.size = size;
    }
  }
}
