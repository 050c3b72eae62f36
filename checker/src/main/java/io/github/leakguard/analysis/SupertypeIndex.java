package io.github.leakguard.analysis;

import com.google.common.collect.ImmutableListMultimap;
import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Symbol.CompletionFailure;
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
 * the first units of a compilation do not mention. The names are compared through a {@link
 * NameIndex}, so a supertype's name is never decoded.
 */
public final class SupertypeIndex {
  private static final BitSet NONE = new BitSet();

  /** The positions of each type name in the list the index was built from. */
  private final NameIndex<Integer> positions;

  /** The current compilation's answers, by class. */
  private final CompilationCache<Map<TypeSymbol, BitSet>> known =
      new CompilationCache<>(state -> new HashMap<>());

  public SupertypeIndex(List<String> typeNames) {
    ImmutableListMultimap.Builder<String, Integer> builder = ImmutableListMultimap.builder();
    for (int i = 0; i < typeNames.size(); i++) {
      builder.put(typeNames.get(i), i);
    }
    this.positions = new NameIndex<>(builder.build());
  }

  /**
   * The positions, in the list this index was built from, of the types that {@code type}'s erasure
   * is a subtype of. Do not modify the result.
   */
  public BitSet supertypesOf(@Nullable Type type, VisitorState state) {
    if (type == null || type.isPrimitiveOrVoid()) {
      return NONE;
    }
    // A class type's erasure has the same symbol: erasing it first would allocate on every call.
    Types types = state.getTypes();
    Type erased = type.hasTag(TypeTag.CLASS) ? type : types.erasure(type);
    if (!erased.hasTag(TypeTag.CLASS)) {
      return NONE; // arrays, type variables without a class bound: no catalog type is one
    }
    Map<TypeSymbol, BitSet> answers = known.get(state);
    BitSet answer = answers.get(erased.tsym);
    if (answer == null) {
      answer = compute(types.erasure(erased), state);
      answers.put(erased.tsym, answer);
    }
    return answer;
  }

  private BitSet compute(Type erased, VisitorState state) {
    BitSet result = new BitSet();
    try {
      for (Type supertype : state.getTypes().closure(erased)) {
        for (int position : positions.get(supertype.tsym.getQualifiedName(), state)) {
          result.set(position);
        }
      }
    } catch (CompletionFailure e) {
      // A supertype missing from the classpath: javac did not need it, and an unknown type is no
      // catalog type for the checks, which then stay silent rather than fail the build.
      return NONE;
    }
    return result.isEmpty() ? NONE : result;
  }
}
