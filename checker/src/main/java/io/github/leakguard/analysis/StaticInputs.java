package io.github.leakguard.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.PackageSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import java.util.function.Predicate;

/**
 * Whether an expression depends only on constants and static state, and so gives the same value
 * when evaluated once at class initialization as when evaluated on each call.
 */
public final class StaticInputs {

  /**
   * True when every name in {@code expression} is a type, a package or a static final field, every
   * call is static or on such a value, nothing captures local state, and nothing throws a checked
   * exception (a static initializer cannot).
   */
  public static boolean onlyStaticInputs(ExpressionTree expression, VisitorState state) {
    return onlyInputs(expression, field -> false, state);
  }

  /**
   * As {@link #onlyStaticInputs}, but the expression may also read the instance fields {@code
   * fields} accepts, by simple name or as {@code this.name}: whether it can be evaluated once, by
   * the code that initializes those fields.
   */
  public static boolean onlyInputs(
      ExpressionTree expression, Predicate<VarSymbol> fields, VisitorState state) {
    boolean[] ok = {true};
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (!ok[0] || tree == null) {
          return null;
        }
        if (tree instanceof LambdaExpressionTree || tree instanceof MemberReferenceTree) {
          ok[0] = false;
          return null;
        }
        return super.scan(tree, null);
      }

      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        check(ASTHelpers.getSymbol(node));
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree node, Void unused) {
        check(ASTHelpers.getSymbol(node));
        if (node.getExpression() instanceof IdentifierTree receiver
            && receiver.getName().contentEquals("this")) {
          return null; // this.field: the field is what is read
        }
        return super.visitMemberSelect(node, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        Symbol method = ASTHelpers.getSymbol((Tree) node);
        if (method == null
            || (!ASTHelpers.isStatic(method) && ASTHelpers.getReceiver(node) == null)
            || throwsChecked(method, state)) {
          ok[0] = false;
          return null;
        }
        return super.visitMethodInvocation(node, null);
      }

      @Override
      public Void visitNewClass(NewClassTree node, Void unused) {
        Symbol constructor = ASTHelpers.getSymbol((Tree) node);
        if (constructor == null
            || node.getClassBody() != null
            || node.getEnclosingExpression() != null
            || ((ClassSymbol) constructor.owner).hasOuterInstance()
            || throwsChecked(constructor, state)) {
          ok[0] = false;
          return null;
        }
        return super.visitNewClass(node, null);
      }

      private void check(Symbol sym) {
        if (sym == null) {
          ok[0] = false;
        } else if (sym instanceof VarSymbol var) {
          ok[0] &= ASTHelpers.isStatic(var) ? (var.flags() & Flags.FINAL) != 0 : fields.test(var);
        } else if (!(sym instanceof ClassSymbol
            || sym instanceof PackageSymbol
            || sym instanceof Symbol.MethodSymbol)) {
          ok[0] = false;
        }
      }
    }.scan(expression, null);
    return ok[0];
  }

  private static boolean throwsChecked(Symbol method, VisitorState state) {
    Type runtime = state.getSymtab().runtimeExceptionType;
    Type error = state.getSymtab().errorType;
    for (Type thrown : method.type.getThrownTypes()) {
      if (!state.getTypes().isSubtype(thrown, runtime)
          && !state.getTypes().isSubtype(thrown, error)) {
        return true;
      }
    }
    return false;
  }

  private StaticInputs() {}
}
