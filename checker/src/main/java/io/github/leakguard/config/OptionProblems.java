package io.github.leakguard.config;

import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.sun.source.tree.CompilationUnitTree;

/**
 * Reports bad {@code -XepOpt:LeakGuard:} options as compile errors, once per compilation and check,
 * at the first compilation unit: loud enough to fix, without crashing javac.
 */
public final class OptionProblems {
  private final LeakGuardOptions options;
  private boolean reported;

  public OptionProblems(LeakGuardOptions options) {
    this.options = options;
  }

  public void report(BugChecker check, CompilationUnitTree unit, VisitorState state) {
    if (reported) {
      return;
    }
    reported = true;
    for (LeakGuardOptions.Problem problem : options.problems()) {
      state.reportMatch(
          check
              .buildDescription(unit)
              .setMessage("LeakGuard configuration: " + problem.message())
              .build());
    }
  }
}
