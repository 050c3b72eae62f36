package io.github.leakguard.fixes;

import com.google.errorprone.fixes.SuggestedFix;

/**
 * Replacements cut where other fixes insert. Error Prone applies the fixes of all findings in a file
 * in one pass and rejects only replacements that overlap: an insertion that falls inside another
 * fix's replaced range silently garbles the result. Fixes here insert only at the start or end of
 * a line, or within its indentation (a try-with-resources fix indents each line of the block it
 * wraps); a range cut at each of those positions leaves them on the boundaries of its pieces, where
 * an insertion lands intact (at worst as extra indentation of the line that follows).
 */
final class Edits {

  /** Replaces {@code [start, end)} with {@code text}, cut into pieces where fixes insert. */
  static void replace(SuggestedFix.Builder fix, Layout layout, int start, int end, String text) {
    String source = layout.source();
    boolean indentation = layout.startsLine(start);
    int from = start;
    for (int i = start + 1; i < end; i++) {
      char previous = source.charAt(i - 1);
      char c = source.charAt(i);
      if (previous == '\n') {
        indentation = true;
      } else if (previous != ' ' && previous != '\t') {
        indentation = false;
      }
      if (indentation || previous == '\n' || c == '\n' || c == '\r') {
        fix.replace(from, i, from == start ? text : "");
        from = i;
      }
    }
    fix.replace(from, end, from == start ? text : "");
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
