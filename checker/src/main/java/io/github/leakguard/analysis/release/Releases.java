package io.github.leakguard.analysis.release;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import io.github.leakguard.analysis.UnitLocal;

/**
 * Which resources each method leaves unreleased on some path out of it, exceptional paths of
 * checked exceptions included. Results are computed once per method and compilation unit and shared
 * by every check that asks (UnclosedConnection and UnclosedResponse read the same analysis).
 */
public final class Releases {

  private static final UnitLocal<UnitReleases> CURRENT = new UnitLocal<>();

  /**
   * The leaks of the method, lambda or initializer block at the current path ({@code
   * state.getPath()}), nested lambdas and classes excluded (they are analysed on their own).
   *
   * @param strictStatements whether a JDBC statement must be closed itself even when its connection
   *     is closed on every path
   */
  public static ImmutableList<Leak> leaks(VisitorState state, boolean strictStatements) {
    TreePath path = state.getPath();
    if (!(path.getLeaf() instanceof MethodTree)
        && !(path.getLeaf() instanceof LambdaExpressionTree)
        && !isInitializer(path)) {
      return ImmutableList.of();
    }
    CompilationUnitTree unit = path.getCompilationUnit();
    UnitReleases releases = CURRENT.get(unit, UnitReleases::new);
    try {
      return releases.leaks(path, strictStatements, state);
    } catch (RuntimeException | AssertionError e) {
      // Last line of defence: code the graph builder cannot take gets no finding, never a crash.
      return ImmutableList.of();
    }
  }

  /**
   * Whether {@code path} is an initializer block of a class ({@code { ... }}, {@code static { }}).
   */
  public static boolean isInitializer(TreePath path) {
    return path.getLeaf() instanceof BlockTree
        && path.getParentPath() != null
        && path.getParentPath().getLeaf() instanceof ClassTree;
  }

  private Releases() {}
}
