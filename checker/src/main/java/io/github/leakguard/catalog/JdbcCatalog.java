package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;
import io.github.leakguard.catalog.ResourceKind.Category;
import io.github.leakguard.catalog.ResourceKind.Opener;

/**
 * JDBC: the connections, statements and result sets of any driver. (The pools are in {@link
 * JdbcPoolCatalog}.)
 */
public final class JdbcCatalog implements LibraryCatalog {

  @Override
  public String family() {
    return "JDBC";
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
            .build());
  }
}
