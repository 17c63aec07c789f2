package io.thresholds.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {
  private static List<String> read(InputStream in, int max) throws IOException {
    LineReader r = new LineReader(in, max);
    List<String> out = new ArrayList<>();
    for (LineReader.Line l = r.next(); l != null; l = r.next()) {
      out.add(l.number + ":" + (l.tooLong() ? "TOO LONG " + l.length : new String(l.bytes(), StandardCharsets.UTF_8)));
    }
    return out;
  }

  private static List<String> read(String text, int max) throws IOException {
    return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
  }

  @Test
  void linesEndWithNewline_aCrBeforeItIsDropped_theLastNeedsNone() throws Exception {
    assertThat(read("a\nbb\r\n\nccc", 10)).containsExactly("1:a", "2:bb", "3:", "4:ccc");
    assertThat(read("a\n", 10)).containsExactly("1:a");
    assertThat(read("", 10)).isEmpty();
    assertThat(read("\n", 10)).containsExactly("1:");
  }

  @Test
  void aByteOrderMarkAtTheStartIsDropped() throws Exception {
    assertThat(read("\uFEFFa\n\uFEFFb", 10)).containsExactly("1:a", "2:\uFEFFb");
  }

  @Test
  void aLineLongerThanTheBound_isReportedWithItsLength_andTheNextLineIsRead() throws Exception {
    assertThat(read("12345\n123456\r\n1234567\nok", 6)).containsExactly("1:12345", "2:123456", "3:TOO LONG 7", "4:ok");
  }

  @Test
  void readsAStreamThatGivesOneByteAtATime() throws Exception {
    InputStream slow = new ByteArrayInputStream("ab\ncd\r\n".getBytes(StandardCharsets.UTF_8)) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1));
      }
    };
    assertThat(read(slow, 10)).containsExactly("1:ab", "2:cd");
  }

  @Test
  void aHugeLine_costsNoMoreMemoryThanTheBound() throws Exception {
    long huge = 100L * 1024 * 1024; // 100 MiB without a newline, then a short line
    LineReader r = new LineReader(new Repeat(huge, "\nok\n"), 4096);
    LineReader.Line first = r.next();
    assertThat(first).isNotNull();
    assertThat(first.tooLong()).isTrue();
    assertThat(first.length).isEqualTo(huge);
    assertThat(r.lineBufferCapacity()).isLessThanOrEqualTo(4097);
    LineReader.Line second = r.next();
    assertThat(second).isNotNull();
    assertThat(new String(second.bytes(), StandardCharsets.UTF_8)).isEqualTo("ok");
    assertThat(r.next()).isNull();
    assertThat(r.consumed()).isEqualTo(huge + 4);
  }

  /** {@code count} bytes of 'x', then a tail, without holding them. */
  static final class Repeat extends InputStream {
    private long left;
    private final byte[] tail;
    private int tailAt;

    Repeat(long count, String tail) {
      this.left = count;
      this.tail = tail.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (left > 0) {
        int n = (int) Math.min(len, left);
        java.util.Arrays.fill(b, off, off + n, (byte) 'x');
        left -= n;
        return n;
      }
      if (tailAt == tail.length) {
        return -1;
      }
      int n = Math.min(len, tail.length - tailAt);
      System.arraycopy(tail, tailAt, b, off, n);
      tailAt += n;
      return n;
    }
  }
}
