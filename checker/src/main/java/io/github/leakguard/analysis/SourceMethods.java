package io.github.leakguard.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.comp.Enter;
import com.sun.tools.javac.util.Options;
import org.jspecify.annotations.Nullable;

/**
 * The attributed declarations of methods and classes compiled from source in this javac run, in any
 * of its compilation units: what lets an analysis read a project helper declared in another file.
 */
public final class SourceMethods {

  /**
   * The path to the declaration of {@code method} when it has a body, is compiled from source in
   * this run and its unit's trees are intact; null for a library method, an abstract one, or under
   * a compile policy that may already have lowered other units.
   */
  public static @Nullable TreePath path(MethodSymbol method, VisitorState state) {
    TreePath path = declaration(method, state);
    return path != null
            && path.getLeaf() instanceof MethodTree tree
            && tree.getBody() != null
            && ASTHelpers.getSymbol(tree) == method
        ? path
        : null;
  }

  /** The path to the declaration of {@code type}, as {@link #path} for a method; else null. */
  public static @Nullable TreePath path(ClassSymbol type, VisitorState state) {
    TreePath path = declaration(type, state);
    return path != null
            && path.getLeaf() instanceof ClassTree tree
            && ASTHelpers.getSymbol(tree) == type
        ? path
        : null;
  }

  private static @Nullable TreePath declaration(Symbol symbol, VisitorState state) {
    ClassSymbol outermost = symbol.outermostClass();
    // Error Prone's required -XDcompilePolicy=simple attributes every unit before any is lowered.
    if (!"simple".equals(Options.instance(state.context).get("compilePolicy"))
        || outermost == null
        || Enter.instance(state.context).getEnv(outermost) == null) {
      return null;
    }
    try {
      return JavacTrees.instance(state.context).getPath(symbol);
    } catch (RuntimeException e) {
      return null; // a class javac has not entered: not followed
    }
  }

  private SourceMethods() {}
}
