package io.github.leakguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.ErrorProneOptions;
import com.google.errorprone.FileManagers;
import com.google.errorprone.ImportOrderParser;
import com.google.errorprone.InvalidCommandLineOptionException;
import com.google.errorprone.apply.DescriptionBasedDiff;
import com.google.errorprone.apply.SourceFile;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.scanner.ErrorProneScannerTransformer;
import com.google.errorprone.scanner.Scanner;
import com.google.errorprone.scanner.ScannerSupplier;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.api.JavacTaskImpl;
import com.sun.tools.javac.api.JavacTool;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.util.Context;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;

/**
 * Applies the fixes of LeakGuard's checks exactly as Error Prone's patching does (the first fix of
 * every finding, all findings of a file in one diff, a replacement that overlaps one made before it
 * dropped, imports organized static-first) and returns the resulting text as it is, unformatted:
 * {@code BugCheckerRefactoringTestHelper} formats both sides with google-java-format before
 * comparing, so it cannot pin how a fix lays code out.
 */
public final class AppliedFixes {

  /** One finding of a compilation, and whether it came with a fix. */
  public record Finding(String check, String file, long line, String message, boolean fixable) {}

  /** The sources after the fixes, by path, and the findings of the sources before them. */
  public record Result(Map<String, String> sources, List<Finding> findings) {}

  /**
   * Compiles {@code sources} (path to text) together with the test classpath, runs {@code checks}
   * over them and applies the first fix of every finding.
   */
  public static Result apply(
      ScannerSupplier checks, List<String> args, Map<String, String> sources) {
    ErrorProneOptions options;
    try {
      options = ErrorProneOptions.processArgs(args);
    } catch (InvalidCommandLineOptionException e) {
      throw new IllegalArgumentException(e);
    }
    Context context = new Context();
    context.put(ErrorProneOptions.class, options);
    Map<String, JavaFileObject> files = new LinkedHashMap<>();
    sources.forEach((path, text) -> files.put(path, source(path, text)));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter out = new StringWriter();
    JavacTaskImpl task =
        task(options.getRemainingArgs(), files.values(), diagnostics, out, context);
    try {
      Iterable<? extends CompilationUnitTree> units = task.parse();
      task.analyze();
      assertNoErrors(diagnostics, out, sources);
      Scanner scanner = checks.applyOverrides(options).get();
      Map<String, String> fixed = new LinkedHashMap<>();
      List<Finding> findings = new ArrayList<>();
      for (CompilationUnitTree unit : units) {
        String path = pathOf(unit, files);
        DescriptionBasedDiff diff =
            DescriptionBasedDiff.createIgnoringOverlaps(
                (JCCompilationUnit) unit, ImportOrderParser.getImportOrganizer("static-first"));
        ErrorProneScannerTransformer.create(scanner)
            .apply(
                new TreePath(unit),
                context,
                description -> {
                  findings.add(
                      new Finding(
                          description.checkName,
                          path,
                          unit.getLineMap().getLineNumber(description.position.getStartPosition()),
                          description.getMessageWithoutCheckName(),
                          !description.fixes.isEmpty()));
                  if (!description.fixes.isEmpty()) {
                    diff.handleFix(description.fixes.get(0));
                  }
                });
        SourceFile source = SourceFile.create(files.get(path));
        diff.applyDifferences(source);
        fixed.put(path, source.getSourceText());
      }
      return new Result(fixed, findings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The findings of {@code checks} over {@code sources}, which must compile. */
  public static List<Finding> findings(
      ScannerSupplier checks, List<String> args, Map<String, String> sources) {
    return apply(checks, args, sources).findings();
  }

  /** Fails unless {@code sources} compile with plain javac against the test classpath. */
  public static void assertCompiles(Map<String, String> sources) {
    Map<String, JavaFileObject> files = new LinkedHashMap<>();
    sources.forEach((path, text) -> files.put(path, source(path, text)));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter out = new StringWriter();
    task(List.of("-proc:none"), files.values(), diagnostics, out, new Context()).analyze();
    assertNoErrors(diagnostics, out, sources);
  }

  private static JavacTaskImpl task(
      List<String> options,
      Collection<JavaFileObject> files,
      DiagnosticCollector<JavaFileObject> diagnostics,
      StringWriter out,
      Context context) {
    return (JavacTaskImpl)
        JavacTool.create()
            .getTask(
                new PrintWriter(out, true),
                FileManagers.testFileManager(),
                diagnostics,
                options,
                null,
                files,
                context);
  }

  private static void assertNoErrors(
      DiagnosticCollector<JavaFileObject> diagnostics,
      StringWriter out,
      Map<String, String> sources) {
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(d.toString());
      }
    }
    assertTrue(
        errors.isEmpty(),
        () ->
            "does not compile: " + errors + out + "\n" + String.join("\n----\n", sources.values()));
  }

  /** The text exactly, unlike {@code FileObjects.forSourceLines}, which appends a line break. */
  private static JavaFileObject source(String path, String text) {
    return new SimpleJavaFileObject(URI.create("file:///" + path), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
      }
    };
  }

  private static String pathOf(CompilationUnitTree unit, Map<String, JavaFileObject> files) {
    for (Map.Entry<String, JavaFileObject> file : files.entrySet()) {
      if (file.getValue().toUri().equals(unit.getSourceFile().toUri())) {
        return file.getKey();
      }
    }
    throw new IllegalStateException("no source for " + unit.getSourceFile());
  }

  /**
   * Pins the exact text of a check's fixes: each input, fixed, must equal its expected output
   * character for character, and the outputs must compile.
   */
  public static final class Helper {
    private final ScannerSupplier checks;
    private final Map<String, String> inputs = new LinkedHashMap<>();
    private final Map<String, String> outputs = new LinkedHashMap<>();
    private final Set<String> unfixed = new LinkedHashSet<>();
    private final Set<String> unfixedChecks = new LinkedHashSet<>();
    private ImmutableList<String> args = ImmutableList.of();
    private int passes = 1;

    private Helper(ScannerSupplier checks) {
      this.checks = checks;
    }

    @SafeVarargs
    public static Helper of(Class<? extends BugChecker>... checks) {
      return new Helper(ScannerSupplier.fromBugCheckerClasses(checks));
    }

    public Helper setArgs(String... args) {
      this.args = ImmutableList.copyOf(args);
      return this;
    }

    /**
     * Applies the fixes {@code passes} times, each on the result of the one before, as a user who
     * runs the fixes again would: where two fixes meet, Error Prone applies the first and drops
     * what overlaps it, and the next pass finishes.
     */
    public Helper passes(int passes) {
      this.passes = passes;
      return this;
    }

    public Helper addInput(String path, String text) {
      inputs.put(path, text);
      return this;
    }

    public Helper addOutput(String path, String text) {
      outputs.put(path, text);
      return this;
    }

    /** The input has findings, none with a fix, and stays unchanged. */
    public Helper expectNoFix(String path) {
      outputs.put(path, inputs.get(path));
      unfixed.add(path);
      return this;
    }

    /** Some finding of {@code check} comes without a fix. */
    public Helper expectUnfixedFinding(String check) {
      unfixedChecks.add(check);
      return this;
    }

    public void doTest() {
      Result result = apply(checks, args, inputs);
      for (int pass = 1; pass < passes; pass++) {
        result = new Result(apply(checks, args, result.sources()).sources(), result.findings());
      }
      for (Map.Entry<String, String> expected : outputs.entrySet()) {
        assertEquals(
            expected.getValue(), result.sources().get(expected.getKey()), expected.getKey());
      }
      for (String path : unfixed) {
        List<Finding> findings =
            result.findings().stream().filter(f -> f.file().equals(path)).toList();
        assertTrue(!findings.isEmpty(), () -> path + " has no finding to leave unfixed");
        assertTrue(
            findings.stream().noneMatch(Finding::fixable), () -> path + " has a fix: " + findings);
      }
      for (String check : unfixedChecks) {
        List<Finding> findings = result.findings();
        assertTrue(
            findings.stream().anyMatch(f -> f.check().equals(check) && !f.fixable()),
            () -> "no unfixed " + check + " finding: " + findings);
      }
      assertCompiles(result.sources());
    }
  }

  private AppliedFixes() {}
}
