package io.github.leakguard.analysis;

import com.google.errorprone.VisitorState;
import com.sun.source.util.TreePath;
import io.github.leakguard.config.LeakGuardOptions;
import java.util.Optional;

/**
 * What runs on every invocation of a function, for a check that asks: the {@link InvocationPaths}
 * of the unit being checked, with the handlers the options name, computed once per unit when first
 * asked. A check that asks only on a rare path (a leak's fix) pays nothing otherwise.
 */
public final class PerInvocation {
  private final Handlers handlers;
  private final UnitLocal<InvocationPaths> paths = new UnitLocal<>();
  private final InvocationPaths.RemoteMethods remoteMethods = new InvocationPaths.RemoteMethods();

  public PerInvocation(LeakGuardOptions options) {
    this.handlers = new Handlers(options);
  }

  /** The per-invocation paths of the unit {@code state} is in. */
  public InvocationPaths paths(VisitorState state) {
    return paths.get(
        state.getPath().getCompilationUnit(),
        unit -> InvocationPaths.of(unit, handlers, remoteMethods, state));
  }

  /** The chain by which the node at {@code path} runs on every invocation, if it does. */
  public Optional<InvocationPaths.Chain> chainTo(TreePath path, VisitorState state) {
    return paths(state).chainTo(path);
  }
}
