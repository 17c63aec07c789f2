package io.thresholds.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's mistakes: each gives one line on standard error naming what was wrong, a non-zero
 * exit code, no stack trace and no internal error; a usage error names the command and where its
 * help is instead of printing the whole usage help.
 */
class WrongUsageTest {
  @TempDir Path dir;
  Path referrals;

  @BeforeEach
  void generate() {
    referrals = dir.resolve("referrals.jsonl");
    Cli r = Cli.run("generate", "5", "--seed", "3", "--out", referrals.toString());
    assertThat(r.exit).as(r.toString()).isZero();
  }

  private static void assertUsageError(Cli r, String command, String fragment) {
    assertThat(r.exit).as(r.toString()).isEqualTo(2);
    assertThat(r.out).as(r.toString()).isEmpty();
    assertThat(r.err).as(r.toString()).startsWith(command + ": ").contains(fragment)
        .endsWith("(see: " + command + " --help)" + System.lineSeparator())
        .doesNotContain("Usage:").doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(r.err.strip()).as("one line").doesNotContain("\n");
  }

  private static void assertInvalidInput(Cli r, String... fragments) {
    assertThat(r.exit).as(r.toString()).isEqualTo(1);
    assertThat(r.err).as(r.toString()).startsWith("thresholds: ").contains(fragments)
        .doesNotContain("internal error").doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(r.err.strip()).as("one line").doesNotContain("\n");
  }

  @Test
  void usageErrors_areOneLineNamingTheCommandAndOption() {
    String in = referrals.toString();
    assertUsageError(Cli.run("batch", in, "--threads", "0"), "thresholds batch", "--threads must be 1 to 64");
    assertUsageError(Cli.run("batch", in, "--format", "xml"), "thresholds batch",
        "Invalid value for option '--format': 'xml' is not one of jsonl, csv");
    assertUsageError(Cli.run("batch", in, "--progress", "sometimes"), "thresholds batch", "'--progress'");
    assertUsageError(Cli.run("batch", in, "--out", in), "thresholds batch", "--out is the input file");
    assertUsageError(Cli.run("batch"), "thresholds batch", "Missing required parameter: 'IN.jsonl|-'");
    assertUsageError(Cli.run("evaluate", "--colour", in), "thresholds evaluate", "Unknown option: '--colour'");
    assertUsageError(Cli.run("evaluate", in, "--at", "yesterday"), "thresholds evaluate", "'--at'");
    assertUsageError(Cli.run("generate", "-1"), "thresholds generate", "N must be 0 to");
    assertUsageError(Cli.run("generate", "3", "--threads", "0"), "thresholds generate", "--threads must be 1 to 64");
    assertUsageError(Cli.run("indicators", "--tier", "9"), "thresholds indicators", "--tier");
    assertUsageError(Cli.run("form", "marf"), "thresholds form", "Missing required argument (specify one of these)");
    assertUsageError(Cli.run("policy", "init", dir.resolve("pack").toString()), "thresholds policy init",
        "Missing required option: '--extends=ID|PATH'");
  }

  @Test
  void mistypedCommand_suggestsOnTheSameLine() {
    assertUsageError(Cli.run("bacth"), "thresholds", "did you mean batch?");
  }

  @Test
  void commandAlone_listsItsSubcommands() {
    Cli r = Cli.run("policy");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).startsWith("thresholds policy: Missing required subcommand").contains("Usage: thresholds policy");
  }

  @Test
  void batch_wrongFiles() throws Exception {
    assertInvalidInput(Cli.run("batch", dir.resolve("nope.jsonl").toString()), "nope.jsonl: no such file");
    assertInvalidInput(Cli.run("batch", dir.toString()), "it is a directory");
    Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
    assertInvalidInput(Cli.run("batch", empty.toString()), "empty.jsonl is empty");
    assertInvalidInput(Cli.runWithInput("", "batch", "-", "--progress", "none"), "standard input is empty");
    assertInvalidInput(Cli.run("batch", referrals.toString(), "--policy", "no-such-pack"),
        "cannot read policy no-such-pack: no such file or directory, and not an embedded pack");
  }

  @Test
  void batch_fromStandardInput() throws Exception {
    Cli r = Cli.runWithInput(Files.readString(referrals), "batch", "-", "--progress", "none", "--format", "csv");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).startsWith("line,referral_ref,");
    assertThat(r.err).contains("Summary of standard input: 5 lines");
  }

  @Test
  void batch_outUnderAFile_isAnErrorNamingTheFile_notAnInternalError() {
    // --out referrals.jsonl/results.csv: "its directory" is a file.
    Path under = referrals.resolve("results.csv");
    assertInvalidInput(Cli.run("batch", referrals.toString(), "--out", under.toString(), "--progress", "none"),
        "cannot write " + under + ": ");
    assertInvalidInput(Cli.run("batch", referrals.toString(), "--out", dir.resolve("out.jsonl").toString(),
        "--summary-json", under.toString(), "--progress", "none"), "cannot write " + under + ": ");
    assertInvalidInput(Cli.run("generate", "3", "--out", under.toString()), "cannot write " + under + ": ");
  }

  @Test
  void batch_summaryOrReportUnwritable_failsBeforeTheRun_writingNoResults() throws Exception {
    // They are written at the end of the run: a long run must not end with "cannot write".
    Path results = dir.resolve("results.csv");
    for (String option : new String[] {"--summary-json", "--report"}) {
      Path missing = dir.resolve("no-such-directory").resolve("summary.out");
      assertInvalidInput(Cli.run("batch", referrals.toString(), "--format", "csv", "--out", results.toString(),
          option, missing.toString(), "--progress", "none"), "cannot write " + missing + ": its directory does not exist");
      assertInvalidInput(Cli.run("batch", referrals.toString(), "--format", "csv", "--out", results.toString(),
          option, dir.toString(), "--progress", "none"), "cannot write " + dir + ": it is a directory");
      assertThat(results).as("no results were written").doesNotExist();
      assertThat(dir.resolve("results.csv.partial")).doesNotExist();
      // through a symbolic link that points into a directory that does not exist
      Path link = dir.resolve("link" + option + ".out");
      Files.deleteIfExists(link);
      Files.createSymbolicLink(link, missing);
      assertInvalidInput(Cli.run("batch", referrals.toString(), "--format", "csv", "--out", results.toString(),
          option, link.toString(), "--progress", "none"), "cannot write " + link + ": its directory does not exist");
      assertThat(results).as("no results were written").doesNotExist();
    }
  }

  @Test
  void batch_outInADirectoryThatDoesNotExist() {
    Path out = dir.resolve("no-such-dir").resolve("results.csv");
    assertInvalidInput(Cli.run("batch", referrals.toString(), "--out", out.toString(), "--progress", "none"),
        "its directory does not exist");
  }

  @Test
  void batch_outThroughASymbolicLink_writesItsTarget_andKeepsTheLink() throws Exception {
    Path target = Files.writeString(dir.resolve("target.csv"), "old\n");
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), target);
    Cli r = Cli.run("batch", referrals.toString(), "--format", "csv", "--out", link.toString(), "--progress", "none");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(target)).startsWith("line,referral_ref,");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
    }
  }

  /** {@code --out R --report R} wrote the report over the results, which were lost, with exit code 0. */
  @Test
  void batch_twoOutputsToTheSameFile_areAUsageError_andNothingIsWritten() throws Exception {
    String in = referrals.toString();
    String out = dir.resolve("results.out").toString();
    assertUsageError(Cli.run("batch", in, "--out", out, "--report", out), "thresholds batch",
        "--report is the same file as --out");
    assertUsageError(Cli.run("batch", in, "--out", out, "--summary-json", out), "thresholds batch",
        "--summary-json is the same file as --out");
    assertUsageError(Cli.run("batch", in, "--out", out, "--summary-json", dir.resolve("s.out").toString(),
        "--report", dir.resolve(".").resolve("s.out").toString()), "thresholds batch",
        "--report is the same file as --summary-json");
    assertThat(dir.resolve("results.out")).doesNotExist();
    assertThat(dir.resolve("s.out")).doesNotExist();
    // through a symbolic link to a file that is there
    Path results = Files.writeString(dir.resolve("results.jsonl"), "old\n");
    Path link = Files.createSymbolicLink(dir.resolve("report.html"), results);
    assertUsageError(Cli.run("batch", in, "--out", results.toString(), "--report", link.toString()),
        "thresholds batch", "--report is the same file as --out");
    assertThat(Files.readString(results)).isEqualTo("old\n");
  }

  /** {@code --policy P.json --out P.json} replaced the policy with the results, exit code 0. */
  @Test
  void batch_anOutputThatIsAFileOfThePolicy_isAUsageError_andThePolicyIsKept() throws Exception {
    Path policy = dir.resolve("policy.json");
    assertThat(Cli.run("policy", "export", "--out", policy.toString()).exit).isZero();
    String text = Files.readString(policy);
    String in = referrals.toString();
    assertUsageError(Cli.run("batch", in, "--policy", policy.toString(), "--out", policy.toString()),
        "thresholds batch", "--out is the policy file");
    assertUsageError(Cli.run("batch", in, "--policy", policy.toString(), "--out", dir.resolve("r.jsonl").toString(),
        "--report", policy.toString()), "thresholds batch", "--report is the policy file");
    assertThat(Files.readString(policy)).isEqualTo(text);
    Path pack = dir.resolve("pack");
    assertThat(Cli.run("policy", "init", "--extends", "city-of-london", pack.toString()).exit).isZero();
    Path packFile;
    try (var files = Files.list(pack)) {
      packFile = files.filter(Files::isRegularFile).findFirst().orElseThrow();
    }
    String packText = Files.readString(packFile);
    assertUsageError(Cli.run("batch", in, "--policy", pack.toString(), "--out", dir.resolve("r.jsonl").toString(),
        "--summary-json", packFile.toString()), "thresholds batch", "--summary-json is a file of the policy pack");
    assertThat(Files.readString(packFile)).isEqualTo(packText);
  }

  /**
   * A symbolic link planted at OUT.partial (a shared directory): the results went into its target,
   * and the link was then renamed over OUT.
   */
  @Test
  void batch_aSymbolicLinkAtThePartialName_isReplaced_neverFollowed() throws Exception {
    Path victim = Files.writeString(dir.resolve("victim.txt"), "not yours\n");
    Path out = dir.resolve("results.jsonl");
    Files.createSymbolicLink(dir.resolve("results.jsonl.partial"), victim);
    Cli r = Cli.run("batch", referrals.toString(), "--out", out.toString(), "--progress", "none");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(Files.readString(victim)).isEqualTo("not yours\n");
    assertThat(Files.isSymbolicLink(out)).isFalse();
    assertThat(Files.readAllLines(out)).hasSize(5).allMatch(l -> l.startsWith("{\"format\":\"thresholds/evaluation@"));
    assertThat(dir.resolve("results.jsonl.partial")).doesNotExist();
  }

  /** A link to a file not there yet was replaced by a plain file instead of creating its target. */
  @Test
  void batch_outThroughASymbolicLinkToAFileNotThereYet_createsItsTarget_andKeepsTheLink() throws Exception {
    Path target = dir.resolve("target.jsonl");
    Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), target.getFileName());
    Cli r = Cli.run("batch", referrals.toString(), "--out", link.toString(), "--progress", "none");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readAllLines(target)).hasSize(5);
    assertUsageError(Cli.run("batch", referrals.toString(), "--out", dir.resolve("other.jsonl").toString(),
        "--summary-json", target.toString(), "--report", link.toString()), "thresholds batch",
        "--report is the same file as --summary-json");
  }

  private static void mkfifo(Path fifo) throws InterruptedException {
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (java.io.IOException e) {
      mkfifo = null;
    }
    assumeTrue(mkfifo != null && mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo is not available");
  }

  /** {@code thresholds batch <(zcat referrals.jsonl.gz)}: a pipe has no size; it used to be "empty". */
  @Test
  void batch_andEvaluate_readAPipe() throws Exception {
    Path fifo = dir.resolve("referrals.fifo");
    mkfifo(fifo);
    CompletableFuture<Void> write = CompletableFuture.runAsync(() -> {
      try {
        Files.write(fifo, Files.readAllBytes(referrals));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    Cli r = Cli.run("batch", fifo.toString(), "--errors-only", "--progress", "none");
    write.get(30, TimeUnit.SECONDS);
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.err).contains("5 lines, 5 referrals evaluated, 0 error records");
    CompletableFuture<Void> writeOne = CompletableFuture.runAsync(() -> {
      try {
        Files.writeString(fifo, Files.readAllLines(referrals).get(0));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    Cli one = Cli.run("evaluate", fifo.toString());
    writeOne.get(30, TimeUnit.SECONDS);
    assertThat(one.exit).as(one.toString()).isZero();
    assertThat(one.out).contains("Referral syn-3-1");
  }

  /** {@code evaluate /dev/zero} used to read until the heap ran out. */
  @Test
  void evaluate_endlessDevice_stopsAtTheSizeLimit() {
    assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero");
    assertInvalidInput(Cli.run("evaluate", "/dev/zero"), "/dev/zero is larger than");
  }

  /** {@code --out /dev/null} used to be replaced by a plain file (a .partial renamed over it). */
  @Test
  void batch_outToAPipe_writesIntoIt_andLeavesItAPipe() throws Exception {
    Path fifo = dir.resolve("results.fifo");
    mkfifo(fifo);
    CompletableFuture<List<String>> read = CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readAllLines(fifo, StandardCharsets.UTF_8);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    Cli r = Cli.run("batch", referrals.toString(), "--format", "csv", "--out", fifo.toString(), "--progress", "none");
    assertThat(r.exit).as(r.toString()).isZero();
    List<String> lines = read.get(30, TimeUnit.SECONDS);
    assertThat(lines.get(0)).startsWith("line,referral_ref,");
    assertThat(lines).hasSizeGreaterThan(5);
    assertThat(Files.isRegularFile(fifo)).as("still a pipe").isFalse();
    assertThat(Files.exists(dir.resolve("results.fifo.partial"))).isFalse();
  }

  @Test
  void policyImpact_emptyOrDirectory_isInvalidInput() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
    assertInvalidInput(Cli.run("policy", "impact", "city-of-london", "early-help-hub", empty.toString()),
        "empty.jsonl is empty: expected one thresholds/referral@1 document per line");
    assertInvalidInput(Cli.run("policy", "impact", "city-of-london", "early-help-hub", dir.toString()),
        "it is a directory");
    Files.write(dir.resolve("latin1.jsonl"), new byte[] {'{', (byte) 0xE9, '}', '\n'});
    assertInvalidInput(Cli.run("policy", "impact", "city-of-london", "early-help-hub",
        dir.resolve("latin1.jsonl").toString()), "not UTF-8 text");
  }

  @Test
  void policyInit_withABaseThatDoesNotExist_writesNothing() throws Exception {
    Path pack = dir.resolve("our-pack");
    assertInvalidInput(Cli.run("policy", "init", "--extends", "no-such-base", pack.toString()),
        "policy.extends", "nothing written");
    assertThat(pack).doesNotExist();
    Path existing = Files.createDirectories(dir.resolve("existing"));
    Files.writeString(existing.resolve("notes.txt"), "mine\n");
    assertInvalidInput(Cli.run("policy", "init", "--extends", "no-such-base", existing.toString()), "nothing written");
    try (var files = Files.list(existing)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
    }
  }

  @Test
  void batchOfOneReferralFile_saysToUseEvaluate() throws Exception {
    Cli r = Cli.run("batch", EvaluateCommandTest.sample("01").toString(), "--errors-only", "--progress", "none");
    assertThat(r.exit).as(r.toString()).isEqualTo(1);
    assertThat(r.err).contains("gave an error record: batch reads one thresholds/referral@1 document per line (JSON Lines);"
        + " for one referral in a JSON file, use thresholds evaluate");
  }

  @Test
  void evaluateOfAJsonLinesFile_saysToUseBatch() {
    assertInvalidInput(Cli.run("evaluate", referrals.toString()), "referrals.jsonl is not valid JSON (line 2, column 1)",
        "for a file of one referral per line (JSON Lines), use thresholds batch");
  }

  @Test
  void outDash_isStandardOutput() throws Exception {
    Cli batch = Cli.run("batch", referrals.toString(), "--format", "csv", "--out", "-", "--progress", "none");
    assertThat(batch.exit).as(batch.toString()).isZero();
    assertThat(batch.out).startsWith("line,referral_ref,");
    assertThat(batch.err).contains("Summary of");
    Cli generate = Cli.run("generate", "2", "--out", "-");
    assertThat(generate.exit).isZero();
    assertThat(generate.out.lines()).hasSize(2);
    assertThat(Cli.run("policy", "export", "--out", "-").out).contains("\"format\": \"thresholds/policy@1\"");
    assertThat(Path.of("-")).doesNotExist();
    assertUsageError(Cli.run("batch", referrals.toString(), "--summary-json", "-"), "thresholds batch",
        "--summary-json needs a file");
    assertUsageError(Cli.run("batch", referrals.toString(), "--report", "-"), "thresholds batch", "--report needs a file");
  }
}
