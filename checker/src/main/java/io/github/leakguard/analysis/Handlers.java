package io.github.leakguard.analysis;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.CompletionFailure;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.comp.Enter;
import com.sun.tools.javac.util.List;
import com.sun.tools.javac.util.Name;
import io.github.leakguard.catalog.MethodRef;
import io.github.leakguard.catalog.platform.Adapter;
import io.github.leakguard.catalog.platform.HandlerShape;
import io.github.leakguard.catalog.platform.HandlerShape.Kind;
import io.github.leakguard.catalog.platform.Platforms;
import io.github.leakguard.config.LeakGuardOptions;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Decides which methods are function handlers: the entry points a serverless platform or framework
 * calls once per invocation, in an execution environment it keeps warm between calls. What a
 * handler looks like is data, in the platform catalog ({@link Platforms}); the user's {@code
 * HandlerTypes} and {@code HandlerAnnotations} add shapes of their own.
 *
 * <p>Handlers are found by, in order: the method's annotations, the handler types its class
 * implements, and, for a class that implements none, the handler methods a deployment template
 * names ({@code HandlerMethods}) and a Lambda {@code Context} as its last parameter.
 */
public final class Handlers {

  /**
   * How a method is an entry point.
   *
   * @param wording how a message names the handler, {@code {handler}} standing for its name
   * @param returnsFunctions whether the method runs once and the functions it returns run on every
   *     invocation (a Spring Cloud Function {@code @Bean}), rather than its own body
   */
  public record Entry(String wording, boolean returnsFunctions) {
    /** The handler named {@code handler} ({@code Class.method}), as a message says it. */
    public String describe(String handler) {
      return wording.replace("{handler}", handler);
    }
  }

  /** The functional interfaces whose functions a {@code RETURNS_FUNCTION} method returns. */
  private static final SupertypeIndex JAVA_FUNCTIONS =
      new SupertypeIndex(HandlerShape.JAVA_FUNCTIONS.stream().map(MethodRef::owner).toList());

  private static final int MAX_CONTEXT_LAST_PARAMETERS = 3;

  /** A handler a deployment template names ({@code HandlerMethods}): a POJO handler, say. */
  private static final Entry NAMED =
      new Entry("handler {handler}, which a deployment template names (HandlerMethods)", false);

  private final CachedName lambdaContext = new CachedName(Platforms.LAMBDA_CONTEXT);
  private final NamedHandlers namedHandlers;

  /** Shapes by the method annotation that marks them. */
  private final NameIndex<HandlerShape> byAnnotation;

  /** Shapes by handler type, with the method of that type each one names. */
  private final NameIndex<Implemented> byType;

  /** Every handler type, to ask once per class whether it implements any. */
  private final SupertypeIndex handlerTypeIndex;

  private final ImmutableList<String> handlerTypes;
  private final Classpath classpath = new Classpath();

  /** The entry of a handler the platform finds by name, the Context last. */
  private @Nullable Entry contextLast;

  private record Implemented(HandlerShape shape, MethodRef method) {}

  public Handlers(LeakGuardOptions options) {
    java.util.List<HandlerShape> shapes = new ArrayList<>(Platforms.shapes());
    for (String type : options.handlerTypes()) {
      shapes.add(
          HandlerShape.implementing(
              "handler {handler}, which implements " + simpleName(type),
              MethodRef.anyMethod(type)));
    }
    for (String annotation : options.handlerAnnotations()) {
      shapes.add(
          HandlerShape.annotated(
              "handler {handler}, which is annotated @" + simpleName(annotation), annotation));
    }
    ImmutableListMultimap.Builder<String, HandlerShape> annotations =
        ImmutableListMultimap.builder();
    ImmutableListMultimap.Builder<String, Implemented> types = ImmutableListMultimap.builder();
    for (HandlerShape shape : shapes) {
      for (String name : shape.names()) {
        switch (shape.kind()) {
          case ANNOTATED, RETURNS_FUNCTION -> annotations.put(name, shape);
          case CONTEXT_LAST -> contextLast = new Entry(shape.wording(), false);
          case IMPLEMENTS -> {}
        }
      }
      for (MethodRef method : shape.methods()) {
        types.put(method.owner(), new Implemented(shape, method));
      }
    }
    this.byAnnotation = new NameIndex<>(annotations.build());
    ImmutableListMultimap<String, Implemented> byTypeName = types.build();
    this.byType = new NameIndex<>(byTypeName);
    this.handlerTypes = byTypeName.keySet().asList();
    this.handlerTypeIndex = new SupertypeIndex(handlerTypes);
    this.namedHandlers = new NamedHandlers(options.handlerMethods());
  }

  /** Why {@code method} is a handler ("implements RequestHandler"), or empty when it is not one. */
  public Optional<String> reason(MethodSymbol method, VisitorState state) {
    return entry(method, state).filter(e -> !e.returnsFunctions()).map(Entry::wording);
  }

  /** How {@code method} is an entry point of a function, or empty when it is not one. */
  public Optional<Entry> entry(MethodSymbol method, VisitorState state) {
    // Flags, not getModifiers(): every method of every class is asked, and that allocates.
    if (method.isConstructor()
        || (method.flags() & (Flags.ABSTRACT | Flags.DEFAULT)) == Flags.ABSTRACT) {
      return Optional.empty();
    }
    Optional<Entry> annotated = byAnnotation(method, state);
    if (annotated.isPresent()) {
      return annotated;
    }
    BitSet handlerSupertypes = handlerTypeIndex.supertypesOf(method.owner.type, state);
    if (!handlerSupertypes.isEmpty() && implementsServed(method.owner, handlerSupertypes, state)) {
      // In a class that implements a handler type, only that type's method is a handler: its
      // overloads and helpers taking a Context run when the handler calls them.
      return ASTHelpers.isStatic(method)
          ? Optional.empty()
          : byImplementedMethod(method, handlerSupertypes, state);
    }
    if (namedHandlers.names(method)) {
      return Optional.of(NAMED);
    }
    return byContextLast(method, state);
  }

  private Optional<Entry> byAnnotation(MethodSymbol method, VisitorState state) {
    List<Attribute.Compound> annotations = method.getRawAttributes();
    for (Attribute.Compound annotation : annotations) { // most methods have none, or @Override
      for (HandlerShape shape : byAnnotation.get(annotation.type.tsym.getQualifiedName(), state)) {
        if (shape.kind() == Kind.RETURNS_FUNCTION
            && JAVA_FUNCTIONS.supertypesOf(method.getReturnType(), state).isEmpty()) {
          continue;
        }
        Optional<Entry> entry = served(shape, method.owner, state);
        if (entry.isPresent()) {
          return entry;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code owner} is a handler class: one of the handler types it implements is served
   * there (a class implementing {@code Function} is one only as a framework's bean).
   */
  private boolean implementsServed(Symbol owner, BitSet handlerSupertypes, VisitorState state) {
    for (int i = handlerSupertypes.nextSetBit(0); i >= 0; i = handlerSupertypes.nextSetBit(i + 1)) {
      for (Implemented implemented : byType.get(state.getName(handlerTypes.get(i)), state)) {
        if (served(implemented.shape(), owner, state).isPresent()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The shape whose method {@code method} implements: a method of that name declared by the handler
   * type or one of its supertypes ({@code MicronautRequestHandler#execute} is declared by an
   * interface it implements); for a type named by option, any method the type itself declares.
   */
  private Optional<Entry> byImplementedMethod(
      MethodSymbol method, BitSet handlerSupertypes, VisitorState state) {
    Types types = state.getTypes();
    java.util.Set<MethodSymbol> superMethods = null;
    for (int i = handlerSupertypes.nextSetBit(0); i >= 0; i = handlerSupertypes.nextSetBit(i + 1)) {
      Name typeName = state.getName(handlerTypes.get(i));
      for (Implemented implemented : byType.get(typeName, state)) {
        boolean any = implemented.method().kind() == MethodRef.Kind.ANY_METHOD;
        if (!any && !method.getSimpleName().contentEquals(implemented.method().name())) {
          continue;
        }
        Optional<Entry> entry = served(implemented.shape(), method.owner, state);
        if (entry.isEmpty()) {
          continue;
        }
        if (superMethods == null) {
          superMethods = ASTHelpers.findSuperMethods(method, types);
        }
        Type handlerType = supertypeNamed(method.owner.type, typeName, types);
        for (MethodSymbol superMethod : superMethods) {
          if (any
              ? superMethod.owner.getQualifiedName() == typeName
              : handlerType != null
                  && types.isSubtype(types.erasure(handlerType), types.erasure(superMethod.owner.type))) {
            return entry;
          }
        }
      }
    }
    return Optional.empty();
  }

  private static @Nullable Type supertypeNamed(Type type, Name name, Types types) {
    for (Type supertype : types.closure(type)) {
      if (supertype.tsym.getQualifiedName() == name) {
        return supertype;
      }
    }
    return null;
  }

  /** A handler configured by name: Lambda passes the Context last. */
  private Optional<Entry> byContextLast(MethodSymbol method, VisitorState state) {
    List<VarSymbol> parameters = method.getParameters();
    if ((method.flags() & Flags.PUBLIC) == 0
        || parameters.isEmpty()
        || parameters.size() > MAX_CONTEXT_LAST_PARAMETERS) {
      return Optional.empty();
    }
    Symbol type = parameters.last().type.tsym;
    if (type == null || !lambdaContext.is(type.getQualifiedName(), state)) {
      return Optional.empty();
    }
    return Optional.ofNullable(contextLast);
  }

  /**
   * The entry of {@code shape} for a method of {@code owner}, when the class carries the shape's
   * class annotation and one of its adapters is on the classpath.
   */
  private Optional<Entry> served(HandlerShape shape, Symbol owner, VisitorState state) {
    if (!shape.classAnnotations().isEmpty()
        && shape.classAnnotations().stream()
            .noneMatch(a -> ASTHelpers.hasAnnotation(owner, a, state))) {
      return Optional.empty();
    }
    boolean returnsFunctions = shape.kind() == Kind.RETURNS_FUNCTION;
    if (shape.servedBy().isEmpty()) {
      return Optional.of(new Entry(shape.wording(), returnsFunctions));
    }
    for (Adapter adapter : shape.servedBy()) {
      if (classpath.has(adapter.marker(), state)) {
        return Optional.of(new Entry(shape.describe("{handler}", adapter.name()), returnsFunctions));
      }
    }
    return Optional.empty();
  }

  /**
   * The handler methods that {@code type}, a concrete class, inherits from its superclasses
   * compiled from source: the platform calls them on an instance of {@code type}, so what they call
   * on {@code this} runs {@code type}'s overrides (a template method's {@code handleRecord}).
   */
  public ImmutableList<MethodSymbol> inherited(ClassSymbol type, VisitorState state) {
    if ((type.flags() & (Flags.ABSTRACT | Flags.INTERFACE)) != 0) {
      return ImmutableList.of();
    }
    BitSet handlerSupertypes = handlerTypeIndex.supertypesOf(type.type, state);
    if (handlerSupertypes.isEmpty() || !implementsServed(type, handlerSupertypes, state)) {
      return ImmutableList.of();
    }
    Types types = state.getTypes();
    Enter enter = Enter.instance(state.context);
    ImmutableList.Builder<MethodSymbol> found = ImmutableList.builder();
    try {
      for (Type s = types.supertype(type.type);
          s.hasTag(TypeTag.CLASS)
              && s.tsym instanceof ClassSymbol superclass
              && enter.getEnv(superclass.outermostClass()) != null;
          s = types.supertype(s)) {
        for (Symbol member : s.tsym.getEnclosedElements()) {
          if (member instanceof MethodSymbol method
              && method.implementation(type, types, true) == method
              && reason(method, state).isPresent()) {
            found.add(method);
          }
        }
      }
    } catch (CompletionFailure e) {
      // A superclass missing from the classpath: what was found above it stands.
    }
    return found.build();
  }

  private static String simpleName(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }
}
