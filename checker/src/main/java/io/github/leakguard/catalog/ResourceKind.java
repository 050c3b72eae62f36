package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableSet;
import java.util.Arrays;
import java.util.Collection;

/**
 * One kind of resource that must be released on every path out of the method that opens it: a
 * connection, socket, statement or response, how a new one is opened and how it is released.
 *
 * <p>Methods are {@link MethodRef}s, which say which calls they match. A call opens a resource of
 * this kind when it is one of {@link #openedBy} (or {@code new C(...)} of any class, when {@link
 * #constructors} is set) and the value it produces is a subtype of {@link #type} (and, when {@link
 * #typeArguments} is not empty, its first type argument is a subtype of one of them).
 *
 * <p>Besides {@code close()}, a resource is released by its {@link #releasedBy} methods: instance
 * methods called on it ({@code HttpURLConnection.disconnect}), or static methods it is passed to.
 * Its {@link #handles} return values that hold the resource too ({@code Response.body}, {@code
 * S3Object.getObjectContent}): closing one of those releases the resource.
 *
 * @param family the library family, for messages and reports
 * @param description what the resource is, in a message ("JDBC Connection")
 * @param category which check reports a leak of it
 * @param type the supertype of every value this kind opens
 * @param typeArguments when not empty, the first type argument must be a subtype of one of these
 * @param constructors whether {@code new T(...)} of a subtype opens one
 * @param openedBy the methods whose result is a new resource
 * @param handles methods returning a value that holds the resource and releases it when closed
 * @param releasedBy methods other than {@code close()} that release it
 * @param opener how the resource relates to the value the opening method was called on
 * @param transferredByPassing whether passing it to any method hands it over (long-lived pools)
 * @param notWhenGiven an opening call that also takes a value of one of these types opens nothing
 *     new for its caller: the library releases the resource itself (a response handler), or the
 *     value is built on the one given (a TLS socket layered over a socket)
 */
public record ResourceKind(
    String family,
    String description,
    Category category,
    String type,
    ImmutableSet<String> typeArguments,
    boolean constructors,
    ImmutableSet<MethodRef> openedBy,
    ImmutableSet<MethodRef> handles,
    ImmutableSet<MethodRef> releasedBy,
    Opener opener,
    boolean transferredByPassing,
    ImmutableSet<String> notWhenGiven) {

  /** Which check reports a leak of the kind. */
  public enum Category {
    CONNECTION,
    RESPONSE
  }

  /** How the resource relates to the value its opening method was called on (its opener). */
  public enum Opener {
    /** The resource lives on its own: {@code ds.getConnection()}. */
    INDEPENDENT,
    /** Releasing the opener releases the resource: {@code conn.getInputStream()}. */
    RELEASES,
    /**
     * Releasing the opener releases the resource, unless {@code StrictStatementOwnership} is set:
     * {@code connection.createStatement()}.
     */
    RELEASES_UNLESS_STRICT,
    /**
     * The opener manages the resource's lifetime: it is released when the opener is released or
     * reused, so it is only tracked when the opener is opened in the same method: {@code
     * statement.executeQuery()}.
     */
    MANAGES;

    /** Whether releasing the opener releases the resource, under the given statement ownership. */
    public boolean releasedWithOpener(boolean strictStatements) {
      return switch (this) {
        case INDEPENDENT -> false;
        case RELEASES, MANAGES -> true;
        case RELEASES_UNLESS_STRICT -> !strictStatements;
      };
    }
  }

  public static Builder builder(String family, String description, Category category, String type) {
    return new Builder(family, description, category, type);
  }

  /** Fluent construction, so catalogs read as data. */
  public static final class Builder {
    private final String family;
    private final String description;
    private final Category category;
    private final String type;
    private final ImmutableSet.Builder<String> typeArguments = ImmutableSet.builder();
    private boolean constructors;
    private final ImmutableSet.Builder<MethodRef> openedBy = ImmutableSet.builder();
    private final ImmutableSet.Builder<MethodRef> handles = ImmutableSet.builder();
    private final ImmutableSet.Builder<MethodRef> releasedBy = ImmutableSet.builder();
    private Opener opener = Opener.INDEPENDENT;
    private boolean transferredByPassing;
    private final ImmutableSet.Builder<String> notWhenGiven = ImmutableSet.builder();

    private Builder(String family, String description, Category category, String type) {
      this.family = family;
      this.description = description;
      this.category = category;
      this.type = type;
    }

    public Builder whenTypeArgument(String... types) {
      typeArguments.add(types);
      return this;
    }

    public Builder constructors() {
      constructors = true;
      return this;
    }

    public Builder openedBy(MethodRef... methods) {
      return openedBy(Arrays.asList(methods));
    }

    public Builder openedBy(Collection<MethodRef> methods) {
      openedBy.addAll(methods);
      return this;
    }

    public Builder handles(MethodRef... methods) {
      return handles(Arrays.asList(methods));
    }

    public Builder handles(Collection<MethodRef> methods) {
      handles.addAll(methods);
      return this;
    }

    public Builder releasedBy(MethodRef... methods) {
      return releasedBy(Arrays.asList(methods));
    }

    public Builder releasedBy(Collection<MethodRef> methods) {
      releasedBy.addAll(methods);
      return this;
    }

    public Builder opener(Opener rule) {
      opener = rule;
      return this;
    }

    public Builder transferredByPassing() {
      transferredByPassing = true;
      return this;
    }

    /**
     * An opening call that also takes one of these types (a response handler the library calls and
     * then closes the response itself, a socket to layer TLS over) opens nothing new.
     */
    public Builder notWhenGiven(String... types) {
      notWhenGiven.add(types);
      return this;
    }

    public ResourceKind build() {
      return new ResourceKind(
          family,
          description,
          category,
          type,
          typeArguments.build(),
          constructors,
          openedBy.build(),
          handles.build(),
          releasedBy.build(),
          opener,
          transferredByPassing,
          notWhenGiven.build());
    }
  }
}
