package io.github.leakguard.analysis;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.util.Name;
import com.sun.tools.javac.util.Names;
import org.jspecify.annotations.Nullable;

/**
 * A fixed name as javac's {@link Name} of the current compilation. Names are unique in their table,
 * so comparing one is an identity test, where {@code contentEquals} on a javac name decodes it into
 * a new string each time: a cost paid on every call the checks look at.
 */
public final class CachedName {
  private final String text;
  private volatile @Nullable InTable current;

  private record InTable(Names table, Name name) {}

  public CachedName(String text) {
    this.text = text;
  }

  /** Whether {@code name} (a simple or qualified name of the current compilation) is this one. */
  public boolean is(Name name, VisitorState state) {
    Names table = state.getNames();
    InTable known = current;
    if (known == null || known.table() != table) {
      known = new InTable(table, table.fromString(text));
      current = known;
    }
    return name == known.name();
  }
}
