package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;

/**
 * What LeakGuard knows of one library family. Each family is data in one class; checks and
 * analyses read the families through {@link Catalogs}, never a family directly, so adding a library
 * is adding a catalog and its tests.
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

  /** The resources of this family that must be released on every path, and how. */
  default ImmutableList<ResourceKind> resources() {
    return ImmutableList.of();
  }

  /**
   * Methods ({@code owner#name}, static or instance) that release any resource passed to them,
   * whatever its kind: quiet-close helpers, entity consumers, readers that close their source.
   */
  default ImmutableList<String> releaseHelpers() {
    return ImmutableList.of();
  }
}
