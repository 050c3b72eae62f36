package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableSet;
import java.util.Arrays;
import java.util.Collection;

/**
 * One kind of reusable client and the call shapes that build a new one.
 *
 * <p>A call builds a client of this kind when the value it produces is a subtype of {@link #type}
 * (and of every type in {@link #alsoSubtypeOf}) and the call is one of: {@code new C(...)} of any
 * class {@code C}, when {@link #constructors} is set; a static method matching one of the {@link
 * #factories}; or an instance method matching one of the {@link #builders} ({@link MethodRef} says
 * which calls a reference matches). A factory that takes a client of the kind wraps that client
 * (Vert.x's {@code WebClientSession.create(webClient)}), so it builds no new one. A builder that
 * comes from one of the {@link
 * #sharingBuilderSources} (for example {@code okHttpClient.newBuilder()}) shares its pool with an
 * existing client, so building it is not a new client.
 *
 * <p>Every type is named by its fully qualified name, so the checker needs none of these libraries
 * at run time; an entry whose types are not on the compilation's classpath simply never matches.
 *
 * @param family the library family, for messages and reports
 * @param description what the client is, in a message ("AWS SDK v2 service client")
 * @param type the supertype of every value this kind builds
 * @param alsoSubtypeOf further supertypes the built value must have
 * @param constructors whether {@code new T(...)} of a subtype builds one
 * @param factories static methods that build one
 * @param builders instance methods (of builders) that build one
 * @param sharingBuilderSources instance methods that return a builder sharing an existing client's
 *     pool
 * @param reuse what one built per invocation costs, and so how it is reused
 */
public record ClientKind(
    String family,
    String description,
    String type,
    ImmutableSet<String> alsoSubtypeOf,
    boolean constructors,
    ImmutableSet<MethodRef> factories,
    ImmutableSet<MethodRef> builders,
    ImmutableSet<MethodRef> sharingBuilderSources,
    Reuse reuse) {

  /** What a client built per invocation costs, and so how to keep one instead. */
  public enum Reuse {
    /** It owns a pool of connections (and threads): build it once and share it. */
    POOL,
    /**
     * It is one connection to a server: every warm call pays connect, TLS and authentication. Keep
     * one, opened lazily and validated, or a pool of one, in a field.
     */
    CONNECTION
  }

  public static Builder builder(String family, String description, String type) {
    return new Builder(family, description, type);
  }

  /** Fluent construction, so catalogs read as data. */
  public static final class Builder {
    private final String family;
    private final String description;
    private final String type;
    private final ImmutableSet.Builder<String> alsoSubtypeOf = ImmutableSet.builder();
    private boolean constructors;
    private final ImmutableSet.Builder<MethodRef> factories = ImmutableSet.builder();
    private final ImmutableSet.Builder<MethodRef> builders = ImmutableSet.builder();
    private final ImmutableSet.Builder<MethodRef> sharingBuilderSources = ImmutableSet.builder();
    private Reuse reuse = Reuse.POOL;

    private Builder(String family, String description, String type) {
      this.family = family;
      this.description = description;
      this.type = type;
    }

    public Builder alsoSubtypeOf(String... types) {
      alsoSubtypeOf.add(types);
      return this;
    }

    public Builder constructors() {
      constructors = true;
      return this;
    }

    /** Static methods that build one: {@code S3Client.create()}, {@code HttpClients.*}. */
    public Builder factories(MethodRef... methods) {
      return factories(Arrays.asList(methods));
    }

    public Builder factories(Collection<MethodRef> methods) {
      factories.addAll(methods);
      return this;
    }

    /** Instance methods that build one: {@code OkHttpClient.Builder.build}. */
    public Builder builtBy(MethodRef... methods) {
      return builtBy(Arrays.asList(methods));
    }

    public Builder builtBy(Collection<MethodRef> methods) {
      builders.addAll(methods);
      return this;
    }

    public Builder sharesPoolWhenBuiltFrom(MethodRef method) {
      sharingBuilderSources.add(method);
      return this;
    }

    public Builder reusedAs(Reuse how) {
      reuse = how;
      return this;
    }

    public ClientKind build() {
      return new ClientKind(
          family,
          description,
          type,
          alsoSubtypeOf.build(),
          constructors,
          factories.build(),
          builders.build(),
          sharingBuilderSources.build(),
          reuse);
    }
  }
}
