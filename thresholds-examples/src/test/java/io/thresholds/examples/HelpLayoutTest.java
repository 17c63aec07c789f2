package io.thresholds.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/**
 * The usage help of every command reads as picocli lays it out: descriptions are written one
 * paragraph per array element (no line breaks of their own), so that picocli wraps them to the
 * width, and no line is wider than the width. A description hard-wrapped in the source at another
 * width gives a long line followed by a one-word line: this fails here.
 */
class HelpLayoutTest {
  private static final int[] WIDTHS = {80, 100, 132};

  /** The tool and every subcommand, depth first. */
  private static List<CommandLine> everyCommand() {
    List<CommandLine> all = new ArrayList<>();
    collect(ThresholdsCommand.commandLine(InputStream.nullInputStream()), all);
    return all;
  }

  private static void collect(CommandLine cl, List<CommandLine> into) {
    into.add(cl);
    cl.getSubcommands().values().forEach(sub -> collect(sub, into));
  }

  @Test
  void everySubcommandIsChecked() {
    assertThat(everyCommand()).extracting(cl -> cl.getCommandSpec().qualifiedName()).contains(
        "thresholds", "thresholds evaluate", "thresholds batch", "thresholds generate", "thresholds indicators",
        "thresholds form", "thresholds policy", "thresholds policy export", "thresholds policy validate",
        "thresholds policy diff", "thresholds policy impact", "thresholds policy test", "thresholds policy init");
  }

  @TestFactory
  Stream<DynamicTest> usageHelp_fitsTheWidth_andIsNotRagged() {
    List<DynamicTest> tests = new ArrayList<>();
    for (int width : WIDTHS) {
      for (CommandLine cl : everyCommand()) {
        String name = cl.getCommandSpec().qualifiedName();
        tests.add(DynamicTest.dynamicTest(name + " --help at " + width + " columns", () -> check(cl, width)));
      }
    }
    return tests.stream();
  }

  @Test
  void optionDescriptions_areOneParagraphEach() {
    for (CommandLine cl : everyCommand()) {
      List<ArgSpec> args = new ArrayList<>(cl.getCommandSpec().options());
      args.addAll(cl.getCommandSpec().positionalParameters());
      for (ArgSpec arg : args) {
        assertThat(arg.description())
            .as("%s %s: one element (picocli shows each on a line of its own)", cl.getCommandSpec().qualifiedName(),
                arg.paramLabel())
            .hasSizeLessThanOrEqualTo(1);
      }
    }
  }

  @Test
  void theCheckFindsRaggedText() {
    // What the hard-wrapped descriptions of batch used to give at 80 columns.
    List<String> ragged = List.of(
        "Evaluate one thresholds/referral@1 document per line, each as at its own madeAt,",
        "and write",
        "one line per input line, in the same order");
    assertThat(raggedLines(ragged, 80)).isNotEmpty();
    assertThat(raggedLines(List.of("A short paragraph", "then a line picocli would have joined"), 80)).isNotEmpty();
    assertThat(raggedLines(List.of(
        "Evaluate one thresholds/referral@1 document per line, each as at its own madeAt,",
        "and write one line per input line, in the same order"), 80)).isEmpty();
  }

  private static void check(CommandLine cl, int width) {
    cl.setUsageHelpAutoWidth(false);
    cl.setUsageHelpWidth(width);
    String help = cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
    for (String line : help.split("\\R")) {
      assertThat(line.length()).as("wider than %d columns:%n%s%n%nin:%n%s", width, line, help).isLessThanOrEqualTo(width);
    }
    CommandLine.Help h = cl.getHelp();
    for (String section : List.of(h.header(), h.description(), h.footer())) {
      List<String> paragraph = new ArrayList<>();
      for (String line : (section + "\n").split("\\R", -1)) {
        if (line.isBlank()) {
          assertThat(raggedLines(paragraph, width)).as("ragged at %d columns:%n%s", width, help).isEmpty();
          paragraph.clear();
        } else {
          paragraph.add(line.stripTrailing());
        }
      }
    }
  }

  /**
   * @return the lines of a paragraph after which the first word of the next line would still have
   *     fitted: where the source, not picocli, broke the line
   */
  static List<String> raggedLines(List<String> paragraph, int width) {
    List<String> ragged = new ArrayList<>();
    for (int i = 0; i + 1 < paragraph.size(); i++) {
      String line = paragraph.get(i);
      String next = paragraph.get(i + 1).strip();
      String first = next.split("\\s+", 2)[0];
      // picocli fills a line to one column short of the width
      if (line.length() + 1 + first.length() < width) {
        ragged.add(line);
      }
    }
    return ragged;
  }
}
