package io.github.leakguard.bugpatterns;

import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.fixes.SuggestedFix;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.util.TreePath;
import io.github.leakguard.analysis.release.Leak;
import io.github.leakguard.analysis.release.Releases;
import io.github.leakguard.catalog.ResourceKind.Category;
import io.github.leakguard.config.LeakGuardOptions;
import io.github.leakguard.config.OptionProblems;
import io.github.leakguard.fixes.TryWithResources;
import java.util.Optional;

/**
 * What UnclosedConnection and UnclosedResponse share: reading the release analysis for one method
 * and reporting its leaks of one category, with the message and fix both checks give.
 */
final class UnclosedReports {
  private final Category category;
  private final String consequence;
  private final OptionProblems optionProblems;
  private final boolean strictStatements;

  UnclosedReports(Category category, String consequence, ErrorProneFlags flags) {
    LeakGuardOptions options = LeakGuardOptions.from(flags);
    this.category = category;
    this.consequence = consequence;
    this.optionProblems = new OptionProblems(options);
    this.strictStatements = options.strictStatementOwnership();
  }

  void reportOptions(BugChecker check, CompilationUnitTree unit, VisitorState state) {
    optionProblems.report(check, unit, state);
  }

  /** Reports every leak of this category in the method or lambda at the current path. */
  void report(BugChecker check, VisitorState state) {
    for (Leak leak : Releases.leaks(state, strictStatements)) {
      if (leak.kind().category() != category) {
        continue;
      }
      TreePath opened = TreePath.getPath(state.getPath(), leak.opened());
      Optional<SuggestedFix> fix =
          opened == null || leak.releasedSomewhere() || leak.how() != Leak.How.NORMAL_PATH
              ? Optional.empty()
              : TryWithResources.fix(leak.opened(), opened.getParentPath(), state);
      state.reportMatch(
          check.buildDescription(leak.opened()).setMessage(message(leak)).addFix(fix).build());
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
                  + (leak.thrower() instanceof ExpressionTree thrower
                      ? CallText.shortForm(thrower)
                      : "a call")
                  + " throws "
                  + (leak.exception() == null ? "a checked exception" : leak.exception())
                  + ", it is never closed";
          case OVERWRITTEN ->
              "whose variable is assigned again (or that is opened again in a loop) before it is"
                  + " closed";
        };
    String fix =
        leak.how() == Leak.How.ON_EXCEPTION
            ? "Open it in try-with-resources, or close it in a finally block."
            : "Open it in try-with-resources, or close it in a finally block on every path.";
    return what + " " + problem + "; " + consequence + " " + fix;
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
