package io.github.leakguard.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads javac's output: Error Prone's diagnostics ({@code path:line: error: [Check] message}, the
 * echoed source line, the caret, then the "(see ...)" link and any "Did you mean ...?" fix) become
 * {@link Finding}s; any other error is a compile problem that stops the gate, since the analysis of
 * code javac cannot compile is incomplete.
 */
final class Diagnostics {
  private static final Pattern HEADER =
      Pattern.compile("^(.+\\.java):(\\d+): (error|warning): \\[([A-Za-z0-9_]+)\\] (.*)$");
  private static final Pattern OTHER_ERROR = Pattern.compile("^(.+:\\d+: )?error: .*$");
  private static final Pattern CARET = Pattern.compile("^\\s*\\^\\s*$");
  private static final Pattern SEE = Pattern.compile("^\\s*\\(see .*\\)\\s*$");

  private final List<Finding> findings = new ArrayList<>();
  private final List<String> compileErrors = new ArrayList<>();

  private Diagnostics() {}

  List<Finding> findings() {
    return findings;
  }

  /** javac errors that are not check findings, each with the line after it. */
  List<String> compileErrors() {
    return compileErrors;
  }

  /**
   * Parses {@code output}.
   *
   * @param relativize turns a path as javac printed it into the path findings carry
   */
  static Diagnostics parse(String output, Function<String, String> relativize) {
    Diagnostics diagnostics = new Diagnostics();
    List<String> lines = output.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      Matcher header = HEADER.matcher(lines.get(i));
      if (header.matches()) {
        i = diagnostics.finding(header, lines, i) - 1;
      } else if (OTHER_ERROR.matcher(lines.get(i)).matches()) {
        String next = i + 1 < lines.size() ? System.lineSeparator() + lines.get(i + 1) : "";
        diagnostics.compileErrors.add(lines.get(i) + next);
      }
    }
    diagnostics.findings.replaceAll(
        f ->
            new Finding(
                f.check(),
                f.severity(),
                relativize.apply(f.path()),
                f.line(),
                f.message(),
                f.hint(),
                f.sourceLine()));
    return diagnostics;
  }

  /** Reads one diagnostic starting at {@code start}; returns the index of the line after it. */
  private int finding(Matcher header, List<String> lines, int start) {
    int i = start + 1;
    String source = "";
    if (i + 1 < lines.size() && CARET.matcher(lines.get(i + 1)).matches()) {
      source = lines.get(i);
      i += 2;
    }
    StringBuilder message = new StringBuilder(header.group(5).trim());
    String hint = "";
    for (; i < lines.size() && continues(lines.get(i)); i++) {
      String line = lines.get(i).trim();
      if (line.startsWith("Did you mean")) {
        hint = line;
      } else if (!SEE.matcher(line).matches()) {
        message.append(' ').append(line);
      }
    }
    findings.add(
        new Finding(
            header.group(4),
            header.group(3).equals("error") ? Severity.ERROR : Severity.WARN,
            header.group(1),
            Integer.parseInt(header.group(2)),
            message.toString(),
            hint,
            source.trim()));
    return i;
  }

  private static boolean continues(String line) {
    return !line.isBlank() && Character.isWhitespace(line.charAt(0)) && !HEADER.matcher(line).matches();
  }
}
