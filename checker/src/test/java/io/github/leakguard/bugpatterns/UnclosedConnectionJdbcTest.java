package io.github.leakguard.bugpatterns;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * JDBC connections, statements and result sets, who owns them, and the StrictStatementOwnership
 * option.
 */
final class UnclosedConnectionJdbcTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(UnclosedConnection.class, getClass());

  @Test
  void jdbcConnections() {
    helper
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class Dao {
              private final DataSource ds;

              Dao(DataSource ds) {
                this.ds = ds;
              }

              int neverClosed() throws SQLException {
                // BUG: Diagnostic contains: ds.getConnection() opens a JDBC Connection that is never closed; in a warm function each invocation leaks one
                Connection c = ds.getConnection();
                try (PreparedStatement ps = c.prepareStatement("select count(*) from t");
                    ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  return rs.getInt(1);
                }
              }

              int closedOnlyWithoutException() throws SQLException {
                // BUG: Diagnostic contains: is closed only when no exception is thrown: if c.prepareStatement(…) throws SQLException, it is never closed
                Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("select 1");
                ps.execute();
                c.close();
                return 1;
              }

              void earlyReturn(boolean skip) throws SQLException {
                // BUG: Diagnostic contains: not closed on every path out of the method
                Connection c = DriverManager.getConnection("jdbc:h2:mem:");
                if (skip) {
                  return;
                }
                c.close();
              }

              int dropped() throws SQLException {
                // BUG: Diagnostic contains: DriverManager.getConnection(…) opens a JDBC Connection that is used and dropped
                return DriverManager.getConnection("jdbc:h2:mem:").getTransactionIsolation();
              }

              int tryWithResources() throws SQLException {
                try (Connection c = ds.getConnection();
                    PreparedStatement ps = c.prepareStatement("select 1")) {
                  return ps.executeUpdate();
                }
              }

              int closedInFinally() throws SQLException {
                Connection c = null;
                PreparedStatement ps = null;
                try {
                  c = ds.getConnection();
                  ps = c.prepareStatement("select 1");
                  return ps.executeUpdate();
                } finally {
                  if (ps != null) {
                    ps.close();
                  }
                  if (c != null) {
                    c.close();
                  }
                }
              }

              // A handler cannot throw SQLException: it wraps it, and the wrapped path leaks too.
              int wrapped() {
                try {
                  // BUG: Diagnostic contains: if c.getTransactionIsolation() throws SQLException, it is never closed
                  Connection c = ds.getConnection();
                  int level = c.getTransactionIsolation();
                  c.close();
                  return level;
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              }

              int validationThrowIsNoPath(boolean valid) throws SQLException {
                try (Connection c = ds.getConnection()) {
                  if (!valid) {
                    throw new IllegalArgumentException("invalid");
                  }
                  return c.getTransactionIsolation();
                }
              }

              Connection returned() throws SQLException {
                // BUG: Diagnostic contains: if c.setAutoCommit(…) throws SQLException
                Connection c = ds.getConnection();
                c.setAutoCommit(false);
                return c;
              }
            }
            """)
        .doTest();
  }

  @Test
  void statementsAndResultSets() {
    helper
        .addSourceLines(
            "Queries.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;
            import javax.sql.DataSource;

            class Queries {
              int statementOfCallersConnection(Connection c) throws SQLException {
                // BUG: Diagnostic contains: c.createStatement() opens a JDBC Statement that is never closed
                Statement s = c.createStatement();
                return s.executeUpdate("delete from t");
              }

              int resultSetOfCallersStatement(PreparedStatement ps) throws SQLException {
                // The caller's statement closes it when closed or executed again.
                ResultSet rs = ps.executeQuery();
                return rs.next() ? rs.getInt(1) : 0;
              }

              int resultSetClosedWithItsStatement(Connection c) throws SQLException {
                try (PreparedStatement ps = c.prepareStatement("select 1")) {
                  ResultSet rs = ps.executeQuery();
                  return rs.next() ? rs.getInt(1) : 0;
                }
              }

              int statementClosedWithItsConnection(DataSource ds) throws SQLException {
                try (Connection c = ds.getConnection()) {
                  PreparedStatement ps = c.prepareStatement("select 1");
                  ResultSet rs = ps.executeQuery();
                  return rs.next() ? rs.getInt(1) : 0;
                }
              }

              int oneFindingForAChain(DataSource ds) throws SQLException {
                // BUG: Diagnostic contains: ds.getConnection() opens a JDBC Connection that is never closed
                Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("select 1");
                ResultSet rs = ps.executeQuery();
                return rs.next() ? 1 : 0;
              }
            }
            """)
        .doTest();
  }

  @Test
  void resourcesReleasedWithTheirTryWithResourcesOpener() {
    // These bodies but the first are decided without their control-flow graph: each resource is
    // a try-with-resources variable, returned, or released by one; the first piles statements up
    // on its connection in a loop, and the last method leaks.
    helper
        .addSourceLines(
            "Batches.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;
            import java.util.List;
            import javax.sql.DataSource;

            class Batches {
              void statementsOfAClosedConnection(DataSource ds, List<String> sqls)
                  throws SQLException {
                try (Connection c = ds.getConnection()) {
                  for (String sql : sqls) {
                    // BUG: Diagnostic contains: in a loop
                    Statement s = c.createStatement();
                    s.execute(sql);
                  }
                }
              }

              int resultSetsOfAClosedStatement(DataSource ds, List<String> ids) throws SQLException {
                int n = 0;
                try (Connection c = ds.getConnection();
                    PreparedStatement s = c.prepareStatement("select 1 where id = ?")) {
                  for (String id : ids) {
                    s.setString(1, id);
                    ResultSet rs = s.executeQuery();
                    n += rs.next() ? 1 : 0;
                  }
                }
                return n;
              }

              int chained(DataSource ds) throws SQLException {
                try (Connection c = ds.getConnection();
                    ResultSet rows = c.createStatement().executeQuery("select 1")) {
                  return rows.next() ? 1 : 0;
                }
              }

              Connection handedOut(DataSource ds) throws SQLException {
                return ds.getConnection();
              }

              int anotherConnectionBesideTheClosedOne(DataSource ds, DataSource other)
                  throws SQLException {
                try (Connection c = ds.getConnection()) {
                  // BUG: Diagnostic contains: other.getConnection() opens a JDBC Connection that is never closed
                  Connection kept = other.getConnection();
                  return c.createStatement().executeUpdate("delete from t") + kept.getHoldability();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void strictStatementOwnership() {
    helper
        .setArgs("-XepOpt:LeakGuard:StrictStatementOwnership=true")
        .addSourceLines(
            "Queries.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class Queries {
              int statementClosedOnlyWithItsConnection(DataSource ds) throws SQLException {
                try (Connection c = ds.getConnection()) {
                  // BUG: Diagnostic contains: c.prepareStatement(…) opens a JDBC Statement that is never closed
                  PreparedStatement ps = c.prepareStatement("select 1");
                  ResultSet rs = ps.executeQuery();
                  return rs.next() ? rs.getInt(1) : 0;
                }
              }

              int statementClosed(DataSource ds) throws SQLException {
                try (Connection c = ds.getConnection();
                    PreparedStatement ps = c.prepareStatement("select 1")) {
                  ResultSet rs = ps.executeQuery();
                  return rs.next() ? rs.getInt(1) : 0;
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void badOptionIsReported() {
    helper
        .setArgs("-XepOpt:LeakGuard:StrictStatementOwnership=sometimes")
        .addSourceLines(
            "A.java",
            """
            // BUG: Diagnostic contains: StrictStatementOwnership=sometimes is not valid; it takes true or false
            class A {}
            """)
        .doTest();
  }

  @Test
  void ownershipTransfers() {
    helper
        .addSourceLines(
            "Owners.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.concurrent.ExecutorService;
            import javax.sql.DataSource;

            class Owners {
              private final List<Connection> pool = new ArrayList<>();
              private Connection current;

              void intoField(DataSource ds) throws SQLException {
                current = ds.getConnection();
              }

              void intoCollection(DataSource ds) throws SQLException {
                Connection c = ds.getConnection();
                pool.add(c);
              }

              Holder intoOwnerObject(DataSource ds) throws SQLException {
                return new Holder(ds.getConnection());
              }

              void capturedByTask(DataSource ds, ExecutorService executor) throws SQLException {
                Connection c = ds.getConnection();
                executor.submit(() -> work(c));
              }

              void passedToArbitraryMethod(DataSource ds) throws SQLException {
                // BUG: Diagnostic contains: never closed
                Connection c = ds.getConnection();
                work(c);
              }

              private static void work(Connection c) {}

              static final class Holder {
                final Connection connection;

                Holder(Connection connection) {
                  this.connection = connection;
                }
              }
            }
            """)
        .doTest();
  }
}
