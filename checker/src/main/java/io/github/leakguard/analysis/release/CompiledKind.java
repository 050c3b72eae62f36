package io.github.leakguard.analysis.release;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.suppliers.Suppliers;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakguard.analysis.CatalogIndex;
import io.github.leakguard.analysis.CatalogIndex.Role;
import io.github.leakguard.analysis.SupertypeIndex;
import io.github.leakguard.catalog.Catalogs;
import io.github.leakguard.catalog.ResourceKind;
import java.util.BitSet;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One catalog resource kind with its types resolved for matching; its methods are matched by {@link
 * CatalogIndex}.
 */
final class CompiledKind {

  static final ImmutableList<CompiledKind> ALL =
      Catalogs.RESOURCES.stream().map(CompiledKind::new).collect(ImmutableList.toImmutableList());

  /** The resource types, in the order of {@link #ALL}. */
  private static final SupertypeIndex TYPES =
      new SupertypeIndex(Catalogs.RESOURCES.stream().map(ResourceKind::type).toList());

  final ResourceKind kind;
  private final Supplier<Type> type;
  private final ImmutableList<Supplier<Type>> typeArguments;
  private final ImmutableList<Supplier<Type>> notWhenGiven;

  private CompiledKind(ResourceKind kind) {
    this.kind = kind;
    this.type = Suppliers.typeFromString(kind.type());
    this.typeArguments =
        kind.typeArguments().stream()
            .map(Suppliers::typeFromString)
            .collect(ImmutableList.toImmutableList());
    this.notWhenGiven =
        kind.notWhenGiven().stream()
            .map(Suppliers::typeFromString)
            .collect(ImmutableList.toImmutableList());
  }

  /** A kind for a value of any closeable type: only {@code close()} and the helpers release it. */
  static CompiledKind generic(String description) {
    return new CompiledKind(
        ResourceKind.builder(
                "", description, ResourceKind.Category.CONNECTION, "java.lang.AutoCloseable")
            .build());
  }

  /** The kind whose value a call of {@code method} (a constructor, when so) opens, if any. */
  static Optional<CompiledKind> opened(
      MethodSymbol method, @Nullable Type receiver, Type result, VisitorState state) {
    // Every call in the code is asked: the result's type rules out nearly all before any name.
    BitSet held = TYPES.supertypesOf(result, state);
    for (int i = held.nextSetBit(0); i >= 0; i = held.nextSetBit(i + 1)) {
      CompiledKind compiled = ALL.get(i);
      boolean shape =
          method.isConstructor()
              ? compiled.kind.constructors()
              : CatalogIndex.of(method, receiver, state).has(Role.OPENS, compiled.kind);
      if (shape && compiled.holdsArguments(result, state) && !compiled.given(method, state)) {
        return Optional.of(compiled);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code method} takes a value that makes the library release the resource itself. */
  private boolean given(MethodSymbol method, VisitorState state) {
    for (Supplier<Type> type : notWhenGiven) {
      for (VarSymbol parameter : method.getParameters()) {
        if (Subtypes.isSubtype(parameter.type, type.get(state), state)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The first independent kind whose values {@code result} can hold, for annotated factories. */
  static Optional<CompiledKind> ofType(Type result, VisitorState state) {
    BitSet held = TYPES.supertypesOf(result, state);
    for (int i = held.nextSetBit(0); i >= 0; i = held.nextSetBit(i + 1)) {
      CompiledKind compiled = ALL.get(i);
      if (compiled.kind.opener() == ResourceKind.Opener.INDEPENDENT
          && compiled.holdsArguments(result, state)) {
        return Optional.of(compiled);
      }
    }
    return Optional.empty();
  }

  /** Whether a value of {@code type} may be a resource of some kind. */
  static boolean mayHold(Type type, VisitorState state) {
    return !TYPES.supertypesOf(type, state).isEmpty();
  }

  boolean holds(Type result, VisitorState state) {
    return Subtypes.isSubtype(result, type.get(state), state) && holdsArguments(result, state);
  }

  /** Whether {@code result}, a subtype of this kind's type, has the type arguments it needs. */
  private boolean holdsArguments(Type result, VisitorState state) {
    if (typeArguments.isEmpty()) {
      return true;
    }
    Type kindType = type.get(state);
    Type asKind = kindType == null ? null : state.getTypes().asSuper(result, kindType.tsym);
    if (asKind == null || asKind.getTypeArguments().isEmpty()) {
      return false;
    }
    Type argument = state.getTypes().wildUpperBound(asKind.getTypeArguments().get(0));
    return typeArguments.stream().anyMatch(t -> Subtypes.isSubtype(argument, t.get(state), state));
  }

  boolean isHandle(MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    return CatalogIndex.of(method, receiver, state).has(Role.HANDLE, kind);
  }

  boolean isReleaseMethod(MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    if (!method.isStatic()
        && method.getSimpleName().contentEquals("close")
        && method.getParameters().isEmpty()) {
      return true;
    }
    return CatalogIndex.of(method, receiver, state).has(Role.RELEASES, kind);
  }

  static boolean isReleaseHelper(MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    return CatalogIndex.of(method, receiver, state).hasAny(Role.RELEASE_HELPER);
  }
}
