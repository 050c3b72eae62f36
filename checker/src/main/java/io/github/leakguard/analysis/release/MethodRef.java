package io.github.leakguard.analysis.release;

import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.suppliers.Suppliers;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import io.github.leakguard.analysis.CachedName;
import org.jspecify.annotations.Nullable;

/**
 * A catalog method name, {@code owner#name} ({@code owner#*} for any name): an instance method
 * called on a subtype of the owner, or a method declared in a subtype of it.
 */
final class MethodRef {
  private final Supplier<Type> owner;

  /** The method name; null for any name ({@code owner#*}). */
  private final @Nullable CachedName name;

  MethodRef(String ref) {
    int hash = ref.indexOf('#');
    this.owner = Suppliers.typeFromString(ref.substring(0, hash));
    String method = ref.substring(hash + 1);
    this.name = method.equals("*") ? null : new CachedName(method);
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
    return name == null || name.is(method.getSimpleName(), state);
  }

  static boolean isSubtype(@Nullable Type type, @Nullable Type supertype, VisitorState state) {
    if (type == null || supertype == null) {
      return false;
    }
    Types types = state.getTypes();
    return types.isSubtype(types.erasure(type), types.erasure(supertype));
  }
}
