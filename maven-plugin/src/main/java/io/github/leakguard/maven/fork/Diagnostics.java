package io.github.leakguard.maven.fork;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticListener;
import javax.tools.JavaFileObject;

/**
 * Sorts javac's diagnostics as they are reported, by their locale-independent code: Error Prone's
 * ({@code compiler.err.error.prone}, {@code .warn.}, {@code .note.}) in a reported file are
 * findings; javac's own errors stop the analysis and are kept as javac worded them; every other
 * diagnostic (lint warnings, notes) only goes to the log, never into a report.
 */
final class Diagnostics implements DiagnosticListener<JavaFileObject> {
  private static final Pattern HEADER = Pattern.compile("(?s)^\\[([A-Za-z0-9_]+)\\] (.*)$");
  private static final Pattern SEE = Pattern.compile("^\\s*\\(see .*\\)\\s*$");
  private static final String ERROR_PRONE_CODE = ".error.prone";

  /** Error Prone's code when a check throws: a crash of ours, not an error in the user's code. */
  private static final String ERROR_PRONE_CRASH_CODE = ".error.prone.crash";

  /** javac's codes for a name it cannot resolve. */
  private static final String CANNOT_RESOLVE = "compiler.err.cant.resolve";

  private final Set<Path> reported;
  private final PrintWriter log;
  private final List<Map<String, Object>> findings = new ArrayList<>();
  private final List<Map<String, Object>> errors = new ArrayList<>();
  private final Map<URI, String> contents = new HashMap<>();
  private String crash;

  /**
   * @param reported the files whose findings count
   * @param log where every diagnostic is written as javac would print it
   */
  Diagnostics(Set<Path> reported, PrintWriter log) {
    this.reported = reported;
    this.log = log;
  }

  List<Map<String, Object>> findings() {
    return findings;
  }

  List<Map<String, Object>> errors() {
    return errors;
  }

  /** The first check crash Error Prone reported (its message and stack trace), or null. */
  String crash() {
    return crash;
  }

  @Override
  public void report(Diagnostic<? extends JavaFileObject> diagnostic) {
    log.println(diagnostic);
    String code = diagnostic.getCode() == null ? "" : diagnostic.getCode();
    if (code.endsWith(ERROR_PRONE_CRASH_CODE)) {
      if (crash == null) {
        crash = diagnostic.getMessage(Locale.ROOT);
      }
    } else if (code.endsWith(ERROR_PRONE_CODE)) {
      finding(diagnostic);
    } else if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
      error(diagnostic, code);
    }
  }

  private void finding(Diagnostic<? extends JavaFileObject> diagnostic) {
    Path file = file(diagnostic);
    // Error Prone's message is not localised: [Check] text, "(see link)", "Did you mean ...?".
    Matcher header = HEADER.matcher(diagnostic.getMessage(Locale.ROOT));
    if (file == null || !reported.contains(file) || !header.matches()) {
      return;
    }
    StringBuilder message = new StringBuilder();
    String hint = "";
    for (String line : header.group(2).split("\\R")) {
      String trimmed = line.trim();
      if (trimmed.startsWith("Did you mean")) {
        hint = trimmed;
      } else if (!trimmed.isEmpty() && !SEE.matcher(trimmed).matches()) {
        message.append(message.length() == 0 ? "" : " ").append(trimmed);
      }
    }
    Map<String, Object> finding = new LinkedHashMap<>();
    finding.put("check", header.group(1));
    finding.put("severity", diagnostic.getKind() == Diagnostic.Kind.ERROR ? "ERROR" : "WARN");
    finding.put("file", file.toString());
    finding.put("line", diagnostic.getLineNumber());
    finding.put("message", message.toString());
    finding.put("hint", hint);
    finding.put("sourceLine", sourceLine(diagnostic).trim());
    findings.add(finding);
  }

  private void error(Diagnostic<? extends JavaFileObject> diagnostic, String code) {
    Map<String, Object> error = new LinkedHashMap<>();
    Path file = file(diagnostic);
    error.put("file", file == null ? "" : file.toString());
    error.put("line", diagnostic.getLineNumber());
    error.put("code", code);
    error.put("message", diagnostic.getMessage(Locale.getDefault()));
    error.put("rendered", diagnostic.toString());
    error.put("symbol", code.startsWith(CANNOT_RESOLVE) ? identifierAt(diagnostic) : "");
    errors.add(error);
  }

  private static Path file(Diagnostic<? extends JavaFileObject> diagnostic) {
    if (diagnostic.getSource() == null) {
      return null;
    }
    try {
      return Path.of(diagnostic.getSource().toUri()).toAbsolutePath().normalize();
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return null; // not a file: a generated or in-memory source
    }
  }

  /**
   * The flagged line, from the source javac read (in the module's encoding, whatever the locale).
   */
  private String sourceLine(Diagnostic<? extends JavaFileObject> diagnostic) {
    String text = content(diagnostic);
    long line = diagnostic.getLineNumber();
    if (text == null || line < 1) {
      return "";
    }
    String[] lines = text.split("\\R", -1);
    return line <= lines.length ? lines[(int) line - 1] : "";
  }

  /** The name javac could not resolve: the identifier at the error's position. */
  private String identifierAt(Diagnostic<? extends JavaFileObject> diagnostic) {
    String text = content(diagnostic);
    long position = diagnostic.getPosition();
    if (text == null || position < 0 || position >= text.length()) {
      return "";
    }
    int at = (int) position;
    // For a.b javac points at the dot of the selection.
    if (text.charAt(at) == '.') {
      at++;
    }
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
    int end = at;
    while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
      end++;
    }
    return text.substring(at, end);
  }

  private String content(Diagnostic<? extends JavaFileObject> diagnostic) {
    JavaFileObject source = diagnostic.getSource();
    if (source == null) {
      return null;
    }
    return contents.computeIfAbsent(
        source.toUri(),
        uri -> {
          try {
            return source.getCharContent(true).toString();
          } catch (IOException e) {
            return null;
          }
        });
  }
}
