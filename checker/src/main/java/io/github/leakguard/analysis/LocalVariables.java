package io.github.leakguard.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.Optional;
import javax.lang.model.element.ElementKind;

/** Questions about local variables of the method being analysed. */
public final class LocalVariables {

  /**
   * The initializer of the effectively final local variable that {@code tree} names, when it is
   * declared in the method enclosing the current path (lambdas included).
   */
  public static Optional<ExpressionTree> initializer(ExpressionTree tree, VisitorState state) {
    if (!(tree instanceof IdentifierTree)) {
      return Optional.empty();
    }
    Symbol sym = ASTHelpers.getSymbol(tree);
    if (!(sym instanceof VarSymbol var)
        || var.getKind() != ElementKind.LOCAL_VARIABLE
        || !ASTHelpers.isConsideredFinal(var)) {
      return Optional.empty();
    }
    Tree body = enclosingBody(state.getPath());
    if (body == null) {
      return Optional.empty();
    }
    VariableTree[] found = new VariableTree[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        if (ASTHelpers.getSymbol(node) == var) {
          found[0] = node;
        }
        return super.visitVariable(node, null);
      }
    }.scan(body, null);
    return found[0] == null ? Optional.empty() : Optional.ofNullable(found[0].getInitializer());
  }

  private static Tree enclosingBody(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree) {
        return p.getLeaf();
      }
    }
    return null;
  }

  private LocalVariables() {}
}
