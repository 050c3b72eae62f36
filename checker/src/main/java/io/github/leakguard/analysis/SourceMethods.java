package io.github.leakguard.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.api.JavacTrees;
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
   * The path to the body of {@code method} when it is compiled from source in this run and its
   * unit's trees are intact; null for a library method, an abstract one, or under a compile policy
   * that may already have lowered other units.
   */
  public static @Nullable TreePath path(MethodSymbol method, VisitorState state) {
    if (!readable(method.outermostClass(), state)) {
      return null;
    }
    try {
      TreePath path = JavacTrees.instance(state.context).getPath(method);
      if (path != null
          && path.getLeaf() instanceof MethodTree tree
          && tree.getBody() != null
          && ASTHelpers.getSymbol(tree) == method) {
        return path;
      }
    } catch (RuntimeException e) {
      // A class javac has not entered: not followed.
    }
    return null;
  }

  /** The path to the declaration of {@code type}, as {@link #path} for a method; else null. */
  public static @Nullable TreePath path(ClassSymbol type, VisitorState state) {
    if (!readable(type.outermostClass(), state)) {
      return null;
    }
    try {
      TreePath path = JavacTrees.instance(state.context).getPath(type);
      if (path != null
          && path.getLeaf() instanceof ClassTree tree
          && ASTHelpers.getSymbol(tree) == type) {
        return path;
      }
    } catch (RuntimeException e) {
      // A class javac has not entered: not followed.
    }
    return null;
  }

  private static boolean readable(@Nullable ClassSymbol outermost, VisitorState state) {
    // Error Prone's required -XDcompilePolicy=simple attributes every unit before any is lowered.
    return "simple".equals(Options.instance(state.context).get("compilePolicy"))
        && outermost != null
        && Enter.instance(state.context).getEnv(outermost) != null;
  }

  private SourceMethods() {}
}
