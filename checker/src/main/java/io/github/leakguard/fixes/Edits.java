package io.github.leakguard.fixes;

import com.google.errorprone.fixes.SuggestedFix;

/**
 * Replacements that never span a line boundary. Error Prone applies the fixes of all findings in a
 * file in one pass, and only rejects replacements that overlap; an insertion (say, the indentation
 * a try-with-resources fix adds at each line start of the block it wraps) that falls inside another
 * fix's replaced range silently garbles the result. A range cut at every line start and end leaves
 * those positions on the boundaries of its pieces, where an insertion lands intact.
 */
final class Edits {

  /** Replaces {@code [start, end)} with {@code text}, cut into pieces at line boundaries. */
  static void replace(SuggestedFix.Builder fix, Layout layout, int start, int end, String text) {
    String source = layout.source();
    int from = start;
    boolean first = true;
    for (int i = start; i < end; i++) {
      char c = source.charAt(i);
      if (c == '\r' || c == '\n') {
        int lineBreakEnd = c == '\r' && i + 1 < end && source.charAt(i + 1) == '\n' ? i + 2 : i + 1;
        if (i > from) {
          fix.replace(from, i, first ? text : "");
          first = false;
        }
        fix.replace(i, lineBreakEnd, first ? text : "");
        first = false;
        from = lineBreakEnd;
        i = lineBreakEnd - 1;
      }
    }
    if (from < end || first) {
      fix.replace(from, end, first ? text : "");
    }
  }

  /**
   * Deletes the source {@code [start, end)} of a statement or member; with its whole lines, and a
   * comment trailing it, when nothing else shares them.
   */
  static void deleteLines(SuggestedFix.Builder fix, Layout layout, int start, int end) {
    if (layout.startsLine(start) && layout.endsLine(end)) {
      replace(fix, layout, layout.lineStart(start), layout.nextLineStart(end), "");
    } else {
      replace(fix, layout, start, end, "");
    }
  }

  private Edits() {}
}
