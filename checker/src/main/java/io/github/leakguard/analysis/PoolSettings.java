package io.github.leakguard.analysis;

import static com.google.errorprone.matchers.method.MethodMatchers.anyMethod;
import static com.google.errorprone.matchers.method.MethodMatchers.constructor;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.predicates.TypePredicates;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.github.leakguard.catalog.Catalogs;
import io.github.leakguard.catalog.IdleSetting;
import io.github.leakguard.catalog.PoolBound;
import io.github.leakguard.catalog.UnboundedPool;
import java.util.function.Function;

/**
 * Recognises the calls that configure a connection pool, from the pool bounds, unbounded pools and
 * idle settings of {@link Catalogs}. Matchers are built once, when this class loads.
 */
public final class PoolSettings {

  private static final NameIndex<Entry<PoolBound>> BOUNDS =
      compile(Catalogs.POOL_BOUNDS, PoolBound::method, b -> matcher(b.owner(), b.method(), true));
  private static final NameIndex<Entry<UnboundedPool>> UNBOUNDED =
      compile(
          Catalogs.UNBOUNDED_POOLS,
          UnboundedPool::method,
          u -> matcher(u.owner(), u.method(), false));
  private static final NameIndex<Entry<IdleSetting>> IDLE =
      compile(
          Catalogs.IDLE_SETTINGS, IdleSetting::method, s -> matcher(s.owner(), s.method(), true));

  /** The pool bounds that {@code call} sets (a constructor may set several). */
  public static ImmutableList<PoolBound> bounds(ExpressionTree call, VisitorState state) {
    return matching(BOUNDS, call, state);
  }

  /** The unbounded pools that {@code call} builds. */
  public static ImmutableList<UnboundedPool> unbounded(ExpressionTree call, VisitorState state) {
    return matching(UNBOUNDED, call, state);
  }

  /** The idle settings that {@code call} sets. */
  public static ImmutableList<IdleSetting> idleSettings(ExpressionTree call, VisitorState state) {
    return matching(IDLE, call, state);
  }

  private record Entry<T>(T value, Matcher<ExpressionTree> matcher) {}

  /** Entries by method name: every call in the code is looked up here, before any type check. */
  private static <T> NameIndex<Entry<T>> compile(
      ImmutableList<T> entries,
      Function<T, String> name,
      Function<T, Matcher<ExpressionTree>> matcher) {
    return new NameIndex<>(
        entries.stream()
            .collect(
                ImmutableListMultimap.toImmutableListMultimap(
                    name, e -> new Entry<>(e, matcher.apply(e)))));
  }

  private static <T> ImmutableList<T> matching(
      NameIndex<Entry<T>> entries, ExpressionTree call, VisitorState state) {
    Symbol sym;
    if (call instanceof MethodInvocationTree invocation) {
      sym = ASTHelpers.getSymbol(invocation.getMethodSelect());
      // A this(...) or super(...) call configures nothing by itself: it is how a library's
      // constructors share their defaults (FixedChannelPool's this(..., Integer.MAX_VALUE)), and
      // how a subclass, which may add its own bound, builds on its parent. The pool is configured
      // where the class is instantiated.
      if (sym == null || (sym instanceof MethodSymbol method && method.isConstructor())) {
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
    ImmutableList<Entry<T>> named = entries.get(sym.getSimpleName(), state);
    if (named.isEmpty()) {
      return ImmutableList.of();
    }
    ImmutableList.Builder<T> found = ImmutableList.builder();
    for (Entry<T> entry : named) {
      if (entry.matcher().matches(call, state)) {
        found.add(entry.value());
      }
    }
    return found.build();
  }

  /**
   * A constructor matches subclasses only when {@code subtypes}: a subclass of an unbounded pool
   * may add a bound (Netty's FixedChannelPool extends SimpleChannelPool).
   */
  private static Matcher<ExpressionTree> matcher(String owner, String method, boolean subtypes) {
    if (method.equals("<init>")) {
      return subtypes
          ? constructor().forClass(TypePredicates.isDescendantOf(owner))
          : constructor().forClass(owner);
    }
    return anyMethod().onDescendantOf(owner).named(method);
  }

  private PoolSettings() {}
}
