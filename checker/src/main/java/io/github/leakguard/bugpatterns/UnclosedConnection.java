package io.github.leakguard.bugpatterns;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.bugpatterns.BugChecker;
import io.github.leakguard.Documentation;
import io.github.leakguard.catalog.ResourceKind.Category;
import javax.inject.Inject;

/** Flags a connection, socket, statement or pool not released on every path. */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "A connection, socket, statement or pool is not released on every path out of the method"
            + " that opens it",
    explanation =
        "A connection, socket, JDBC statement or locally built pool that is not closed on every"
            + " path (exceptional paths of checked exceptions included) stays open after the method"
            + " returns. A function's execution environment is reused for hours, so each warm"
            + " invocation adds one until the database pool runs dry or the function hits its"
            + " file-descriptor limit (EMFILE). Open it in try-with-resources.",
    severity = ERROR,
    linkType = CUSTOM,
    link = Documentation.BUG_PATTERN_BASE + "UnclosedConnection.md")
public final class UnclosedConnection extends UnclosedResourceCheck {

  public UnclosedConnection() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  UnclosedConnection(ErrorProneFlags flags) {
    super(
        Category.CONNECTION,
        "in a warm function each invocation leaks one, until the pool runs dry or the function"
            + " runs out of file descriptors (EMFILE).",
        flags);
  }
}
