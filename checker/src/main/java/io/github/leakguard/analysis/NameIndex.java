package io.github.leakguard.analysis;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.errorprone.VisitorState;
import com.sun.tools.javac.util.Name;
import com.sun.tools.javac.util.Names;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Catalog entries by method name, looked up by javac's {@link Name}. Every call in the code is
 * looked up, and a javac name turned into a string is decoded anew each time; names are unique in
 * their compilation's table, so the answers are kept per name, by identity, for the compilation.
 *
 * @param <V> the entries
 */
public final class NameIndex<V> {
  private final ImmutableListMultimap<String, V> byName;

  /** The current compilation's answers, keyed by its name table. */
  private volatile @Nullable PerCompilation<V> current;

  private record PerCompilation<V>(Names table, Map<Name, ImmutableList<V>> known) {}

  public NameIndex(ImmutableListMultimap<String, V> byName) {
    this.byName = byName;
  }

  /** The entries named {@code name}, in the order they were given. */
  public ImmutableList<V> get(Name name, VisitorState state) {
    Names table = state.getNames();
    PerCompilation<V> compilation = current;
    if (compilation == null || compilation.table() != table) {
      compilation = new PerCompilation<>(table, new IdentityHashMap<>());
      current = compilation;
    }
    return compilation.known().computeIfAbsent(name, n -> byName.get(n.toString()));
  }

  public boolean contains(Name name, VisitorState state) {
    return !get(name, state).isEmpty();
  }
}
