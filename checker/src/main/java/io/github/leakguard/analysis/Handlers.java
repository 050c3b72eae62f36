package io.github.leakguard.analysis;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.github.leakguard.config.LeakGuardOptions;
import java.util.Optional;

/**
 * Decides which methods are function handlers: the entry points a serverless platform calls once
 * per invocation, in an execution environment it keeps warm between calls.
 */
public final class Handlers {

  /** Platform interfaces whose implemented methods are handlers. */
  public static final ImmutableSet<String> HANDLER_TYPES =
      ImmutableSet.of(
          "com.amazonaws.services.lambda.runtime.RequestHandler",
          "com.amazonaws.services.lambda.runtime.RequestStreamHandler",
          "com.google.cloud.functions.HttpFunction",
          "com.google.cloud.functions.BackgroundFunction",
          "com.google.cloud.functions.RawBackgroundFunction",
          "com.google.cloud.functions.CloudEventsFunction",
          "com.google.cloud.functions.TypedFunction");

  /** Annotations that make a method a handler. */
  public static final ImmutableSet<String> HANDLER_ANNOTATIONS =
      ImmutableSet.of("com.microsoft.azure.functions.annotation.FunctionName");

  /** Lambda handlers configured by name take the runtime's Context. */
  private static final CachedName LAMBDA_CONTEXT =
      new CachedName("com.amazonaws.services.lambda.runtime.Context");

  private final ImmutableSet<String> handlerTypes;
  private final ImmutableSet<String> handlerAnnotations;
  private final NamedHandlers namedHandlers;

  /** Every method of every class is asked about: most classes implement no handler type at all. */
  private final SupertypeIndex handlerTypeIndex;

  public Handlers(LeakGuardOptions options) {
    this.handlerTypes =
        ImmutableSet.<String>builder().addAll(HANDLER_TYPES).addAll(options.handlerTypes()).build();
    this.handlerAnnotations =
        ImmutableSet.<String>builder()
            .addAll(HANDLER_ANNOTATIONS)
            .addAll(options.handlerAnnotations())
            .build();
    this.handlerTypeIndex = new SupertypeIndex(handlerTypes.asList());
    this.namedHandlers = new NamedHandlers(options.handlerMethods());
  }

  /** Why {@code method} is a handler ("implements RequestHandler"), or empty when it is not one. */
  public Optional<String> reason(MethodSymbol method, VisitorState state) {
    // Flags, not getModifiers(): every method of every handler class is asked, and that allocates.
    if (method.isConstructor()
        || (method.flags() & (Flags.ABSTRACT | Flags.DEFAULT)) == Flags.ABSTRACT) {
      return Optional.empty();
    }
    if (!method.getRawAttributes().isEmpty()) { // most methods have no annotation at all
      for (String annotation : handlerAnnotations) {
        if (ASTHelpers.hasAnnotation(method, annotation, state)) {
          return Optional.of("annotated @" + simpleName(annotation));
        }
      }
    }
    if (!ASTHelpers.isStatic(method)
        && !handlerTypeIndex.supertypesOf(method.owner.type, state).isEmpty()) {
      for (MethodSymbol superMethod : ASTHelpers.findSuperMethods(method, state.getTypes())) {
        String owner = superMethod.owner.getQualifiedName().toString();
        if (handlerTypes.contains(owner)) {
          return Optional.of("implements " + simpleName(owner));
        }
      }
    }
    if (namedHandlers.names(method)) {
      return Optional.of("a deployment template names (HandlerMethods)");
    }
    if ((method.flags() & Flags.PUBLIC) != 0) {
      for (VarSymbol parameter : method.getParameters()) {
        Symbol type = parameter.type.tsym;
        if (type != null && LAMBDA_CONTEXT.is(type.getQualifiedName(), state)) {
          return Optional.of("takes a Lambda Context");
        }
      }
    }
    return Optional.empty();
  }

  private static String simpleName(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }
}
