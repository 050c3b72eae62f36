package io.github.leakguard.analysis;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;

/**
 * Scans what runs when a method's body runs: the bodies of lambdas and classes declared in it are
 * left out, since they run when, and if, something else calls them.
 */
public abstract class BodyScanner extends TreePathScanner<Void, Void> {
  @Override
  public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
    return null;
  }

  @Override
  public Void visitClass(ClassTree node, Void unused) {
    return null;
  }

  /** The same, for a body scanned without its path (a path scanner needs one to start from). */
  public abstract static class WithoutPaths extends TreeScanner<Void, Void> {
    @Override
    public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
      return null;
    }

    @Override
    public Void visitClass(ClassTree node, Void unused) {
      return null;
    }
  }
}
