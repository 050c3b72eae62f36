package io.github.leakguard.analysis;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.errorprone.VisitorState;
import com.sun.tools.javac.util.Name;
import java.util.IdentityHashMap;

/**
 * Catalog entries by method name, looked up by javac's {@link Name}. Every call in the code is
 * looked up, and a javac name turned into a string is decoded anew each time; names are unique in
 * their compilation's table, so the answers are kept per name, by identity, for the compilation.
 *
 * @param <V> the entries
 */
public final class NameIndex<V> {
  private final ImmutableListMultimap<String, V> byName;

  /** The current compilation's answers; its names are unique in its table. */
  private final CompilationCache<IdentityHashMap<Name, ImmutableList<V>>> known =
      new CompilationCache<>(state -> new IdentityHashMap<>());

  public NameIndex(ImmutableListMultimap<String, V> byName) {
    this.byName = byName;
  }

  /** The entries named {@code name}, in the order they were given. */
  public ImmutableList<V> get(Name name, VisitorState state) {
    return known.get(state).computeIfAbsent(name, n -> byName.get(n.toString()));
  }

  public boolean contains(Name name, VisitorState state) {
    return !get(name, state).isEmpty();
  }
}
