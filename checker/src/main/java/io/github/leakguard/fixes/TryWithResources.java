package io.github.leakguard.fixes;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.suppliers.Suppliers;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.util.Name;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * Wraps a local resource and the statements that use it in try-with-resources.
 *
 * <p>Offered only where the result surely compiles and means the same: the resource is an
 * effectively final local declared as a statement of a block, with an {@code AutoCloseable} type;
 * every use sits in the statements that follow it in that block (the try block runs to the last
 * statement using it or a local declared after it); and every checked exception its {@code close()}
 * throws is declared by the enclosing method (no lambda in between).
 */
public final class TryWithResources {

  private static final Supplier<Type> AUTO_CLOSEABLE =
      Suppliers.typeFromString("java.lang.AutoCloseable");
  private static final Supplier<Type> RUNTIME_EXCEPTION =
      Suppliers.typeFromString("java.lang.RuntimeException");
  private static final Supplier<Type> ERROR = Suppliers.typeFromString("java.lang.Error");
  private static final Supplier<Name> CLOSE = VisitorState.memoize(state -> state.getName("close"));

  /** The fix for the resource opened by {@code opened} at {@code path}, when there is one. */
  public static Optional<SuggestedFix> fix(
      ExpressionTree opened, TreePath path, VisitorState state) {
    TreePath declPath = path;
    if (!(declPath.getLeaf() instanceof VariableTree decl)
        || decl.getInitializer() != opened
        || !(declPath.getParentPath().getLeaf() instanceof BlockTree block)
        || ASTHelpers.getSymbol(decl).getKind() != ElementKind.LOCAL_VARIABLE
        || !ASTHelpers.isConsideredFinal(ASTHelpers.getSymbol(decl))
        || !isSubtype(ASTHelpers.getSymbol(decl).type, AUTO_CLOSEABLE.get(state), state)
        || !closeExceptionsDeclared(ASTHelpers.getSymbol(decl).type, declPath, state)) {
      return Optional.empty();
    }
    VarSymbol variable = ASTHelpers.getSymbol(decl);
    // The try block runs from the declaration to the last statement that uses the resource or a
    // local declared after it, so every local the block declares stays in scope for its uses.
    List<? extends StatementTree> statements = block.getStatements();
    int first = statements.indexOf(decl);
    Set<Symbol> used = new HashSet<>(Set.of(variable));
    int last = first;
    for (int i = first + 1; i < statements.size(); i++) {
      if (statements.get(i) instanceof VariableTree inner) {
        used.add(ASTHelpers.getSymbol(inner));
      }
    }
    for (int i = statements.size() - 1; i > first; i--) {
      if (mentions(statements.get(i), used)) {
        last = i;
        break;
      }
    }
    String source = state.getSourceForNode(decl);
    if (source == null) {
      return Optional.empty();
    }
    source = source.strip();
    if (source.endsWith(";")) {
      source = source.substring(0, source.length() - 1).strip();
    }
    return Optional.of(
        SuggestedFix.builder()
            .replace(decl, "try (" + source + ") {")
            .postfixWith(statements.get(last), "\n}")
            .build());
  }

  private static boolean closeExceptionsDeclared(Type type, TreePath path, VisitorState state) {
    MethodTree method = null;
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof LambdaExpressionTree) {
        return false;
      }
      if (p.getLeaf() instanceof MethodTree m) {
        method = m;
        break;
      }
    }
    MethodSymbol close = closeMethod(type, state);
    if (method == null || close == null) {
      return false;
    }
    MethodSymbol enclosing = ASTHelpers.getSymbol(method);
    for (Type thrown : close.getThrownTypes()) {
      if (isSubtype(thrown, RUNTIME_EXCEPTION.get(state), state)
          || isSubtype(thrown, ERROR.get(state), state)) {
        continue;
      }
      if (enclosing.getThrownTypes().stream().noneMatch(t -> isSubtype(thrown, t, state))) {
        return false;
      }
    }
    return true;
  }

  /** The {@code close()} that try-with-resources calls: the most specific declaration. */
  private static MethodSymbol closeMethod(Type type, VisitorState state) {
    MethodSymbol best = null;
    for (Symbol member :
        state.getTypes().membersClosure(type, false).getSymbolsByName(CLOSE.get(state))) {
      if (member instanceof MethodSymbol method
          && method.getParameters().isEmpty()
          && !method.isStatic()
          && (best == null || isSubtype(method.owner.type, best.owner.type, state))) {
        best = method;
      }
    }
    return best;
  }

  private static boolean mentions(Tree tree, Set<? extends Symbol> symbols) {
    if (symbols.isEmpty()) {
      return false;
    }
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        if (symbols.contains(ASTHelpers.getSymbol(node))) {
          found[0] = true;
        }
        return null;
      }
    }.scan(tree, null);
    return found[0];
  }

  private static boolean isSubtype(Type type, Type supertype, VisitorState state) {
    return type != null
        && supertype != null
        && state
            .getTypes()
            .isSubtype(state.getTypes().erasure(type), state.getTypes().erasure(supertype));
  }

  private TryWithResources() {}
}
