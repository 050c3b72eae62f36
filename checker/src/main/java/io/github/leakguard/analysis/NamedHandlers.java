package io.github.leakguard.analysis;

import com.google.common.collect.ImmutableSetMultimap;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.Set;

/**
 * Handlers named the way a deployment template names them ({@code HandlerMethods}): {@code
 * com.example.App::handle} or just {@code com.example.App}, whose {@code handleRequest} methods the
 * Lambda runtime then calls. Such a handler may implement no platform type and take no {@code
 * Context} (a POJO handler taking a {@code Map}), so only its name says it is one.
 */
final class NamedHandlers {
  /** The method the Lambda runtime calls when a template names only the class. */
  private static final String DEFAULT_METHOD = "handleRequest";

  /** Binary class name ({@code com.example.Jobs$Nightly}) to method names. */
  private final ImmutableSetMultimap<String, String> methodsByClass;

  NamedHandlers(Set<String> handlers) {
    ImmutableSetMultimap.Builder<String, String> methods = ImmutableSetMultimap.builder();
    for (String handler : handlers) {
      int separator = handler.indexOf("::");
      if (separator < 0) {
        methods.put(handler, DEFAULT_METHOD);
      } else {
        methods.put(handler.substring(0, separator), handler.substring(separator + 2));
      }
    }
    this.methodsByClass = methods.build();
  }

  /**
   * Whether {@code method} is a named handler: a public, concrete method of that name declared in
   * the named class (the runtime looks it up on that class; one inherited from a superclass is not
   * matched).
   */
  boolean names(MethodSymbol method) {
    if (methodsByClass.isEmpty()
        || (method.flags() & Flags.PUBLIC) == 0
        || (method.flags() & Flags.ABSTRACT) != 0
        || !(method.owner instanceof ClassSymbol owner)) {
      return false;
    }
    String name = method.getSimpleName().toString();
    return methodsByClass.get(owner.flatName().toString()).contains(name)
        || methodsByClass.get(owner.getQualifiedName().toString()).contains(name);
  }
}
