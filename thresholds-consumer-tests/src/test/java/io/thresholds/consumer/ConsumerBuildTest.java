package io.thresholds.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A new user's project, built the way the user builds it: the consumer sources ({@code
 * src/test/consumer}: every Java snippet of the README, in order, and a JSON round trip) are
 * compiled with {@code javac --release 17 -Xlint:all -Werror} against the SDK's jars from this
 * reactor and their runtime dependencies only (no Immutables or JSpecify annotations), once on the
 * class path and once on the module path, then run.
 */
class ConsumerBuildTest {
  private static final Path CONSUMER_SOURCES = Path.of("src", "test", "consumer");
  private static final Path REFERRAL_SOURCES = Path.of("src", "test", "consumer-referrals");
  /** thresholds-forms and what it brings: Jakarta Validation, Hibernate Validator and its dependencies. */
  private static final List<String> FORMS_STACK = List.of("thresholds-forms", "jakarta.validation-api",
      "hibernate-validator", "jboss-logging", "classmate");
  private static final Pattern JAVA_BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```");

  private static List<Path> sdkPath;
  private static String readme;

  /** The test stack of the parent POM (test scope here), which a consumer does not have. */
  private static final List<String> TEST_STACK = List.of("/org/junit/", "/net/jqwik/", "/org/assertj/",
      "/org/opentest4j/", "/org/apiguardian/", "/net/bytebuddy/");

  @BeforeAll
  static void readClassPathAndReadme() throws IOException {
    // This module depends on thresholds-jackson and thresholds-forms only, as a consumer does; its
    // test class path is their runtime closure (the reactor's jars, or target/classes when the
    // build stops before package) plus this module's own classes and the test stack.
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path own = Path.of("target").toAbsolutePath();
    sdkPath = Stream.of(cp.split(Pattern.quote(File.pathSeparator)))
        .map(Path::of)
        .filter(p -> !p.toAbsolutePath().startsWith(own))
        .filter(p -> TEST_STACK.stream().noneMatch(t -> p.toString().replace(File.separatorChar, '/').contains(t)))
        .collect(Collectors.toList());
    readme = Files.readString(Path.of(System.getProperty("consumer.readme")), StandardCharsets.UTF_8);
  }

  @Test
  void consumerPath_isTheSdkAndItsRuntimeDependencies_withoutAnnotationJars() {
    List<String> names = sdkPath.stream().map(ConsumerBuildTest::artifactName).collect(Collectors.toList());
    assertThat(names).contains("thresholds-core", "thresholds-jackson", "thresholds-forms", "jackson-databind");
    assertThat(names).noneMatch(n -> n.startsWith("value") || n.startsWith("jspecify") || n.startsWith("junit")
        || n.startsWith("jqwik") || n.startsWith("assertj"));
  }

  @Test
  void readme_everyJavaSnippetIsPartOfTheConsumer() {
    List<String> blocks = javaBlocks();
    assertThat(blocks).hasSize(count(readme, "```java"));
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(2);
    String generated = readmeSource();
    for (String block : blocks) {
      for (String line : block.split("\n")) {
        assertThat(generated).contains(line.strip());
      }
    }
  }

  @Test
  void classPath_compilesWithXlintAllWerror_andRuns() throws Exception {
    Path out = compile("class-path", CONSUMER_SOURCES, "consumer", sdkPath, false, true);
    checkRun(run(out, sdkPath, false, "consumer", "consumer.Consumer"));
  }

  @Test
  void modulePath_compilesWithXlintAllWerror_andRuns() throws Exception {
    Path out = compile("module-path", CONSUMER_SOURCES, "consumer", sdkPath, true, true);
    checkRun(run(out, sdkPath, true, "consumer", "consumer.Consumer"));
  }

  /**
   * A service that reads referrals and writes evaluations needs thresholds-jackson only: it builds
   * and runs without thresholds-forms, Jakarta Validation and Hibernate Validator (and what they
   * bring), on both paths.
   */
  @Test
  void referralsOnly_withoutFormsOrHibernateValidator_compileAndRun() throws Exception {
    List<Path> path = sdkPath.stream()
        .filter(p -> !FORMS_STACK.contains(artifactName(p)))
        .collect(Collectors.toList());
    assertThat(path.stream().map(ConsumerBuildTest::artifactName))
        .contains("thresholds-core", "thresholds-jackson").doesNotContainAnyElementsOf(FORMS_STACK);
    for (boolean modulePath : List.of(false, true)) {
      Path out = compile(modulePath ? "referrals-module-path" : "referrals-class-path", REFERRAL_SOURCES,
          "referrals", path, modulePath, false);
      String json = run(out, path, modulePath, "referrals", "referrals.Service");
      assertThat(json).startsWith("{\"format\":\"thresholds/evaluation@1\",").contains("\"T3-FAM-PERSISTENTLY-MISSING\"");
    }
  }

  /** Runs {@code className.run()} of the compiled consumer on the class path or the module path. */
  private static String run(Path out, List<Path> path, boolean modulePath, String module, String className)
      throws Exception {
    List<Path> all = new ArrayList<>(path);
    all.add(0, out);
    if (modulePath) {
      ModuleFinder finder = ModuleFinder.of(all.toArray(new Path[0]));
      Configuration cf = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), Set.of(module));
      ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
      for (String sdk : List.of("io.thresholds.core", "io.thresholds.jackson")) {
        assertThat(layer.findModule(sdk)).as(sdk).hasValueSatisfying(m -> assertThat(m.getDescriptor().isAutomatic()).isFalse());
      }
      Class<?> c = layer.findLoader(module).loadClass(className);
      assertThat(c.getModule().getName()).isEqualTo(module);
      return (String) c.getMethod("run").invoke(null);
    }
    List<URL> urls = new ArrayList<>();
    for (Path p : all) {
      urls.add(p.toUri().toURL());
    }
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
      Class<?> c = loader.loadClass(className);
      assertThat(c.getModule().isNamed()).isFalse();
      return (String) c.getMethod("run").invoke(null);
    }
  }

  /**
   * The README example: Tier 3 to 4 for a child persistently missing (the document also lists
   * frequently missing at Tier 4), the phone referral first, the MARF drafted.
   */
  private static void checkRun(String result) {
    assertThat(result).startsWith("Tier 3-4, PHONE_REFERRAL, ");
    assertThat(result).contains("MARF");
    // @NhsNumber and @UniquePupilNumber reject, @UkPostcode accepts, on the vendor's own class.
    assertThat(result).endsWith(", invalid [nhsNumber, upn]");
  }

  private static Path compile(String name, Path sources, String pkgName, List<Path> path, boolean modulePath,
      boolean withReadme) throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "consumer", name));
    Path src = dir.resolve("src");
    Path out = dir.resolve("classes");
    for (Path p : List.of(src, out)) {
      if (Files.exists(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(f -> f.toFile().delete());
        }
      }
      Files.createDirectories(p);
    }
    Path pkg = Files.createDirectories(src.resolve(pkgName));
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(sources.resolve(pkgName))) {
      for (Path f : s.sorted().collect(Collectors.toList())) {
        if (f.getFileName().toString().equals("module-info.java")) {
          if (modulePath) {
            files.add(Files.copy(f, src.resolve("module-info.java")));
          }
        } else {
          files.add(Files.copy(f, pkg.resolve(f.getFileName())));
        }
      }
    }
    if (withReadme) {
      files.add(Files.writeString(pkg.resolve("Readme.java"), readmeSource(), StandardCharsets.UTF_8));
    }

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    String joined = path.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    List<String> options = List.of("--release", "17", "-Xlint:all", "-Werror", "-d", out.toString(),
        modulePath ? "--module-path" : "--class-path", joined);
    StringWriter log = new StringWriter();
    boolean ok;
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      ok = javac.getTask(log, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
    }
    List<String> reported = diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
        .map(d -> d.getKind() + " " + d.getSource() + ":" + d.getLineNumber() + " " + d.getMessage(Locale.ROOT))
        .collect(Collectors.toList());
    assertThat(reported).as("javac diagnostics (%s)", name).isEmpty();
    assertThat(ok).as("javac " + log).isTrue();
    return out;
  }

  /** The README's Java snippets, in order, as one method of a consumer class; imports hoisted. */
  private static String readmeSource() {
    Set<String> imports = new LinkedHashSet<>();
    StringBuilder body = new StringBuilder();
    for (String block : javaBlocks()) {
      for (String line : block.split("\n")) {
        if (line.startsWith("import ")) {
          imports.add(line.strip());
        } else {
          body.append("    ").append(line).append('\n');
        }
      }
    }
    return "package consumer;\n\n" + String.join("\n", imports) + "\n\n"
        + "/** Generated by ConsumerBuildTest from the README's Java snippets. */\n"
        + "final class Readme {\n"
        + "  private Readme() {}\n\n"
        + "  static ReadmeResult run() throws Exception {\n"
        + body
        + "    return new ReadmeResult(referral, result, drafts.keySet());\n"
        + "  }\n"
        + "}\n";
  }

  private static List<String> javaBlocks() {
    List<String> blocks = new ArrayList<>();
    Matcher m = JAVA_BLOCK.matcher(readme);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  private static String artifactName(Path p) {
    String name = p.getFileName().toString();
    if (name.equals("classes")) {
      return p.getParent().getParent().getFileName().toString();
    }
    return name.replaceAll("-\\d.*$", "");
  }
}
