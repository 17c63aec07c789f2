package io.thresholds.examples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/**
 * Where a command writes its lines: a file (UTF-8, buffered, created or replaced) or standard output
 * as picocli gives it (flushed at the end, never closed).
 */
final class Output {
  private Output() {}

  /**
   * @param file the file, or null for standard output
   * @param stdout standard output
   * @return the writer; close it at the end
   * @throws UserException if the file cannot be written
   */
  static Writer open(@Nullable Path file, PrintWriter stdout) {
    return open(file, stdout, String.valueOf(file));
  }

  /**
   * @param file the file, or null for standard output
   * @param stdout standard output
   * @param name the file as the user named it, for messages (batch writes {@code OUT.partial} for {@code OUT})
   * @return the writer; close it at the end
   * @throws UserException if the file cannot be written
   */
  static Writer open(@Nullable Path file, PrintWriter stdout, String name) {
    if (file == null) {
      return new StandardOutput(stdout);
    }
    if (Files.isDirectory(file)) {
      throw new UserException("cannot write " + name + ": it is a directory; give a file");
    }
    try {
      return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
    } catch (IOException e) {
      throw new UserException("cannot write " + name + ": " + why(file, e));
    }
  }

  /**
   * A new file the command names itself (batch's {@code OUT.partial}): whatever is there is removed
   * first, and the file is created afresh, never followed through a symbolic link (one planted at
   * that name in a shared directory would have had the results written into its target, and then
   * been renamed over OUT).
   *
   * @param file the file
   * @param name the file as the user named it, for messages
   * @return the writer; close it at the end
   * @throws UserException if the file cannot be created
   */
  static Writer openNew(Path file, String name) {
    if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new UserException("cannot write " + name + ": " + file + " is a directory");
    }
    try {
      Files.deleteIfExists(file); // a link itself, not its target
      return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), StandardCharsets.UTF_8), 1 << 16);
    } catch (IOException e) {
      throw new UserException("cannot write " + name + ": " + why(file, e));
    }
  }

  /**
   * Checks before a long run that a file written at its end (a summary, a report) can be created, so
   * that the run does not end with "cannot write". Creates nothing.
   *
   * @param file the file, or null for none
   * @throws UserException if it is a directory, its directory does not exist or is not a directory,
   *     or it (or, while it does not exist, its directory) is not writable
   */
  static void checkWritable(@Nullable Path file) {
    if (file == null) {
      return;
    }
    if (Files.isDirectory(file)) {
      throw new UserException("cannot write " + file + ": it is a directory; give a file");
    }
    // The file written is at the end of any symbolic links, even one pointing nowhere yet.
    Path written = linkTarget(file);
    Path parent = written.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new UserException("cannot write " + file + ": " + (parent != null && Files.exists(parent)
          ? "Not a directory" : "its directory does not exist"));
    }
    if (Files.exists(written) ? !Files.isWritable(written) : !Files.isWritable(parent)) {
      throw new UserException("cannot write " + file + ": permission denied");
    }
  }

  /**
   * @param source a file the command reads, as given ({@code -} or null for none)
   * @param out the file it writes, or null for standard output
   * @return whether both name the same existing file (through links and relative parts)
   */
  static boolean isSameFile(@Nullable String source, @Nullable Path out) {
    if (source == null || out == null || source.equals("-")) {
      return false;
    }
    try {
      Path in = Path.of(source);
      return Files.exists(in) && Files.exists(out) && Files.isSameFile(in, out);
    } catch (InvalidPathException | IOException e) {
      return false; // cannot tell: reading or writing reports the problem
    }
  }

  /** The path at the end of the symbolic links from {@code file} (itself if it is none). */
  static Path linkTarget(Path file) {
    Path p = file;
    try {
      for (int i = 0; i < 40 && Files.isSymbolicLink(p); i++) {
        Path parent = p.toAbsolutePath().getParent();
        Path link = Files.readSymbolicLink(p);
        p = parent == null ? link : parent.resolve(link);
      }
    } catch (IOException e) {
      // unreadable link: checked as it is
    }
    return p;
  }

  /**
   * Why a file could not be written, in words: the operating system's reason ("Not a directory",
   * "Read-only file system", "No space left on device"), never a value read from the input.
   *
   * @param file the file
   * @param e what opening or writing it threw
   * @return the reason
   */
  static String why(@Nullable Path file, IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      Path parent = file == null ? null : file.toAbsolutePath().getParent();
      return parent != null && Files.isDirectory(parent)
          ? "the file cannot be created in its directory" : "its directory does not exist";
    }
    if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
      return String.valueOf(((FileSystemException) e).getReason());
    }
    // The JDK's own write errors are plain IOExceptions carrying the system's message.
    if (e.getClass() == IOException.class && e.getMessage() != null) {
      return e.getMessage();
    }
    return e.getClass().getSimpleName();
  }

  /**
   * Standard output swallows errors (a closed pipe); this makes them visible.
   *
   * @param w a writer from {@link #open}
   * @throws UncheckedIOException if writing to standard output has failed
   */
  static void check(Writer w) {
    if (w instanceof StandardOutput && ((StandardOutput) w).out.checkError()) {
      throw new UncheckedIOException(new IOException("standard output was closed"));
    }
  }

  /**
   * {@code --out -}: standard output, as {@code -} is standard input for the input files (it used
   * to write a file named {@code -}).
   *
   * @param file the value of {@code --out}
   * @return null for {@code -} (standard output), else the file
   */
  static @Nullable Path dash(@Nullable Path file) {
    return file != null && file.toString().equals("-") ? null : file;
  }

  /** @return the name of the output for messages */
  static String name(@Nullable Path file) {
    return file == null ? "standard output" : file.toString();
  }

  private static final class StandardOutput extends Writer {
    final PrintWriter out;

    StandardOutput(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
      out.write(buffer, offset, length);
    }

    @Override
    public void write(String s, int offset, int length) {
      out.write(s, offset, length);
    }

    @Override
    public Writer append(CharSequence s) {
      out.append(s);
      return this;
    }

    @Override
    public void flush() {
      out.flush();
    }

    @Override
    public void close() {
      out.flush();
    }
  }
}
