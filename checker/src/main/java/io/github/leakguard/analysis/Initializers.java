package io.github.leakguard.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.Optional;
import javax.lang.model.element.ElementKind;

/**
 * The one value a variable can hold: the initializer of a final field declared in the sources being
 * compiled, or of an effectively final local variable of the current compilation unit. Anything
 * else (parameters, fields assigned elsewhere, fields of compiled libraries) has no initializer the
 * compiler can vouch for.
 */
public final class Initializers {

  public static Optional<ExpressionTree> of(Symbol sym, VisitorState state) {
    if (!(sym instanceof VarSymbol var)) {
      return Optional.empty();
    }
    if (var.getKind() == ElementKind.FIELD) {
      if ((var.flags() & Flags.FINAL) == 0) {
        return Optional.empty();
      }
      Tree declaration = JavacTrees.instance(state.context).getTree(var);
      return declaration instanceof VariableTree variable
          ? Optional.ofNullable(variable.getInitializer())
          : Optional.empty();
    }
    if (var.getKind() != ElementKind.LOCAL_VARIABLE || !ASTHelpers.isConsideredFinal(var)) {
      return Optional.empty();
    }
    ExpressionTree[] found = new ExpressionTree[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        if (ASTHelpers.getSymbol(node) == var) {
          found[0] = node.getInitializer();
        }
        return super.visitVariable(node, null);
      }
    }.scan(state.getPath().getCompilationUnit(), null);
    return Optional.ofNullable(found[0]);
  }

  private Initializers() {}
}
