package io.github.leakguard.fixes;

import com.google.errorprone.VisitorState;
import io.github.leakguard.analysis.UnitLocal;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the file being fixed is laid out, so that a fix writes code the way the file already does:
 * its indentation unit (two spaces, four, a tab), its line separator, the indentation of each line.
 * google-java-format's conventions fill in what a file cannot say: a continuation indent of two
 * units and lines of at most 100 columns.
 */
final class Layout {

  static final int MAX_WIDTH = 100;

  /** Columns a tab takes when a line's width is measured. */
  private static final int TAB_WIDTH = 4;

  private static final Pattern BLANK_OR_LINE_COMMENT = Pattern.compile("\\s*(//.*)?");

  private static final UnitLocal<Layout> CURRENT = new UnitLocal<>();

  private final String source;
  private final String unit;
  private final String newline;

  private Layout(String source) {
    this.source = source;
    this.unit = detectUnit(source);
    this.newline = source.contains("\r\n") ? "\r\n" : "\n";
  }

  /** The layout of the compilation unit at {@code state}'s path, read once per unit. */
  static Layout of(VisitorState state) {
    return CURRENT.get(
        state.getPath().getCompilationUnit(), unit -> new Layout(state.getSourceCode().toString()));
  }

  /** One level of indentation: two spaces, four, a tab. */
  String unit() {
    return unit;
  }

  /** The indentation of a line that continues the one indented {@code indent}. */
  String continuation(String indent) {
    return indent + unit + unit;
  }

  String newline() {
    return newline;
  }

  String source() {
    return source;
  }

  /** The position of the first character of the line holding {@code pos}. */
  int lineStart(int pos) {
    return source.lastIndexOf('\n', pos - 1) + 1;
  }

  /**
   * The position just past the last character of the line holding {@code pos}, its separator
   * excluded.
   */
  int lineEnd(int pos) {
    int end = source.indexOf('\n', pos);
    if (end < 0) {
      return source.length();
    }
    return end > 0 && source.charAt(end - 1) == '\r' ? end - 1 : end;
  }

  /** The position of the first character of the line after the one holding {@code pos}. */
  int nextLineStart(int pos) {
    int end = source.indexOf('\n', pos);
    return end < 0 ? source.length() : end + 1;
  }

  /** The leading whitespace of the line holding {@code pos}. */
  String indentOf(int pos) {
    int start = lineStart(pos);
    int i = start;
    while (i < source.length() && (source.charAt(i) == ' ' || source.charAt(i) == '\t')) {
      i++;
    }
    return source.substring(start, i);
  }

  /** Whether only whitespace precedes {@code pos} on its line. */
  boolean startsLine(int pos) {
    return source.substring(lineStart(pos), pos).isBlank();
  }

  /** Whether nothing but whitespace or a line comment follows {@code pos} on its line. */
  boolean endsLine(int pos) {
    return BLANK_OR_LINE_COMMENT.matcher(source.substring(pos, lineEnd(pos))).matches();
  }

  boolean isBlankLine(int lineStart) {
    return lineStart >= source.length()
        || source.substring(lineStart, lineEnd(lineStart)).isBlank();
  }

  /** The width in columns of the last line of {@code text}. */
  static int width(String text) {
    String line = text.substring(text.lastIndexOf('\n') + 1);
    int width = 0;
    for (int i = 0; i < line.length(); i++) {
      width += line.charAt(i) == '\t' ? TAB_WIDTH : 1;
    }
    return width;
  }

  /** Whether every line of {@code text} fits in {@link #MAX_WIDTH} columns. */
  static boolean fits(String text) {
    for (String line : text.split("\n", -1)) {
      if (width(line) > MAX_WIDTH) {
        return false;
      }
    }
    return true;
  }

  /**
   * Re-indents the lines after the first of {@code text}: a line indented by {@code from} and more
   * is indented by {@code to} and the same more. Lines indented less are left as they are.
   */
  String reindent(String text, String from, String to) {
    String[] lines = text.split("\r?\n", -1);
    StringBuilder out = new StringBuilder(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      out.append(newline);
      String line = lines[i];
      out.append(line.startsWith(from) ? to + line.substring(from.length()) : line);
    }
    return out.toString();
  }

  /**
   * The most common step between a line that opens a block and the deeper line after it; two
   * spaces, google-java-format's, when the file opens none.
   */
  private static String detectUnit(String source) {
    Map<String, Integer> steps = new HashMap<>();
    String previous = null;
    boolean opens = false;
    for (String line : source.split("\r?\n")) {
      if (line.isBlank()) {
        continue;
      }
      String indent = line.substring(0, line.length() - line.stripLeading().length());
      if (previous != null
          && opens
          && indent.length() > previous.length()
          && indent.startsWith(previous)) {
        steps.merge(indent.substring(previous.length()), 1, Integer::sum);
      }
      previous = indent;
      opens = line.strip().endsWith("{");
    }
    return steps.entrySet().stream()
        .filter(e -> e.getKey().equals("\t") || e.getKey().isBlank() && !e.getKey().contains("\t"))
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse("  ");
  }
}
