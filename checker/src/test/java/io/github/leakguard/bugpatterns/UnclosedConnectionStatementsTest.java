package io.github.leakguard.bugpatterns;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * JDBC statements lost (overwritten, dropped) while their connection lives on, so that another is
 * opened before the connection is closed, are reported without {@code StrictStatementOwnership};
 * one whose connection is closed soon after, in the same method, is not.
 */
final class UnclosedConnectionStatementsTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(UnclosedConnection.class, getClass());

  private static final String IMPORTS =
      """
      import java.sql.Connection;
      import java.sql.PreparedStatement;
      import java.sql.ResultSet;
      import java.sql.SQLException;
      import java.sql.Statement;
      import java.util.List;
      import javax.sql.DataSource;
      """;

  @Test
  void statementsPilingUpOnAConnectionHeldForTheWholeLoop() {
    helper
        .addSourceLines(
            "Orders.java",
            IMPORTS
                + """
                class Orders {
                  private final DataSource ds;

                  Orders(DataSource ds) {
                    this.ds = ds;
                  }

                  void heldForTheLoop(List<String> ids) throws SQLException {
                    try (Connection c = ds.getConnection()) {
                      for (String id : ids) {
                        // BUG: Diagnostic contains: opened again in a loop
                        PreparedStatement ps = c.prepareStatement("delete from t where id = ?");
                        ps.setString(1, id);
                        ps.executeUpdate();
                      }
                    }
                  }

                  void droppedInALoop(List<String> sqls) throws SQLException {
                    Connection c = ds.getConnection();
                    try {
                      for (String sql : sqls) {
                        // BUG: Diagnostic contains: used and dropped
                        c.createStatement().executeUpdate(sql);
                      }
                    } finally {
                      c.close();
                    }
                  }

                  int resultSetsOfAFreshStatement(List<String> ids) throws SQLException {
                    int n = 0;
                    try (Connection c = ds.getConnection()) {
                      ResultSet rs;
                      for (String id : ids) {
                        // BUG: Diagnostic contains: JDBC Statement
                        rs = c.createStatement().executeQuery("select 1");
                        n += rs.next() ? 1 : 0;
                      }
                    }
                    return n;
                  }

                  void nestedInAResultSetWalk() throws SQLException {
                    try (Connection c = ds.getConnection();
                        Statement outer = c.createStatement();
                        ResultSet rows = outer.executeQuery("select id from orders")) {
                      while (rows.next()) {
                        // BUG: Diagnostic contains: opened again in a loop
                        Statement update = c.createStatement();
                        update.executeUpdate("update orders set seen = 1 where id = " + rows.getInt(1));
                      }
                    }
                  }

                  void reassignedInADoLoop(List<String> sqls) throws SQLException {
                    Connection c = ds.getConnection();
                    try {
                      Statement st = null;
                      int i = 0;
                      do {
                        // BUG: Diagnostic contains: JDBC Statement
                        st = c.createStatement();
                        st.execute(sqls.get(i++));
                      } while (i < sqls.size());
                    } finally {
                      c.close();
                    }
                  }
                }
                """)
        .doTest();
  }

  @Test
  void statementsOfAConnectionTheMethodDoesNotCloseStayReported() {
    helper
        .addSourceLines(
            "Orders.java",
            IMPORTS
                + """
                class Orders {
                  private Connection conn;

                  void fieldLoop(List<String> ids) throws SQLException {
                    for (String id : ids) {
                      // BUG: Diagnostic contains: never closed
                      PreparedStatement ps = conn.prepareStatement("delete from t where id = ?");
                      ps.setString(1, id);
                      ps.executeUpdate();
                    }
                  }

                  void fieldReassigned() throws SQLException {
                    // BUG: Diagnostic contains: assigned again
                    Statement st = conn.createStatement();
                    st.execute("delete from a");
                    // BUG: Diagnostic contains: if st.execute(…) throws SQLException
                    st = conn.createStatement();
                    st.execute("delete from b");
                    st.close();
                  }

                  void parameterLoop(Connection c, List<String> ids) throws SQLException {
                    for (String id : ids) {
                      // BUG: Diagnostic contains: never closed
                      PreparedStatement ps = c.prepareStatement("delete from t where id = ?");
                      ps.setString(1, id);
                      ps.executeUpdate();
                    }
                  }
                }
                """)
        .doTest();
  }

  @Test
  void statementsClosedWithTheirConnectionSoonAfterAreNot() {
    helper
        .addSourceLines(
            "Orders.java",
            IMPORTS
                + """
                class Orders {
                  private final DataSource ds;

                  Orders(DataSource ds) {
                    this.ds = ds;
                  }

                  void closedSoonAfter() throws SQLException {
                    Connection c = ds.getConnection();
                    try {
                      Statement st = c.createStatement();
                      st.execute("delete from a");
                      st = c.createStatement();
                      st.execute("delete from b");
                      c.createStatement().execute("delete from c");
                    } finally {
                      c.close();
                    }
                  }

                  void closedEachTime(List<String> ids) throws SQLException {
                    try (Connection c = ds.getConnection()) {
                      for (String id : ids) {
                        try (PreparedStatement ps = c.prepareStatement("delete from t where id = ?")) {
                          ps.setString(1, id);
                          ps.executeUpdate();
                        }
                      }
                    }
                  }

                  void closedInAFinally(List<String> ids) throws SQLException {
                    try (Connection c = ds.getConnection()) {
                      for (String id : ids) {
                        PreparedStatement ps = c.prepareStatement("delete from t where id = ?");
                        try {
                          ps.setString(1, id);
                          ps.executeUpdate();
                        } finally {
                          ps.close();
                        }
                      }
                    }
                  }

                  int reusedAcrossTheLoop(List<String> ids) throws SQLException {
                    int n = 0;
                    try (Connection c = ds.getConnection();
                        PreparedStatement ps = c.prepareStatement("select 1 from t where id = ?")) {
                      for (String id : ids) {
                        ps.setString(1, id);
                        ResultSet rs = ps.executeQuery();
                        n += rs.next() ? 1 : 0;
                      }
                    }
                    return n;
                  }

                  void aConnectionPerIteration(List<String> ids) throws SQLException {
                    for (String id : ids) {
                      try (Connection c = ds.getConnection()) {
                        c.createStatement().executeUpdate("delete from t where id = " + id);
                      }
                    }
                  }
                }
                """)
        .doTest();
  }
}
