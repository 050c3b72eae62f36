package io.github.leakguard.analysis.release;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.suppliers.Suppliers;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakguard.catalog.Catalogs;
import io.github.leakguard.catalog.ResourceKind;
import java.util.Collection;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One catalog resource kind with its method names and types resolved for matching. */
final class CompiledKind {

  static final ImmutableList<CompiledKind> ALL =
      Catalogs.RESOURCES.stream().map(CompiledKind::new).collect(ImmutableList.toImmutableList());

  static final ImmutableList<MethodRef> RELEASE_HELPERS = refs(Catalogs.RELEASE_HELPERS);

  final ResourceKind kind;
  private final Supplier<Type> type;
  private final ImmutableList<Supplier<Type>> typeArguments;
  private final ImmutableList<MethodRef> openedBy;
  private final ImmutableList<MethodRef> handles;
  private final ImmutableList<MethodRef> releasedBy;

  private CompiledKind(ResourceKind kind) {
    this.kind = kind;
    this.type = Suppliers.typeFromString(kind.type());
    this.typeArguments =
        kind.typeArguments().stream()
            .map(Suppliers::typeFromString)
            .collect(ImmutableList.toImmutableList());
    this.openedBy = refs(kind.openedBy());
    this.handles = refs(kind.handles());
    this.releasedBy = refs(kind.releasedBy());
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
    for (CompiledKind compiled : ALL) {
      if (compiled.opens(method, receiver, result, state)) {
        return Optional.of(compiled);
      }
    }
    return Optional.empty();
  }

  /** The first independent kind whose values {@code result} can hold, for annotated factories. */
  static Optional<CompiledKind> ofType(Type result, VisitorState state) {
    for (CompiledKind compiled : ALL) {
      if (compiled.kind.opener() == ResourceKind.Opener.INDEPENDENT
          && compiled.holds(result, state)) {
        return Optional.of(compiled);
      }
    }
    return Optional.empty();
  }

  boolean opens(MethodSymbol method, @Nullable Type receiver, Type result, VisitorState state) {
    boolean shape =
        method.isConstructor()
            ? kind.constructors()
            : openedBy.stream().anyMatch(ref -> ref.matches(method, receiver, state));
    return shape && holds(result, state);
  }

  boolean holds(Type result, VisitorState state) {
    if (!MethodRef.isSubtype(result, type.get(state), state)) {
      return false;
    }
    if (typeArguments.isEmpty()) {
      return true;
    }
    Type asKind = state.getTypes().asSuper(result, type.get(state).tsym);
    if (asKind == null || asKind.getTypeArguments().isEmpty()) {
      return false;
    }
    Type argument = state.getTypes().wildUpperBound(asKind.getTypeArguments().get(0));
    return typeArguments.stream().anyMatch(t -> MethodRef.isSubtype(argument, t.get(state), state));
  }

  boolean isHandle(MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    return handles.stream().anyMatch(ref -> ref.matches(method, receiver, state));
  }

  boolean isReleaseMethod(MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    if (!method.isStatic()
        && method.getSimpleName().contentEquals("close")
        && method.getParameters().isEmpty()) {
      return true;
    }
    return releasedBy.stream().anyMatch(ref -> ref.matches(method, receiver, state));
  }

  static boolean isReleaseHelper(MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    return RELEASE_HELPERS.stream().anyMatch(ref -> ref.matches(method, receiver, state));
  }

  private static ImmutableList<MethodRef> refs(Collection<String> names) {
    return names.stream().map(MethodRef::new).collect(ImmutableList.toImmutableList());
  }
}
