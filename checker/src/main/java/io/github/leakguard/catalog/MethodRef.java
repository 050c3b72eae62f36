package io.github.leakguard.catalog;

import java.util.Arrays;
import java.util.List;

/**
 * A library method or constructor, as every catalog entry names one: an owner type and a method
 * name, any method of the owner, or the owner's constructors. Types are fully qualified names
 * (nested types with a dot: {@code okhttp3.OkHttpClient.Builder}). Plain Java, as the platform
 * catalog that names handler methods with it is read by the gate too, whose class realm has no
 * Guava.
 *
 * <p>One rule decides which calls a reference matches, whatever the entry it sits in (applied by
 * {@code analysis/CatalogIndex}):
 *
 * <ul>
 *   <li>A method reference matches a call of a method of that name (of any name, for {@link
 *       #anyMethod}) made through the owner or a subtype of it: the type of the value an instance
 *       method is called on (the enclosing class, for an unqualified call), or the class a static
 *       method is called through or declared in. Overrides and inherited methods match, as they run
 *       the library's contract.
 *   <li>A constructor reference matches {@code new Owner(...)} only. Constructors are not
 *       inherited: a subclass's constructor is another method, which may add what its parent lacks
 *       (Netty's {@code FixedChannelPool} bounds the {@code SimpleChannelPool} it extends).
 *   <li>{@code this(...)} and {@code super(...)} match nothing: they are how a class builds on its
 *       parent, not a configuration of the library's own.
 * </ul>
 *
 * <p>Client and resource kinds are recognised by the value a call produces, a subtype of the kind's
 * type; their references name the calls that produce it.
 *
 * @param owner the fully qualified owner type
 * @param kind a named method, any method, or a constructor
 * @param name the method's name; empty for {@link Kind#ANY_METHOD} and {@link Kind#CONSTRUCTOR}
 */
public record MethodRef(String owner, Kind kind, String name) {

  /** What a reference names. */
  public enum Kind {
    METHOD,
    ANY_METHOD,
    CONSTRUCTOR
  }

  public MethodRef {
    if (owner.isEmpty() || owner.contains("#") || owner.contains("<")) {
      throw new IllegalArgumentException("not a fully qualified type name: " + owner);
    }
    if ((kind == Kind.METHOD) == name.isEmpty() || name.contains("#") || name.contains("<")) {
      throw new IllegalArgumentException("not a method name for a " + kind + ": '" + name + "'");
    }
  }

  /** The method {@code name} of {@code owner} and its subtypes. */
  public static MethodRef method(String owner, String name) {
    return new MethodRef(owner, Kind.METHOD, name);
  }

  /** The methods {@code names} of {@code owner} and its subtypes. */
  public static List<MethodRef> methods(String owner, String... names) {
    return Arrays.stream(names).map(name -> method(owner, name)).toList();
  }

  /** Every method of {@code owner} and its subtypes. */
  public static MethodRef anyMethod(String owner) {
    return new MethodRef(owner, Kind.ANY_METHOD, "");
  }

  /** The constructors of {@code owner} itself. */
  public static MethodRef constructor(String owner) {
    return new MethodRef(owner, Kind.CONSTRUCTOR, "");
  }

  public boolean isConstructor() {
    return kind == Kind.CONSTRUCTOR;
  }

  /** The owner's simple name: {@code OkHttpClient.Builder} for a nested type. */
  public String simpleOwner() {
    String[] parts = owner.split("\\.");
    int first = parts.length - 1;
    while (first > 0 && Character.isUpperCase(parts[first - 1].charAt(0))) {
      first--;
    }
    return String.join(".", Arrays.asList(parts).subList(first, parts.length));
  }

  /**
   * As a reader writes the call: {@code new ConnectionPool(…)}, {@code Dispatcher.setMaxRequests}.
   */
  public String simpleForm() {
    return switch (kind) {
      case METHOD -> simpleOwner() + "." + name;
      case ANY_METHOD -> simpleOwner() + ".*";
      case CONSTRUCTOR -> "new " + simpleOwner() + "(…)";
    };
  }

  @Override
  public String toString() {
    return switch (kind) {
      case METHOD -> owner + "#" + name;
      case ANY_METHOD -> owner + "#*";
      case CONSTRUCTOR -> "new " + owner;
    };
  }
}
