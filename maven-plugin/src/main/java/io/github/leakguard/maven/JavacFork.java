package io.github.leakguard.maven;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs javac with Error Prone in a process of its own: the JDK's javac needs {@code --add-exports}
 * for Error Prone, which a forked JVM can be given and Maven's cannot, and a fork keeps Error
 * Prone's classes and memory out of the build. Everything but the {@code -J} flags goes through an
 * argument file, so no classpath is too long for the command line.
 */
final class JavacFork {
  /** javac internals Error Prone uses; {@code -J} flags may not appear in an argument file. */
  static final List<String> JVM_FLAGS =
      List.of(
          "-J--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
          "-J--add-exports=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED",
          "-J--add-exports=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED",
          "-J--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
          "-J--add-exports=jdk.compiler/com.sun.tools.javac.main=ALL-UNNAMED",
          "-J--add-exports=jdk.compiler/com.sun.tools.javac.model=ALL-UNNAMED",
          "-J--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
          "-J--add-exports=jdk.compiler/com.sun.tools.javac.processing=ALL-UNNAMED",
          "-J--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
          "-J--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
          "-J--add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED",
          "-J--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED",
          // A short, single-threaded run: a small young generation and no background compiler
          // threads fighting the analysis for the build's cores.
          "-J-XX:+UseSerialGC",
          "-J-XX:TieredStopAtLevel=1");

  /**
   * What to run.
   *
   * @param javac the javac executable
   * @param workDir scratch directory: argument file, class output, javac's log
   * @param processorPath Error Prone and the checker
   * @param classpath the module's compile classpath, its own classes first
   * @param sources the files to analyse
   * @param encoding the sources' encoding
   * @param checks the checks to enable, by name, and their severities
   * @param options {@code -XepOpt:} options, without the prefix ({@code LeakGuard:FdBudget=512})
   */
  record Request(
      Path javac,
      Path workDir,
      List<Path> processorPath,
      List<String> classpath,
      List<Path> sources,
      Charset encoding,
      Map<String, Severity> checks,
      List<String> options) {}

  /** The exit code and the merged output of one run. */
  record Outcome(int exitCode, String output) {}

  private JavacFork() {}

  static Outcome run(Request request) throws IOException, InterruptedException {
    Path classes = Files.createDirectories(request.workDir().resolve("classes"));
    Path argFile = request.workDir().resolve("javac.args");
    Files.write(argFile, arguments(request, classes), StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>();
    command.add(request.javac().toString());
    command.addAll(JVM_FLAGS);
    command.add("@" + argFile);
    Process process =
        new ProcessBuilder(command)
            .directory(request.workDir().toFile())
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().close();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), Charset.defaultCharset());
    }
    int exit = process.waitFor();
    Files.writeString(request.workDir().resolve("javac.log"), output, StandardCharsets.UTF_8);
    return new Outcome(exit, output);
  }

  static List<String> arguments(Request request, Path classes) {
    List<String> args = new ArrayList<>();
    // Error Prone's required policy; stop after flow analysis, where Error Prone runs, so no
    // bytecode is generated: the gate only reads the diagnostics. No -Xlint:none: it would hide
    // Error Prone's warnings too.
    args.add("-XDcompilePolicy=simple");
    args.add("--should-stop=ifError=FLOW");
    args.add("--should-stop=ifNoError=FLOW");
    args.add("-proc:none");
    args.add("-implicit:none");
    args.add("-Xmaxerrs");
    args.add("1000000");
    args.add("-Xmaxwarns");
    args.add("1000000");
    args.add("-encoding");
    args.add(request.encoding().name());
    args.add("-d");
    args.add(quote(classes.toString()));
    args.add("-processorpath");
    args.add(quote(join(request.processorPath().stream().map(Path::toString).toList())));
    args.add("-classpath");
    args.add(quote(join(request.classpath())));
    args.add(quote(plugin(request)));
    for (Path source : request.sources()) {
      args.add(quote(source.toString()));
    }
    return args;
  }

  private static String plugin(Request request) {
    StringBuilder plugin = new StringBuilder("-Xplugin:ErrorProne -XepDisableAllChecks");
    request
        .checks()
        .forEach((name, severity) -> plugin.append(" -Xep:").append(name).append(':').append(severity));
    for (String option : request.options()) {
      plugin.append(" -XepOpt:").append(option);
    }
    return plugin.toString();
  }

  private static String join(List<String> entries) {
    return entries.stream().collect(Collectors.joining(File.pathSeparator));
  }

  /** Quotes one argument for javac's argument-file syntax. */
  static String quote(String arg) {
    return '"' + arg.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
