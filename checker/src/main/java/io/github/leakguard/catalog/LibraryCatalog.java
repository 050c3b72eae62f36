package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;

/**
 * What LeakGuard knows of one library family. Each family is data in one class; checks and analyses
 * read the families through {@link Catalogs}, never a family directly, so adding a library is
 * adding a catalog and its tests.
 *
 * <p>Every method has an empty default: a family states only what applies to it.
 */
public interface LibraryCatalog {

  /** The family's name, as messages and reports show it ("AWS SDK v2"). */
  String family();

  /** The reusable clients of this family and how a new one is built. */
  default ImmutableList<ClientKind> clients() {
    return ImmutableList.of();
  }

  /** Settings that bound a connection pool, and what "unlimited" looks like for each. */
  default ImmutableList<PoolBound> poolBounds() {
    return ImmutableList.of();
  }

  /** Calls that build a pool with no bound at all. */
  default ImmutableList<UnboundedPool> unboundedPools() {
    return ImmutableList.of();
  }

  /** Settings that decide how long idle connections are kept. */
  default ImmutableList<IdleSetting> idleSettings() {
    return ImmutableList.of();
  }

  /** The documented maximum connections of clients built without an explicit bound. */
  default ImmutableList<ConnectionDefault> connectionDefaults() {
    return ImmutableList.of();
  }

  /** The family's own duration types, so settings that take one can be read. */
  default ImmutableList<DurationType> durationTypes() {
    return ImmutableList.of();
  }

  /** The resources of this family that must be released on every path, and how. */
  default ImmutableList<ResourceKind> resources() {
    return ImmutableList.of();
  }

  /**
   * Methods (static or instance) that release any resource passed to them, whatever its kind:
   * quiet-close helpers, entity consumers, readers that close their source.
   */
  default ImmutableList<MethodRef> releaseHelpers() {
    return ImmutableList.of();
  }
}
