package io.github.leakguard.bugpatterns;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * The code shapes a connection is opened and released in: helpers of the same unit, locally built
 * pools, loops, try-with-resources on a variable, lambdas, shapes from real code.
 */
final class UnclosedConnectionTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(UnclosedConnection.class, getClass());

  @Test
  void sameUnitHelpersFactoriesAndAnnotations() {
    helper
        .addSourceLines(
            "Helpers.java",
            """
            import com.google.errorprone.annotations.MustBeClosed;
            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.sql.SQLException;

            class Helpers {
              private static Connection connect() throws SQLException {
                Connection c = DriverManager.getConnection("jdbc:h2:mem:");
                return c;
              }

              @MustBeClosed
              static Connection annotated() throws SQLException {
                return DriverManager.getConnection("jdbc:h2:mem:");
              }

              private static void closeQuietly(AutoCloseable resource) {
                if (resource == null) {
                  return;
                }
                try {
                  resource.close();
                } catch (Exception ignored) {
                  // nothing to do
                }
              }

              private static void log(AutoCloseable resource) {
                System.out.println(resource);
              }

              int fromFactoryNeverClosed() throws SQLException {
                // BUG: Diagnostic contains: connect() opens a JDBC Connection that is never closed
                Connection c = connect();
                return c.getTransactionIsolation();
              }

              int fromAnnotatedFactoryNeverClosed() throws SQLException {
                // BUG: Diagnostic contains: annotated() opens a JDBC Connection
                Connection c = annotated();
                return c.getTransactionIsolation();
              }

              int fromFactoryClosed() throws SQLException {
                try (Connection c = connect()) {
                  return c.getTransactionIsolation();
                }
              }

              int closedByHelper() throws SQLException {
                Connection c = connect();
                try {
                  return c.getTransactionIsolation();
                } finally {
                  closeQuietly(c);
                }
              }

              int helperThatDoesNotClose() throws SQLException {
                // BUG: Diagnostic contains: never closed
                Connection c = connect();
                try {
                  return c.getTransactionIsolation();
                } finally {
                  log(c);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void locallyBuiltPoolsAndClients() {
    helper
        .addSourceLines(
            "Pools.java",
            """
            import com.zaxxer.hikari.HikariConfig;
            import com.zaxxer.hikari.HikariDataSource;
            import java.io.IOException;
            import java.sql.SQLException;
            import javax.sql.DataSource;
            import org.apache.http.client.methods.HttpGet;
            import org.apache.http.impl.client.CloseableHttpClient;
            import org.apache.http.impl.client.HttpClients;

            class Pools {
              private static DataSource shared;

              int poolNeverClosed(HikariConfig config) throws SQLException {
                // BUG: Diagnostic contains: new HikariDataSource(…) opens a HikariCP pool that is never closed
                HikariDataSource ds = new HikariDataSource(config);
                return ds.getMaximumPoolSize();
              }

              static void poolKept(HikariConfig config) {
                shared = new HikariDataSource(config);
              }

              static DataSource poolReturned(HikariConfig config) {
                return new HikariDataSource(config);
              }

              void clientNeverClosed(String url) throws IOException {
                // BUG: Diagnostic contains: HttpClients.createDefault() opens an Apache HttpClient 4 client that is never closed
                CloseableHttpClient client = HttpClients.createDefault();
                client.execute(new HttpGet(url)).close();
              }

              void clientClosed(String url) throws IOException {
                try (CloseableHttpClient client = HttpClients.custom().build()) {
                  client.execute(new HttpGet(url)).close();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void loopsAndQuietCloseHelpers() {
    helper
        .addSourceLines(
            "Loops.java",
            """
            import com.google.common.io.Closeables;
            import java.io.IOException;
            import java.net.Socket;
            import java.util.List;
            import org.apache.commons.io.IOUtils;

            class Loops {
              void reopenedInLoop(List<String> hosts) throws IOException {
                Socket socket = null;
                for (String host : hosts) {
                  // BUG: Diagnostic contains: assigned again (or that is opened again in a loop) before it is closed
                  socket = new Socket(host, 80);
                  socket.getOutputStream().write(1);
                }
                if (socket != null) {
                  socket.close();
                }
              }

              void closedEachIteration(List<String> hosts) throws IOException {
                for (String host : hosts) {
                  Socket socket = new Socket(host, 80);
                  try {
                    socket.getOutputStream().write(1);
                  } finally {
                    IOUtils.closeQuietly(socket);
                  }
                }
              }

              void guavaClose(String host) throws IOException {
                Socket socket = new Socket(host, 80);
                try {
                  socket.getOutputStream().write(1);
                } finally {
                  Closeables.close(socket, true);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void java9TryWithResourcesAndVar() {
    helper
        .addSourceLines(
            "Modern.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.util.concurrent.Callable;
            import javax.sql.DataSource;

            class Modern {
              int effectivelyFinalResource(DataSource ds) throws SQLException {
                Connection c = ds.getConnection();
                try (c) {
                  return c.getTransactionIsolation();
                }
              }

              int inferred(DataSource ds) throws SQLException {
                // BUG: Diagnostic contains: never closed
                var c = ds.getConnection();
                return c.getTransactionIsolation();
              }

              Callable<Connection> supplier(DataSource ds) {
                return () -> ds.getConnection();
              }
            }
            """)
        .doTest();
  }

  @Test
  void lambdaBodies() {
    helper
        .addSourceLines(
            "Lambdas.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.util.List;
            import javax.sql.DataSource;

            class Lambdas {
              interface SqlTask {
                int run() throws SQLException;
              }

              SqlTask leaking(DataSource ds) {
                return () -> {
                  // BUG: Diagnostic contains: ds.getConnection() opens a JDBC Connection that is never closed
                  Connection c = ds.getConnection();
                  return c.getTransactionIsolation();
                };
              }

              SqlTask closing(DataSource ds) {
                return () -> {
                  try (Connection c = ds.getConnection()) {
                    return c.getTransactionIsolation();
                  }
                };
              }
            }
            """)
        .doTest();
  }

  /** Shapes met in real code (PostgreSQL JDBC, DBCP2, HttpClient 4 and 5), turned into tests. */
  @Test
  void shapesFromRealCode() {
    helper
        .addSourceLines(
            "JdbcUtils.java",
            """
            final class JdbcUtils {
              static void closeQuietly(AutoCloseable resource) {
                try {
                  if (resource != null) {
                    resource.close();
                  }
                } catch (Exception ignored) {
                  // best effort
                }
              }

              static <T> T castNonNull(T value, String message) {
                if (value == null) {
                  throw new IllegalStateException(message);
                }
                return value;
              }
            }
            """)
        .addSourceLines(
            "Driver.java",
            """
            import java.io.IOException;
            import java.net.InetSocketAddress;
            import java.net.Proxy;
            import java.net.Socket;
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;
            import java.util.List;
            import javax.net.ssl.SSLSocketFactory;

            class Driver {
              interface Bindable {
                void bind(Socket socket);
              }

              private PreparedStatement cached;

              // DBCP2's validateObject: closed by a helper of another file named for closing.
              boolean validate(Connection conn) {
                Statement stmt = null;
                ResultSet rset = null;
                try {
                  stmt = conn.createStatement();
                  rset = stmt.executeQuery("select 1");
                  return rset.next();
                } catch (SQLException e) {
                  return false;
                } finally {
                  JdbcUtils.closeQuietly(rset);
                  JdbcUtils.closeQuietly(stmt);
                }
              }

              // PgResultSet: a = b = open() keeps it in a field too.
              void prepare(Connection connection) throws SQLException {
                PreparedStatement statement;
                this.cached = statement = connection.prepareStatement("delete from t where id = ?");
                statement.clearParameters();
              }

              // PgConnection#execSQLQuery: the result set handed out takes its statement along.
              ResultSet query(Connection connection, String sql) throws SQLException {
                Statement stat = connection.createStatement();
                stat.execute(sql);
                return JdbcUtils.castNonNull(stat.getResultSet(), "no result");
              }

              ResultSet metadata(Connection connection, String sql) throws SQLException {
                return connection.createStatement().executeQuery(sql);
              }

              // PgConnection#setSavepoint: closed, but not when executeUpdate throws.
              void savepoint(Connection connection, String name) throws SQLException {
                // BUG: Diagnostic contains: if stmt.executeUpdate(…) throws SQLException, it is never closed
                Statement stmt = connection.createStatement();
                stmt.executeUpdate("SAVEPOINT " + name);
                stmt.close();
              }

              // HttpClient 5's PlainConnectionSocketFactory: a ?: hands out what it opens.
              Socket createSocket(Proxy proxy) {
                return proxy != null ? new Socket(proxy) : createSocket();
              }

              Socket createSocket() {
                return new Socket();
              }

              // HttpClient 4's SSLConnectionSocketFactory: the TLS socket layered over it owns it.
              Socket layered(SSLSocketFactory factory, InetSocketAddress address) throws IOException {
                // BUG: Diagnostic contains: if factory.createSocket(…) throws IOException
                Socket sock = createSocket();
                try {
                  sock.connect(address, 1_000);
                } catch (IOException ex) {
                  sock.close();
                  throw ex;
                }
                return factory.createSocket(sock, address.getHostName(), address.getPort(), true);
              }

              // HttpClient 5's ProxyClient: the connection object it is bound to owns it.
              void bound(Bindable conn, String host) throws IOException {
                Socket socket = new Socket(host, 8080);
                conn.bind(socket);
              }

              // HttpClient 4's MultihomePlainSocketFactory: a retry overwrites the failed socket.
              Socket connectAny(List<InetSocketAddress> addresses) throws IOException {
                // BUG: Diagnostic contains: not closed when sock.connect(…) throws IOException: its variable is assigned again
                Socket sock = createSocket();
                for (InetSocketAddress address : addresses) {
                  try {
                    sock.connect(address, 1_000);
                    break;
                  } catch (IOException ex) {
                    // BUG: Diagnostic contains: assigned again
                    sock = new Socket();
                  }
                }
                return sock;
              }
            }
            """)
        .doTest();
  }
}
