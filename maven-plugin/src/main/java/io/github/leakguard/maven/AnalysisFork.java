package io.github.leakguard.maven;

import io.github.leakguard.maven.fork.AnalysisRunner;
import io.github.leakguard.maven.fork.Json;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Starts the {@link AnalysisRunner} in a JVM of the analysing JDK: Error Prone needs javac's
 * internals opened, which a forked JVM can be given and Maven's cannot, and the fork keeps Error
 * Prone's classes and memory out of the build. The request and the result are JSON files in UTF-8,
 * so nothing depends on the platform's encoding or locale; whatever the JVM prints goes to {@code
 * runner.log}.
 */
final class AnalysisFork {
  /** javac internals Error Prone uses. */
  static final List<String> JVM_FLAGS =
      List.of(
          "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.main=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.model=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.processing=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
          "--add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED",
          "--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED",
          // A short, single-threaded run: a small young generation and no background compiler
          // threads fighting the analysis for the build's cores.
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1");

  private AnalysisFork() {}

  /** Runs the request; the runner's result as parsed JSON. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> run(Jdk jdk, Path workDir, Map<String, Object> request)
      throws IOException, InterruptedException, AnalysisException {
    Files.createDirectories(workDir);
    Path requestFile = workDir.resolve("request.json");
    Path resultFile = workDir.resolve("result.json");
    Path log = workDir.resolve("runner.log");
    Files.deleteIfExists(resultFile);
    Files.writeString(requestFile, Json.write(request), StandardCharsets.UTF_8);
    List<String> classpath = new ArrayList<>();
    classpath.add(runnerClasspath().toString());
    for (Object jar : (List<?>) request.get("errorProne")) {
      classpath.add(String.valueOf(jar));
    }
    classpath.add(String.valueOf(request.get("checker")));
    // The class path goes through an argument file, so no class path is too long for the
    // command line.
    Path argFile = workDir.resolve("runner.args");
    Files.write(
        argFile,
        List.of("-cp", quote(String.join(java.io.File.pathSeparator, classpath))),
        StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>();
    command.add(jdk.java().toString());
    command.addAll(JVM_FLAGS);
    command.add("@" + argFile);
    command.add(AnalysisRunner.class.getName());
    command.add(requestFile.toString());
    command.add(resultFile.toString());
    Process process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    process.getOutputStream().close();
    int exit = process.waitFor();
    if (exit != 0 || !Files.isRegularFile(resultFile)) {
      // The launcher writes in the platform's encoding, so this must never fail on its bytes.
      String output =
          new String(Files.readAllBytes(log), Charset.defaultCharset())
              .lines()
              .limit(20)
              .collect(Collectors.joining("\n"));
      throw new AnalysisException(
          "the analysis JVM (" + jdk.java() + ") stopped with exit code " + exit + ":\n" + output);
    }
    try {
      return (Map<String, Object>) Json.parse(Files.readString(resultFile, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new AnalysisException(
          "the analysis JVM wrote a result LeakGuard cannot read (a bug: please report it with "
              + log
              + "): "
              + e.getMessage());
    }
  }

  /** Quotes one argument for the java launcher's argument-file syntax. */
  static String quote(String arg) {
    return '"' + arg.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** The plugin's own jar (or classes directory), which holds the runner. */
  private static Path runnerClasspath() {
    try {
      return Path.of(
          AnalysisRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
