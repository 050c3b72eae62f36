package io.github.leakguard.analysis;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.errorprone.VisitorState;
import com.sun.tools.javac.util.Name;
import java.util.IdentityHashMap;

/**
 * Catalog entries by method name, looked up by javac's {@link Name}. Every call in the code is
 * looked up, and a javac name turned into a string is decoded anew each time. Names are unique in
 * their compilation's table, so the catalog's few names are entered into that table once per
 * compilation and every lookup is a probe by identity in a table that small: no decoding and no
 * entry for each of the code's own names.
 *
 * @param <V> the entries
 */
public final class NameIndex<V> {
  private final ImmutableListMultimap<String, V> byName;

  /** The catalog's names in the current compilation's table. */
  private final CompilationCache<IdentityHashMap<Name, ImmutableList<V>>> known =
      new CompilationCache<>(this::intern);

  public NameIndex(ImmutableListMultimap<String, V> byName) {
    this.byName = byName;
  }

  /** The entries named {@code name}, in the order they were given. */
  public ImmutableList<V> get(Name name, VisitorState state) {
    ImmutableList<V> entries = known.get(state).get(name);
    return entries == null ? ImmutableList.of() : entries;
  }

  public boolean contains(Name name, VisitorState state) {
    return known.get(state).containsKey(name);
  }

  private IdentityHashMap<Name, ImmutableList<V>> intern(VisitorState state) {
    IdentityHashMap<Name, ImmutableList<V>> names = new IdentityHashMap<>();
    for (String name : byName.keySet()) {
      names.put(state.getName(name), byName.get(name));
    }
    return names;
  }
}
