package io.github.leakguard.bugpatterns;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class UnclosedConnectionTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(UnclosedConnection.class, getClass());

  @Test
  void aChannelRegisteredWithASelectorBelongsToTheEventLoop() {
    // Shape of httpcore5's SingleCoreIOReactor, found by the smoke corpus.
    helper
        .addSourceLines(
            "Reactor.java",
            """
            import java.io.IOException;
            import java.net.SocketAddress;
            import java.nio.channels.SelectionKey;
            import java.nio.channels.Selector;
            import java.nio.channels.SocketChannel;

            class Reactor {
              private final Selector selector;

              Reactor(Selector selector) {
                this.selector = selector;
              }

              void connect(SocketAddress address) {
                SocketChannel channel;
                try {
                  channel = SocketChannel.open();
                } catch (IOException e) {
                  return;
                }
                try {
                  start(channel, address);
                } catch (IOException e) {
                  try {
                    channel.close();
                  } catch (IOException ignored) {
                    // closing a failed channel
                  }
                }
              }

              private void start(SocketChannel channel, SocketAddress address) throws IOException {
                channel.configureBlocking(false);
                channel.connect(address);
                channel.register(selector, SelectionKey.OP_CONNECT);
              }

              void leaks(SocketAddress address) throws IOException {
                // BUG: Diagnostic contains: UnclosedConnection
                SocketChannel channel = SocketChannel.open();
                channel.connect(address);
              }
            }
            """)
        .doTest();
  }

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
  void sockets() {
    helper
        .addSourceLines(
            "Net.java",
            """
            import java.io.BufferedReader;
            import java.io.IOException;
            import java.io.InputStreamReader;
            import java.net.InetSocketAddress;
            import java.net.ServerSocket;
            import java.net.Socket;
            import java.nio.channels.SocketChannel;
            import java.nio.charset.StandardCharsets;
            import java.util.concurrent.ExecutorService;

            class Net {
              String leftOpen(String host) throws IOException {
                // BUG: Diagnostic contains: new Socket(…) opens a socket that is never closed
                Socket socket = new Socket(host, 6379);
                socket.getOutputStream().write("PING\\r\\n".getBytes(StandardCharsets.UTF_8));
                return new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
              }

              String readerOpenedTooLate(String host) throws IOException {
                // BUG: Diagnostic contains: if socket.getInputStream() throws IOException, it is never closed
                Socket socket = new Socket(host, 6379);
                try (BufferedReader reader =
                    new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                  return reader.readLine();
                }
              }

              String closedWithResources(String host) throws IOException {
                try (Socket socket = new Socket(host, 6379)) {
                  return String.valueOf(socket.getInputStream().read());
                }
              }

              void channelLeftOpen(String host) throws IOException {
                // BUG: Diagnostic contains: SocketChannel.open(…) opens a socket channel that is never closed
                SocketChannel channel = SocketChannel.open(new InetSocketAddress(host, 80));
                channel.finishConnect();
              }

              void serve(ServerSocket server, ExecutorService workers) throws IOException {
                while (!server.isClosed()) {
                  Socket client = server.accept();
                  workers.submit(() -> handle(client));
                }
              }

              private static void handle(Socket client) {}
            }
            """)
        .doTest();
  }

  @Test
  void httpUrlConnectionStreams() {
    helper
        .addSourceLines(
            "Fetch.java",
            """
            import java.io.BufferedReader;
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.InputStreamReader;
            import java.net.HttpURLConnection;
            import java.net.URI;
            import java.nio.charset.StandardCharsets;

            class Fetch {
              int streamLeftOpen(String url) throws IOException {
                HttpURLConnection conn = (HttpURLConnection) URI.create(url).toURL().openConnection();
                // BUG: Diagnostic contains: conn.getInputStream() opens an HttpURLConnection stream that is never closed
                InputStream in = conn.getInputStream();
                return in.read();
              }

              int disconnected(String url) throws IOException {
                HttpURLConnection conn = (HttpURLConnection) URI.create(url).toURL().openConnection();
                try {
                  InputStream in = conn.getInputStream();
                  return in.read();
                } finally {
                  conn.disconnect();
                }
              }

              String closedThroughItsReader(HttpURLConnection conn) throws IOException {
                try (BufferedReader reader =
                    new BufferedReader(
                        new InputStreamReader(conn.getInputStream(), StandardCharsets.UTF_8))) {
                  return reader.readLine();
                }
              }

              int streamClosed(String url) throws IOException {
                HttpURLConnection conn = (HttpURLConnection) URI.create(url).toURL().openConnection();
                try (InputStream in = conn.getInputStream()) {
                  return in.read();
                }
              }

              int errorStreamClosedWhenPresent(HttpURLConnection conn) throws IOException {
                InputStream err = conn.getErrorStream();
                if (err == null) {
                  return -1;
                }
                try {
                  return err.read();
                } finally {
                  err.close();
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

  @Test
  void remainingCatalogEntries() {
    helper
        .addSourceLines(
            "Entries.java",
            """
            import java.io.IOException;
            import java.net.DatagramSocket;
            import java.net.InetSocketAddress;
            import java.net.ServerSocket;
            import java.net.Socket;
            import java.nio.channels.DatagramChannel;
            import java.nio.channels.ServerSocketChannel;
            import java.nio.channels.SocketChannel;
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.util.Objects;
            import javax.net.SocketFactory;
            import org.apache.commons.dbcp2.BasicDataSource;
            import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
            import org.apache.hc.client5.http.impl.classic.HttpClients;
            import org.checkerframework.checker.mustcall.qual.Owning;

            class Entries {
              int serverSocket() throws IOException {
                // BUG: Diagnostic contains: opens a server socket that is never closed
                ServerSocket server = new ServerSocket(0);
                return server.getLocalPort();
              }

              int serverSocketClosed() throws IOException {
                try (ServerSocket server = new ServerSocket(0)) {
                  return server.getLocalPort();
                }
              }

              void accepted(ServerSocketChannel server) throws IOException {
                // BUG: Diagnostic contains: server.accept() opens a socket channel that is never closed
                SocketChannel client = server.accept();
                client.configureBlocking(false);
              }

              void datagrams() throws IOException {
                // BUG: Diagnostic contains: DatagramChannel.open() opens a socket channel
                DatagramChannel channel = DatagramChannel.open();
                channel.bind(new InetSocketAddress(0));
                // BUG: Diagnostic contains: opens a datagram socket that is never closed
                DatagramSocket socket = new DatagramSocket();
                socket.setSoTimeout(10);
              }

              int serverChannelClosed() throws IOException {
                try (ServerSocketChannel server = ServerSocketChannel.open()) {
                  return server.socket().getLocalPort();
                }
              }

              void fromFactory(SocketFactory factory, String host) throws IOException {
                // BUG: Diagnostic contains: factory.createSocket(…) opens a socket
                Socket socket = factory.createSocket(host, 443);
                socket.setTcpNoDelay(true);
              }

              void throughRequireNonNull(SocketFactory factory, String host) throws IOException {
                try (Socket socket = Objects.requireNonNull(factory.createSocket(host, 443))) {
                  socket.setTcpNoDelay(true);
                }
              }

              int dbcpPool() throws SQLException {
                // BUG: Diagnostic contains: new BasicDataSource() opens a Commons DBCP2 pool
                BasicDataSource ds = new BasicDataSource();
                ds.setUrl("jdbc:h2:mem:");
                return ds.getMaxTotal();
              }

              void apache5Client() throws IOException {
                // BUG: Diagnostic contains: HttpClients.custom()…build() opens an Apache HttpClient 5 client
                CloseableHttpClient client = HttpClients.custom().build();
                client.toString();
              }

              void apache5ClientClosed() throws IOException {
                try (CloseableHttpClient client = HttpClients.createDefault()) {
                  client.toString();
                }
              }

              void owningParameter(javax.sql.DataSource ds) throws SQLException {
                keep(ds.getConnection());
              }

              private void keep(@Owning Connection connection) {
                System.out.println(connection);
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
