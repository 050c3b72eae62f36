package io.github.leakguard.bugpatterns;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class UnclosedConnectionTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(UnclosedConnection.class, getClass());

  @Test
  void jdbcConnectionNeverClosed() {
    helper
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class Dao {
              private final DataSource ds;

              Dao(DataSource ds) {
                this.ds = ds;
              }

              int count() throws SQLException {
                // BUG: Diagnostic contains: ds.getConnection() opens a JDBC Connection that is never closed; in a warm function
                Connection c = ds.getConnection();
                try (PreparedStatement ps = c.prepareStatement("select count(*) from t");
                    ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  return rs.getInt(1);
                }
              }

              int closedOnlyNormally() throws SQLException {
                // BUG: Diagnostic contains: is closed only when no exception is thrown: if c.prepareStatement(…) throws SQLException, it is never closed
                Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("select 1");
                ps.execute();
                c.close();
                return 1;
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

              Connection returned() throws SQLException {
                Connection c = ds.getConnection();
                c.setAutoCommit(false);
                return c;
              }
            }
            """)
        .doTest();
  }
}
