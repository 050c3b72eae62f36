package io.github.leakguard.analysis;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.CompletionFailure;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symtab;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.comp.Enter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The implementations, in the classes compiled from source in this javac run, of an abstract method
 * of a type also compiled from source: where a call through the project's own interface or abstract
 * class goes. Library interfaces are not followed: their implementations in a project are many and
 * mostly not the one a call reaches.
 *
 * <p>The subtypes of every source type are indexed once per compilation, on the first question,
 * from javac's symbol table, which holds every class of the compilation once all are entered: the
 * answer does not depend on the order in which units are checked.
 */
final class Implementations {
  /** Source types by their source supertypes. */
  private final CompilationCache<Map<ClassSymbol, List<ClassSymbol>>> subtypes =
      new CompilationCache<>(Implementations::index);

  /**
   * The concrete implementations of {@code method} in the compilation, in the order of their
   * classes' names, or empty when its class is not compiled from source.
   */
  List<MethodSymbol> of(MethodSymbol method, VisitorState state) {
    if (!(method.owner instanceof ClassSymbol owner)) {
      return List.of();
    }
    Types types = state.getTypes();
    List<MethodSymbol> found = new ArrayList<>();
    for (ClassSymbol subtype : subtypes.get(state).getOrDefault(owner, List.of())) {
      if ((subtype.flags() & (Flags.ABSTRACT | Flags.INTERFACE)) != 0) {
        continue;
      }
      MethodSymbol implementation;
      try {
        implementation = method.implementation(subtype, types, true);
      } catch (CompletionFailure e) {
        continue; // a supertype missing from the classpath: not followed
      }
      if (implementation != null
          && implementation != method
          && (implementation.flags() & Flags.ABSTRACT) == 0
          && !found.contains(implementation)) {
        found.add(implementation);
      }
    }
    return found;
  }

  private static Map<ClassSymbol, List<ClassSymbol>> index(VisitorState state) {
    Enter enter = Enter.instance(state.context);
    Types types = state.getTypes();
    Map<ClassSymbol, List<ClassSymbol>> index = new HashMap<>();
    List<ClassSymbol> sources = new ArrayList<>();
    for (ClassSymbol c : Symtab.instance(state.context).getAllClasses()) {
      if (enter.getEnv(c) != null) {
        sources.add(c);
      }
    }
    sources.sort(Comparator.comparing(c -> c.flatName().toString()));
    for (ClassSymbol c : sources) {
      try {
        for (Type supertype : types.closure(c.type)) {
          if (supertype.tsym instanceof ClassSymbol s && s != c && enter.getEnv(s) != null) {
            index.computeIfAbsent(s, k -> new ArrayList<>()).add(c);
          }
        }
      } catch (CompletionFailure e) {
        // A supertype missing from the classpath: javac reported it, or did not need it.
      }
    }
    return index;
  }
}
