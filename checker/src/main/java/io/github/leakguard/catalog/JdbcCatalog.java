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

  /**
   * DataSources that open a new physical connection on every {@code getConnection()}: drivers'
   * plain DataSources and Spring's driver-manager ones. A pool's borrow (HikariCP, DBCP) is not
   * here, and neither is a {@code DataSource} of unknown class.
   */
  private static final String[] NON_POOLING_DATA_SOURCES = {
    "org.postgresql.ds.PGSimpleDataSource",
    "com.mysql.cj.jdbc.MysqlDataSource",
    "org.mariadb.jdbc.MariaDbDataSource",
    "com.microsoft.sqlserver.jdbc.SQLServerDataSource",
    "oracle.jdbc.datasource.impl.OracleDataSource",
    "oracle.jdbc.pool.OracleDataSource",
    "org.h2.jdbcx.JdbcDataSource",
    "org.springframework.jdbc.datasource.DriverManagerDataSource",
    "org.springframework.jdbc.datasource.SimpleDriverDataSource"
  };

  // A connection opened per invocation is a client too: AWS's guidance names database connections
  // with SDK clients ("initialise them outside the handler").
  @Override
  public ImmutableList<ClientKind> clients() {
    ClientKind.Builder connection =
        ClientKind.builder(family(), "JDBC connection", "java.sql.Connection")
            .factoriesOn("java.sql.DriverManager")
            .factoryMethods("getConnection")
            .builtBy("java.sql.Driver", "connect")
            .reusedAs(ClientKind.Reuse.CONNECTION);
    for (String dataSource : NON_POOLING_DATA_SOURCES) {
      connection.builtBy(dataSource, "getConnection");
    }
    return ImmutableList.of(connection.build());
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
