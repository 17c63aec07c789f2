package io.thresholds.examples;

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

/** A JSON document read whole from a file or standard input, with the name to report it by. */
final class Input {
  private static final long MAX_BYTES = ThresholdsJson.MAX_DOCUMENT_LENGTH;

  final String name;
  final String text;

  private Input(String name, String text) {
    this.name = name;
    this.text = text;
  }

  /**
   * @param file a path, or {@code -} for standard input
   * @param stdin standard input
   * @return the document
   * @throws UserException if it cannot be read, is empty, too large or not UTF-8
   */
  static Input read(String file, InputStream stdin) {
    if (file.equals("-")) {
      try {
        return decode("standard input", stdin.readNBytes((int) MAX_BYTES + 1));
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
      throw new UserException("cannot read " + file + ": it is a directory; give a referral JSON file");
    }
    try {
      if (Files.size(path) > MAX_BYTES) {
        throw new UserException(file + " is larger than " + MAX_BYTES / (1024 * 1024)
            + " MiB; a referral is a few KiB");
      }
      return decode(file, Files.readAllBytes(path));
    } catch (NoSuchFileException e) {
      throw new UserException("cannot read " + file + ": no such file");
    } catch (AccessDeniedException e) {
      throw new UserException("cannot read " + file + ": permission denied");
    } catch (IOException e) {
      throw new UserException("cannot read " + file + ": " + e.getClass().getSimpleName());
    }
  }

  private static Input decode(String name, byte[] bytes) {
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
      throw new UserException(name + " is not UTF-8 text; save the referral as UTF-8 JSON");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // a byte order mark, as some editors write
    }
    if (text.isBlank()) {
      throw new UserException(name + " is empty: expected a thresholds/referral@1 JSON document");
    }
    return new Input(name, text);
  }
}
