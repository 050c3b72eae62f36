package io.github.leakguard.bugpatterns;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/** Null guards before {@code close()} in every spelling: none makes a close conditional. */
final class UnclosedConnectionGuardsTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(UnclosedConnection.class, getClass());

  @Test
  void objectsNonNullAndIsNullGuardsCloseOnEveryPath() {
    helper
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.util.Objects;
            import javax.sql.DataSource;

            class Dao {
              private final DataSource ds;

              Dao(DataSource ds) {
                this.ds = ds;
              }

              String nonNull(String id) throws SQLException {
                Connection c = null;
                PreparedStatement ps = null;
                try {
                  c = ds.getConnection();
                  ps = c.prepareStatement("select name from t where id = ?");
                  ps.setString(1, id);
                  return ps.executeUpdate() > 0 ? "ok" : "none";
                } finally {
                  if (Objects.nonNull(ps)) {
                    ps.close();
                  }
                  if (Objects.nonNull(c)) {
                    c.close();
                  }
                }
              }

              void isNull(String id) throws SQLException {
                Connection c = null;
                try {
                  c = ds.getConnection();
                  c.prepareStatement("delete from t").executeUpdate();
                } finally {
                  if (!Objects.isNull(c)) {
                    c.close();
                  }
                }
              }

              void isNullEarlyReturn() throws SQLException {
                Connection c = ds.getConnection();
                try {
                  c.setAutoCommit(false);
                } finally {
                  if (Objects.isNull(c)) {
                    return;
                  }
                  c.close();
                }
              }

              void negatedEquality() throws SQLException {
                Connection c = null;
                try {
                  c = ds.getConnection();
                  c.setAutoCommit(true);
                } finally {
                  if (!(c == null)) {
                    c.close();
                  }
                }
              }

              void ternaryOpens(boolean prepared) throws SQLException {
                Connection c = ds.getConnection();
                PreparedStatement ps = null;
                try {
                  ps = c == null ? null : c.prepareStatement("delete from t");
                  ps.executeUpdate();
                } finally {
                  if (Objects.nonNull(ps)) {
                    ps.close();
                  }
                  c.close();
                }
              }

              void ternaryGuardsTheClose() throws SQLException {
                Connection c = null;
                try {
                  c = ds.getConnection();
                  c.setAutoCommit(true);
                } finally {
                  Connection toClose = c == null ? null : c;
                  if (toClose != null) {
                    toClose.close();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void aGuardOnAnotherValueIsStillConditional() {
    helper
        .addSourceLines(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.util.Objects;
            import javax.sql.DataSource;

            class Dao {
              private final DataSource ds;
              private Object marker;

              Dao(DataSource ds) {
                this.ds = ds;
              }

              void otherValue() throws SQLException {
                // BUG: Diagnostic contains: not closed on every path
                Connection c = ds.getConnection();
                c.setAutoCommit(true);
                if (Objects.nonNull(marker)) {
                  c.close();
                }
              }

              void isNullCloses() throws SQLException {
                // BUG: Diagnostic contains: not closed on every path
                Connection c = ds.getConnection();
                c.setAutoCommit(true);
                if (Objects.isNull(marker)) {
                  c.close();
                }
              }
            }
            """)
        .doTest();
  }
}
