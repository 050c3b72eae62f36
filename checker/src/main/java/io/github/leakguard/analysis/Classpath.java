package io.github.leakguard.analysis;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Symbol.CompletionFailure;
import com.sun.tools.javac.model.JavacElements;
import java.util.HashMap;
import java.util.Map;

/**
 * Whether a class is on the compilation's classpath, asked once per class and compilation: the
 * handler analysis asks whether a framework's adapter is there (code served as a function) or not
 * (the same code in a long-lived server).
 *
 * <p>The class is loaded by name when no unit has mentioned it yet: an adapter is usually named
 * only in a deployment descriptor, never in the code it serves, so javac's symbol table alone would
 * not know it.
 */
final class Classpath {
  private final CompilationCache<Map<String, Boolean>> known =
      new CompilationCache<>(state -> new HashMap<>());

  boolean has(String className, VisitorState state) {
    return known.get(state).computeIfAbsent(className, name -> load(name, state));
  }

  private static boolean load(String className, VisitorState state) {
    try {
      return JavacElements.instance(state.context).getTypeElement(className) != null;
    } catch (CompletionFailure | IllegalStateException e) {
      return false; // a class file javac cannot read is no adapter it can run
    }
  }
}
