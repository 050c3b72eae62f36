package io.github.leakguard.maven;

import java.io.File;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Gate requests for a module {@code fn} in a test's project directory, analysed by a real forked
 * javac with the test JVM's Error Prone, checker and libraries.
 */
final class TestRequests {
  private TestRequests() {}

  /** The test JVM's classpath: Error Prone, the checker, and the real libraries. */
  static List<String> testClasspath() {
    String classpath = System.getProperty("surefire.test.class.path");
    if (classpath == null || classpath.isBlank()) {
      classpath = System.getProperty("java.class.path");
    }
    return List.of(classpath.split(File.pathSeparator));
  }

  static Path checker() {
    return testClasspath().stream()
        .map(Path::of)
        .filter(
            p -> p.toString().contains("leakguard-checker") || p.endsWith("checker/target/classes"))
        .findFirst()
        .orElseThrow();
  }

  /** Module {@code fn} of {@code project}, its sources in {@code fn/src/main/java}. */
  static GateRequest request(
      Path project,
      String checks,
      String extraChecks,
      CheckOptions options,
      CompilerSettings compiler,
      List<String> excludes,
      Set<String> templateHandlers,
      Charset encoding)
      throws ConfigurationException {
    List<Path> jars = new ArrayList<>();
    for (String entry : testClasspath()) {
      jars.add(Path.of(entry));
    }
    List<String> classpath = new ArrayList<>();
    classpath.add(project.resolve("fn/target/classes").toString());
    classpath.addAll(testClasspath());
    return new GateRequest(
        project,
        project.resolve("fn"),
        project.resolve("fn/target/leakguard"),
        List.of(project.resolve("fn/src/main/java")),
        List.of(),
        List.of(),
        excludes,
        compiler,
        encoding,
        classpath,
        project.resolve("fn/target/classes"),
        Jdk.running(),
        "test",
        jars,
        checker(),
        "test",
        checks,
        extraChecks,
        options,
        templateHandlers,
        true);
  }
}
