package io.github.leakguard.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the module's own build compiles its main sources, as maven-compiler-plugin's {@code compile}
 * execution is configured (parameters evaluated as that plugin would evaluate them), so the gate's
 * javac sees the code the way the build did: language level, preview features, arguments,
 * annotation processors and the plugin's source includes and excludes.
 *
 * @param release {@code release}, or null
 * @param source {@code source}, or null
 * @param target {@code target}, or null
 * @param enablePreview {@code enablePreview}
 * @param parameters {@code parameters}
 * @param compilerArgs {@code compilerArgs}, then {@code compilerArgument} split on blanks
 * @param proc {@code proc} (none, only, full), or null
 * @param processors {@code annotationProcessors}, empty for javac's discovery
 * @param processorPath {@code annotationProcessorPaths} resolved, or null when not configured
 *     (javac then looks for processors on the class path)
 * @param includes the plugin's source includes, empty for all
 * @param excludes the plugin's source excludes
 * @param generatedSources {@code generatedSourcesDirectory}, where the build's processors write
 * @param encoding {@code encoding}, or null
 */
public record CompilerSettings(
    String release,
    String source,
    String target,
    boolean enablePreview,
    boolean parameters,
    List<String> compilerArgs,
    String proc,
    List<String> processors,
    List<Path> processorPath,
    List<String> includes,
    List<String> excludes,
    Path generatedSources,
    String encoding) {

  /** javac's defaults, for a module that configures nothing (and for tests). */
  public static CompilerSettings defaults() {
    return new CompilerSettings(
        null, null, null, false, false, List.of(), null, List.of(), null, List.of(), List.of(),
        null, null);
  }

  /** Arguments the gate's javac never takes from the build, with the value each takes, if any. */
  private static final Set<String> DROPPED_WITH_VALUE =
      Set.of(
          "-d",
          "-s",
          "-h",
          "-classpath",
          "-cp",
          "--class-path",
          "-sourcepath",
          "--source-path",
          "-processorpath",
          "--processor-path",
          "--module-path",
          "-p",
          "--module-source-path",
          "--processor-module-path",
          "-Xmaxerrs",
          "-Xmaxwarns",
          "-Xstdout");

  private static final Set<String> DROPPED =
      Set.of(
          "-Werror", "-nowarn", "-verbose", "-proc:only", "-Xlint:none", "-XDcompilePolicy=byfile");

  /** Whether the build runs annotation processors (javac's default runs those it finds). */
  boolean runsProcessors() {
    return !"none".equals(proc) && !compilerArgs.contains("-proc:none");
  }

  /**
   * The javac options that set the language and the processors, as the build sets them, minus what
   * the gate's javac must not take: {@code -Werror} (the build's warnings are not findings), other
   * {@code -Xplugin}s (Error Prone is loaded once, by the gate), output and path options ({@code
   * -d}, {@code -s}, class, source, processor and module paths: the gate sets its own), {@code
   * -proc:only} (nothing would be analysed), {@code -nowarn}/{@code -Xlint:none} (they silence
   * Error Prone's warnings too), {@code -J} options, compile policies and {@code --should-stop},
   * which Error Prone needs set its way.
   */
  List<String> javacOptions() {
    List<String> options = new ArrayList<>();
    if (release != null) {
      options.add("--release");
      options.add(release);
    } else {
      if (source != null) {
        options.add("-source");
        options.add(source);
      }
      if (target != null) {
        options.add("-target");
        options.add(target);
      }
    }
    if (enablePreview) {
      options.add("--enable-preview");
    }
    if (parameters) {
      options.add("-parameters");
    }
    if (proc != null && !proc.equals("only")) {
      options.add("-proc:" + proc);
    }
    if (!processors.isEmpty()) {
      options.add("-processor");
      options.add(String.join(",", processors));
    }
    options.addAll(kept(compilerArgs));
    return options;
  }

  /** The build's own arguments that the gate's javac keeps, in their order. */
  static List<String> kept(List<String> args) {
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i).trim();
      String lower = arg.toLowerCase(Locale.ROOT);
      if (DROPPED_WITH_VALUE.contains(arg)) {
        i++; // and its value
      } else if (arg.isEmpty()
          || DROPPED.contains(arg)
          || arg.startsWith("-J")
          || arg.startsWith("-Xplugin:")
          || arg.startsWith("-XDcompilePolicy")
          || arg.startsWith("--should-stop")
          || arg.startsWith("-implicit:")
          || lower.startsWith("-werror")) {
        continue;
      } else {
        kept.add(arg);
      }
    }
    return kept;
  }
}
