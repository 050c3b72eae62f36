package io.github.leakguard.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fix goal's work, free of Maven: analyse the module with Error Prone's patching ({@link
 * LeakGuardEngine#analyseFixes}), apply the patch to the files in memory ({@link SourceFixes}),
 * refuse when a file to change holds work git does not have ({@link UncommittedChanges}), write the
 * files ({@link SourceFiles}), and analyse again: what is left, and proof that the fixed code
 * compiles. Code javac rejects after the fixes gets its old bytes back.
 */
final class Fixer {
  /** The patch of the last run, in {@code git diff}'s shape, in the work directory. */
  static final String PATCH_FILE = "leakguard-fix.patch";

  private final Analysis<FixAnalysis> patching;
  private final Analysis<GateResult> checking;
  private final GateLog log;

  /**
   * @param fixChecks the checks whose fixes to apply; all that run when empty
   */
  Fixer(LeakGuardEngine engine, List<String> fixChecks, GateLog log) {
    this(
        (request, sources) -> engine.analyseFixes(request, sources, fixChecks),
        engine::analyse,
        log);
  }

  /**
   * @param patching the analysis with Error Prone's patching
   * @param checking the analysis {@code check} runs, after the fixes are written
   */
  Fixer(Analysis<FixAnalysis> patching, Analysis<GateResult> checking, GateLog log) {
    this.patching = patching;
    this.checking = checking;
    this.log = log;
  }

  /**
   * How to fix.
   *
   * @param dryRun only show the diff
   * @param allowDirty change files git does not have committed
   */
  record Options(boolean dryRun, boolean allowDirty) {}

  /** What a run did. */
  sealed interface Outcome permits Done, Refused {}

  /**
   * The fixes were written (or, in a dry run, shown).
   *
   * @param changes the files changed (to change, in a dry run)
   * @param untouched the files with fixes left as they are
   * @param summary the counts
   * @param patch the diff written to the work directory, when there is one
   */
  record Done(
      List<SourceFixes.FileChange> changes,
      List<SourceFixes.Untouched> untouched,
      FixSummary summary,
      Optional<Path> patch)
      implements Outcome {}

  /**
   * Nothing was written: files to change hold work git does not have, or nobody can tell.
   *
   * @param changes the files the fixes would change
   * @param state what git says of them
   */
  record Refused(List<SourceFixes.FileChange> changes, UncommittedChanges state)
      implements Outcome {}

  Outcome fix(GateRequest request, SourceIndex sources, Options options)
      throws ConfigurationException, AnalysisException, IOException, InterruptedException {
    FixAnalysis analysis = patching.run(request, sources);
    List<Finding> findings = analysis.findings();
    log.info(
        String.format(
            "LeakGuard fix: %d findings%s, %d with a fix; Error Prone's patch changes %d files"
                + " [%d ms]",
            findings.size(),
            Finding.perCheck(Finding.countByCheck(findings)),
            findings.stream().filter(f -> !f.hint().isEmpty()).count(),
            analysis.patches().size(),
            analysis.millis()));
    SourceFixes.Prepared prepared =
        SourceFixes.prepare(
            analysis.patches(), analysis.analysed(), request.encoding(), request.projectRoot());
    List<SourceFixes.FileChange> changes = prepared.changes();
    Optional<Path> patch = writePatch(request, changes);
    Set<String> changed = paths(changes);
    Set<String> untouched =
        prepared.untouched().stream().map(SourceFixes.Untouched::path).collect(Collectors.toSet());
    if (options.dryRun() || changes.isEmpty()) {
      List<Finding> after = FixSummary.leftBy(analysis.findings(), changed);
      FixSummary summary =
          FixSummary.of(
              options.dryRun(),
              analysis.fixedChecks(),
              analysis.findings(),
              after,
              changed,
              untouched);
      return new Done(changes, prepared.untouched(), summary, patch);
    }
    List<Path> files = changes.stream().map(SourceFixes.FileChange::file).toList();
    UncommittedChanges state = UncommittedChanges.of(request.basedir(), files);
    if (!state.clean() && !options.allowDirty()) {
      return new Refused(changes, state);
    }
    if (!state.clean()) {
      log.warn(
          "LeakGuard fix: changing files git does not have committed (allowDirty): "
              + state.unknown().orElseGet(() -> describe(changes, state)));
    }
    List<SourceFiles.Edit> edits = changes.stream().map(SourceFixes.FileChange::edit).toList();
    SourceFiles.writeAll(edits);
    GateResult after;
    try {
      after = checking.run(request, sources);
    } catch (AnalysisException e) {
      List<Path> changedSince = SourceFiles.restore(edits);
      throw new AnalysisException(
          "LeakGuard's fixes gave code javac rejects, so every file they changed has its old bytes"
              + " back"
              + (changedSince.isEmpty() ? "" : " but " + changedSince + ", edited meanwhile")
              + " (a bug of LeakGuard's: please report it with "
              + patch.map(Path::toString).orElse(PATCH_FILE)
              + "): "
              + e.getMessage());
    } catch (IOException | InterruptedException | RuntimeException e) {
      log.warn(
          "LeakGuard fix: the fixes are written to "
              + changed.size()
              + " files, but the analysis after them did not finish");
      throw e;
    }
    FixSummary summary =
        FixSummary.of(
            false,
            analysis.fixedChecks(),
            analysis.findings(),
            after.findings(),
            changed,
            untouched);
    return new Done(changes, prepared.untouched(), summary, patch);
  }

  private static String describe(List<SourceFixes.FileChange> changes, UncommittedChanges state) {
    return changes.stream()
        .filter(change -> state.changed().containsKey(change.file()))
        .map(change -> change.path() + " (" + state.changed().get(change.file()) + ")")
        .collect(Collectors.joining(", "));
  }

  private static Set<String> paths(List<SourceFixes.FileChange> changes) {
    return changes.stream().map(SourceFixes.FileChange::path).collect(Collectors.toSet());
  }

  /** The diff, for {@code git apply} (or {@code git apply -R} to undo), or none. */
  private static Optional<Path> writePatch(
      GateRequest request, List<SourceFixes.FileChange> changes) throws IOException {
    Path file = request.workDir().resolve(PATCH_FILE);
    if (changes.isEmpty()) {
      Files.deleteIfExists(file);
      return Optional.empty();
    }
    List<String> lines = SourceFixes.diff(changes, true);
    // In the sources' encoding, so that it applies to their bytes.
    Files.writeString(file, String.join("\n", lines) + "\n", request.encoding());
    return Optional.of(file);
  }
}
