package io.github.leakguard.bugpatterns;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/** Sockets, channels, HttpURLConnection streams and the other catalogued connections. */
final class UnclosedConnectionSocketsTest {
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
}
