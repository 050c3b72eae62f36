package io.github.leakguard.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Applies the fixes LeakGuard's checks offer to the module's sources, in place: the same analysis
 * as {@code leakguard:check}, with Error Prone's own patching, then a summary of what was fixed and
 * what is left. Refuses to change a file that holds work git does not have (modified, staged,
 * untracked) unless {@code allowDirty}. Run after {@code compile} ({@code mvn compile
 * leakguard:fix}), like {@code leakguard:baseline}.
 */
@Mojo(name = "fix", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public final class FixMojo extends AbstractLeakGuardMojo {

  /**
   * Prints the fixes as a unified diff (also written to {@code leakguard-fix.patch} in the output
   * directory) and changes no file.
   */
  @Parameter(property = "leakguard.dryRun", defaultValue = "false")
  boolean dryRun;

  /**
   * Changes files even when git does not have their content committed (modified, staged, untracked
   * or ignored files), or when it cannot tell (no git work tree). {@code force} does not: it only
   * makes LeakGuard analyse a module that does not look like a function module.
   */
  @Parameter(property = "leakguard.allowDirty", defaultValue = "false")
  boolean allowDirty;

  /** Fixing needs an analysis that ran: a module javac cannot analyse fails the goal. */
  @Override
  <T> Optional<T> cannotAnalyse(AnalysisException e) throws MojoExecutionException {
    throw new MojoExecutionException(e.getMessage(), e);
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    List<String> fixChecks = new ArrayList<>();
    try {
      // The checks named in 'checks' are the ones to fix; one set :OFF neither runs nor is fixed.
      for (Map<String, Object> entry : CheckSelection.parse("checks", checks)) {
        if (!"OFF".equals(entry.get("setting"))) {
          fixChecks.add((String) entry.get("name"));
        }
      }
    } catch (ConfigurationException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    GateLog log = new MavenGateLog(getLog());
    LeakGuardEngine engine = new LeakGuardEngine(log);
    Fixer fixer = new Fixer(engine, fixChecks, log);
    Fixer.Options options = new Fixer.Options(dryRun, allowDirty);
    Optional<Fixer.Outcome> outcome =
        analyseIfFunctionModule(engine, (request, sources) -> fixer.fix(request, sources, options));
    if (outcome.isEmpty()) {
      return;
    }
    if (outcome.get() instanceof Fixer.Refused refused) {
      throw refuse(refused);
    }
    report((Fixer.Done) outcome.get());
  }

  private void report(Fixer.Done done) {
    for (SourceFixes.Untouched file : done.untouched()) {
      getLog().warn("LeakGuard fix: left " + file.path() + " untouched: " + file.reason());
    }
    if (dryRun) {
      SourceFixes.diff(done.changes(), false).forEach(getLog()::info);
    } else {
      for (SourceFixes.FileChange change : done.changes()) {
        getLog().info("LeakGuard fix: changed " + change.path());
      }
    }
    for (Finding finding : done.summary().left()) {
      getLog().warn(finding.render());
    }
    getLog().info(done.summary().line());
    if (done.patch().isEmpty()) {
      return;
    }
    Path patch = done.patch().get();
    if (dryRun) {
      getLog()
          .info(
              "LeakGuard fix: the diff is also in "
                  + patch
                  + "; leakguard:fix applies it, as does 'git apply' from "
                  + root());
    } else {
      getLog()
          .info(
              "LeakGuard fix: review the changes with 'git diff', then 'mvn verify'; 'git apply -R "
                  + patch
                  + "' from "
                  + root()
                  + " undoes them");
    }
  }

  private MojoFailureException refuse(Fixer.Refused refused) {
    List<String> lines = new ArrayList<>();
    UncommittedChanges state = refused.state();
    int files = refused.changes().size();
    if (state.unknown().isPresent()) {
      lines.add(
          "LeakGuard fix changed nothing: it cannot tell whether the "
              + files
              + (files == 1 ? " file" : " files")
              + " its fixes change hold work git does not have, since "
              + state.unknown().get()
              + ":");
      refused.changes().forEach(change -> lines.add("  " + change.path()));
      lines.add(
          "Put the module under git and commit, then run leakguard:fix again; or see the fixes with"
              + " -Dleakguard.dryRun=true; or change the files anyway with"
              + " -Dleakguard.allowDirty=true (keep a copy first).");
    } else {
      lines.add(
          "LeakGuard fix changed nothing: "
              + state.changed().size()
              + (state.changed().size() == 1 ? " file" : " files")
              + " its fixes change hold work git does not have:");
      for (SourceFixes.FileChange change : refused.changes()) {
        String what = state.changed().get(change.file());
        if (what != null) {
          lines.add("  " + change.path() + " (" + what + ")");
        }
      }
      lines.add(
          "Commit or stash that work (git stash), then run leakguard:fix again; or see the fixes"
              + " with -Dleakguard.dryRun=true; or change the files anyway, your changes kept, with"
              + " -Dleakguard.allowDirty=true.");
    }
    if (force) {
      lines.add(
          "(-Dleakguard.force=true does not allow this: it only makes LeakGuard analyse a module"
              + " that does not look like a function module.)");
    }
    lines.forEach(getLog()::error);
    return new MojoFailureException(String.join(System.lineSeparator(), lines));
  }
}
