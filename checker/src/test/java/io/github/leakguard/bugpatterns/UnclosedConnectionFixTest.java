package io.github.leakguard.bugpatterns;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import org.junit.jupiter.api.Test;

/** UnclosedConnection's fix: the uses wrapped in try-with-resources. */
final class UnclosedConnectionFixTest {
  @Test
  void fixWrapsTheUsesInTryWithResources() {
    BugCheckerRefactoringTestHelper.newInstance(UnclosedConnection.class, getClass())
        .addInputLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import java.util.concurrent.Callable;
            import javax.sql.DataSource;

            class Dao {
              int update(DataSource ds, String sql) throws SQLException {
                int before = 0;
                Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                int count = ps.executeUpdate();
                return before + count;
              }

              Callable<Integer> inLambdaLeftAlone(DataSource ds) {
                return () -> {
                  Connection c = ds.getConnection();
                  return c.getTransactionIsolation();
                };
              }
            }
            """)
        .addOutputLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import java.util.concurrent.Callable;
            import javax.sql.DataSource;

            class Dao {
              int update(DataSource ds, String sql) throws SQLException {
                int before = 0;
                try (Connection c = ds.getConnection()) {
                  PreparedStatement ps = c.prepareStatement(sql);
                  int count = ps.executeUpdate();
                  return before + count;
                }
              }

              Callable<Integer> inLambdaLeftAlone(DataSource ds) {
                return () -> {
                  Connection c = ds.getConnection();
                  return c.getTransactionIsolation();
                };
              }
            }
            """)
        .doTest();
  }
}
