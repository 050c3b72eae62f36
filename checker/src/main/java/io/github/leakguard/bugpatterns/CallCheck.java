package io.github.leakguard.bugpatterns;

import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;

/** A check that judges calls and constructor calls alike: a library is configured by both. */
abstract class CallCheck extends LeakGuardCheck
    implements MethodInvocationTreeMatcher, NewClassTreeMatcher {

  CallCheck(ErrorProneFlags flags) {
    super(flags);
  }

  /** Judges a {@code MethodInvocationTree} or {@code NewClassTree}. */
  abstract Description matchCall(ExpressionTree tree, VisitorState state);

  @Override
  public final Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return matchCall(tree, state);
  }

  @Override
  public final Description matchNewClass(NewClassTree tree, VisitorState state) {
    return matchCall(tree, state);
  }
}
