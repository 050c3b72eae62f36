package io.github.leakguard.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The gate's work, free of Maven: decide whether a module holds functions, analyse its sources
 * with LeakGuard's checks in a forked javac, and write the reports. The mojos gather the inputs
 * and turn the outcome into a build result; tests call this class directly.
 */
public final class LeakGuardEngine {
  private static final String OPTION_PROBLEM = "LeakGuard configuration: ";

  private final GateLog log;

  public LeakGuardEngine(GateLog log) {
    this.log = log;
  }

  /**
   * Why the module is a function module, or empty when it is not.
   *
   * @param dependencies the module's resolved dependencies, as {@code groupId:artifactId}
   * @param templates further templates the user named, relative to {@code basedir}
   * @param sources finds the source file declaring a class named in a template
   */
  public Optional<String> functionModuleReason(
      List<String> dependencies,
      Path basedir,
      List<Path> templates,
      Function<String, Optional<Path>> sources)
      throws ConfigurationException {
    return FunctionModules.reason(dependencies, basedir, templates, sources);
  }

  /** Analyses the module and writes {@code leakguard.sarif} and {@code leakguard.txt}. */
  public GateResult analyse(GateRequest request, SourceIndex sources)
      throws ConfigurationException, AnalysisException, IOException, InterruptedException {
    long start = System.nanoTime();
    List<Rule> rules = CheckerRules.read(request.checkerJar(), request.errorProne());
    CheckSelection selection =
        CheckSelection.of(rules, request.checks(), request.extraChecks());
    List<String> flags = request.options().toFlags();
    List<Path> analysed = select(request, sources);
    List<Finding> findings = new ArrayList<>();
    if (!analysed.isEmpty() && !selection.severities().isEmpty()) {
      findings = run(request, selection, flags, analysed);
    }
    List<Rule> ran =
        rules.stream().filter(rule -> selection.severities().containsKey(rule.name())).toList();
    long millis = (System.nanoTime() - start) / 1_000_000;
    Path sarif = request.workDir().resolve("leakguard.sarif");
    Path text = request.workDir().resolve("leakguard.txt");
    GateResult result =
        new GateResult(ran, findings, analysed.size(), sources.files().size(), millis, sarif, text);
    Reports.write(sarif, Reports.sarif(request.toolVersion(), ran, findings));
    Reports.write(text, Reports.text(findings, result.summary()));
    return result;
  }

  private List<Path> select(GateRequest request, SourceIndex sources) throws IOException {
    if (!request.preScreen() || !hasClasses(request.outputDirectory())) {
      // Without the module's compiled classes, files left out could not be resolved.
      return sources.files();
    }
    // The catalog's handler names are the screen's own; the user's come from the options.
    Set<String> userHandlerNames = new java.util.HashSet<>();
    userHandlerNames.addAll(CheckOptions.simpleNames(request.options().handlerTypes()));
    userHandlerNames.addAll(CheckOptions.simpleNames(request.options().handlerAnnotations()));
    long start = System.nanoTime();
    List<Path> selected = new SourceScreen(sources, userHandlerNames).select();
    log.info(
        String.format(
            "LeakGuard: pre-screen kept %d of %d source files (handlers and code that can reach I/O"
                + " or library types) [%d ms]",
            selected.size(), sources.files().size(), (System.nanoTime() - start) / 1_000_000));
    return selected;
  }

  private List<Finding> run(
      GateRequest request, CheckSelection selection, List<String> flags, List<Path> analysed)
      throws IOException, InterruptedException, ConfigurationException, AnalysisException {
    Files.createDirectories(request.workDir());
    List<Path> processorPath = new ArrayList<>(request.errorProne());
    processorPath.add(request.checkerJar());
    JavacFork.Outcome outcome =
        JavacFork.run(
            new JavacFork.Request(
                request.jdk().javac(),
                request.workDir(),
                processorPath,
                request.classpath(),
                analysed,
                request.encoding(),
                selection.severities(),
                flags));
    Diagnostics diagnostics =
        Diagnostics.parse(outcome.output(), path -> relativize(request, path));
    for (Finding finding : diagnostics.findings()) {
      if (finding.message().startsWith(OPTION_PROBLEM)) {
        throw new ConfigurationException(
            "checkOptions",
            finding.message().substring(OPTION_PROBLEM.length()),
            "the options listed in docs/maven-plugin.md");
      }
    }
    if (!diagnostics.compileErrors().isEmpty()
        || (outcome.exitCode() != 0 && diagnostics.findings().isEmpty())) {
      throw new AnalysisException(
          "javac could not analyse the sources (exit code "
              + outcome.exitCode()
              + "; full log in "
              + request.workDir().resolve("javac.log")
              + "):\n"
              + firstLines(diagnostics.compileErrors(), outcome.output()));
    }
    return diagnostics.findings();
  }

  private static String firstLines(List<String> errors, String output) {
    Stream<String> lines = errors.isEmpty() ? output.lines() : errors.stream();
    return lines.limit(20).collect(Collectors.joining("\n"));
  }

  private static String relativize(GateRequest request, String path) {
    Path file = request.workDir().resolve(path).toAbsolutePath().normalize();
    Path root = request.projectRoot().toAbsolutePath().normalize();
    Path shown = file.startsWith(root) ? root.relativize(file) : file;
    return shown.toString().replace('\\', '/');
  }

  private static boolean hasClasses(Path outputDirectory) throws IOException {
    if (outputDirectory == null || !Files.isDirectory(outputDirectory)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(outputDirectory)) {
      return files.anyMatch(file -> file.toString().endsWith(".class"));
    }
  }
}
