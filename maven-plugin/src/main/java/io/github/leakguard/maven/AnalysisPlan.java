package io.github.leakguard.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the gate's javac compiles and with which options, so every analysed file resolves as it did
 * in the module's build, whatever LeakGuard's own includes and excludes leave out.
 *
 * <p>After the module's compile (its classes in {@code target/classes}) javac is given only the
 * files to analyse; the others resolve from those classes, or from the source roots on the source
 * path. Without classes, or for a module with {@code module-info.java}, javac compiles every file
 * the module's compiler compiles and Error Prone skips those not to analyse ({@code
 * -XepExcludedPaths}), so annotation processors see the whole module as in its build.
 *
 * @param modular whether the module has {@code module-info.java}: dependencies go on the module
 *     path
 * @param compiledOnly whether javac gets only the analysed files
 * @param sources the files javac compiles
 * @param reported the files whose findings are reported
 * @param javacOptions javac's options, paths included
 * @param generatedOutput where the fork's annotation processors write sources
 */
record AnalysisPlan(
    boolean modular,
    boolean compiledOnly,
    List<Path> sources,
    List<Path> reported,
    List<String> javacOptions,
    Path generatedOutput) {

  /**
   * @param generate whether javac runs to the end, writing classes to the scratch directory: Error
   *     Prone applies a check's fixes only as javac generates each class (the fix goal)
   */
  static AnalysisPlan of(
      GateRequest request, SourceIndex index, List<Path> analysed, boolean generate)
      throws IOException {
    boolean modular =
        index.moduleFiles().stream()
            .anyMatch(file -> file.getFileName().toString().equals("module-info.java"));
    boolean compiledOnly = !modular && LeakGuardEngine.hasClasses(request.outputDirectory());
    CompilerSettings compiler = request.compiler();
    Path classes = Files.createDirectories(request.workDir().resolve("classes"));
    Path generated = Files.createDirectories(request.workDir().resolve("generated-sources"));
    List<String> options = new ArrayList<>(compiler.javacOptions());
    // Error Prone's required policy; stop after flow analysis, where Error Prone runs, so no
    // bytecode is written. No -Xlint:none: it would hide Error Prone's warnings too.
    options.addAll(List.of("-XDcompilePolicy=simple", "--should-stop=ifError=FLOW"));
    if (!generate) {
      options.add("--should-stop=ifNoError=FLOW");
    }
    options.addAll(
        List.of(
            "-implicit:none",
            "-Xmaxerrs",
            "1000000",
            "-Xmaxwarns",
            "1000000",
            "-encoding",
            request.encoding().name(),
            "-d",
            classes.toString(),
            "-s",
            generated.toString()));
    List<String> dependencies = new ArrayList<>(request.classpath());
    // Error Prone loads plugin checks only through an explicit processor path. Without one in the
    // build, javac looks for processors on the class path: the same path, made explicit. JDK 23
    // and later run none found that way unless told to (-proc:full), so then neither does the
    // gate.
    options.add("-processorpath");
    if (compiler.processorPath() != null) {
      options.add(LeakGuardEngine.join(compiler.processorPath()));
    } else {
      options.add(LeakGuardEngine.join(dependencies));
      if (compiler.proc() == null
          && compiler.processors().isEmpty()
          && request.jdk().feature() >= 23
          && compiler.runsProcessors()) {
        options.add("-proc:none");
      }
    }
    if (modular) {
      // The module's own classes cannot be on the module path beside its sources.
      Path output = request.outputDirectory().toAbsolutePath().normalize();
      dependencies.removeIf(entry -> Path.of(entry).toAbsolutePath().normalize().equals(output));
      options.add("--module-path");
    } else {
      options.add("-classpath");
    }
    options.add(LeakGuardEngine.join(dependencies));
    List<Path> sourcePath = new ArrayList<>();
    for (Path root : concat(request.sourceRoots(), request.generatedRoots())) {
      // The build's processors wrote their output here; the fork's regenerate it.
      boolean regenerated =
          compiler.runsProcessors()
              && compiler.generatedSources() != null
              && root.toAbsolutePath()
                  .normalize()
                  .equals(compiler.generatedSources().toAbsolutePath().normalize());
      if (Files.isDirectory(root) && !regenerated) {
        sourcePath.add(root);
      }
    }
    if (!sourcePath.isEmpty()) {
      options.add("-sourcepath");
      options.add(LeakGuardEngine.join(sourcePath));
    }
    List<Path> sources = compiledOnly ? analysed : index.moduleFiles();
    return new AnalysisPlan(modular, compiledOnly, sources, analysed, options, generated);
  }

  /** The request the {@link io.github.leakguard.maven.fork.AnalysisRunner} reads. */
  Map<String, Object> runnerRequest(
      GateRequest request,
      List<Map<String, Object>> checks,
      List<Map<String, Object>> extraChecks,
      Map<String, String> options) {
    Map<String, Object> runner = new LinkedHashMap<>();
    runner.put("errorProne", strings(request.errorProne()));
    runner.put("checker", request.checkerJar().toString());
    runner.put("checks", checks);
    runner.put("extraChecks", extraChecks);
    runner.put("options", new LinkedHashMap<String, Object>(options));
    runner.put("javacOptions", javacOptions);
    runner.put("sources", strings(sources));
    runner.put("reported", strings(reported));
    runner.put("generatedSources", generatedOutput.toAbsolutePath().normalize().toString());
    runner.put("encoding", request.encoding().name());
    runner.put("log", request.workDir().resolve("javac.log").toString());
    return runner;
  }

  private static List<String> strings(List<Path> paths) {
    return paths.stream().map(path -> path.toAbsolutePath().normalize().toString()).toList();
  }

  private static List<Path> concat(List<Path> first, List<Path> second) {
    List<Path> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
