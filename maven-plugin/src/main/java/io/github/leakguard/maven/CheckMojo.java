package io.github.leakguard.maven;

import java.io.File;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * The gate: runs LeakGuard's checks over a function module's main sources and fails the build when
 * findings at or above {@code failOnSeverity} exist (new ones only, given a baseline). Writes
 * {@code target/leakguard/leakguard.sarif} and {@code leakguard.txt}.
 */
@Mojo(
    name = "check",
    defaultPhase = LifecyclePhase.VERIFY,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public final class CheckMojo extends AbstractLeakGuardMojo {

  /** Fails the build on findings; false only reports them. */
  @Parameter(property = "leakguard.failOnViolation", defaultValue = "true")
  boolean failOnViolation;

  /** The lowest severity that fails the build: ERROR or WARN. */
  @Parameter(property = "leakguard.failOnSeverity", defaultValue = "ERROR")
  String failOnSeverity;

  /**
   * A baseline written by {@code leakguard:baseline}: findings recorded there are reported but do
   * not fail the build; only new ones do.
   */
  @Parameter(property = "leakguard.baseline")
  File baseline;

  private Severity threshold;
  private Optional<Baseline> accepted = Optional.empty();

  @Override
  void beforeAnalysis(java.nio.file.Path root) throws ConfigurationException {
    if (baseline != null) {
      accepted =
          Optional.of(
              Baseline.read(
                  baseline.toPath(),
                  root,
                  ProjectRoot.relative(root, project.getBasedir().toPath())));
    }
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    try {
      threshold =
          Severity.parse(failOnSeverity == null ? "" : failOnSeverity)
              .orElseThrow(
                  () ->
                      new ConfigurationException(
                          "failOnSeverity",
                          "'" + failOnSeverity + "' is not a severity",
                          Severity.ACCEPTED));
    } catch (ConfigurationException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    LeakGuardEngine engine = new LeakGuardEngine(new MavenGateLog(getLog()));
    Optional<GateResult> result = analyseIfFunctionModule(engine, engine::analyse);
    if (result.isEmpty()) {
      return;
    }
    List<Finding> findings = result.get().findings();
    List<Finding> fresh = accepted.map(b -> b.newFindings(findings)).orElse(findings);
    for (Finding finding : findings) {
      boolean isNew = fresh.contains(finding);
      String line = finding.render() + (isNew ? "" : " (in the baseline)");
      if (isNew && finding.severity().atLeast(threshold)) {
        getLog().error(line);
      } else {
        getLog().warn(line);
      }
    }
    getLog().info(result.get().summary());
    if (accepted.isPresent()) {
      getLog()
          .info(
              "LeakGuard: "
                  + (findings.size() - fresh.size())
                  + " findings are in the baseline "
                  + baseline
                  + ", "
                  + fresh.size()
                  + " are new");
      int stale = accepted.get().unmatched(findings);
      if (stale > 0 && stale == accepted.get().size()) {
        getLog()
            .warn(
                "LeakGuard: no finding matched any of the "
                    + stale
                    + " entries of the baseline "
                    + baseline
                    + " (all fixed, or a baseline of other code?); 'mvn compile"
                    + " leakguard:baseline' rewrites it");
      } else if (stale > 0) {
        getLog()
            .info(
                "LeakGuard: "
                    + stale
                    + " entries of the baseline match no finding any more (fixed);"
                    + " 'mvn compile leakguard:baseline' drops them");
      }
    }
    getLog().info("LeakGuard: reports in " + result.get().sarif() + " and " + result.get().text());
    long failing = fresh.stream().filter(f -> f.severity().atLeast(threshold)).count();
    if (failing > 0 && failOnViolation) {
      throw new MojoFailureException(
          "LeakGuard found "
              + failing
              + (failing == 1 ? " leak" : " leaks")
              + " at or above "
              + threshold
              + (accepted.isPresent() ? " that the baseline does not cover" : "")
              + "; see above or "
              + result.get().text());
    }
  }
}
