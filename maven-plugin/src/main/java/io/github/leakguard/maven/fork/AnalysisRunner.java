package io.github.leakguard.maven.fork;

import com.sun.source.util.JavacTask;
import com.sun.source.util.Plugin;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The analysis, in the JVM the gate forks on the analysing JDK: javac through {@code javax.tools}
 * with Error Prone as its plugin, and a {@link Diagnostics} listener in place of javac's printed
 * output. Imports nothing from Maven. Its class path is the plugin jar, Error Prone and the
 * checker: Error Prone finds plugin checks through javac's processor class loader, whose parent
 * this class path is, so the module's annotation processors run beside them as they do in a build
 * that puts Error Prone in {@code annotationProcessorPaths}.
 *
 * <p>Steps: read the checks the checker registers; resolve the user's selection of checks and check
 * the names; ask the checker itself for its verdict on the options ({@code LeakGuardOptions}); stop
 * there on any configuration problem; else compile up to flow analysis with Error Prone as a javac
 * plugin and sort the diagnostics.
 *
 * <p>Arguments: the request file and the result file, both JSON in UTF-8. Request: {@code
 * errorProne} (jars), {@code checker} (jar), {@code checks} and {@code extraChecks} (lists of
 * {@code {name, setting}} with setting ERROR, WARN, OFF or null), {@code options} (LeakGuard option
 * name to value), {@code javacOptions}, {@code sources}, {@code reported} (the sources whose
 * findings count; Error Prone skips the others), {@code encoding}, {@code log}. Result: {@code
 * rules} (the checks that ran, with the {@code level} they ran at), {@code configurationErrors}
 * ({@code {parameter, problem, accepted}}), {@code optionProblems} ({@code {option, value,
 * accepted, message}}), {@code findings}, {@code errors} (javac's), {@code crash}.
 *
 * <p>For the fix goal the request also has {@code patch}: {@code {location, checks}}, the directory
 * Error Prone writes its patch to ({@code -XepPatchLocation}) and the checks whose fixes to patch
 * (all that run when empty); the result then names them in {@code patchChecks}. Error Prone applies
 * fixes only as javac generates each class, so then javac runs to the end (classes go to the
 * scratch directory), and reports every finding as a warning.
 */
public final class AnalysisRunner {
  private static final String LEAKGUARD_OPTIONS = "io.github.leakguard.config.LeakGuardOptions";
  private static final String SETTINGS = "optionally followed by :ERROR|WARN|OFF";

  private final Map<String, Object> request;
  private final Map<String, Object> result = new LinkedHashMap<>();
  private final List<Map<String, Object>> configurationErrors = new ArrayList<>();

  private AnalysisRunner(Map<String, Object> request) {
    this.request = request;
  }

  public static void main(String[] args) throws IOException {
    Path resultFile = Path.of(args[1]);
    @SuppressWarnings("unchecked")
    Map<String, Object> request =
        (Map<String, Object>)
            Json.parse(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
    Map<String, Object> result;
    try {
      result = new AnalysisRunner(request).run();
    } catch (Exception | LinkageError e) {
      result = new LinkedHashMap<>();
      result.put("crash", stackTrace(e));
    }
    Files.writeString(resultFile, Json.write(result), StandardCharsets.UTF_8);
  }

  private Map<String, Object> run() throws Exception {
    // For the log: what the platform would have decoded with, had anything relied on it.
    result.put("nativeEncoding", System.getProperty("native.encoding"));
    ClassLoader loader = AnalysisRunner.class.getClassLoader();
    CheckRegistry registry = new CheckRegistry(loader);
    List<Map<String, Object>> checkerRules =
        registry.checkerRules(Path.of((String) request.get("checker")));
    Map<String, Map<String, Object>> selected = select(registry, checkerRules);
    List<String> errorProneArgs = errorProneArgs(selected);
    result.put("rules", new ArrayList<>(selected.values()));
    result.put("configurationErrors", configurationErrors);
    result.put("optionProblems", optionProblems(loader, errorProneArgs));
    // The fix goal asked only for checks that do not run: nothing to patch.
    boolean nothingToPatch =
        request.get("patch") != null && ((List<?>) result.get("patchChecks")).isEmpty();
    if (configurationErrors.isEmpty()
        && ((List<?>) result.get("optionProblems")).isEmpty()
        && !selected.isEmpty()
        && !strings("sources").isEmpty()
        && !nothingToPatch) {
      compile(loader, errorProneArgs);
    }
    return result;
  }

  /** The checks that run, by name, each a rule map with the {@code level} it runs at. */
  private Map<String, Map<String, Object>> select(
      CheckRegistry registry, List<Map<String, Object>> checkerRules)
      throws ReflectiveOperationException {
    Map<String, Map<String, Object>> ours = new LinkedHashMap<>();
    for (Map<String, Object> rule : checkerRules) {
      ours.put((String) rule.get("name"), rule);
    }
    Map<String, Map<String, Object>> selected = new LinkedHashMap<>();
    ours.values().forEach(rule -> selected.put((String) rule.get("name"), level(rule, null)));
    for (Map<String, Object> entry : settings("checks")) {
      String name = (String) entry.get("name");
      if (!ours.containsKey(name)) {
        configurationErrors.add(
            error(
                "checks",
                "unknown check '" + name + "'",
                "the LeakGuard checks " + String.join(", ", ours.keySet()) + ", each " + SETTINGS));
        continue;
      }
      apply(selected, ours.get(name), (String) entry.get("setting"));
    }
    Map<String, Class<?>> builtIn = null;
    for (Map<String, Object> entry : settings("extraChecks")) {
      String name = (String) entry.get("name");
      Map<String, Object> rule = ours.get(name);
      if (rule == null) {
        builtIn = builtIn != null ? builtIn : registry.builtInChecks();
        Class<?> check = builtIn.get(name);
        if (check == null) {
          configurationErrors.add(
              error(
                  "extraChecks",
                  "'" + name + "' is not a check that Error Prone or LeakGuard registers",
                  "names of Error Prone's checks (https://errorprone.info/bugpatterns), each "
                      + SETTINGS));
          continue;
        }
        rule = registry.rule(check);
      }
      apply(selected, rule, (String) entry.get("setting"));
    }
    return selected;
  }

  private static void apply(
      Map<String, Map<String, Object>> selected, Map<String, Object> rule, String setting) {
    String name = (String) rule.get("name");
    if ("OFF".equals(setting)) {
      selected.remove(name);
    } else {
      selected.put(name, level(rule, setting));
    }
  }

  /** The rule at the level it runs at: the setting, else its own severity (WARN below ERROR). */
  private static Map<String, Object> level(Map<String, Object> rule, String setting) {
    Map<String, Object> copy = new LinkedHashMap<>(rule);
    String own = "ERROR".equals(rule.get("severity")) ? "ERROR" : "WARN";
    copy.put("level", setting != null ? setting : own);
    return copy;
  }

  private List<String> errorProneArgs(Map<String, Map<String, Object>> selected) {
    List<String> args = new ArrayList<>();
    args.add("-XepDisableAllChecks");
    selected.forEach((name, rule) -> args.add("-Xep:" + name + ":" + rule.get("level")));
    @SuppressWarnings("unchecked")
    Map<String, Object> options = (Map<String, Object>) request.getOrDefault("options", Map.of());
    options.forEach((name, value) -> args.add("-XepOpt:LeakGuard:" + name + "=" + value));
    patching(selected, args);
    Set<String> reported = new HashSet<>(strings("reported"));
    List<String> skipped =
        strings("sources").stream().filter(source -> !reported.contains(source)).toList();
    List<String> excluded = new ArrayList<>();
    skipped.forEach(source -> excluded.add(Pattern.quote(source)));
    String generated = (String) request.get("generatedSources");
    if (generated != null) {
      excluded.add(Pattern.quote(generated) + ".*");
    }
    if (!excluded.isEmpty()) {
      args.add("-XepExcludedPaths:" + String.join("|", excluded));
    }
    return args;
  }

  /**
   * Error Prone's patching, for the fix goal: the checks asked for (all that run when none is)
   * among those that run, and where the patch goes.
   */
  private void patching(Map<String, Map<String, Object>> selected, List<String> args) {
    @SuppressWarnings("unchecked")
    Map<String, Object> patch = (Map<String, Object>) request.get("patch");
    if (patch == null) {
      return;
    }
    List<String> asked = ((List<?>) patch.get("checks")).stream().map(String::valueOf).toList();
    List<String> checks =
        selected.keySet().stream().filter(name -> asked.isEmpty() || asked.contains(name)).toList();
    result.put("patchChecks", checks);
    if (!checks.isEmpty()) {
      args.add("-XepPatchChecks:" + String.join(",", checks));
      args.add("-XepPatchLocation:" + patch.get("location"));
    }
  }

  /** The checker's own verdict on the options, through the same parse the checks use. */
  private List<Map<String, Object>> optionProblems(ClassLoader loader, List<String> args)
      throws ReflectiveOperationException {
    Class<?> errorProneOptions =
        Class.forName("com.google.errorprone.ErrorProneOptions", true, loader);
    Object parsed;
    try {
      parsed =
          errorProneOptions
              .getMethod("processArgs", String[].class)
              .invoke(null, (Object) args.toArray(String[]::new));
    } catch (InvocationTargetException e) {
      configurationErrors.add(
          error(
              "checkOptions",
              String.valueOf(e.getCause().getMessage()),
              "see docs/maven-plugin.md"));
      return List.of();
    }
    Object flags = errorProneOptions.getMethod("getFlags").invoke(parsed);
    Class<?> flagsType = Class.forName("com.google.errorprone.ErrorProneFlags", false, loader);
    Class<?> optionsType = Class.forName(LEAKGUARD_OPTIONS, true, loader);
    Object options = optionsType.getMethod("from", flagsType).invoke(null, flags);
    List<Map<String, Object>> problems = new ArrayList<>();
    for (Object problem : (List<?>) optionsType.getMethod("problems").invoke(options)) {
      Map<String, Object> entry = new LinkedHashMap<>();
      for (String accessor : List.of("option", "value", "accepted", "message")) {
        entry.put(accessor, problem.getClass().getMethod(accessor).invoke(problem));
      }
      problems.add(entry);
    }
    return problems;
  }

  private void compile(ClassLoader loader, List<String> errorProneArgs) throws IOException {
    Set<Path> reported = new HashSet<>();
    strings("reported").forEach(file -> reported.add(Path.of(file)));
    Path logFile = Path.of((String) request.get("log"));
    Charset encoding = Charset.forName((String) request.get("encoding"));
    try (PrintWriter log =
        new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true)) {
      Diagnostics diagnostics = new Diagnostics(reported, log);
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      try (StandardJavaFileManager files =
          javac.getStandardFileManager(diagnostics, Locale.getDefault(), encoding)) {
        Iterable<? extends JavaFileObject> units =
            files.getJavaFileObjectsFromPaths(strings("sources").stream().map(Path::of).toList());
        JavacTask task =
            (JavacTask)
                javac.getTask(log, files, diagnostics, strings("javacOptions"), null, units);
        errorProne(loader).init(task, errorProneArgs.toArray(String[]::new));
        try {
          task.call();
        } catch (RuntimeException | LinkageError e) {
          // A processor or a check crashed: what javac reported so far is kept with the crash.
          result.put("crash", stackTrace(e));
        }
      }
      if (diagnostics.crash() != null) {
        result.putIfAbsent("crash", diagnostics.crash());
      }
      result.put("findings", diagnostics.findings());
      result.put("errors", diagnostics.errors());
    }
  }

  private static Plugin errorProne(ClassLoader loader) {
    for (Plugin plugin : ServiceLoader.load(Plugin.class, loader)) {
      if (plugin.getName().equals("ErrorProne")) {
        return plugin;
      }
    }
    throw new IllegalStateException("Error Prone's javac plugin is not on " + loader);
  }

  private List<String> strings(String key) {
    List<?> values = (List<?>) request.getOrDefault(key, List.of());
    return values.stream().map(String::valueOf).collect(Collectors.toList());
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> settings(String key) {
    return (List<Map<String, Object>>) request.getOrDefault(key, List.of());
  }

  private static Map<String, Object> error(String parameter, String problem, String accepted) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("parameter", parameter);
    error.put("problem", problem);
    error.put("accepted", accepted);
    return error;
  }

  private static String stackTrace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
