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
}
