package io.github.leakguard.analysis.release;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import io.github.leakguard.catalog.ResourceKind;
import org.jspecify.annotations.Nullable;

/**
 * A resource that some path out of its method does not release.
 *
 * @param opened the expression that opens it
 * @param kind what it is
 * @param how the first leaking path found
 * @param releasedSomewhere whether some path releases it (or hands it over)
 * @param thrower on an {@link How#ON_EXCEPTION} path, the call whose checked exception leaks it
 * @param exception the simple name of that exception
 * @param lostAt for {@link How#OVERWRITTEN}, the assignment that drops the last reference
 */
public record Leak(
    ExpressionTree opened,
    ResourceKind kind,
    How how,
    boolean releasedSomewhere,
    @Nullable Tree thrower,
    @Nullable String exception,
    @Nullable Tree lostAt) {

  /** How the resource leaks. */
  public enum How {
    /** The value is used once and dropped, never held in a variable. */
    DROPPED,
    /** A path returns normally without releasing it. */
    NORMAL_PATH,
    /** Only a path taken when a checked exception is thrown leaves without releasing it. */
    ON_EXCEPTION,
    /** The variable holding it is assigned again (or it is opened again in a loop) first. */
    OVERWRITTEN
  }
}
