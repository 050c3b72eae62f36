package io.github.leakguard.fixes;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;

/**
 * Whether code closes a value: a fix that makes the value live longer than the code must not keep
 * a close that would leave the next invocation holding a closed client.
 */
final class Closes {
  /**
   * Whether {@code scope} closes {@code value}: {@code value.close()}, an AWS SDK v1 {@code
   * value.shutdown()}, or {@code value} as a try-with-resources resource.
   */
  static boolean closedIn(Tree scope, Symbol value) {
    boolean[] closed = new boolean[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        if (node.getMethodSelect() instanceof MemberSelectTree select
            && (select.getIdentifier().contentEquals("close")
                || select.getIdentifier().contentEquals("shutdown"))
            && ASTHelpers.getSymbol(select.getExpression()) == value) {
          closed[0] = true;
        }
        return super.visitMethodInvocation(node, null);
      }

      @Override
      public Void visitTry(TryTree node, Void unused) {
        for (Tree resource : node.getResources()) {
          if (resource instanceof IdentifierTree id && ASTHelpers.getSymbol(id) == value) {
            closed[0] = true;
          }
        }
        return super.visitTry(node, null);
      }
    }.scan(scope, null);
    return closed[0];
  }

  private Closes() {}
}
