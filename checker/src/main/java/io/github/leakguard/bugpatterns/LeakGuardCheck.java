package io.github.leakguard.bugpatterns;

import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.CompilationUnitTree;
import io.github.leakguard.config.LeakGuardOptions;
import io.github.leakguard.config.OptionProblems;

/**
 * What every LeakGuard check shares: its options, read once from Error Prone's flags, and a compile
 * error for a bad one at the first unit, so a typo never turns a check silently off.
 */
abstract class LeakGuardCheck extends BugChecker implements CompilationUnitTreeMatcher {
  final LeakGuardOptions options;
  private final OptionProblems optionProblems;

  LeakGuardCheck(ErrorProneFlags flags) {
    this.options = LeakGuardOptions.from(flags);
    this.optionProblems = new OptionProblems(options);
  }

  @Override
  public final Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    optionProblems.report(this, tree, state);
    return Description.NO_MATCH;
  }
}
