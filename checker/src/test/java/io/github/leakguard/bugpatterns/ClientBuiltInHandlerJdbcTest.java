package io.github.leakguard.bugpatterns;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * A database connection opened on every invocation (DriverManager, a driver, a non-pooling
 * DataSource) is a per-call client, closed or not; a borrow from a pool is not.
 */
final class ClientBuiltInHandlerJdbcTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ClientBuiltInHandler.class, getClass());

  @Test
  void connectionsOpenedOnEveryInvocation() {
    helper
        .addSourceLines(
            "Audit.java",
            """
            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.sql.SQLException;

            class Audit {
              void record(String id) throws SQLException {
                try (Connection c = DriverManager.getConnection("jdbc:postgresql://db/audit")) {
                  c.createStatement().executeUpdate("insert into audit values ('" + id + "')");
                }
              }
            }
            """)
        .addSourceLines(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.util.Properties;
            import org.postgresql.ds.PGSimpleDataSource;

            class Handler implements RequestHandler<String, String> {
              private static final String URL = System.getenv("DB_URL");
              private static final PGSimpleDataSource PLAIN = new PGSimpleDataSource();
              private final Audit audit = new Audit();

              @Override
              public String handleRequest(String id, Context context) {
                // BUG: Diagnostic contains: DriverManager.getConnection(…) builds a new JDBC connection (Connection) on every invocation of handler Handler.handleRequest, which implements RequestHandler; each warm call pays a new connection's TCP connect, TLS handshake and authentication, and a burst of invocations storms the database with new sessions. Keep one in a field, opened lazily and validated (isValid) before use, or a pool of one (maximumPoolSize 1) held in a static field.
                try (Connection c = DriverManager.getConnection(URL, "app", "secret");
                    ResultSet rows = c.createStatement().executeQuery("select 1")) {
                  // BUG: Diagnostic contains: new JDBC connection
                  Connection other = PLAIN.getConnection();
                  // BUG: Diagnostic contains: audit.record(…) reaches Audit.record, which builds a new JDBC connection (Connection) with DriverManager.getConnection(…) on every invocation of handler Handler.handleRequest
                  audit.record(id);
                  return rows.next() + lookup(id) + other;
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              }

              private String lookup(String id) throws SQLException {
                // BUG: Diagnostic contains: (via Handler.handleRequest → lookup)
                Connection c = new org.postgresql.Driver().connect(URL, new Properties());
                return c.getSchema() + id;
              }
            }
            """)
        .doTest();
  }

  @Test
  void aPoolBorrowOrAConnectionKeptAcrossCallsIsNot() {
    helper
        .addSourceLines(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.zaxxer.hikari.HikariDataSource;
            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class Handler implements RequestHandler<String, String> {
              private static final String URL = System.getenv("DB_URL");
              private static final HikariDataSource POOL = new HikariDataSource();
              private final DataSource injected;
              private final Connection opened;
              private Connection lazy;

              Handler(DataSource injected) throws SQLException {
                this.injected = injected;
                this.opened = DriverManager.getConnection(URL);
              }

              @Override
              public String handleRequest(String id, Context context) {
                try (Connection borrowed = POOL.getConnection();
                    Connection unknown = injected.getConnection()) {
                  return borrowed.getSchema() + unknown.getSchema() + connection().getSchema() + opened;
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              }

              private Connection connection() throws SQLException {
                if (lazy == null || !lazy.isValid(2)) {
                  lazy = DriverManager.getConnection(URL);
                }
                return lazy;
              }
            }
            """)
        .addSourceLines(
            "Migrations.java",
            """
            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.sql.SQLException;

            class Migrations {
              public static void main(String[] args) throws SQLException {
                try (Connection c = DriverManager.getConnection(args[0])) {
                  c.createStatement().execute("create table t (id int)");
                }
              }
            }
            """)
        .doTest();
  }
}
