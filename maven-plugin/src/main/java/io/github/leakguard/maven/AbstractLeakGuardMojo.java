package io.github.leakguard.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.BuildPluginManager;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * What both goals share: the parameters, deciding whether the module is a function module, and
 * gathering the build's inputs for {@link LeakGuardEngine}. Holds no analysis and no static state,
 * so parallel builds ({@code -T}) run one instance per module safely.
 */
abstract class AbstractLeakGuardMojo extends AbstractMojo {
  private static final String CHECKER = "io.github.leakguard:leakguard-checker";

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  PluginDescriptor plugin;

  @Component RepositorySystem repositorySystem;

  @Component ToolchainManager toolchainManager;

  @Component BuildPluginManager pluginManager;

  /** Skips LeakGuard entirely. */
  @Parameter(property = "leakguard.skip", defaultValue = "false")
  boolean skip;

  /**
   * Checks the module even when it does not look like a function module (no Lambda, Cloud Functions
   * or Azure Functions dependency and no template naming one of its handlers). Only that: it never
   * lets {@code leakguard:fix} change files with uncommitted work ({@code allowDirty} does).
   */
  @Parameter(property = "leakguard.force", defaultValue = "false")
  boolean force;

  /**
   * Re-grades or disables LeakGuard checks: a comma-separated list of {@code Check:SEVERITY} with
   * SEVERITY one of ERROR, WARN or OFF, for example {@code ClientBuiltInHandler:WARN,
   * UnclosedResponse:OFF}. Every LeakGuard check runs at its own severity unless listed here; an
   * unknown check name fails the build.
   */
  @Parameter(property = "leakguard.checks")
  String checks;

  /**
   * Other Error Prone checks to run as well, as {@code Name[:SEVERITY]}, for example {@code
   * StreamResourceLeak:ERROR}. Only LeakGuard's checks run by default.
   */
  @Parameter(property = "leakguard.extraChecks")
  String extraChecks;

  /**
   * Further handler supertypes, fully qualified and comma-separated: methods implementing their
   * methods count as handlers ({@code -XepOpt:LeakGuard:HandlerTypes}).
   */
  @Parameter(property = "leakguard.handlerTypes")
  String handlerTypes;

  /**
   * Further annotations that mark a handler method, fully qualified and comma-separated ({@code
   * -XepOpt:LeakGuard:HandlerAnnotations}).
   */
  @Parameter(property = "leakguard.handlerAnnotations")
  String handlerAnnotations;

  /**
   * Further handlers, as deployment templates name them ({@code com.example.App::handle} or a
   * class), comma-separated ({@code -XepOpt:LeakGuard:HandlerMethods}). The handlers named in the
   * module's templates are added.
   */
  @Parameter(property = "leakguard.handlerMethods")
  String handlerMethods;

  /**
   * The file descriptors a function may spend on connections, 1 to 1048576; the checker's default
   * is Lambda's limit, 1024 ({@code -XepOpt:LeakGuard:FdBudget}). Checked by the checker itself.
   */
  @Parameter(property = "leakguard.fdBudget")
  String fdBudget;

  /**
   * The longest a pooled connection may stay idle, as an ISO-8601 duration; the checker's default
   * is PT5M ({@code -XepOpt:LeakGuard:MaxIdle}).
   */
  @Parameter(property = "leakguard.maxIdle")
  String maxIdle;

  /**
   * Any other LeakGuard check option, by name: {@code
   * <checkOptions><StrictStatementOwnership>true</StrictStatementOwnership></checkOptions>} is
   * passed as {@code -XepOpt:LeakGuard:StrictStatementOwnership=true}.
   */
  @Parameter Map<String, String> checkOptions;

  /**
   * Source globs to analyse, relative to a source root; all {@code **}{@code /*.java} by default.
   */
  @Parameter(property = "leakguard.includes")
  List<String> includes;

  /**
   * Source globs not to analyse, relative to a source root, such as {@code **}{@code
   * /generated/**}. Excluded files still resolve: they are compiled, not reported.
   */
  @Parameter(property = "leakguard.excludes")
  List<String> excludes;

  /**
   * SAM, Serverless or CDK templates (relative to the module) to read handler names from, beyond
   * the ones found by name: {@code template.yaml|yml|json}, {@code serverless.yml|yaml|json} and
   * {@code cdk.out/*.template.json}. Comma-separated.
   */
  @Parameter(property = "leakguard.templates")
  String templates;

  /**
   * Fails the build when the gate cannot analyse a module the build compiled (javac rejects what
   * the module's compile accepted); by default that is a warning naming the cause.
   */
  @Parameter(property = "leakguard.failOnAnalysisError", defaultValue = "false")
  boolean failOnAnalysisError;

  /**
   * Analyses only the source files that can produce findings (see the docs for the rules); false
   * analyses every file.
   */
  @Parameter(property = "leakguard.preScreen", defaultValue = "true")
  boolean preScreen;

  /**
   * The Error Prone release to run; by default the newest the analysing JDK supports (2.42.0 on JDK
   * 17 to 20, 2.52.0 on 21 and newer).
   */
  @Parameter(property = "leakguard.errorProneVersion")
  String errorProneVersion;

  /**
   * The directory report and baseline paths are relative to; by default the repository's root (the
   * nearest directory upward holding {@code .git}), else the top of the reactor.
   */
  @Parameter(property = "leakguard.projectRoot")
  java.io.File projectRoot;

  /** The sources' encoding; by default the compiler plugin's, else UTF-8. */
  @Parameter(property = "leakguard.encoding")
  String encoding;

  /** Where the reports and the scratch files go. */
  @Parameter(
      property = "leakguard.outputDirectory",
      defaultValue = "${project.build.directory}/leakguard")
  java.io.File workDirectory;

  /**
   * Runs the analysis if the module is to be checked; empty when it is skipped, with the reason
   * logged.
   */
  <T> Optional<T> analyseIfFunctionModule(LeakGuardEngine engine, Analysis<T> analysis)
      throws MojoExecutionException {
    if (skip) {
      getLog().info("LeakGuard: skipped (leakguard.skip=true)");
      return Optional.empty();
    }
    long start = System.nanoTime();
    try {
      Path basedir = project.getBasedir().toPath();
      List<Path> roots = sourceRoots(false);
      SourceIndex[] sources = new SourceIndex[1];
      Optional<String> reason =
          engine.functionModuleReason(
              dependencies(), basedir, templatePaths(), lazy(sources, roots));
      if (reason.isEmpty() && !force) {
        getLog()
            .info(
                String.format(
                    "LeakGuard: skipped %s: not a function module (no Lambda, Cloud Functions or"
                        + " Azure Functions dependency and no template naming one of its handlers);"
                        + " -Dleakguard.force=true checks it anyway [%d ms]",
                    project.getArtifactId(), (System.nanoTime() - start) / 1_000_000));
        return Optional.empty();
      }
      getLog()
          .info(
              "LeakGuard: checking "
                  + project.getArtifactId()
                  + ": "
                  + reason
                      .map(r -> "a function module because " + r)
                      .orElse("leakguard.force=true"));
      beforeAnalysis(root());
      CompilerSettings compiler =
          CompilerConfiguration.read(project, session, pluginManager, this::resolve);
      Charset charset = charset(compiler);
      if (sources[0] == null || !sources[0].encoding().equals(charset)) {
        sources[0] = scan(roots, compiler, charset);
      }
      return Optional.of(analysis.run(request(roots, compiler, charset), sources[0]));
    } catch (ConfigurationException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (AnalysisException e) {
      return cannotAnalyse(e);
    } catch (IOException | UncheckedIOException e) {
      throw new MojoExecutionException("LeakGuard could not read or write its files: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("LeakGuard was interrupted", e);
    }
  }

  /**
   * A module the build compiled but the gate could not analyse: the reason, in one line, then
   * javac's errors. The build goes on (a reason of LeakGuard's fails no build that compiles) unless
   * {@code failOnAnalysisError}; goals that must not go on override this.
   */
  <T> Optional<T> cannotAnalyse(AnalysisException e) throws MojoExecutionException {
    if (failOnAnalysisError) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    List<String> lines = e.getMessage().lines().toList();
    getLog()
        .warn(
            lines.get(0)
                + "; no report was written (leakguard.failOnAnalysisError=true fails the build)");
    lines.subList(1, lines.size()).forEach(getLog()::warn);
    return Optional.empty();
  }

  private SourceIndex scan(List<Path> roots, CompilerSettings compiler, Charset charset)
      throws IOException {
    return SourceIndex.scan(
        roots, compiler.includes(), compiler.excludes(), list(includes), list(excludes), charset);
  }

  /**
   * Reads and checks what a goal needs once the module is known to be checked, before the analysis,
   * so a bad setting fails fast while modules that are skipped never need it.
   */
  void beforeAnalysis(Path root) throws ConfigurationException {}

  /**
   * Only a template naming a handler needs the sources, and the compiler's source set: reading them
   * waits until then, so skipping a module that is not a function module costs next to nothing.
   */
  private Function<String, Optional<Path>> lazy(SourceIndex[] holder, List<Path> roots) {
    return className -> {
      if (holder[0] == null) {
        try {
          CompilerSettings compiler =
              CompilerConfiguration.read(project, session, pluginManager, coordinates -> List.of());
          holder[0] = scan(roots, compiler, charset(compiler));
        } catch (ConfigurationException e) {
          // Reported where the analysis reads the same settings; a name lookup needs none.
          try {
            holder[0] = scan(roots, CompilerSettings.defaults(), StandardCharsets.UTF_8);
          } catch (IOException io) {
            throw new UncheckedIOException(io);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return holder[0].sourceOf(className);
    };
  }

  private GateRequest request(List<Path> roots, CompilerSettings compiler, Charset charset)
      throws ConfigurationException, MojoExecutionException {
    Jdk jdk = jdk();
    String version = errorProneVersion != null ? errorProneVersion.trim() : jdk.errorProneVersion();
    getLog().info("LeakGuard: Error Prone " + version + " on JDK " + jdk.feature());
    List<Path> errorProne;
    try {
      errorProne = resolve("com.google.errorprone:error_prone_core:" + version);
    } catch (ConfigurationException e) {
      throw new ConfigurationException(
          "errorProneVersion",
          "Error Prone '" + version + "' cannot be resolved from the build's plugin repositories",
          "an Error Prone release: 2.42.0 on JDK 17 to 20, up to 2.52.0 on JDK 21 and newer");
    }
    java.util.Set<String> templateHandlers =
        FunctionModules.handlerNames(project.getBasedir().toPath(), templatePaths());
    if (!templateHandlers.isEmpty()) {
      getLog()
          .info("LeakGuard: handlers named in templates: " + String.join(", ", templateHandlers));
    }
    return new GateRequest(
        root(),
        project.getBasedir().toPath(),
        workDirectory.toPath(),
        roots,
        sourceRoots(true),
        list(includes),
        list(excludes),
        compiler,
        charset,
        classpath(),
        Path.of(project.getBuild().getOutputDirectory()),
        jdk,
        version,
        errorProne,
        checkerJar(),
        plugin.getVersion(),
        checks,
        extraChecks,
        new CheckOptions(
            handlerTypes,
            handlerAnnotations,
            handlerMethods,
            fdBudget,
            maxIdle,
            checkOptions == null ? Map.of() : checkOptions),
        templateHandlers,
        preScreen);
  }

  /** The root of every path in reports and baselines ({@link ProjectRoot}). */
  Path root() {
    return projectRoot != null
        ? projectRoot.toPath().toAbsolutePath().normalize()
        : ProjectRoot.of(project.getBasedir().toPath());
  }

  private Jdk jdk() throws ConfigurationException {
    Toolchain toolchain = toolchainManager.getToolchainFromBuildContext("jdk", session);
    if (toolchain != null) {
      String javac = toolchain.findTool("javac");
      if (javac != null) {
        getLog().info("LeakGuard: using the jdk toolchain's javac " + javac);
        return Jdk.ofJavac(Path.of(javac));
      }
    }
    return Jdk.running();
  }

  /**
   * The module's compile source roots: its own, or those the build generates (under {@code
   * target}), which resolve but whose findings are not reported: they cannot be fixed there.
   */
  private List<Path> sourceRoots(boolean generated) {
    Path build = Path.of(project.getBuild().getDirectory()).toAbsolutePath();
    List<Path> roots = new ArrayList<>();
    for (String root : project.getCompileSourceRoots()) {
      Path path = Path.of(root).toAbsolutePath();
      if (path.startsWith(build) == generated) {
        roots.add(path);
      }
    }
    return roots;
  }

  private List<String> dependencies() {
    List<String> coordinates = new ArrayList<>();
    for (Artifact artifact : project.getArtifacts()) {
      coordinates.add(artifact.getGroupId() + ":" + artifact.getArtifactId());
    }
    return coordinates;
  }

  private List<Path> templatePaths() {
    return list(templates == null ? List.of() : List.of(templates)).stream().map(Path::of).toList();
  }

  private List<String> classpath() throws MojoExecutionException {
    try {
      return project.getCompileClasspathElements();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("LeakGuard needs the module's compile classpath", e);
    }
  }

  private Charset charset(CompilerSettings compiler) throws ConfigurationException {
    String name = encoding != null && !encoding.isBlank() ? encoding : compiler.encoding();
    if (name == null || name.isBlank()) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name.trim());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new ConfigurationException(
          "encoding", "'" + name + "' is not a charset this JVM knows", "UTF-8, ISO-8859-1, ...");
    }
  }

  private Path checkerJar() throws MojoExecutionException {
    Artifact checker = plugin.getArtifactMap().get(CHECKER);
    if (checker == null || checker.getFile() == null) {
      throw new MojoExecutionException(
          "LeakGuard's checker is missing from the plugin's classpath");
    }
    return checker.getFile().toPath();
  }

  /** Resolves a tool and its runtime dependencies through Maven, like a plugin dependency. */
  private List<Path> resolve(String coordinates) throws ConfigurationException {
    CollectRequest collect = new CollectRequest();
    collect.setRoot(new Dependency(new DefaultArtifact(coordinates), "runtime"));
    collect.setRepositories(project.getRemotePluginRepositories());
    // Runtime classpath: what error_prone_core needs to run (maven-resolver-util, which has this
    // filter ready-made, is not visible to plugins).
    DependencyRequest request =
        new DependencyRequest(
            collect,
            (node, parents) ->
                node.getDependency() == null
                    || List.of("compile", "runtime").contains(node.getDependency().getScope()));
    try {
      List<Path> jars = new ArrayList<>();
      for (ArtifactResult result :
          repositorySystem
              .resolveDependencies(session.getRepositorySession(), request)
              .getArtifactResults()) {
        jars.add(result.getArtifact().getFile().toPath());
      }
      return jars;
    } catch (DependencyResolutionException | IllegalArgumentException e) {
      throw new ConfigurationException("LeakGuard could not resolve " + coordinates + ": " + e, e);
    }
  }

  static List<String> list(List<String> values) {
    if (values == null) {
      return List.of();
    }
    return values.stream()
        .flatMap(value -> List.of(value.split(",")).stream())
        .map(String::trim)
        .filter(value -> !value.isEmpty())
        .toList();
  }
}
