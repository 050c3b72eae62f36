package io.github.leakguard.analysis;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import io.github.leakguard.catalog.Catalogs;
import io.github.leakguard.catalog.IdleSetting;
import io.github.leakguard.catalog.PoolBound;
import io.github.leakguard.catalog.UnboundedPool;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Recognises the calls that configure a connection pool, from the pool bounds, unbounded pools and
 * idle settings of {@link Catalogs}. Indexes are built once, when this class loads.
 */
public final class PoolSettings {

  private static final Index<PoolBound> BOUNDS =
      new Index<>(Catalogs.POOL_BOUNDS, PoolBound::owner, PoolBound::method, b -> true);
  private static final Index<UnboundedPool> UNBOUNDED =
      new Index<>(
          Catalogs.UNBOUNDED_POOLS, UnboundedPool::owner, UnboundedPool::method, u -> false);
  private static final Index<IdleSetting> IDLE =
      new Index<>(Catalogs.IDLE_SETTINGS, IdleSetting::owner, IdleSetting::method, s -> true);

  /** The pool bounds that {@code call} sets (a constructor may set several). */
  public static ImmutableList<PoolBound> bounds(ExpressionTree call, VisitorState state) {
    return BOUNDS.matching(call, state);
  }

  /** The unbounded pools that {@code call} builds. */
  public static ImmutableList<UnboundedPool> unbounded(ExpressionTree call, VisitorState state) {
    return UNBOUNDED.matching(call, state);
  }

  /** The idle settings that {@code call} sets. */
  public static ImmutableList<IdleSetting> idleSettings(ExpressionTree call, VisitorState state) {
    return IDLE.matching(call, state);
  }

  /**
   * One catalog list, by method name and owner type. Every call of the code is looked up here (by
   * three checks), so an entry's owner is tested in the supertypes of the call's type, found once
   * per class, rather than by a method matcher per call and entry.
   *
   * <p>A method entry matches a call whose receiver (the class of a static call, the enclosing
   * class of an unqualified one) is a subtype of its owner, as Error Prone's {@code onDescendantOf}
   * does. A constructor entry matches a {@code new} of its owner or a subclass, except where {@code
   * subtypes} says not: a subclass of an unbounded pool may add a bound (Netty's FixedChannelPool
   * extends SimpleChannelPool).
   */
  private static final class Index<T> {
    private final NameIndex<Entry<T>> byName;
    private final SupertypeIndex owners;

    /** {@code exact}: a constructor entry that matches its owner's own constructors only. */
    private record Entry<T>(T value, int owner, String ownerName, boolean exact) {}

    Index(
        ImmutableList<T> entries,
        Function<T, String> owner,
        Function<T, String> method,
        Predicate<T> subtypes) {
      List<String> ownerNames = entries.stream().map(owner).distinct().toList();
      this.owners = new SupertypeIndex(ownerNames);
      this.byName =
          new NameIndex<>(
              entries.stream()
                  .collect(
                      ImmutableListMultimap.toImmutableListMultimap(
                          method,
                          e ->
                              new Entry<>(
                                  e,
                                  ownerNames.indexOf(owner.apply(e)),
                                  owner.apply(e),
                                  method.apply(e).equals("<init>") && !subtypes.test(e)))));
    }

    ImmutableList<T> matching(ExpressionTree call, VisitorState state) {
      Symbol sym;
      if (call instanceof MethodInvocationTree invocation) {
        sym = ASTHelpers.getSymbol(invocation.getMethodSelect());
        // A this(...) or super(...) call configures nothing by itself: it is how a library's
        // constructors share their defaults (FixedChannelPool's this(..., Integer.MAX_VALUE)),
        // and how a subclass, which may add its own bound, builds on its parent. The pool is
        // configured where the class is instantiated.
        if (sym instanceof MethodSymbol method && method.isConstructor()) {
          return ImmutableList.of();
        }
      } else if (call instanceof NewClassTree creation) {
        sym = ASTHelpers.getSymbol(creation);
      } else {
        return ImmutableList.of();
      }
      if (sym == null) {
        return ImmutableList.of();
      }
      ImmutableList<Entry<T>> named = byName.get(sym.getSimpleName(), state);
      if (named.isEmpty()) {
        return ImmutableList.of();
      }
      Type owner = call instanceof NewClassTree ? sym.owner.type : ASTHelpers.getReceiverType(call);
      BitSet supertypes = owners.supertypesOf(owner, state);
      if (supertypes.isEmpty()) {
        return ImmutableList.of();
      }
      ImmutableList.Builder<T> found = ImmutableList.builder();
      for (Entry<T> entry : named) {
        if (supertypes.get(entry.owner())
            && (!entry.exact() || sym.owner.getQualifiedName().contentEquals(entry.ownerName()))) {
          found.add(entry.value());
        }
      }
      return found.build();
    }
  }

  private PoolSettings() {}
}
