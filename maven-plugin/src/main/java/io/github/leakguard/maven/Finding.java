package io.github.leakguard.maven;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One diagnostic of one check.
 *
 * @param check the check's name
 * @param severity the severity it was reported at
 * @param path the source file, relative to the project root, with {@code /} separators
 * @param line the 1-based line
 * @param message the check's message
 * @param hint the suggested fix as Error Prone printed it ("Did you mean ...?"), or empty
 * @param sourceLine the flagged source line as javac echoed it, or empty
 */
public record Finding(
    String check,
    Severity severity,
    String path,
    int line,
    String message,
    String hint,
    String sourceLine) {

  /** The console and text-report form: {@code path:line: [Check] message}, then the hint. */
  public String render() {
    String head = path + ":" + line + ": [" + check + "] " + message;
    return hint.isEmpty() ? head : head + System.lineSeparator() + "    " + hint;
  }

  /** Findings counted per check, by name. */
  static Map<String, Long> countByCheck(Collection<Finding> findings) {
    return findings.stream()
        .collect(Collectors.groupingBy(Finding::check, TreeMap::new, Collectors.counting()));
  }

  /** Counts per check as the summaries write them: {@code " (A: 1, B: 2)"}, or empty. */
  static String perCheck(Map<String, Long> counts) {
    return counts.isEmpty()
        ? ""
        : counts.entrySet().stream()
            .map(e -> e.getKey() + ": " + e.getValue())
            .collect(Collectors.joining(", ", " (", ")"));
  }
}
