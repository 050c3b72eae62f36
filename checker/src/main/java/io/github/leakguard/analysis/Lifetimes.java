package io.github.leakguard.analysis;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.util.TreePath;

/**
 * Whether a value lives for one use or for the whole execution environment. A client or pool is
 * built to be kept and shared (ClientBuiltInHandler's fix is to build it once); a connection,
 * statement or response is opened for one use and closed. A fix that closes a value asks here
 * first, so no check offers to close what another says to keep: a {@code HikariDataSource} built in
 * a handler gets "build it once", never try-with-resources.
 *
 * <p>Any client is kept, not only one built on a path a handler is seen to reach: the callers of a
 * method in another file (a service a handler calls) are not known when its own file is checked.
 */
public final class Lifetimes {

  /** Whether {@code built}, at {@code path}, builds a value to keep rather than to close. */
  public static boolean keptForTheEnvironment(
      ExpressionTree built, TreePath path, VisitorState state) {
    return ClientConstructions.built(built, path, state).isPresent();
  }

  private Lifetimes() {}
}
