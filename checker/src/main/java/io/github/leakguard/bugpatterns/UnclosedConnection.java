package io.github.leakguard.bugpatterns;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.LambdaExpressionTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import io.github.leakguard.Documentation;
import io.github.leakguard.catalog.ResourceKind.Category;
import javax.inject.Inject;

/** Flags a connection, socket, statement or pool not released on every path. */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A connection, socket, statement or pool is not released on every path out of the method that opens it",
    explanation =
        "A connection, socket, JDBC statement or locally built pool that is not closed on every path"
            + " (exceptional paths of checked exceptions included) stays open after the method"
            + " returns. A function's execution environment is reused for hours, so each warm"
            + " invocation adds one until the database pool runs dry or the function hits its"
            + " file-descriptor limit (EMFILE). Open it in try-with-resources.",
    severity = ERROR,
    linkType = CUSTOM,
    link = Documentation.BUG_PATTERN_BASE + "UnclosedConnection.md")
public final class UnclosedConnection extends BugChecker
    implements CompilationUnitTreeMatcher, MethodTreeMatcher, LambdaExpressionTreeMatcher {

  private final UnclosedReports reports;

  public UnclosedConnection() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  UnclosedConnection(ErrorProneFlags flags) {
    this.reports =
        new UnclosedReports(
            Category.CONNECTION,
            "in a warm function each invocation leaks one, until the pool runs dry or the function"
              + " runs out of file descriptors (EMFILE).",
            flags);
  }

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    reports.reportOptions(this, tree, state);
    return Description.NO_MATCH;
  }

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    reports.report(this, state);
    return Description.NO_MATCH;
  }

  @Override
  public Description matchLambdaExpression(LambdaExpressionTree tree, VisitorState state) {
    reports.report(this, state);
    return Description.NO_MATCH;
  }
}
