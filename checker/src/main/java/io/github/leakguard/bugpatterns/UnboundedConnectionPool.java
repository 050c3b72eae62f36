package io.github.leakguard.bugpatterns;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;
import static com.google.errorprone.BugPattern.StandardTags.PERFORMANCE;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.ExpressionTree;
import io.github.leakguard.Documentation;
import io.github.leakguard.analysis.PoolSettings;
import io.github.leakguard.analysis.PoolSettings.StatedBound;
import io.github.leakguard.catalog.PoolBound;
import io.github.leakguard.catalog.UnboundedPool;
import io.github.leakguard.fixes.SettingValues;
import java.util.Optional;
import javax.inject.Inject;

/** Flags a connection pool bound that is unlimited or larger than the descriptor budget. */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A connection pool is configured with no practical upper bound",
    explanation =
        "Every pooled connection is a socket, and every socket a file descriptor; AWS Lambda allows"
            + " 1,024. A pool whose maximum is unlimited (Integer.MAX_VALUE, or the library's own"
            + " 'no limit' value) or above that budget lets a burst of concurrent calls open"
            + " sockets until the function fails with EMFILE. State a bound well under the budget.",
    severity = ERROR,
    linkType = CUSTOM,
    link = Documentation.BUG_PATTERN_BASE + "UnboundedConnectionPool.md",
    tags = PERFORMANCE)
public final class UnboundedConnectionPool extends CallCheck {

  private final int budget;

  public UnboundedConnectionPool() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  UnboundedConnectionPool(ErrorProneFlags flags) {
    super(flags);
    this.budget = options.fdBudget();
  }

  @Override
  Description matchCall(ExpressionTree tree, VisitorState state) {
    for (UnboundedPool pool : PoolSettings.unbounded(tree, state)) {
      return describe(
          tree,
          String.format(
              "%s builds an unbounded %s pool: %s, so a burst of calls opens sockets until the"
                  + " function runs out of file descriptors (EMFILE; budget %d). Instead, %s.",
              CallText.shortForm(tree), pool.family(), pool.why(), budget, pool.fix()));
    }
    for (StatedBound stated : PoolSettings.bounds(tree, state)) {
      Optional<String> problem = problem(tree, stated, state);
      if (problem.isPresent()) {
        return buildDescription(tree)
            .setMessage(problem.get())
            .addFix(SettingValues.bound(stated.argument(), stated.bound(), budget, state))
            .build();
      }
    }
    return Description.NO_MATCH;
  }

  private Optional<String> problem(ExpressionTree tree, StatedBound stated, VisitorState state) {
    if (stated.value().isEmpty()) {
      return Optional.empty();
    }
    PoolBound bound = stated.bound();
    long value = stated.value().getAsLong();
    String call =
        CallText.setting(tree, stated.argument())
            + " sets the "
            + bound.meaning().text()
            + " ("
            + bound.family()
            + ")";
    if (stated.unlimited()) {
      return Optional.of(
          String.format(
              "%s to no limit (%s): a burst of calls can open sockets until the"
                  + " function runs out of file descriptors (EMFILE; budget %d). Set a bound well"
                  + " under the budget.",
              call, state.getSourceForNode(stated.argument()), budget));
    }
    if (bound.meaning().countsSockets() && value > budget) {
      return Optional.of(
          String.format(
              "%s to %d, over the file-descriptor budget of %d: the pool alone can exhaust the"
                  + " function's descriptors (EMFILE). Set a bound well under the budget.",
              call, value, budget));
    }
    return Optional.empty();
  }

  private Description describe(ExpressionTree tree, String message) {
    return buildDescription(tree).setMessage(message).build();
  }
}
