package io.github.leakguard.analysis;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.util.Name;

/**
 * A fixed name as javac's {@link Name} of the current compilation. Names are unique in their table,
 * so comparing one is an identity test, where {@code contentEquals} on a javac name decodes it into
 * a new string each time: a cost paid on every call the checks look at.
 */
public final class CachedName {
  private final CompilationCache<Name> name;

  public CachedName(String text) {
    this.name = new CompilationCache<>(state -> state.getNames().fromString(text));
  }

  /** This name in the current compilation's table. */
  public Name get(VisitorState state) {
    return name.get(state);
  }

  /** Whether {@code name} (a simple or qualified name of the current compilation) is this one. */
  public boolean is(Name name, VisitorState state) {
    return name == this.name.get(state);
  }
}
