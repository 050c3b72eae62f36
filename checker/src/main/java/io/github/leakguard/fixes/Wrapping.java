package io.github.leakguard.fixes;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Lays out {@code target = expression} moved to a new place (a field, a constructor) the way
 * google-java-format would: on one line when it fits in 100 columns; otherwise broken after the
 * {@code =}, with the expression at the continuation indent; a method chain that still does not fit
 * is broken before each call. An expression the file already wraps over several lines keeps its
 * line breaks and is re-indented as a block.
 */
final class Wrapping {

  /**
   * The text of {@code target = expression} + {@code suffix} for a statement or declaration whose
   * first line is indented {@code indent}; the first line comes without its indentation, as it is
   * inserted after it.
   */
  static String assignment(
      Layout layout,
      String indent,
      String target,
      ExpressionTree expression,
      String suffix,
      VisitorState state) {
    return assignment(layout, indent, target, expression, null, suffix, state);
  }

  /**
   * As {@link #assignment(Layout, String, String, ExpressionTree, String, VisitorState)}, with the
   * expression's source edited to {@code text} (same line breaks); a chain is then not broken.
   */
  static String assignment(
      Layout layout,
      String indent,
      String target,
      ExpressionTree expression,
      String text,
      String suffix,
      VisitorState state) {
    int start = ASTHelpers.getStartPosition(expression);
    String original = layout.source().substring(start, state.getEndPosition(expression));
    String source = text == null ? original : text;
    String continuation = layout.continuation(indent);
    if (source.contains("\n")) {
      String from = layout.indentOf(start);
      if (layout.startsLine(start)) {
        return target
            + " ="
            + layout.newline()
            + continuation
            + layout.reindent(source, from, continuation)
            + suffix;
      }
      return target + " = " + layout.reindent(source, from, indent) + suffix;
    }
    String oneLine = target + " = " + source + suffix;
    if (Layout.fits(indent + oneLine)) {
      return oneLine;
    }
    String broken = source + suffix;
    if (!Layout.fits(continuation + broken) && text == null) {
      broken = chain(layout, continuation, expression, start, source, state) + suffix;
    }
    return target + " =" + layout.newline() + continuation + broken;
  }

  /**
   * A one-line method chain broken before each call whose receiver is a call ({@code
   * S3Client.builder()} stays together), the calls indented one continuation from {@code indent};
   * the source unchanged when it is no such chain.
   */
  private static String chain(
      Layout layout,
      String indent,
      ExpressionTree expression,
      int start,
      String source,
      VisitorState state) {
    List<Integer> breaks = new ArrayList<>();
    ExpressionTree node = expression;
    while (node instanceof MethodInvocationTree call
        && call.getMethodSelect() instanceof MemberSelectTree select
        && (select.getExpression() instanceof MethodInvocationTree
            || select.getExpression() instanceof NewClassTree)) {
      int dot = source.indexOf('.', state.getEndPosition(select.getExpression()) - start);
      if (dot < 0) {
        return source;
      }
      breaks.add(dot);
      node = select.getExpression();
    }
    if (breaks.isEmpty()) {
      return source;
    }
    Collections.reverse(breaks);
    String calls = layout.continuation(indent);
    StringBuilder text = new StringBuilder(source.substring(0, breaks.get(0)).strip());
    for (int i = 0; i < breaks.size(); i++) {
      int end = i + 1 < breaks.size() ? breaks.get(i + 1) : source.length();
      text.append(layout.newline())
          .append(calls)
          .append(source.substring(breaks.get(i), end).strip());
    }
    return text.toString();
  }

  private Wrapping() {}
}
