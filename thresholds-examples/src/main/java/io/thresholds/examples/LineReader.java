package io.thresholds.examples;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads a stream line by line as bytes, with a bound on the length of a line. A longer line (a file
 * without newlines, a corrupt export, a referral with an enormous note) is skipped without holding
 * it: it comes back as {@linkplain Line#tooLong() too long}, and memory never exceeds the bound plus
 * a fixed read buffer, whatever the input.
 *
 * <p>Lines end with {@code \n}; a {@code \r} before it is dropped, as is a UTF-8 byte order mark at
 * the start of the stream. A final line without a newline is still a line; the newline ending the
 * last line does not start another.
 */
final class LineReader {
  /** One line: its number (from 1) and its bytes, or only its length if it was too long. */
  static final class Line {
    final long number;
    private final byte @Nullable [] bytes;
    final long length;

    private Line(long number, byte @Nullable [] bytes, long length) {
      this.number = number;
      this.bytes = bytes;
      this.length = length;
    }

    /** @return true if the line was longer than the bound and its bytes were skipped */
    boolean tooLong() {
      return bytes == null;
    }

    /** @return the bytes of a line that was not too long, without the line ending */
    byte[] bytes() {
      if (bytes == null) {
        throw new IllegalStateException("line " + number + " was too long to keep");
      }
      return bytes;
    }
  }

  private static final int READ_BUFFER = 64 * 1024;

  private final InputStream in;
  private final int maxLength;
  private final byte[] buffer = new byte[READ_BUFFER];
  private int position;
  private int limit;
  private byte[] line;
  private long number;
  private long consumed;

  /**
   * @param in the stream; not closed
   * @param maxLength the longest line kept, in bytes without the line ending
   */
  LineReader(InputStream in, int maxLength) {
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be at least 1");
    }
    this.in = in;
    this.maxLength = maxLength;
    this.line = new byte[Math.min(8 * 1024, maxLength + 1)];
  }

  /**
   * @return the next line, or null at the end of the stream
   * @throws IOException if the stream cannot be read
   */
  @Nullable Line next() throws IOException {
    int kept = 0; // bytes of this line in `line`; only while it fits (maxLength + 1 for a '\r')
    long length = 0; // bytes of this line in total
    boolean tooLong = false;
    boolean started = false;
    while (true) {
      if (position == limit) {
        int n = in.read(buffer);
        if (n < 0) {
          if (!started) {
            return null;
          }
          break;
        }
        position = 0;
        limit = n;
        consumed += n;
        if (n == 0) {
          continue;
        }
      }
      started = true;
      int end = position;
      while (end < limit && buffer[end] != '\n') {
        end++;
      }
      int n = end - position;
      length += n;
      if (!tooLong) {
        if (kept + n > maxLength + 1) {
          tooLong = true;
        } else {
          if (kept + n > line.length) {
            line = Arrays.copyOf(line, Math.min(maxLength + 1, Math.max(kept + n, line.length * 2)));
          }
          System.arraycopy(buffer, position, line, kept, n);
          kept += n;
        }
      }
      boolean endOfLine = end < limit;
      position = endOfLine ? end + 1 : limit;
      if (endOfLine) {
        break;
      }
    }
    number++;
    int from = 0;
    if (number == 1 && kept >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
      from = 3; // a byte order mark, as some editors write
      length -= 3;
    }
    if (!tooLong && kept > from && line[kept - 1] == '\r') {
      kept--;
      length--;
    }
    if (tooLong || kept - from > maxLength) {
      return new Line(number, null, length);
    }
    return new Line(number, Arrays.copyOfRange(line, from, kept), length);
  }

  /** @return the bytes read from the stream so far (for progress) */
  long consumed() {
    return consumed;
  }

  /** @return the size of the buffer holding the current line: never more than the bound plus one */
  int lineBufferCapacity() {
    return line.length;
  }
}
