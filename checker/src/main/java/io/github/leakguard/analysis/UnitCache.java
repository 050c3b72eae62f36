package io.github.leakguard.analysis;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import java.util.function.Function;

/**
 * Keeps one analysis result for the compilation unit being checked. Error Prone visits one unit at
 * a time, so a single slot lets every node of a unit share a result computed once, and lets the
 * previous unit's trees go.
 *
 * @param <T> the analysis result
 */
public final class UnitCache<T> {
  private CompilationUnitTree unit;
  private T value;

  public T get(VisitorState state, Function<VisitorState, T> compute) {
    CompilationUnitTree current = state.getPath().getCompilationUnit();
    if (current != unit) {
      value = compute.apply(state);
      unit = current;
    }
    return value;
  }
}
