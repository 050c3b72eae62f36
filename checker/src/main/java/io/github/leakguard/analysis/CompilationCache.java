package io.github.leakguard.analysis;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Types;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One value per javac compilation, made on first use and replaced when another compilation asks.
 * Unlike Error Prone's {@code VisitorState.memoize}, it is not synchronized (every call of the code
 * asks it) and may hold mutable caches: a compilation runs on one thread, and a compilation never
 * sees another's value, since the slot is read once and compared by the compilation's {@link
 * Types}.
 *
 * @param <T> the value
 */
public final class CompilationCache<T> {
  private final Function<VisitorState, T> create;
  private volatile @Nullable Slot<T> current;

  private record Slot<T>(Types types, T value) {}

  public CompilationCache(Function<VisitorState, T> create) {
    this.create = create;
  }

  public T get(VisitorState state) {
    Types types = state.getTypes();
    Slot<T> slot = current;
    if (slot == null || slot.types() != types) {
      slot = new Slot<>(types, create.apply(state));
      current = slot;
    }
    return slot.value();
  }
}
