package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;
import io.github.leakguard.catalog.ResourceKind.Category;
import io.github.leakguard.catalog.ResourceKind.Opener;

/**
 * JDBC: connection pools (HikariCP, Commons DBCP2 and any other closeable {@code DataSource}) and
 * the connections, statements and result sets of any driver.
 */
public final class JdbcCatalog implements LibraryCatalog {

  @Override
  public String family() {
    return "JDBC";
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

  @Override
  public ImmutableList<ResourceKind> resources() {
    return ImmutableList.of(
        ResourceKind.builder(
                family(), "JDBC Connection", Category.CONNECTION, "java.sql.Connection")
            .openedBy(
                "javax.sql.DataSource#getConnection",
                "java.sql.DriverManager#getConnection",
                "java.sql.Driver#connect")
            .build(),
        ResourceKind.builder(family(), "JDBC Statement", Category.CONNECTION, "java.sql.Statement")
            .openedBy(
                "java.sql.Connection#createStatement",
                "java.sql.Connection#prepareStatement",
                "java.sql.Connection#prepareCall")
            .opener(Opener.RELEASES_UNLESS_STRICT)
            .build(),
        // A statement closes its result set when it is closed or executed again.
        ResourceKind.builder(family(), "JDBC ResultSet", Category.CONNECTION, "java.sql.ResultSet")
            .openedBy(
                "java.sql.Statement#executeQuery",
                "java.sql.Statement#getResultSet",
                "java.sql.Statement#getGeneratedKeys")
            .opener(Opener.MANAGES)
            .build(),
        ResourceKind.builder(
                family(),
                "HikariCP pool",
                Category.CONNECTION,
                "com.zaxxer.hikari.HikariDataSource")
            .constructors()
            .transferredByPassing()
            .build(),
        ResourceKind.builder(
                family(),
                "Commons DBCP2 pool",
                Category.CONNECTION,
                "org.apache.commons.dbcp2.BasicDataSource")
            .constructors()
            .transferredByPassing()
            .build());
  }
}
