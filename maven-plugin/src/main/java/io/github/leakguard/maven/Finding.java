package io.github.leakguard.maven;

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
}
