package io.github.leakguard.analysis.release;

import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.suppliers.Suppliers;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.util.Name;
import com.sun.tools.javac.util.Names;
import org.jspecify.annotations.Nullable;

/**
 * A catalog method name, {@code owner#name} ({@code owner#*} for any name): an instance method
 * called on a subtype of the owner, or a method declared in a subtype of it.
 */
final class MethodRef {
  private final Supplier<Type> owner;
  private final String name;

  /**
   * The name in the current compilation's name table: every call in the code is compared with
   * every catalog name, and javac's names compare by identity where a string comparison would
   * decode the name each time.
   */
  private volatile @Nullable NameInTable cached;

  private record NameInTable(Names table, Name name) {}

  MethodRef(String ref) {
    int hash = ref.indexOf('#');
    this.owner = Suppliers.typeFromString(ref.substring(0, hash));
    this.name = ref.substring(hash + 1);
  }

  boolean matches(MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    if (method.isConstructor() || !named(method, state)) {
      return false;
    }
    Type ownerType = owner.get(state);
    if (ownerType == null) {
      return false;
    }
    return isSubtype(method.owner.type, ownerType, state)
        || (!method.isStatic() && receiver != null && isSubtype(receiver, ownerType, state));
  }

  private boolean named(MethodSymbol method, VisitorState state) {
    if (name.equals("*")) {
      return true;
    }
    Names table = state.getNames();
    NameInTable known = cached;
    if (known == null || known.table() != table) {
      known = new NameInTable(table, table.fromString(name));
      cached = known;
    }
    return method.getSimpleName() == known.name();
  }

  static boolean isSubtype(@Nullable Type type, @Nullable Type supertype, VisitorState state) {
    if (type == null || supertype == null) {
      return false;
    }
    Types types = state.getTypes();
    return types.isSubtype(types.erasure(type), types.erasure(supertype));
  }
}
