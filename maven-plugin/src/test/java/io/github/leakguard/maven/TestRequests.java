package io.github.leakguard.maven;

import java.io.File;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Gate requests for a module {@code fn} in a test's project directory, analysed by a real forked
 * javac with the test JVM's Error Prone, checker and libraries.
 */
final class TestRequests {
  /** A Lambda handler that builds an S3 client on every call (one ClientBuiltInHandler finding). */
  static final String UPLOAD =
      """
      package com.example;

      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestHandler;
      import software.amazon.awssdk.services.s3.S3Client;

      public class Upload implements RequestHandler<String, String> {
        @Override
        public String handleRequest(String key, Context context) {
          S3Client s3 = S3Client.create();
          return s3.toString() + key;
        }
      }
      """;

  private TestRequests() {}

  /** Runs git in {@code dir} with a committer of its own; fails the test when git does. */
  static void git(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of("-c", "user.name=LeakGuard", "-c", "user.email=test@leakguard.invalid"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new AssertionError("git " + String.join(" ", args) + ": " + output);
    }
  }

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
