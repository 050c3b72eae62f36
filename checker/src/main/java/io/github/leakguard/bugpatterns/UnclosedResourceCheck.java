package io.github.leakguard.bugpatterns;

import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.BlockTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.LambdaExpressionTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import io.github.leakguard.analysis.PerInvocation;
import io.github.leakguard.analysis.release.Leak;
import io.github.leakguard.analysis.release.Releases;
import io.github.leakguard.catalog.ResourceKind.Category;
import io.github.leakguard.fixes.TryWithResources;
import java.util.Optional;

/**
 * What UnclosedConnection and UnclosedResponse share: each method, lambda and initializer block is
 * read from the release analysis (computed once for both) and its leaks of the check's category are
 * reported, with the message and fix both checks give.
 */
abstract class UnclosedResourceCheck extends LeakGuardCheck
    implements MethodTreeMatcher, LambdaExpressionTreeMatcher, BlockTreeMatcher {
  private final Category category;
  private final String consequence;
  private final boolean strictStatements;
  private final PerInvocation perInvocation;

  UnclosedResourceCheck(Category category, String consequence, ErrorProneFlags flags) {
    super(flags);
    this.category = category;
    this.consequence = consequence;
    this.strictStatements = options.strictStatementOwnership();
    this.perInvocation = new PerInvocation(options);
  }

  @Override
  public final Description matchMethod(MethodTree tree, VisitorState state) {
    report(state);
    return Description.NO_MATCH;
  }

  @Override
  public final Description matchLambdaExpression(LambdaExpressionTree tree, VisitorState state) {
    report(state);
    return Description.NO_MATCH;
  }

  @Override
  public final Description matchBlock(BlockTree tree, VisitorState state) {
    if (Releases.isInitializer(state.getPath())) {
      report(state);
    }
    return Description.NO_MATCH;
  }

  /** Reports every leak of this category in the method, lambda or initializer at the path. */
  private void report(VisitorState state) {
    for (Leak leak : Releases.leaks(state, strictStatements)) {
      if (leak.kind().category() != category) {
        continue;
      }
      TreePath opened = TreePath.getPath(state.getPath(), leak.opened());
      Optional<SuggestedFix> fix =
          opened == null ? Optional.empty() : TryWithResources.fix(leak, opened, state, perInvocation);
      state.reportMatch(
          buildDescription(leak.opened()).setMessage(message(leak)).addFix(fix).build());
    }
  }

  private String message(Leak leak) {
    String what =
        CallText.shortForm(leak.opened()) + " opens " + article(leak.kind().description());
    String problem =
        switch (leak.how()) {
          case DROPPED -> "that is used and dropped without being closed";
          case NORMAL_PATH ->
              leak.releasedSomewhere()
                  ? "that is not closed on every path out of the method"
                  : "that is never closed";
          case ON_EXCEPTION ->
              "that is closed only when no exception is thrown: if "
                  + thrower(leak)
                  + ", it is never closed";
          case OVERWRITTEN ->
              leak.thrower() == null
                  ? "whose variable is assigned again (or that is opened again in a loop) before"
                      + " it is closed"
                  : "that is not closed when "
                      + thrower(leak)
                      + ": its variable is assigned again (or it is opened again in a loop) and"
                      + " this one is lost";
        };
    String fix =
        leak.how() == Leak.How.ON_EXCEPTION
            ? "Open it in try-with-resources, or close it in a finally block."
            : "Open it in try-with-resources, or close it in a finally block on every path.";
    return what + " " + problem + "; " + consequence + " " + fix;
  }

  /** "stmt.executeQuery(…) throws SQLException", for the path a checked exception takes. */
  private static String thrower(Leak leak) {
    return (leak.thrower() instanceof ExpressionTree thrower
            ? CallText.shortForm(thrower)
            : "a call")
        + " throws "
        + (leak.exception() == null ? "a checked exception" : leak.exception());
  }

  /** "an" before a vowel sound: vowels, and the initialisms the catalogs use (HTTP..., S3). */
  private static String article(String noun) {
    boolean vowelSound =
        "aeiouAEIOU".indexOf(noun.charAt(0)) >= 0
            || noun.startsWith("Http")
            || noun.startsWith("HTTP")
            || noun.startsWith("S3");
    return (vowelSound ? "an " : "a ") + noun;
  }
}
