package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;

/** JDBC connection pools: HikariCP, Commons DBCP2 and any other closeable {@code DataSource}. */
public final class JdbcPoolCatalog implements LibraryCatalog {

  @Override
  public String family() {
    return "JDBC pools";
  }

  @Override
  public ImmutableList<ClientKind> clients() {
    return ImmutableList.of(
        // A DataSource that must be closed owns connections: that is what a pool is. Plain
        // DataSources (PGSimpleDataSource and friends) are not closeable and hold nothing.
        ClientKind.builder(family(), "JDBC connection pool", "javax.sql.DataSource")
            .alsoSubtypeOf("java.lang.AutoCloseable")
            .constructors()
            .build());
  }
}
