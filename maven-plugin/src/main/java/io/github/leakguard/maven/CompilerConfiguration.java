package io.github.leakguard.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.BuildPluginManager;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Reads how maven-compiler-plugin's {@code compile} execution is configured for the module, each
 * parameter evaluated as Maven evaluates it for that plugin: the execution's configuration, else
 * the plugin's own default from its descriptor ({@code ${maven.compiler.release}}, {@code 1.8},
 * ...) against the session's and project's properties. Reading the descriptor rather than a list of
 * property names keeps the gate right for any version of the compiler plugin.
 */
final class CompilerConfiguration {
  static final String COMPILER = "org.apache.maven.plugins:maven-compiler-plugin";

  /** Resolves {@code groupId:artifactId[:extension[:classifier]]:version} with its dependencies. */
  interface Resolver {
    List<Path> resolve(String coordinates) throws ConfigurationException;
  }

  private final Xpp3Dom configuration;
  private final MojoDescriptor descriptor;
  private final PluginParameterExpressionEvaluator evaluator;

  private CompilerConfiguration(
      Xpp3Dom configuration,
      MojoDescriptor descriptor,
      PluginParameterExpressionEvaluator evaluator) {
    this.configuration = configuration;
    this.descriptor = descriptor;
    this.evaluator = evaluator;
  }

  static CompilerSettings read(
      MavenProject project, MavenSession session, BuildPluginManager plugins, Resolver resolver)
      throws ConfigurationException {
    Plugin compiler = project.getPlugin(COMPILER);
    if (compiler == null) {
      return CompilerSettings.defaults();
    }
    PluginExecution execution = compileExecution(compiler);
    Object raw =
        execution != null && execution.getConfiguration() != null
            ? execution.getConfiguration()
            : compiler.getConfiguration();
    Xpp3Dom configuration = raw instanceof Xpp3Dom dom ? dom : new Xpp3Dom("configuration");
    MojoDescriptor descriptor;
    try {
      descriptor =
          plugins.getMojoDescriptor(
              compiler,
              "compile",
              project.getRemotePluginRepositories(),
              session.getRepositorySession());
    } catch (Exception e) { // the compile ran, so its descriptor resolves; if not, no defaults
      descriptor = null;
    }
    MojoExecution mojo =
        descriptor == null
            ? new MojoExecution(new MojoDescriptor())
            : new MojoExecution(
                descriptor, execution == null ? "default-compile" : execution.getId());
    CompilerConfiguration reader =
        new CompilerConfiguration(
            configuration, descriptor, new PluginParameterExpressionEvaluator(session, mojo));
    return reader.settings(project, resolver);
  }

  private CompilerSettings settings(MavenProject project, Resolver resolver)
      throws ConfigurationException {
    List<String> args = new ArrayList<>(list("compilerArgs"));
    value("compilerArgument").ifPresent(arg -> args.addAll(List.of(arg.trim().split("\\s+"))));
    Xpp3Dom legacy = configuration.getChild("compilerArguments");
    if (legacy != null) {
      for (Xpp3Dom argument : legacy.getChildren()) {
        String name =
            argument.getName().startsWith("-") ? argument.getName() : "-" + argument.getName();
        args.add(name);
        Optional.ofNullable(evaluate(argument.getValue()))
            .filter(v -> !v.isBlank())
            .ifPresent(args::add);
      }
    }
    return new CompilerSettings(
        value("release").orElse(null),
        value("source").orElse(null),
        value("target").orElse(null),
        flag("enablePreview"),
        flag("parameters"),
        args,
        value("proc").map(p -> p.toLowerCase(Locale.ROOT)).orElse(null),
        list("annotationProcessors"),
        processorPath(project, resolver),
        list("includes"),
        list("excludes"),
        value("generatedSourcesDirectory").map(Path::of).orElse(null),
        value("encoding").orElse(null));
  }

  private List<Path> processorPath(MavenProject project, Resolver resolver)
      throws ConfigurationException {
    Xpp3Dom paths = configuration.getChild("annotationProcessorPaths");
    if (paths == null) {
      return null;
    }
    List<Path> jars = new ArrayList<>();
    for (Xpp3Dom path : paths.getChildren()) {
      String groupId = child(path, "groupId");
      String artifactId = child(path, "artifactId");
      String version = child(path, "version");
      if (version == null) {
        version = managedVersion(project, groupId, artifactId);
      }
      if (groupId == null || artifactId == null || version == null) {
        throw new ConfigurationException(
            "annotationProcessorPaths",
            "the maven-compiler-plugin entry " + groupId + ":" + artifactId + " has no version",
            "paths with groupId, artifactId and version (or a managed version)");
      }
      String type = Optional.ofNullable(child(path, "type")).orElse("jar");
      String classifier = child(path, "classifier");
      String coordinates =
          groupId
              + ":"
              + artifactId
              + ":"
              + type
              + (classifier == null ? "" : ":" + classifier)
              + ":"
              + version;
      for (Path jar : resolver.resolve(coordinates)) {
        if (!jars.contains(jar)) {
          jars.add(jar);
        }
      }
    }
    return jars;
  }

  private static String managedVersion(MavenProject project, String groupId, String artifactId) {
    if (project.getDependencyManagement() == null) {
      return null;
    }
    for (Dependency managed : project.getDependencyManagement().getDependencies()) {
      if (managed.getGroupId().equals(groupId) && managed.getArtifactId().equals(artifactId)) {
        return managed.getVersion();
      }
    }
    return null;
  }

  private String child(Xpp3Dom parent, String name) {
    Xpp3Dom child = parent.getChild(name);
    return child == null ? null : evaluate(child.getValue());
  }

  private boolean flag(String name) {
    return value(name).map(Boolean::parseBoolean).orElse(false);
  }

  /** A parameter's value: configured, else the plugin's default expression, evaluated. */
  private Optional<String> value(String name) {
    Xpp3Dom configured = configuration.getChild(name);
    if (configured != null && configured.getValue() != null) {
      String value = evaluate(configured.getValue());
      if (value != null && !value.isBlank()) {
        return Optional.of(value.trim());
      }
    }
    if (descriptor != null && descriptor.getMojoConfiguration() != null) {
      PlexusConfiguration defaults = descriptor.getMojoConfiguration().getChild(name, false);
      if (defaults != null) {
        String value = evaluate(defaults.getValue(null));
        if (value == null || value.isBlank()) {
          value = evaluate(defaults.getAttribute("default-value", null));
        }
        if (value != null && !value.isBlank()) {
          return Optional.of(value.trim());
        }
      }
    }
    return Optional.empty();
  }

  private List<String> list(String name) {
    Xpp3Dom parent = configuration.getChild(name);
    List<String> values = new ArrayList<>();
    if (parent != null) {
      for (Xpp3Dom child : parent.getChildren()) {
        String value = evaluate(child.getValue());
        if (value != null && !value.isBlank()) {
          values.add(value.trim());
        }
      }
    }
    return values;
  }

  private String evaluate(String expression) {
    if (expression == null) {
      return null;
    }
    try {
      Object value = evaluator.evaluate(expression);
      return value == null ? null : String.valueOf(value);
    } catch (ExpressionEvaluationException e) {
      return null;
    }
  }

  private static PluginExecution compileExecution(Plugin compiler) {
    PluginExecution found = null;
    for (PluginExecution execution : compiler.getExecutions()) {
      if (execution.getId().equals("default-compile")) {
        return execution;
      }
      if (found == null && execution.getGoals().contains("compile")) {
        found = execution;
      }
    }
    return found;
  }
}
