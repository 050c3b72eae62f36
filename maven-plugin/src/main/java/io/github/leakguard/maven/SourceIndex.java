package io.github.leakguard.maven;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A module's main sources, filtered by the includes and excludes, parsed by JavaParser on demand
 * and at most once. Not thread-safe: one index per gate run.
 */
public final class SourceIndex {
  private final List<Path> roots;
  private final List<Path> files;
  private final List<Path> moduleFiles;
  private final Charset encoding;
  private final JavaParser parser;
  private final Map<Path, Optional<CompilationUnit>> parsed = new HashMap<>();

  private SourceIndex(
      List<Path> roots, List<Path> files, List<Path> moduleFiles, Charset encoding) {
    this.roots = roots;
    this.files = files;
    this.moduleFiles = moduleFiles;
    this.encoding = encoding;
    this.parser =
        new JavaParser(
            new ParserConfiguration()
                // No validation, no tokens, no comments: the screen needs names, not a checked
                // tree.
                .setLanguageLevel(LanguageLevel.RAW)
                .setStoreTokens(false)
                .setAttributeComments(false)
                .setLexicalPreservationEnabled(false)
                .setCharacterEncoding(encoding));
  }

  public static SourceIndex scan(
      List<Path> roots, List<String> includes, List<String> excludes, Charset encoding)
      throws IOException {
    return scan(roots, List.of(), List.of(), includes, excludes, encoding);
  }

  /**
   * The module's sources as its compiler selects them ({@code compilerIncludes}, {@code
   * compilerExcludes}), and among them LeakGuard's ({@code includes}, {@code excludes}).
   */
  public static SourceIndex scan(
      List<Path> roots,
      List<String> compilerIncludes,
      List<String> compilerExcludes,
      List<String> includes,
      List<String> excludes,
      Charset encoding)
      throws IOException {
    List<Path> existing = roots.stream().filter(Files::isDirectory).toList();
    List<Path> module = walk(existing, compilerIncludes, compilerExcludes, file -> true);
    java.util.Set<Path> inModule = new java.util.HashSet<>(module);
    List<Path> files = walk(existing, includes, excludes, inModule::contains);
    return new SourceIndex(existing, files, module, encoding);
  }

  private static List<Path> walk(
      List<Path> roots,
      List<String> includes,
      List<String> excludes,
      java.util.function.Predicate<Path> keep)
      throws IOException {
    List<PathMatcher> in = matchers(includes.isEmpty() ? List.of("**/*.java") : includes);
    List<PathMatcher> out = matchers(excludes);
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(file -> file.toString().endsWith(".java") && Files.isRegularFile(file))
            .filter(file -> matches(in, root.relativize(file)))
            .filter(file -> !matches(out, root.relativize(file)))
            .filter(keep)
            .sorted()
            .forEach(files::add);
      }
    }
    return files;
  }

  /** The files LeakGuard analyses: the module's, less its own excludes. */
  List<Path> files() {
    return files;
  }

  /** Every file the module's compiler compiles from these roots. */
  List<Path> moduleFiles() {
    return moduleFiles;
  }

  Charset encoding() {
    return encoding;
  }

  /** The parsed file, or empty when JavaParser cannot read it. */
  Optional<CompilationUnit> parse(Path file) {
    return parsed.computeIfAbsent(file, this::parseNow);
  }

  /**
   * The source file declaring {@code className} ({@code com.example.App}, or {@code
   * com.example.App$Inner} as templates may spell it): the conventional path first, else any file
   * whose parsed types include it.
   */
  Optional<Path> sourceOf(String className) {
    String outer = className.replaceFirst("\\$.*", "");
    String relative = outer.replace('.', '/') + ".java";
    for (Path file : files) {
      if (file.endsWith(relative) || file.toString().replace('\\', '/').endsWith("/" + relative)) {
        return Optional.of(file);
      }
    }
    for (Path file : files) {
      Optional<CompilationUnit> unit = parse(file);
      if (unit.isPresent() && declares(unit.get(), outer)) {
        return Optional.of(file);
      }
    }
    return Optional.empty();
  }

  private static boolean declares(CompilationUnit unit, String qualifiedName) {
    for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
      if (type.getFullyQualifiedName().map(qualifiedName::equals).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  private Optional<CompilationUnit> parseNow(Path file) {
    try {
      ParseResult<CompilationUnit> result = parser.parse(file);
      return result.isSuccessful() ? result.getResult() : Optional.empty();
    } catch (IOException | RuntimeException e) {
      // The pre-screen treats an unreadable file as one to analyse; javac will say what is wrong.
      return Optional.empty();
    }
  }

  List<Path> roots() {
    return roots;
  }

  private static List<PathMatcher> matchers(List<String> globs) {
    List<PathMatcher> matchers = new ArrayList<>();
    for (String glob : globs) {
      String pattern = glob.trim().replace('\\', '/');
      matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
      // "**/" matches at least one directory in Java's globs; Maven's also match none.
      if (pattern.startsWith("**/")) {
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3)));
      }
    }
    return matchers;
  }

  private static boolean matches(List<PathMatcher> matchers, Path relative) {
    return matchers.stream().anyMatch(matcher -> matcher.matches(relative));
  }
}
