package io.github.leakguard.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The gate's work, free of Maven: decide whether a module holds functions, analyse its sources with
 * LeakGuard's checks in a forked JVM ({@link AnalysisFork}), and write the reports. The mojos
 * gather the inputs and turn the outcome into a build result; tests call this class directly.
 */
public final class LeakGuardEngine {
  /** Where a module that cannot be analysed is explained. */
  static final String CANNOT_ANALYSE_DOC =
      Reports.INFORMATION_URI + "/blob/main/docs/maven-plugin.md#when-a-module-cannot-be-analysed";

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

  /**
   * Analyses the module and writes {@code leakguard.sarif} and {@code leakguard.txt}. Every
   * configuration problem, the checker's verdict on the options included, is a {@link
   * ConfigurationException} before javac runs; code javac cannot analyse is an {@link
   * AnalysisException} whose first line says why, and then no report is written.
   */
  public GateResult analyse(GateRequest request, SourceIndex sources)
      throws ConfigurationException, AnalysisException, IOException, InterruptedException {
    long start = System.nanoTime();
    Path sarif = request.workDir().resolve("leakguard.sarif");
    Path text = request.workDir().resolve("leakguard.txt");
    Files.deleteIfExists(sarif);
    Files.deleteIfExists(text);
    Run run = run(request, sources, null);
    long millis = (System.nanoTime() - start) / 1_000_000;
    GateResult gate =
        new GateResult(
            run.rules(),
            run.findings(),
            run.analysed().size(),
            sources.files().size(),
            millis,
            sarif,
            text);
    Reports.write(sarif, Reports.sarif(request.toolVersion(), run.rules(), run.findings()));
    Reports.write(text, Reports.text(run.findings(), gate.summary()));
    return gate;
  }

  /**
   * Analyses the module as {@link #analyse} does, with Error Prone's patching on: the fixes the
   * checks offer, as the unified patch Error Prone writes ({@code -XepPatchChecks}, {@code
   * -XepPatchLocation} in {@code target/leakguard/patch}). No source file is changed and no report
   * is written.
   *
   * @param fixChecks the checks whose fixes to patch; all that run when empty
   */
  public FixAnalysis analyseFixes(GateRequest request, SourceIndex sources, List<String> fixChecks)
      throws ConfigurationException, AnalysisException, IOException, InterruptedException {
    long start = System.nanoTime();
    Path patchDir = request.workDir().resolve("patch");
    Path patchFile = patchDir.resolve("error-prone.patch");
    // Error Prone writes the file only when a fix exists: no earlier run's may be taken for it.
    Files.createDirectories(patchDir);
    Files.deleteIfExists(patchFile);
    Map<String, Object> patching = new LinkedHashMap<>();
    patching.put("location", patchDir.toAbsolutePath().normalize().toString());
    patching.put("checks", fixChecks);
    Run run = run(request, sources, patching);
    // Error Prone reports every finding as a warning while it patches: each at its check's level.
    Map<String, Severity> levels = new HashMap<>();
    run.rules().forEach(rule -> levels.put(rule.name(), rule.severity()));
    List<Finding> findings = new ArrayList<>();
    for (Finding f : run.findings()) {
      findings.add(
          new Finding(
              f.check(),
              levels.getOrDefault(f.check(), f.severity()),
              f.path(),
              f.line(),
              f.message(),
              f.hint(),
              f.sourceLine()));
    }
    List<UnifiedPatch.FilePatch> patches = List.of();
    if (Files.isRegularFile(patchFile)) {
      try {
        patches = UnifiedPatch.parse(Files.readString(patchFile, StandardCharsets.UTF_8), patchDir);
      } catch (UnifiedPatch.PatchException e) {
        throw new AnalysisException(
            "LeakGuard could not read Error Prone's patch (a bug: please report it with "
                + patchFile
                + "): "
                + e.getMessage());
      }
    }
    return new FixAnalysis(
        run.patchChecks(),
        findings,
        patches,
        run.analysed(),
        sources.files().size(),
        (System.nanoTime() - start) / 1_000_000);
  }

  /** What one run of the analysis JVM gave. */
  private record Run(
      List<Rule> rules, List<Finding> findings, List<Path> analysed, List<String> patchChecks) {}

  private Run run(GateRequest request, SourceIndex sources, Map<String, Object> patching)
      throws ConfigurationException, AnalysisException, IOException, InterruptedException {
    List<Map<String, Object>> checks = CheckSelection.parse("checks", request.checks());
    List<Map<String, Object>> extraChecks =
        CheckSelection.parse("extraChecks", request.extraChecks());
    Map<String, String> options = request.options().toOptions(request.templateHandlers());
    request.jdk().checkRuns(request.errorProne(), request.errorProneVersion());

    List<Path> analysed = select(request, sources);
    AnalysisPlan plan = AnalysisPlan.of(request, sources, analysed, patching != null);
    Map<String, Object> runnerRequest = plan.runnerRequest(request, checks, extraChecks, options);
    if (patching != null) {
      runnerRequest.put("patch", patching);
    }
    Map<String, Object> result = AnalysisFork.run(request.jdk(), request.workDir(), runnerRequest);

    for (Map<String, Object> error : maps(result, "configurationErrors")) {
      throw new ConfigurationException(
          (String) error.get("parameter"),
          (String) error.get("problem"),
          (String) error.get("accepted"));
    }
    for (Map<String, Object> problem : maps(result, "optionProblems")) {
      throw optionProblem(problem);
    }
    if (result.get("crash") != null) {
      throw new AnalysisException(
          "LeakGuard's analysis crashed (a bug: please report it with "
              + request.workDir().resolve("runner.log")
              + "): "
              + firstLine((String) result.get("crash")));
    }
    List<Map<String, Object>> errors = maps(result, "errors");
    if (!errors.isEmpty()) {
      throw new AnalysisException(Diagnosis.of(request, plan, errors));
    }
    List<Rule> rules = new ArrayList<>();
    for (Map<String, Object> rule : maps(result, "rules")) {
      rules.add(
          new Rule(
              (String) rule.get("name"),
              (String) rule.get("summary"),
              (String) rule.get("explanation"),
              Severity.valueOf((String) rule.get("level")),
              (String) rule.get("link")));
    }
    List<Finding> findings = new ArrayList<>();
    for (Map<String, Object> finding : maps(result, "findings")) {
      findings.add(
          new Finding(
              (String) finding.get("check"),
              Severity.valueOf((String) finding.get("severity")),
              ProjectRoot.relative(request.projectRoot(), Path.of((String) finding.get("file"))),
              ((Number) finding.get("line")).intValue(),
              (String) finding.get("message"),
              (String) finding.get("hint"),
              (String) finding.get("sourceLine")));
    }
    List<String> patchChecks = new ArrayList<>();
    for (Object name : (List<?>) result.getOrDefault("patchChecks", List.of())) {
      patchChecks.add(String.valueOf(name));
    }
    return new Run(rules, findings, plan.reported(), patchChecks);
  }

  /** The checker's verdict on one option, worded for the parameter the value came from. */
  private static ConfigurationException optionProblem(Map<String, Object> problem) {
    String option = (String) problem.get("option");
    String parameter = CheckOptions.parameterOf(option);
    if (!parameter.equals("checkOptions")) {
      return new ConfigurationException(
          parameter,
          "'" + problem.get("value") + "' is not valid",
          (String) problem.get("accepted"));
    }
    return new ConfigurationException(
        "checkOptions", problem.get("message") + "", "the options in docs/maven-plugin.md");
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

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Map<String, Object> result, String key) {
    return (List<Map<String, Object>>) result.getOrDefault(key, List.of());
  }

  private static String firstLine(String text) {
    return text.lines().findFirst().orElse("");
  }

  static boolean hasClasses(Path outputDirectory) throws IOException {
    if (outputDirectory == null || !Files.isDirectory(outputDirectory)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(outputDirectory)) {
      return files.anyMatch(file -> file.toString().endsWith(".class"));
    }
  }

  static String join(List<?> entries) {
    return entries.stream().map(String::valueOf).collect(Collectors.joining(File.pathSeparator));
  }
}
