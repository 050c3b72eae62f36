package io.github.leakguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.ErrorProneJavaCompiler;
import com.google.errorprone.bugpatterns.BugChecker;
import io.github.leakguard.AppliedFixes.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applies every fix of every check to every broken fixture the way a user would, with Error Prone's
 * own patching ({@code -XepPatchChecks} with {@code -XepPatchLocation:IN_PLACE}, which the fix goal
 * drives), then: the result compiles; every check run on it again leaves no finding a fix addressed
 * (per check, at most the findings that came without a fix); the test harness's patching ({@link
 * AppliedFixes}, behind the exact-output tests) gives the same text; and where every finding of a
 * fixture has a mechanical fix, the result is its {@code fixed} twin, comments and blank lines
 * aside.
 */
final class FixesOnFixturesTest {

  private static final String ROOT = "io/github/leakguard/fixtures/";

  /**
   * Stories whose fixed twin is what the fixes write (the others are fixed by hand, differently).
   */
  private static final Set<String> MECHANICAL = Set.of("httpresponse", "reports");

  private static final List<String> ARGS = List.of("-XDcompilePolicy=simple");

  @TempDir Path temp;

  @TestFactory
  Stream<DynamicTest> everyFixOfEveryBrokenFixture() throws Exception {
    Map<String, Map<String, String>> stories = new TreeMap<>();
    for (String resource : FixturesTest.fixtureSources()) {
      String[] parts = resource.substring(ROOT.length()).split("/");
      if (parts[1].equals("broken")) {
        stories.computeIfAbsent(parts[0], s -> new LinkedHashMap<>()).put(resource, read(resource));
      }
    }
    assertFalse(stories.isEmpty(), "no broken fixtures on the test classpath");
    assertTrue(stories.keySet().containsAll(MECHANICAL), "a mechanical story is missing");
    return stories.entrySet().stream()
        .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> check(e.getKey(), e.getValue())));
  }

  private void check(String story, Map<String, String> broken) throws IOException {
    AppliedFixes.Result harness = AppliedFixes.apply(FixturesTest.allChecks(), ARGS, broken);
    List<Finding> before = harness.findings();
    Map<String, String> patched = patchInPlace(story, broken);
    if (System.getProperty("fixes.print") != null) { // -Dfixes.print: to read what the fixes wrote
      patched.forEach((path, text) -> System.out.println("==== " + path + "\n" + text));
    }

    assertEquals(
        harness.sources(), patched, "Error Prone's patching and the test harness disagree");
    List<Finding> after = AppliedFixes.findings(FixturesTest.allChecks(), ARGS, patched);
    Map<String, Long> unfixed = countByCheck(before.stream().filter(f -> !f.fixable()).toList());
    Map<String, Long> left = countByCheck(after);
    for (Map.Entry<String, Long> check : left.entrySet()) {
      assertTrue(
          check.getValue() <= unfixed.getOrDefault(check.getKey(), 0L),
          () -> story + ": a finding a fix addressed is left, or a fix made one: " + after);
    }
    if (before.stream().anyMatch(Finding::fixable)) {
      assertNotEquals(broken, patched, story + ": findings have fixes, but nothing changed");
    }
    if (MECHANICAL.contains(story)) {
      assertTrue(after.isEmpty(), () -> story + " is mechanical, yet findings are left: " + after);
      for (Map.Entry<String, String> file : patched.entrySet()) {
        String twin = file.getKey().replace("/broken/", "/fixed/");
        assertEquals(
            code(read(twin)),
            code(file.getValue().replace("." + story + ".broken;", "." + story + ".fixed;")),
            twin);
      }
    }
  }

  /** Writes the sources to disk, lets Error Prone patch them in place, and reads them back. */
  private Map<String, String> patchInPlace(String story, Map<String, String> sources)
      throws IOException {
    Path dir = Files.createDirectories(temp.resolve(story));
    Map<String, Path> files = new LinkedHashMap<>();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = dir.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      files.put(source.getKey(), file);
    }
    List<String> checks = new ArrayList<>();
    for (BugChecker check : ServiceLoader.load(BugChecker.class)) {
      checks.add(check.canonicalName());
    }
    ErrorProneJavaCompiler compiler = new ErrorProneJavaCompiler(FixturesTest.allChecks());
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter out = new StringWriter();
    try (StandardJavaFileManager fileManager =
        compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units =
          fileManager.getJavaFileObjectsFromPaths(files.values());
      boolean compiled =
          compiler
              .getTask(
                  out,
                  fileManager,
                  diagnostics,
                  List.of(
                      "-XDcompilePolicy=simple",
                      "-XepPatchChecks:" + String.join(",", checks),
                      "-XepPatchLocation:IN_PLACE",
                      "-proc:none",
                      "-classpath",
                      System.getProperty("java.class.path"),
                      "-d",
                      Files.createDirectories(dir.resolve("classes")).toString()),
                  null,
                  units)
              .call();
      assertTrue(
          compiled, () -> story + ": patching failed: " + out + diagnostics.getDiagnostics());
    }
    Map<String, String> patched = new LinkedHashMap<>();
    for (Map.Entry<String, Path> file : files.entrySet()) {
      patched.put(file.getKey(), Files.readString(file.getValue()));
    }
    return patched;
  }

  private static Map<String, Long> countByCheck(List<Finding> findings) {
    return findings.stream().collect(Collectors.groupingBy(Finding::check, Collectors.counting()));
  }

  /** The code of a source file: comments, blank lines and trailing spaces removed. */
  static String code(String source) {
    StringBuilder code = new StringBuilder();
    int i = 0;
    while (i < source.length()) {
      if (source.startsWith("//", i)) {
        i = source.indexOf('\n', i) < 0 ? source.length() : source.indexOf('\n', i);
      } else if (source.startsWith("/*", i)) {
        i = source.indexOf("*/", i + 2) + 2;
      } else if (source.startsWith("\"\"\"", i)) {
        int end = source.indexOf("\"\"\"", i + 3) + 3;
        code.append(source, i, end);
        i = end;
      } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
        char quote = source.charAt(i);
        int end = i + 1;
        while (source.charAt(end) != quote) {
          end += source.charAt(end) == '\\' ? 2 : 1;
        }
        code.append(source, i, end + 1);
        i = end + 1;
      } else {
        code.append(source.charAt(i++));
      }
    }
    return code.toString()
        .lines()
        .map(String::stripTrailing)
        .filter(line -> !line.isEmpty())
        .collect(Collectors.joining("\n"));
  }

  private static String read(String resource) {
    try (InputStream in =
        FixesOnFixturesTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
