package io.github.leakguard.maven;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fix goal's work end to end: a real forked javac with Error Prone's patching and the checker,
 * real libraries, and real git repositories.
 */
final class FixerTest {
  @TempDir Path project;

  /** A client built per call (fixed by hoisting) in a class whose budget is exceeded (no fix). */
  private static final String HANDLER =
      TestRequests.UPLOAD.replace(
          "public class Upload", "// Uploads a café's receipts.\npublic class Upload");

  private static final CheckOptions SMALL_BUDGET =
      new CheckOptions(null, null, null, "10", null, Map.of());

  private Path write(String name, String source, Charset encoding) throws Exception {
    Path file = project.resolve("fn/src/main/java/com/example").resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, source.getBytes(encoding));
    return file;
  }

  private GateRequest request(String checks, Charset encoding) throws Exception {
    return TestRequests.request(
        project,
        checks,
        "",
        SMALL_BUDGET,
        CompilerSettings.defaults(),
        List.of(),
        Set.of(),
        encoding);
  }

  private SourceIndex sources(Charset encoding) throws Exception {
    return SourceIndex.scan(
        List.of(project.resolve("fn/src/main/java")), List.of(), List.of(), encoding);
  }

  private Fixer.Outcome fix(String checks, Charset encoding, boolean dryRun, boolean allowDirty)
      throws Exception {
    List<String> fixChecks = checks == null ? List.of() : List.of(checks.split(","));
    return new Fixer(new LeakGuardEngine(GateLog.silent()), fixChecks, GateLog.silent())
        .fix(request(checks, encoding), sources(encoding), new Fixer.Options(dryRun, allowDirty));
  }

  private void git(String... args) throws Exception {
    TestRequests.git(project, args);
  }

  private void commitAll() throws Exception {
    git("init", "-q");
    git("add", "-A");
    git("commit", "-q", "-m", "handler");
  }

  @Test
  void writesTheFixInPlaceInTheFilesEncodingAndLineEndingsAndSaysWhatIsLeft() throws Exception {
    Path file = write("Upload.java", HANDLER.replace("\n", "\r\n"), UTF_8);
    commitAll();
    byte[] before = Files.readAllBytes(file);

    Fixer.Done done = assertInstanceOf(Fixer.Done.class, fix(null, UTF_8, false, false));

    String after = Files.readString(file, UTF_8);
    assertTrue(hoisted(after, "\r\n"), after);
    assertFalse(after.contains("S3Client s3 = S3Client.create();"), after);
    assertFalse(after.replace("\r\n", "").contains("\n"), "a line ends in LF alone: " + after);
    assertTrue(after.contains("// Uploads a café's receipts.\r\n"), after);
    FixSummary summary = done.summary();
    assertEquals(
        "LeakGuard fix: 1 file changed, 1 finding fixed (ClientBuiltInHandler: 1); 1 left with no"
            + " mechanical fix (FileDescriptorBudget: 1)",
        summary.line());
    assertEquals(List.of("FileDescriptorBudget"), checks(summary.left()));
    assertEquals(List.of("fn/src/main/java/com/example/Upload.java"), paths(done.changes()));

    // The patch written beside the reports undoes the fix to the byte.
    git("apply", "-R", done.patch().orElseThrow().toString());
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  @Test
  void dryRunShowsTheDiffAndWritesNothing() throws Exception {
    Path file = write("Upload.java", HANDLER, UTF_8);
    commitAll();
    byte[] before = Files.readAllBytes(file);

    Fixer.Done done = assertInstanceOf(Fixer.Done.class, fix(null, UTF_8, true, false));

    assertArrayEquals(before, Files.readAllBytes(file));
    List<String> diff = SourceFixes.diff(done.changes(), false);
    assertEquals("--- a/fn/src/main/java/com/example/Upload.java", diff.get(1));
    assertTrue(diff.contains("-    S3Client s3 = S3Client.create();"), diff.toString());
    assertTrue(diff.stream().anyMatch(line -> hoisted(line, "")), diff.toString());
    assertEquals(
        "LeakGuard fix (dry run): 1 file to change, 1 finding to fix (ClientBuiltInHandler: 1); 1"
            + " left with no mechanical fix (FileDescriptorBudget: 1); nothing was written",
        done.summary().line());
    git("apply", "--check", done.patch().orElseThrow().toString());
  }

  @Test
  void refusesAFileWithUncommittedWorkAndAllowDirtyKeepsThatWork() throws Exception {
    Path file = write("Upload.java", HANDLER, UTF_8);
    commitAll();
    String edited = HANDLER.replace("// Uploads", "// TODO retries\n// Uploads");
    Files.writeString(file, edited);

    Fixer.Refused refused = assertInstanceOf(Fixer.Refused.class, fix(null, UTF_8, false, false));

    assertEquals(Map.of(file, "modified"), refused.state().changed());
    assertEquals(edited, Files.readString(file));

    assertInstanceOf(Fixer.Done.class, fix(null, UTF_8, false, true));
    String after = Files.readString(file);
    assertTrue(after.contains("// TODO retries\n"), after);
    assertTrue(hoisted(after, "\n"), after);
  }

  @Test
  void outsideAGitWorkTreeItCannotTellAndRefuses() throws Exception {
    Path file = write("Upload.java", HANDLER, UTF_8);

    Fixer.Refused refused = assertInstanceOf(Fixer.Refused.class, fix(null, UTF_8, false, false));

    assertTrue(
        refused.state().unknown().orElseThrow().contains("is not in a git work tree"),
        refused.state().toString());
    assertEquals(HANDLER, Files.readString(file));
  }

  @Test
  void fixesOnlyTheChecksNamed() throws Exception {
    Path file = write("Upload.java", HANDLER, UTF_8);
    commitAll();

    Fixer.Done done =
        assertInstanceOf(Fixer.Done.class, fix("UnclosedResponse", UTF_8, false, false));

    assertEquals("LeakGuard fix: nothing to fix", done.summary().line());
    assertEquals(HANDLER, Files.readString(file));
  }

  @Test
  void aFileErrorPronesPatchingWouldMisreadIsLeftUntouched() throws Exception {
    // ISO-8859-1 sources: Error Prone reads them as UTF-8, exact only where they are ASCII.
    Path latin = write("Upload.java", HANDLER, ISO_8859_1);
    Path ascii =
        write(
            "Resize.java", HANDLER.replace("café", "cafe").replace("Upload", "Resize"), ISO_8859_1);
    commitAll();
    byte[] latinBefore = Files.readAllBytes(latin);

    Fixer.Done done = assertInstanceOf(Fixer.Done.class, fix(null, ISO_8859_1, false, false));

    assertArrayEquals(latinBefore, Files.readAllBytes(latin));
    assertTrue(hoisted(Files.readString(ascii, ISO_8859_1), "\n"));
    assertEquals(1, done.untouched().size());
    assertTrue(
        done.untouched().get(0).reason().contains("reads as UTF-8, not as the module's ISO-8859-1"),
        done.untouched().get(0).reason());
    assertTrue(
        done.summary().line().contains("1 left in files left untouched"), done.summary().line());
  }

  @Test
  void codeJavacRejectsAfterTheFixesGetsItsOldBytesBack() throws Exception {
    Path file = write("Upload.java", HANDLER, UTF_8);
    commitAll();
    byte[] before = Files.readAllBytes(file);
    LeakGuardEngine engine = new LeakGuardEngine(GateLog.silent());
    // The analysis after the fixes as javac would end it, were a fix to break the code.
    Analysis<GateResult> rejecting =
        (request, sources) -> {
          assertTrue(hoisted(Files.readString(file), "\n"), "the fix was not written first");
          throw new AnalysisException("LeakGuard could not analyse fn: javac rejects the code");
        };
    Fixer fixer =
        new Fixer(
            (request, sources) -> engine.analyseFixes(request, sources, List.of()),
            rejecting,
            GateLog.silent());

    AnalysisException e =
        assertThrows(
            AnalysisException.class,
            () -> fixer.fix(request(null, UTF_8), sources(UTF_8), new Fixer.Options(false, false)));

    assertArrayEquals(before, Files.readAllBytes(file));
    assertTrue(
        e.getMessage()
            .startsWith(
                "LeakGuard's fixes gave code javac rejects, so every file they changed has its old"
                    + " bytes back (a bug of LeakGuard's: please report it with "),
        e.getMessage());
    assertTrue(
        e.getMessage()
            .endsWith(
                "leakguard-fix.patch): LeakGuard could not analyse fn: javac rejects the code"),
        e.getMessage());
  }

  /**
   * Whether the client is built once, in a static field (its name and place are the checker's to
   * choose), the line ending in {@code end}.
   */
  private static boolean hoisted(String text, String end) {
    return Pattern.compile("private static final S3Client \\w+ = S3Client\\.create\\(\\);" + end)
        .matcher(text)
        .find();
  }

  private static List<String> checks(List<Finding> findings) {
    return findings.stream().map(Finding::check).toList();
  }

  private static List<String> paths(List<SourceFixes.FileChange> changes) {
    return changes.stream().map(SourceFixes.FileChange::path).toList();
  }
}
