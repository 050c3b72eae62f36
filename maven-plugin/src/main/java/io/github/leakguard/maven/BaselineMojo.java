package io.github.leakguard.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Records the module's current findings in a baseline file, so {@code leakguard:check} with that
 * file fails only on new ones. Run after {@code compile} ({@code mvn compile leakguard:baseline}).
 */
@Mojo(name = "baseline", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public final class BaselineMojo extends AbstractLeakGuardMojo {

  /** The baseline file to write. */
  @Parameter(
      property = "leakguard.baseline",
      defaultValue = "${project.basedir}/leakguard-baseline.txt")
  File baseline;

  /** A baseline must never be rewritten from an analysis that did not run: that loses entries. */
  @Override
  <T> Optional<T> cannotAnalyse(AnalysisException e) throws MojoExecutionException {
    throw new MojoExecutionException(e.getMessage(), e);
  }

  @Override
  public void execute() throws MojoExecutionException {
    LeakGuardEngine engine = new LeakGuardEngine(new MavenGateLog(getLog()));
    Optional<GateResult> result = analyseIfFunctionModule(engine, engine::analyse);
    if (result.isEmpty()) {
      return;
    }
    try {
      Path root = root();
      Baseline.write(
          baseline.toPath(),
          root,
          ProjectRoot.relative(root, project.getBasedir().toPath()),
          result.get().findings());
    } catch (IOException e) {
      throw new MojoExecutionException("LeakGuard could not write the baseline " + baseline, e);
    }
    getLog().info(result.get().summary());
    getLog()
        .info(
            "LeakGuard: wrote "
                + result.get().findings().size()
                + " findings to the baseline "
                + baseline);
  }
}
