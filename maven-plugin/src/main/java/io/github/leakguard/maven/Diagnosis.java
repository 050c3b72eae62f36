package io.github.leakguard.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Why javac could not analyse a module the build compiled, in one line: the first error's file, the
 * name javac could not resolve, the likely cause and the page that explains it; then javac's own
 * errors, as javac worded them.
 */
final class Diagnosis {
  private static final int ERRORS_SHOWN = 10;

  private Diagnosis() {}

  static String of(GateRequest request, AnalysisPlan plan, List<Map<String, Object>> errors) {
    Map<String, Object> first = errors.get(0);
    String file = (String) first.get("file");
    String where =
        file.isEmpty()
            ? "javac's options"
            : ProjectRoot.relative(request.projectRoot(), Path.of(file)) + ":" + first.get("line");
    String symbol = (String) first.get("symbol");
    String what =
        symbol.isEmpty()
            ? "javac rejects the code (" + firstLine((String) first.get("message")) + ")"
            : "javac cannot resolve '" + symbol + "'";
    StringBuilder out =
        new StringBuilder("LeakGuard could not analyse ")
            .append(request.basedir().getFileName())
            .append(": ")
            .append(what)
            .append(" in ")
            .append(where)
            .append("; ")
            .append(cause(request, symbol))
            .append(". See ")
            .append(LeakGuardEngine.CANNOT_ANALYSE_DOC)
            .append(" (javac's output: ")
            .append(request.workDir().resolve("javac.log"))
            .append(")");
    for (Map<String, Object> error : errors.subList(0, Math.min(ERRORS_SHOWN, errors.size()))) {
      out.append('\n').append(error.get("rendered"));
    }
    if (errors.size() > ERRORS_SHOWN) {
      out.append("\n... ").append(errors.size() - ERRORS_SHOWN).append(" more errors");
    }
    return out.toString();
  }

  private static String cause(GateRequest request, String symbol) {
    CompilerSettings compiler = request.compiler();
    boolean lombok =
        request.classpath().stream().anyMatch(entry -> entry.contains("lombok"))
            || (compiler.processorPath() != null
                && compiler.processorPath().stream()
                    .anyMatch(p -> p.toString().contains("lombok")));
    if (!symbol.isEmpty() && lombok) {
      return "likely a member Lombok generates: the gate runs annotation processors as the"
          + " module's compiler plugin does (annotationProcessorPaths, or javac's discovery on the"
          + " class path, which JDK 23 and later do only with <proc>full</proc>)";
    }
    if (!symbol.isEmpty()) {
      return "likely a name generated during the build (an annotation processor, or a generated"
          + " source root the gate was not given) or a compiler setting the gate does not take";
    }
    return "likely a compiler setting of the build that the gate does not take";
  }

  private static String firstLine(String text) {
    return text.lines().findFirst().orElse("");
  }
}
