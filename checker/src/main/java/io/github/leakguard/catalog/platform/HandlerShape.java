package io.github.leakguard.catalog.platform;

import io.github.leakguard.catalog.MethodRef;
import java.util.Arrays;
import java.util.List;

/**
 * One way a platform or framework marks the code it runs once per invocation.
 *
 * @param kind how the shape is recognised
 * @param names the method annotations for {@link Kind#ANNOTATED} and {@link Kind#RETURNS_FUNCTION},
 *     the context type for {@link Kind#CONTEXT_LAST}; every type by its fully qualified name
 * @param methods for {@link Kind#IMPLEMENTS}: the methods a handler implements (a named method, or
 *     {@link MethodRef#anyMethod any method} the type declares); a method of a class of the owner
 *     type that overrides one of them is a handler
 * @param classAnnotations annotations one of which the method's class must carry; empty for none
 * @param servedBy the adapters one of which must be on the classpath for the shape to run per
 *     invocation; empty when the platform calls the method itself
 * @param wording how a message names a handler of this shape: {@code {handler}} stands for {@code
 *     Class.method}, {@code {adapter}} for the adapter found on the classpath
 */
public record HandlerShape(
    Kind kind,
    List<String> names,
    List<MethodRef> methods,
    List<String> classAnnotations,
    List<Adapter> servedBy,
    String wording) {

  /** How a shape is recognised. */
  public enum Kind {
    /** A method of a class of a type that implements the type's named method. */
    IMPLEMENTS,
    /** A method carrying one of the annotations. */
    ANNOTATED,
    /**
     * A method carrying one of the annotations and returning a {@link #JAVA_FUNCTIONS function}:
     * the method runs once, when the framework builds its beans; the function it returns (a
     * lambda, a method reference, an anonymous class) runs on every invocation.
     */
    RETURNS_FUNCTION,
    /**
     * A public method whose last parameter is the context type, of a class that implements no
     * handler type: a handler the platform finds by name ({@code (input, Context)}, {@code
     * (InputStream, OutputStream, Context)}).
     */
    CONTEXT_LAST
  }

  /** The functional interfaces of {@code java.util.function} that frameworks serve as functions. */
  public static final List<MethodRef> JAVA_FUNCTIONS =
      List.of(
          MethodRef.method("java.util.function.Function", "apply"),
          MethodRef.method("java.util.function.Consumer", "accept"),
          MethodRef.method("java.util.function.Supplier", "get"));

  public HandlerShape {
    names = List.copyOf(names);
    methods = List.copyOf(methods);
    classAnnotations = List.copyOf(classAnnotations);
    servedBy = List.copyOf(servedBy);
  }

  /** Methods implementing one of {@code methods} are handlers. */
  public static HandlerShape implementing(String wording, MethodRef... methods) {
    return implementing(wording, Arrays.asList(methods));
  }

  /** Methods implementing one of {@code methods} are handlers. */
  public static HandlerShape implementing(String wording, List<MethodRef> methods) {
    return new HandlerShape(Kind.IMPLEMENTS, List.of(), methods, List.of(), List.of(), wording);
  }

  /** Methods carrying one of {@code annotations} are handlers. */
  public static HandlerShape annotated(String wording, String... annotations) {
    return new HandlerShape(
        Kind.ANNOTATED, Arrays.asList(annotations), List.of(), List.of(), List.of(), wording);
  }

  /** The functions returned by methods carrying one of {@code annotations} are handlers. */
  public static HandlerShape returningFunctions(String wording, String... annotations) {
    return new HandlerShape(
        Kind.RETURNS_FUNCTION, Arrays.asList(annotations), List.of(), List.of(), List.of(), wording);
  }

  /** Public methods whose last parameter is {@code contextType} are handlers. */
  public static HandlerShape contextLast(String wording, String contextType) {
    return new HandlerShape(
        Kind.CONTEXT_LAST, List.of(contextType), List.of(), List.of(), List.of(), wording);
  }

  /** This shape, only in classes carrying one of {@code annotations}. */
  public HandlerShape inClassesAnnotated(String... annotations) {
    return new HandlerShape(kind, names, methods, Arrays.asList(annotations), servedBy, wording);
  }

  /** This shape, only where one of {@code adapters} is on the classpath. */
  public HandlerShape servedBy(Adapter... adapters) {
    return new HandlerShape(kind, names, methods, classAnnotations, Arrays.asList(adapters), wording);
  }

  /** How a message names {@code handler} ({@code Class.method}) served by {@code adapter}. */
  public String describe(String handler, String adapter) {
    return wording.replace("{handler}", handler).replace("{adapter}", adapter);
  }
}
