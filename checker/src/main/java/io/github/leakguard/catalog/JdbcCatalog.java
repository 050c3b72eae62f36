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
            .factories(MethodRef.methods("java.sql.DriverManager", "getConnection"))
            .builtBy(MethodRef.methods("java.sql.Driver", "connect"))
            .reusedAs(ClientKind.Reuse.CONNECTION);
    for (String dataSource : NON_POOLING_DATA_SOURCES) {
      connection.builtBy(MethodRef.methods(dataSource, "getConnection"));
    }
    return ImmutableList.of(connection.build());
  }

  @Override
  public ImmutableList<ResourceKind> resources() {
    return ImmutableList.of(
        ResourceKind.builder(
                family(), "JDBC Connection", Category.CONNECTION, "java.sql.Connection")
            .openedBy(
                MethodRef.method("javax.sql.DataSource", "getConnection"),
                MethodRef.method("java.sql.DriverManager", "getConnection"),
                MethodRef.method("java.sql.Driver", "connect"))
            .build(),
        ResourceKind.builder(family(), "JDBC Statement", Category.CONNECTION, "java.sql.Statement")
            .openedBy(
                MethodRef.method("java.sql.Connection", "createStatement"),
                MethodRef.method("java.sql.Connection", "prepareStatement"),
                MethodRef.method("java.sql.Connection", "prepareCall"))
            .opener(Opener.RELEASES_UNLESS_STRICT)
            .build(),
        // A statement closes its result set when it is closed or executed again.
        ResourceKind.builder(family(), "JDBC ResultSet", Category.CONNECTION, "java.sql.ResultSet")
            .openedBy(
                MethodRef.method("java.sql.Statement", "executeQuery"),
                MethodRef.method("java.sql.Statement", "getResultSet"),
                MethodRef.method("java.sql.Statement", "getGeneratedKeys"))
            .opener(Opener.MANAGES)
            .build());
  }
}
