package io.github.leakguard;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.scanner.ScannerSupplier;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every registered LeakGuard check over every fixture in leakguard-test-fixtures and asserts
 * exactly the findings the fixture marks with {@code // BUG: Diagnostic contains:}. Fixed twins
 * carry no marker, so any finding on them fails: the cross-check false-positive guard.
 */
final class FixturesTest {
  private static final String ROOT = "io/github/leakguard/fixtures/";

  @TestFactory
  Stream<DynamicTest> everyFixtureGetsExactlyItsMarkedFindings() throws Exception {
    Map<String, List<String>> variants = new TreeMap<>();
    for (String source : fixtureSources()) {
      // fixtures/<story>/<broken|fixed>/X.java: the files of one variant compile together.
      variants
          .computeIfAbsent(source.substring(0, source.lastIndexOf('/')), v -> new ArrayList<>())
          .add(source);
    }
    assertFalse(variants.isEmpty(), "no fixture sources found on the test classpath");
    return variants.entrySet().stream()
        .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> compile(e.getValue())));
  }

  private void compile(List<String> resources) throws IOException {
    CompilationTestHelper helper = CompilationTestHelper.newInstance(allChecks(), getClass());
    for (String resource : resources) {
      try (var in = getClass().getClassLoader().getResourceAsStream(resource)) {
        helper.addSourceLines(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    helper.doTest();
  }

  @SuppressWarnings("unchecked")
  static ScannerSupplier allChecks() {
    List<Class<? extends BugChecker>> checks = new ArrayList<>();
    for (BugChecker check : ServiceLoader.load(BugChecker.class)) {
      checks.add(check.getClass());
    }
    return ScannerSupplier.fromBugCheckerClasses(checks.toArray(new Class[0]));
  }

  static List<String> fixtureSources() throws IOException, URISyntaxException {
    URL root = FixturesTest.class.getClassLoader().getResource(ROOT);
    URI uri = root.toURI();
    if (uri.getScheme().equals("jar")) {
      try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
        return list(jar.getPath("/" + ROOT), jar.getPath("/"));
      }
    }
    Path dir = Path.of(uri);
    return list(dir, dir.getParent().getParent().getParent().getParent());
  }

  private static List<String> list(Path dir, Path base) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .map(p -> base.relativize(p).toString())
          .sorted()
          .toList();
    }
  }
}
