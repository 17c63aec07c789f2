package io.thresholds.forms;

import io.thresholds.core.InvalidValueException;
import io.thresholds.core.policy.Citation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a form pack (format: FORMS.md) strictly, naming file and line in every error. */
final class FormPackReader {
  /** Files larger than this are refused, so a pack cannot exhaust memory. */
  static final int MAX_FILE_CHARS = 1024 * 1024;

  private static final Pattern ITEMS = Pattern.compile("(\\d{1,3})\\.\\.(\\d{1,3})");
  private static final Pattern WHEN = Pattern.compile("(\\S+) (?:= (\\S+)|(present)|(absent))");

  /** Where the files come from. */
  abstract static class Source {
    abstract String describe(String file);

    abstract Reader open(String file) throws IOException;

    static Source directory(Path dir) {
      return new Source() {
        @Override
        String describe(String file) {
          return "form pack file " + file;
        }

        @Override
        Reader open(String file) throws IOException {
          return utf8(openInside(dir, file, describe(file)));
        }
      };
    }

    static Source classpath(String base) {
      return new Source() {
        @Override
        String describe(String file) {
          return "embedded form file " + base + "/" + file;
        }

        @Override
        Reader open(String file) throws IOException {
          InputStream in = FormPackReader.class.getResourceAsStream(base + "/" + file);
          if (in == null) {
            throw new NoSuchFileException(base + "/" + file);
          }
          return utf8(in);
        }
      };
    }

    /**
     * Opens a file of a pack directory: only a regular file whose real path is inside the
     * directory's real path. A symbolic link leaving the pack, a FIFO (which would block the load),
     * a device such as {@code /dev/zero} and a directory are refused before anything is opened.
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
        throw new FormFormatException(described + ": a symbolic link to nothing", e);
      }
      if (!real.startsWith(realDir)) {
        throw new FormFormatException(described + ": a symbolic link to a file outside the pack directory");
      }
      if (!Files.isRegularFile(real)) {
        throw new FormFormatException(described + ": not a regular file");
      }
      return Files.newInputStream(real);
    }

    private static Reader utf8(InputStream in) {
      return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT));
    }
  }

  private final Source source;

  FormPackReader(Source source) {
    this.source = source;
  }

  FormPack read() {
    String file = "forms.properties";
    Map<String, String> props = new LinkedHashMap<>();
    List<String> lines = lines(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 1) {
        throw error(file, i + 1, "expected key = value");
      }
      String key = line.substring(0, eq).strip();
      if (!List.of("pack.policy", "pack.document", "pack.forms").contains(key)) {
        throw error(file, i + 1, "unknown key " + key);
      }
      if (props.put(key, line.substring(eq + 1).strip()) != null) {
        throw error(file, i + 1, "duplicate key " + key);
      }
    }
    for (String key : List.of("pack.policy", "pack.document", "pack.forms")) {
      if (props.getOrDefault(key, "").isEmpty()) {
        throw new FormFormatException(source.describe(file) + ": missing " + key);
      }
    }
    String document = props.get("pack.document");
    FormPack.Builder pack = FormPack.builder().policyId(props.get("pack.policy")).document(document);
    for (String id : props.get("pack.forms").split("\\s*,\\s*")) {
      if (!id.matches("[a-z][a-z0-9-]{0,63}")) {
        throw new FormFormatException(source.describe(file) + ": pack.forms: bad form id");
      }
      pack.addForms(readForm(id + ".tsv", id, document));
    }
    try {
      return pack.build();
    } catch (InvalidValueException e) {
      throw new FormFormatException(source.describe(file) + ": " + e.getMessage(), e);
    }
  }

  private FormSchema readForm(String file, String expectedId, String document) {
    List<String> lines = lines(file);
    FormSchema.Builder form = null;
    Section.Builder section = null;
    Field.Builder group = null;
    int groupLine = 0;
    List<Section.Builder> sections = new ArrayList<>();
    List<Integer> sectionLines = new ArrayList<>();
    List<FormRule> rules = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      int n = i + 1;
      String raw = lines.get(i);
      if (raw.isBlank() || raw.startsWith("#")) {
        continue;
      }
      String[] c = raw.split("\t", -1);
      try {
        switch (c[0]) {
          case "form":
            need(file, n, c, 5);
            if (form != null) {
              throw error(file, n, "a second form line");
            }
            if (!c[1].equals(expectedId)) {
              throw error(file, n, "form id must be the file name (" + expectedId + ")");
            }
            form = FormSchema.builder().id(c[1]).version(c[2]).title(c[3]).citation(Citation.of(document, c[4]));
            break;
          case "section":
            need(file, n, c, 4);
            if (form == null) {
              throw error(file, n, "the form line must come first");
            }
            group = closeGroup(file, groupLine, group, section);
            section = Section.builder().id(c[1]).title(c[2]);
            opt(c[3]).ifPresent(section::help);
            sections.add(section);
            sectionLines.add(n);
            break;
          case "field":
            need(file, n, c, 8);
            if (section == null) {
              throw error(file, n, "a field must follow a section line");
            }
            group = closeGroup(file, groupLine, group, section);
            Field.Builder f = field(file, n, c);
            if (c[2].equals(FieldType.GROUP.name())) {
              group = f;
              groupLine = n;
            } else {
              section.addFields(f.build());
            }
            break;
          case "column":
            need(file, n, c, 8);
            if (group == null) {
              throw error(file, n, "a column must follow a GROUP field or another column");
            }
            group.addColumns(field(file, n, c).build());
            break;
          case "rule":
            need(file, n, c, 6);
            rules.add(rule(file, n, c));
            break;
          default:
            throw error(file, n, "unknown line kind " + c[0]);
        }
      } catch (InvalidValueException e) {
        throw error(file, n, e.getMessage(), e);
      }
    }
    closeGroup(file, groupLine, group, section);
    if (form == null) {
      throw new FormFormatException(source.describe(file) + ": no form line");
    }
    for (int i = 0; i < sections.size(); i++) {
      try {
        form.addSections(sections.get(i).build());
      } catch (InvalidValueException | IllegalStateException e) {
        throw error(file, sectionLines.get(i), e.getMessage(), e);
      }
    }
    try {
      return form.addAllRules(rules).build();
    } catch (InvalidValueException | IllegalStateException e) {
      throw new FormFormatException(source.describe(file) + ": " + e.getMessage(), e);
    }
  }

  private Field.Builder closeGroup(String file, int line, Field.Builder group,
      Section.Builder section) {
    if (group != null) {
      try {
        section.addFields(group.build());
      } catch (InvalidValueException | IllegalStateException e) {
        throw error(file, line, e.getMessage(), e);
      }
    }
    return null;
  }

  private Field.Builder field(String file, int n, String[] c) {
    FieldType type;
    try {
      type = FieldType.valueOf(c[2]);
    } catch (IllegalArgumentException e) {
      throw error(file, n, "unknown field type " + c[2], e);
    }
    if (!c[3].equals("required") && !c[3].equals("optional")) {
      throw error(file, n, "presence must be required or optional");
    }
    Field.Builder f = Field.builder().id(c[1]).type(type).required(c[3].equals("required")).label(c[4]);
    if (opt(c[5]).isPresent()) {
      for (String o : c[5].split("\\|", -1)) {
        int eq = o.indexOf('=');
        if (eq < 1) {
          throw error(file, n, "an option is CODE=Label");
        }
        f.addOptions(Option.of(o.substring(0, eq), o.substring(eq + 1)));
      }
    }
    if (opt(c[6]).isPresent()) {
      for (String a : c[6].split(";", -1)) {
        String[] kv = a.split("=", 2);
        if (kv.length != 2) {
          throw error(file, n, "an attribute is key=value");
        }
        switch (kv[0].strip()) {
          case "maxLength":
            f.maxLengthOverride(number(file, n, kv[1].strip(), 1_000_000));
            break;
          case "items":
            Matcher m = ITEMS.matcher(kv[1].strip());
            if (!m.matches()) {
              throw error(file, n, "items is MIN..MAX");
            }
            f.minItems(Integer.parseInt(m.group(1))).maxItems(Integer.parseInt(m.group(2)));
            break;
          default:
            throw error(file, n, "unknown attribute " + kv[0].strip());
        }
      }
    }
    opt(c[7]).ifPresent(f::help);
    return f;
  }

  private FormRule rule(String file, int n, String[] c) {
    FormRule.Builder r = FormRule.builder().code(c[1]).field(c[2]).message(c[5]);
    String req = c[3];
    if (req.equals("required")) {
      r.requirement(FormRule.Requirement.REQUIRED);
    } else if (req.startsWith("one-of ")) {
      r.requirement(FormRule.Requirement.ONE_OF).addValues(req.substring(7).split("\\|", -1));
    } else if (req.startsWith("min-items ")) {
      r.requirement(FormRule.Requirement.MIN_ITEMS).minItems(number(file, n, req.substring(10), 1000));
    } else {
      throw error(file, n, "requirement must be required, one-of A|B or min-items N");
    }
    if (!c[4].equals("always")) {
      Matcher m = WHEN.matcher(c[4]);
      if (!m.matches()) {
        throw error(file, n, "when must be always, FIELD = A|B, FIELD present or FIELD absent");
      }
      Condition when = m.group(2) != null ? Condition.equals(m.group(1), m.group(2).split("\\|", -1))
          : m.group(3) != null ? Condition.present(m.group(1)) : Condition.absent(m.group(1));
      r.when(when);
    }
    return r.build();
  }

  private int number(String file, int n, String text, int max) {
    if (!text.matches("\\d{1,7}") || Integer.parseInt(text) > max) {
      throw error(file, n, "expected a number up to " + max);
    }
    return Integer.parseInt(text);
  }

  private static java.util.Optional<String> opt(String cell) {
    return cell.equals("-") || cell.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(cell);
  }

  private void need(String file, int n, String[] c, int columns) {
    if (c.length != columns) {
      throw error(file, n, c[0] + " lines have " + columns + " tab-separated columns, found " + c.length);
    }
  }

  /**
   * Reads a whole file as lines, strictly as UTF-8. The size limit is enforced while reading, so a
   * file without line breaks (or an endless one) fails after {@link #MAX_FILE_CHARS} characters.
   */
  private List<String> lines(String file) {
    try (Reader r = source.open(file)) {
      return boundedLines(r, MAX_FILE_CHARS, () -> new FormFormatException(
          source.describe(file) + ": larger than " + MAX_FILE_CHARS + " characters"));
    } catch (NoSuchFileException e) {
      throw new FormFormatException(source.describe(file) + ": missing", e);
    } catch (CharacterCodingException e) {
      throw new FormFormatException(source.describe(file) + ": not valid UTF-8", e);
    } catch (IOException e) {
      throw new FormFormatException(source.describe(file) + ": cannot be read (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /**
   * The lines of a text, split like {@link BufferedReader#readLine()} (at LF, CR or CR LF), failing
   * with {@code tooLarge} as soon as more than {@code max} characters are read.
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

  private FormFormatException error(String file, int line, String rule) {
    return new FormFormatException(source.describe(file) + ", line " + line + ": " + rule);
  }

  private FormFormatException error(String file, int line, String rule, Throwable cause) {
    return new FormFormatException(source.describe(file) + ", line " + line + ": " + rule, cause);
  }
}
