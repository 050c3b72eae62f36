package io.github.leakguard.bugpatterns;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Resources reached through the project's own code: factories that return {@code null} when they
 * fail, a pool class of the project in another file, and initializer blocks.
 */
final class UnclosedConnectionHelpersTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(UnclosedConnection.class, getClass());

  @Test
  void aFactoryReturningNullFromItsCatchBlockStillOpens() {
    helper
        .addSourceLines(
            "Db.java",
            """
            import java.io.IOException;
            import java.net.Socket;
            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.sql.SQLException;

            class Db {
              static Connection connect(String url) {
                try {
                  return DriverManager.getConnection(url);
                } catch (SQLException e) {
                  return null;
                }
              }

              static Socket open(String host) {
                Socket socket = null;
                try {
                  socket = new Socket(host, 5432);
                } catch (IOException e) {
                  System.err.println(e);
                }
                return socket;
              }

              static Connection never() {
                return null;
              }

              boolean leaks(String url) throws SQLException {
                // BUG: Diagnostic contains: never closed
                Connection c = connect(url);
                return c != null && c.isValid(1);
              }

              boolean leaksASocket(String host) throws IOException {
                // BUG: Diagnostic contains: never closed
                Socket s = open(host);
                return s != null && s.isConnected();
              }

              boolean closes(String url) throws SQLException {
                try (Connection c = connect(url)) {
                  return c != null && c.isValid(1);
                }
              }

              boolean nothingOpened() throws SQLException {
                Connection c = never();
                return c != null && c.isValid(1);
              }
            }
            """)
        .doTest();
  }

  @Test
  void aConnectionFromTheProjectsOwnPoolInAnotherFile() {
    helper
        .addSourceLines(
            "Pool.java",
            """
            import com.zaxxer.hikari.HikariDataSource;
            import java.sql.Connection;
            import java.sql.SQLException;

            final class Pool {
              private static final HikariDataSource DATA_SOURCE = new HikariDataSource();

              static Connection getConnection() throws SQLException {
                return DATA_SOURCE.getConnection();
              }
            }
            """)
        .addSourceLines(
            "Database.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            final class Database {
              private final DataSource dataSource;

              Database(DataSource dataSource) {
                this.dataSource = dataSource;
              }

              Connection open() throws SQLException {
                // BUG: Diagnostic contains: if connection.setAutoCommit(…) throws SQLException
                Connection connection = dataSource.getConnection();
                connection.setAutoCommit(true);
                return connection;
              }
            }
            """)
        .addSourceLines(
            "Orders.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;

            class Orders {
              private final Database database;

              Orders(Database database) {
                this.database = database;
              }

              void delete(String id) throws SQLException {
                // BUG: Diagnostic contains: Pool.getConnection() opens a JDBC Connection
                Connection c = Pool.getConnection();
                PreparedStatement ps = c.prepareStatement("delete from orders where id = ?");
                ps.setString(1, id);
                ps.executeUpdate();
              }

              void fromAnInstance() throws SQLException {
                // BUG: Diagnostic contains: never closed
                Connection c = database.open();
                c.createStatement().execute("delete from orders");
              }

              void closed(String id) throws SQLException {
                try (Connection c = Pool.getConnection();
                    PreparedStatement ps = c.prepareStatement("delete from orders where id = ?")) {
                  ps.setString(1, id);
                  ps.executeUpdate();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void aConnectionTheProjectKeepsIsNotTheCallersToClose() {
    helper
        .addSourceLines(
            "Holder.java",
            """
            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.sql.SQLException;

            final class Holder {
              private static Connection shared;
              private final Connection connection;

              Holder(Connection connection) {
                this.connection = connection;
              }

              Connection getConnection() {
                return connection;
              }

              static Connection lazy(String url) throws SQLException {
                if (shared == null || !shared.isValid(1)) {
                  shared = DriverManager.getConnection(url);
                }
                return shared;
              }
            }
            """)
        .addSourceLines(
            "Source.java",
            """
            import java.sql.Connection;

            interface Source {
              Connection getConnection();
            }
            """)
        .addSourceLines(
            "Orders.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;

            class Orders {
              void getter(Holder holder) throws SQLException {
                Connection c = holder.getConnection();
                c.setAutoCommit(true);
              }

              void lazy() throws SQLException {
                Connection c = Holder.lazy("jdbc:h2:mem:");
                c.setAutoCommit(true);
              }

              void anInterface(Source source) throws SQLException {
                Connection c = source.getConnection();
                c.setAutoCommit(true);
              }
            }
            """)
        .doTest();
  }

  @Test
  void initializerBlocksAreAnalysedLikeConstructors() {
    helper
        .addSourceLines(
            "Probe.java",
            """
            import java.io.IOException;
            import java.io.OutputStream;
            import java.net.Socket;

            class Probe {
              private static final boolean REACHABLE;
              private final boolean greeted;
              private final Socket kept;

              static {
                boolean ok = false;
                try {
                  // BUG: Diagnostic contains: never closed
                  Socket s = new Socket("db", 5432);
                  ok = s.isConnected();
                } catch (IOException e) {
                  ok = false;
                }
                REACHABLE = ok;
              }

              {
                boolean ok;
                try {
                  // BUG: Diagnostic contains: if out.write(…) throws IOException
                  Socket s = new Socket("db", 5432);
                  OutputStream out = s.getOutputStream();
                  out.write(1);
                  s.close();
                  ok = true;
                } catch (IOException e) {
                  ok = false;
                }
                greeted = ok;
              }

              {
                Socket s = null;
                try {
                  s = new Socket("db", 5432);
                } catch (IOException e) {
                  s = null;
                }
                kept = s;
              }

              {
                try (Socket s = new Socket("db", 5432)) {
                  s.getOutputStream().write(1);
                } catch (IOException e) {
                  // probing only
                }
              }
            }
            """)
        .doTest();
  }
}
