package io.github.leakguard.maven;

import io.github.leakguard.catalog.platform.Coordinates;
import io.github.leakguard.catalog.platform.Platforms;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a module holds serverless functions, the code LeakGuard's checks are about, and
 * says by which rule. It looks only at dependency coordinates and at a few file names first, so
 * deciding that a module is not a function module costs next to nothing.
 */
final class FunctionModules {

  /** The dependencies that make a module a function module: the checker's platform catalog. */
  private static final List<Coordinates> DEPENDENCY_RULES = Platforms.functionModuleCoordinates();

  /** Template files looked for in the module's directory: SAM, then Serverless. */
  static final List<String> TEMPLATE_NAMES =
      List.of(
          "template.yaml", "template.yml", "template.json",
          "serverless.yml", "serverless.yaml", "serverless.json");

  /** {@code Handler: com.example.App::handleRequest} in YAML or (minified) JSON, any key case. */
  private static final Pattern HANDLER =
      Pattern.compile(
          "(?im)(?:^|[{,])[\\s-]*\"?handler\"?\\s*:\\s*[\"']?"
              + "([A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)+)(?:::([\\w$]+))?[\"']?");

  private FunctionModules() {}

  /**
   * Why the module is a function module, or empty.
   *
   * @param dependencies the module's resolved dependencies as {@code groupId:artifactId}
   * @param basedir the module's directory, where templates are looked for
   * @param templates further templates the user named
   * @param sources finds the source file of a handler class, if the module has it
   */
  static Optional<String> reason(
      List<String> dependencies,
      Path basedir,
      List<Path> templates,
      Function<String, Optional<Path>> sources)
      throws ConfigurationException {
    // The user's templates are checked even when a dependency decides: a bad path is a mistake.
    List<Path> all = templatesIn(basedir, templates);
    for (String coordinates : dependencies) {
      for (Coordinates rule : DEPENDENCY_RULES) {
        if (rule.matches(coordinates)) {
          return Optional.of("it depends on " + coordinates + " (" + rule.what() + ")");
        }
      }
    }
    for (Path template : all) {
      for (String handler : handlers(template)) {
        Optional<Path> source = sources.apply(handler);
        if (source.isPresent()) {
          return Optional.of(
              basedir.relativize(template)
                  + " names handler "
                  + handler
                  + " ("
                  + basedir.relativize(source.get())
                  + ")");
        }
      }
    }
    return Optional.empty();
  }

  private static List<Path> templatesIn(Path basedir, List<Path> configured)
      throws ConfigurationException {
    List<Path> templates = new ArrayList<>();
    for (Path template : configured) {
      Path file = basedir.resolve(template);
      if (!Files.isRegularFile(file)) {
        throw new ConfigurationException(
            "templates",
            "the template " + file + " is not a readable file",
            "paths (relative to the module) of SAM, Serverless or CDK templates");
      }
      templates.add(file);
    }
    for (String name : TEMPLATE_NAMES) {
      Path file = basedir.resolve(name);
      if (Files.isRegularFile(file)) {
        templates.add(file);
      }
    }
    // A CDK app synthesises its CloudFormation templates into cdk.out.
    Path cdkOut = basedir.resolve("cdk.out");
    if (Files.isDirectory(cdkOut)) {
      try (DirectoryStream<Path> synthesised = Files.newDirectoryStream(cdkOut, "*.template.json")) {
        synthesised.forEach(templates::add);
      } catch (IOException e) {
        throw unreadable(cdkOut, e);
      }
    }
    return templates;
  }

  /**
   * Every handler the module's templates name, as {@code com.example.App::handle} or {@code
   * com.example.App}, for the checker's {@code HandlerMethods}: a POJO handler is a handler only
   * because its template says so.
   */
  static java.util.Set<String> handlerNames(Path basedir, List<Path> templates)
      throws ConfigurationException {
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (Path template : templatesIn(basedir, templates)) {
      Matcher matcher = HANDLER.matcher(read(template));
      while (matcher.find()) {
        names.add(matcher.group(1) + (matcher.group(2) == null ? "" : "::" + matcher.group(2)));
      }
    }
    return names;
  }

  /** The handler classes a template names, without the {@code ::method} part. */
  static List<String> handlers(Path template) throws ConfigurationException {
    List<String> handlers = new ArrayList<>();
    Matcher matcher = HANDLER.matcher(read(template));
    while (matcher.find()) {
      handlers.add(matcher.group(1));
    }
    return handlers;
  }

  private static String read(Path template) throws ConfigurationException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .decode(ByteBuffer.wrap(Files.readAllBytes(template)))
          .toString();
    } catch (IOException e) { // CharacterCodingException too: a template must be UTF-8
      throw unreadable(template, e);
    }
  }

  private static ConfigurationException unreadable(Path template, Exception cause) {
    return new ConfigurationException(
        "templates",
        "cannot read the template " + template + " (" + cause + ")",
        "UTF-8 SAM, Serverless or CDK templates");
  }
}
