package io.github.leakguard.analysis;

import com.google.common.collect.ImmutableListMultimap;
import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.code.Types;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which of a fixed list of catalog types a type is a subtype of, answered once per class and
 * compilation. The checks ask this of the type of nearly every call and constructor in the code,
 * and most of those types recur (String, List, a builder), so the supertypes of each class are
 * walked once instead of a subtype test per call and catalog entry.
 *
 * <p>Catalog types are matched by qualified name in the class's supertype closure, never looked up
 * by name: a lookup finds only classes javac has already loaded, and would miss a library type that
 * the first units of a compilation do not mention.
 */
public final class SupertypeIndex {
  private static final BitSet NONE = new BitSet();

  /** The positions of each type name in the list the index was built from. */
  private final ImmutableListMultimap<String, Integer> positions;

  /**
   * The current compilation's answers, keyed by its Types: one compilation per thread at a time.
   */
  private volatile @Nullable PerCompilation current;

  private record PerCompilation(Types types, Map<TypeSymbol, BitSet> known) {}

  public SupertypeIndex(List<String> typeNames) {
    ImmutableListMultimap.Builder<String, Integer> builder = ImmutableListMultimap.builder();
    for (int i = 0; i < typeNames.size(); i++) {
      builder.put(typeNames.get(i), i);
    }
    this.positions = builder.build();
  }

  /**
   * The positions, in the list this index was built from, of the types that {@code type}'s erasure
   * is a subtype of. Do not modify the result.
   */
  public BitSet supertypesOf(@Nullable Type type, VisitorState state) {
    if (type == null || type.isPrimitiveOrVoid()) {
      return NONE;
    }
    PerCompilation compilation = compilation(state);
    Type erased = compilation.types().erasure(type);
    if (!erased.hasTag(TypeTag.CLASS)) {
      return NONE; // arrays, type variables without a class bound: no catalog type is one
    }
    return compilation.known().computeIfAbsent(erased.tsym, s -> compute(erased, compilation));
  }

  private BitSet compute(Type erased, PerCompilation compilation) {
    BitSet result = new BitSet();
    for (Type supertype : compilation.types().closure(erased)) {
      for (int position : positions.get(supertype.tsym.getQualifiedName().toString())) {
        result.set(position);
      }
    }
    return result.isEmpty() ? NONE : result;
  }

  private PerCompilation compilation(VisitorState state) {
    Types types = state.getTypes();
    PerCompilation known = current;
    if (known == null || known.types() != types) {
      known = new PerCompilation(types, new HashMap<>());
      current = known;
    }
    return known;
  }
}
