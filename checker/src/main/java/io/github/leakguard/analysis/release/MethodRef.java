package io.github.leakguard.analysis.release;

import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.suppliers.Suppliers;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import org.jspecify.annotations.Nullable;

/**
 * A catalog method name, {@code owner#name} ({@code owner#*} for any name): an instance method
 * called on a subtype of the owner, or a method declared in a subtype of it.
 */
final class MethodRef {
  private final Supplier<Type> owner;
  private final String name;

  MethodRef(String ref) {
    int hash = ref.indexOf('#');
    this.owner = Suppliers.typeFromString(ref.substring(0, hash));
    this.name = ref.substring(hash + 1);
  }

  boolean matches(MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    if (method.isConstructor()
        || (!name.equals("*") && !method.getSimpleName().contentEquals(name))) {
      return false;
    }
    Type ownerType = owner.get(state);
    if (ownerType == null) {
      return false;
    }
    return isSubtype(method.owner.type, ownerType, state)
        || (!method.isStatic() && receiver != null && isSubtype(receiver, ownerType, state));
  }

  static boolean isSubtype(@Nullable Type type, @Nullable Type supertype, VisitorState state) {
    if (type == null || supertype == null) {
      return false;
    }
    Types types = state.getTypes();
    return types.isSubtype(types.erasure(type), types.erasure(supertype));
  }
}
