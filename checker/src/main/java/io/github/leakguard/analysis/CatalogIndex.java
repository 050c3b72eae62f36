package io.github.leakguard.analysis;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakguard.catalog.Catalogs;
import io.github.leakguard.catalog.ClientKind;
import io.github.leakguard.catalog.IdleSetting;
import io.github.leakguard.catalog.MethodRef;
import io.github.leakguard.catalog.PoolBound;
import io.github.leakguard.catalog.ResourceKind;
import io.github.leakguard.catalog.UnboundedPool;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Every {@link MethodRef} of every catalog, compiled once into one index that answers "which
 * catalog entries does this call or construction match?" for all the checks and analyses of a
 * compilation: client construction, resource opening, handles and releases, pool bounds, unbounded
 * pools and idle settings. {@link MethodRef} states the one rule a reference follows.
 *
 * <p>Every call of the code is asked, by several checks, so an answer costs lookups and no
 * decoding: a call's name is probed by identity among the catalogs' names ({@link NameIndex}), the
 * owners a call goes through are found in its classes' supertypes once per class and compilation
 * ({@link SupertypeIndex}), and the last answer is kept, since every check visits a call in turn
 * before the scanner moves on.
 */
public final class CatalogIndex {

  /**
   * What a reference is for, and the catalog value it carries.
   *
   * @param <T> the catalog value
   */
  public static final class Role<T> {
    /** A static method that builds a client of the kind. */
    public static final Role<ClientKind> CLIENT_FACTORY = new Role<>(Calls.STATIC);

    /** An instance method (of a builder) that builds a client of the kind. */
    public static final Role<ClientKind> CLIENT_BUILDER = new Role<>(Calls.INSTANCE);

    /** An instance method returning a builder that shares the kind's existing pool. */
    public static final Role<ClientKind> SHARING_SOURCE = new Role<>(Calls.INSTANCE);

    public static final Role<PoolBound> POOL_BOUND = new Role<>(Calls.ANY);
    public static final Role<UnboundedPool> UNBOUNDED_POOL = new Role<>(Calls.ANY);
    public static final Role<IdleSetting> IDLE_SETTING = new Role<>(Calls.ANY);

    /** A method whose result is a new resource of the kind. */
    public static final Role<ResourceKind> OPENS = new Role<>(Calls.ANY);

    /** A method returning a value that holds the resource of the kind it is called on. */
    public static final Role<ResourceKind> HANDLE = new Role<>(Calls.ANY);

    /** A method other than {@code close()} that releases a resource of the kind. */
    public static final Role<ResourceKind> RELEASES = new Role<>(Calls.ANY);

    /** A method that releases whatever resource is passed to it. */
    public static final Role<MethodRef> RELEASE_HELPER = new Role<>(Calls.ANY);

    private final Calls calls;

    private Role(Calls calls) {
      this.calls = calls;
    }
  }

  /** Which calls a role's references take: factories are static, builders instance methods. */
  private enum Calls {
    STATIC,
    INSTANCE,
    ANY;

    boolean accepts(MethodSymbol method) {
      return switch (this) {
        case STATIC -> method.isStatic();
        case INSTANCE -> !method.isStatic();
        case ANY -> true;
      };
    }
  }

  /** One reference, compiled: its role, its value, and its owner's position in {@link #OWNERS}. */
  private record Entry(Role<?> role, Object value, MethodRef ref, int owner) {}

  /** The entries of method references, by method name. */
  private static final NameIndex<Entry> NAMED;

  /** The entries of {@link MethodRef#anyMethod} references, tried on every call. */
  private static final ImmutableList<Entry> ANY_NAME;

  /** The entries of constructor references, by the owner's qualified name. */
  private static final NameIndex<Entry> CONSTRUCTORS;

  /** Every owner a method reference names. */
  private static final SupertypeIndex OWNERS;

  static {
    List<Entry> entries = new ArrayList<>();
    Map<String, Integer> owners = new LinkedHashMap<>();
    Function<MethodRef, Integer> position =
        ref -> owners.computeIfAbsent(ref.owner(), o -> owners.size());
    for (ClientKind kind : Catalogs.CLIENTS) {
      kind.factories().forEach(r -> entries.add(entry(Role.CLIENT_FACTORY, kind, r, position)));
      kind.builders().forEach(r -> entries.add(entry(Role.CLIENT_BUILDER, kind, r, position)));
      kind.sharingBuilderSources()
          .forEach(r -> entries.add(entry(Role.SHARING_SOURCE, kind, r, position)));
    }
    Catalogs.POOL_BOUNDS.forEach(b -> entries.add(entry(Role.POOL_BOUND, b, b.method(), position)));
    Catalogs.UNBOUNDED_POOLS.forEach(
        u -> entries.add(entry(Role.UNBOUNDED_POOL, u, u.method(), position)));
    Catalogs.IDLE_SETTINGS.forEach(
        s -> entries.add(entry(Role.IDLE_SETTING, s, s.method(), position)));
    for (ResourceKind kind : Catalogs.RESOURCES) {
      kind.openedBy().forEach(r -> entries.add(entry(Role.OPENS, kind, r, position)));
      kind.handles().forEach(r -> entries.add(entry(Role.HANDLE, kind, r, position)));
      kind.releasedBy().forEach(r -> entries.add(entry(Role.RELEASES, kind, r, position)));
    }
    Catalogs.RELEASE_HELPERS.forEach(h -> entries.add(entry(Role.RELEASE_HELPER, h, h, position)));

    ImmutableListMultimap.Builder<String, Entry> named = ImmutableListMultimap.builder();
    ImmutableListMultimap.Builder<String, Entry> constructors = ImmutableListMultimap.builder();
    ImmutableList.Builder<Entry> anyName = ImmutableList.builder();
    for (Entry entry : entries) {
      switch (entry.ref().kind()) {
        case METHOD -> named.put(entry.ref().name(), entry);
        case ANY_METHOD -> anyName.add(entry);
        case CONSTRUCTOR -> constructors.put(entry.ref().owner(), entry);
      }
    }
    NAMED = new NameIndex<>(named.build());
    ANY_NAME = anyName.build();
    CONSTRUCTORS = new NameIndex<>(constructors.build());
    OWNERS = new SupertypeIndex(List.copyOf(owners.keySet()));
  }

  private static Entry entry(
      Role<?> role, Object value, MethodRef ref, Function<MethodRef, Integer> position) {
    return new Entry(role, value, ref, ref.isConstructor() ? -1 : position.apply(ref));
  }

  /** The catalog entries one call matches. */
  public static final class Matches {
    static final Matches NONE = new Matches(ImmutableList.of());

    private final ImmutableList<Entry> entries;

    private Matches(ImmutableList<Entry> entries) {
      this.entries = entries;
    }

    /** The values of the entries of {@code role} the call matches, in catalog order. */
    @SuppressWarnings("unchecked") // an entry's value has its role's type
    public <T> ImmutableList<T> get(Role<T> role) {
      if (entries.isEmpty()) {
        return ImmutableList.of();
      }
      ImmutableList.Builder<T> values = ImmutableList.builder();
      for (Entry entry : entries) {
        if (entry.role() == role) {
          values.add((T) entry.value());
        }
      }
      return values.build();
    }

    /** Whether the call matches a reference of {@code role} that carries {@code value}. */
    public boolean has(Role<?> role, Object value) {
      for (Entry entry : entries) {
        if (entry.role() == role && entry.value() == value) {
          return true;
        }
      }
      return false;
    }

    /** Whether the call matches any reference of {@code role}. */
    public boolean hasAny(Role<?> role) {
      for (Entry entry : entries) {
        if (entry.role() == role) {
          return true;
        }
      }
      return false;
    }
  }

  /** The last call asked about and its answer: the checks ask of each call in turn. */
  private record Last(Object call, @Nullable Type receiver, Matches matches) {}

  private static volatile @Nullable Last lastTree;
  private static volatile @Nullable Last lastSymbol;

  /** The entries that {@code call}, a method invocation or {@code new}, matches. */
  public static Matches of(ExpressionTree call, VisitorState state) {
    Last last = lastTree;
    if (last != null && last.call() == call) {
      return last.matches();
    }
    Matches matches = compute(call, state);
    lastTree = new Last(call, null, matches);
    return matches;
  }

  private static Matches compute(ExpressionTree call, VisitorState state) {
    if (call instanceof NewClassTree creation) {
      MethodSymbol constructor = ASTHelpers.getSymbol(creation);
      return constructor == null ? Matches.NONE : of(constructor, null, state);
    }
    if (!(call instanceof MethodInvocationTree invocation)) {
      return Matches.NONE;
    }
    MethodSymbol method = ASTHelpers.getSymbol(invocation);
    if (method == null || method.isConstructor()) {
      return Matches.NONE; // this(...) and super(...) configure nothing of their own
    }
    return of(method, ASTHelpers.getReceiverType(invocation), state);
  }

  /**
   * The entries that a call of {@code method} matches; {@code receiver} is the type it is called
   * through (the class named, for a static call), or null when not known.
   */
  public static Matches of(MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    Last last = lastSymbol;
    if (last != null && last.call() == method && last.receiver() == receiver) {
      return last.matches();
    }
    Matches matches = compute(method, receiver, state);
    lastSymbol = new Last(method, receiver, matches);
    return matches;
  }

  private static Matches compute(MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    if (method.isConstructor()) {
      ImmutableList<Entry> exact = CONSTRUCTORS.get(method.owner.getQualifiedName(), state);
      return exact.isEmpty() ? Matches.NONE : new Matches(exact);
    }
    ImmutableList<Entry> named = NAMED.get(method.getSimpleName(), state);
    if (named.isEmpty() && ANY_NAME.isEmpty()) {
      return Matches.NONE;
    }
    BitSet owners = throughOwners(method, receiver, state);
    if (owners.isEmpty()) {
      return Matches.NONE;
    }
    ImmutableList.Builder<Entry> found = null;
    for (List<Entry> candidates : List.of(named, ANY_NAME)) {
      for (Entry entry : candidates) {
        if (owners.get(entry.owner()) && entry.role().calls.accepts(method)) {
          if (found == null) {
            found = ImmutableList.builder();
          }
          found.add(entry);
        }
      }
    }
    return found == null ? Matches.NONE : new Matches(found.build());
  }

  /** The owners a call goes through: its receiver's supertypes and its declaring class's. */
  private static BitSet throughOwners(
      MethodSymbol method, @Nullable Type receiver, VisitorState state) {
    BitSet declared = OWNERS.supertypesOf(method.owner.type, state);
    if (receiver == null || receiver.tsym == method.owner) {
      return declared;
    }
    BitSet through = OWNERS.supertypesOf(receiver, state);
    if (declared.isEmpty()) {
      return through;
    }
    if (through.isEmpty()) {
      return declared;
    }
    BitSet both = (BitSet) declared.clone();
    both.or(through);
    return both;
  }

  private CatalogIndex() {}
}
