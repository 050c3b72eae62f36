package io.github.leakguard.analysis;

import com.sun.source.tree.CompilationUnitTree;
import java.util.function.Function;

/**
 * One value for the compilation unit being checked on this thread: javac checks one unit at a time,
 * so a single slot lets every node of the unit share a value computed once, and lets the previous
 * unit's trees go when the next unit asks. A static slot is shared by every check that asks; a
 * check's own field keeps that check's results.
 *
 * @param <T> the value
 */
public final class UnitLocal<T> {
  private record Slot<T>(CompilationUnitTree unit, T value) {}

  private final ThreadLocal<Slot<T>> current = new ThreadLocal<>();

  /** The value for {@code unit}, made by {@code create} when the unit is not the current one. */
  public T get(CompilationUnitTree unit, Function<CompilationUnitTree, T> create) {
    Slot<T> slot = current.get();
    if (slot == null || slot.unit() != unit) {
      slot = new Slot<>(unit, create.apply(unit));
      current.set(slot);
    }
    return slot.value();
  }
}
