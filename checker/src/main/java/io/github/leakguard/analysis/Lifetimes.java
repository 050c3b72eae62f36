package io.github.leakguard.analysis;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.util.TreePath;
import io.github.leakguard.catalog.ClientKind;
import io.github.leakguard.catalog.ClientKind.Reuse;
import java.util.Optional;

/**
 * Whether a value lives for one use or for the whole execution environment. A client or pool is
 * built to be kept and shared (ClientBuiltInHandler's fix is to build it once); a connection,
 * statement or response is opened for one use and closed. A fix that closes a value asks here
 * first, so no check offers to close what another says to keep: a {@code HikariDataSource} built in
 * a handler gets "build it once", never try-with-resources.
 *
 * <p>Any client or pool is kept, not only one built on a path a handler is seen to reach: the
 * callers of a method in another file (a service a handler calls) are not known when its own file
 * is checked. A JDBC connection is the exception: opened and closed in a repository, it is kept
 * only when a handler of the same file opens it on every invocation.
 */
public final class Lifetimes {

  /**
   * Whether {@code built}, at {@code path}, builds a value to keep rather than to close. A JDBC
   * connection is opened for a while and closed, except on a handler's per-invocation path, where
   * ClientBuiltInHandler says to keep one (validated, in a field) instead of opening it per call.
   */
  public static boolean keptForTheEnvironment(
      ExpressionTree built, TreePath path, VisitorState state, PerInvocation perInvocation) {
    Optional<ClientKind> kind = ClientConstructions.built(built, path, state);
    if (kind.isEmpty()) {
      return false;
    }
    return kind.get().reuse() != Reuse.CONNECTION
        || perInvocation.chainTo(path, state).isPresent();
  }

  private Lifetimes() {}
}
