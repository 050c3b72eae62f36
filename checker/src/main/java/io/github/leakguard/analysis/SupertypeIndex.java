package io.github.leakguard.analysis;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.suppliers.Suppliers;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.code.Types;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which of a fixed list of catalog types a type is a subtype of (erasures compared), answered once
 * per class and compilation. The checks ask this of the type of nearly every call and constructor
 * in the code, and most of those types recur (String, List, a builder), so the subtype tests run
 * once per class instead of once per call and catalog entry.
 */
public final class SupertypeIndex {
  private static final BitSet NONE = new BitSet();

  private final ImmutableList<Supplier<Type>> types;

  /** The current compilation's answers, keyed by its Types: one compilation per thread at a time. */
  private volatile @Nullable PerCompilation current;

  private record PerCompilation(
      Types types, List<@Nullable Type> erased, Map<TypeSymbol, BitSet> known) {}

  public SupertypeIndex(List<String> typeNames) {
    this.types =
        typeNames.stream().map(Suppliers::typeFromString).collect(ImmutableList.toImmutableList());
  }

  /**
   * The positions, in the list this index was built from, of the types that {@code type}'s erasure
   * is a subtype of; types absent from the classpath match nothing. Do not modify the result.
   */
  public BitSet supertypesOf(@Nullable Type type, VisitorState state) {
    if (type == null || type.isPrimitiveOrVoid()) {
      return NONE;
    }
    PerCompilation compilation = compilation(state);
    Type erased = compilation.types().erasure(type);
    if (!erased.hasTag(TypeTag.CLASS)) {
      return compute(erased, compilation); // arrays: rare, not worth a key
    }
    return compilation.known().computeIfAbsent(erased.tsym, s -> compute(erased, compilation));
  }

  private static BitSet compute(Type erased, PerCompilation compilation) {
    BitSet result = new BitSet();
    for (int i = 0; i < compilation.erased().size(); i++) {
      Type supertype = compilation.erased().get(i);
      if (supertype != null && compilation.types().isSubtype(erased, supertype)) {
        result.set(i);
      }
    }
    return result.isEmpty() ? NONE : result;
  }

  private PerCompilation compilation(VisitorState state) {
    Types javacTypes = state.getTypes();
    PerCompilation known = current;
    if (known == null || known.types() != javacTypes) {
      List<@Nullable Type> erased = new ArrayList<>();
      for (Supplier<Type> supplier : types) {
        Type type = supplier.get(state);
        erased.add(type == null ? null : javacTypes.erasure(type));
      }
      known = new PerCompilation(javacTypes, erased, new HashMap<>());
      current = known;
    }
    return known;
  }
}
