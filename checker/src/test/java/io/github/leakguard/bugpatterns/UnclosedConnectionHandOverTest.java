package io.github.leakguard.bugpatterns;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * A resource handed over on the normal path (returned, stored) still leaks when a checked exception
 * is thrown between opening it and handing it over.
 */
final class UnclosedConnectionHandOverTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(UnclosedConnection.class, getClass());

  @Test
  void aCheckedExceptionBeforeTheHandOverLeaks() {
    helper
        .addSourceLines(
            "Connector.java",
            """
            import java.io.IOException;
            import java.net.InetSocketAddress;
            import java.net.Socket;
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.util.ArrayList;
            import java.util.List;
            import javax.sql.DataSource;

            class Connector {
              private final DataSource ds;
              private final List<Socket> open = new ArrayList<>();
              private Socket current;

              Connector(DataSource ds) {
                this.ds = ds;
              }

              Socket connect(InetSocketAddress address) throws IOException {
                // BUG: Diagnostic contains: if s.connect(…) throws IOException, it is never closed
                Socket s = new Socket();
                s.connect(address, 1000);
                return s;
              }

              Connection transactional() throws SQLException {
                // BUG: Diagnostic contains: if c.setAutoCommit(…) throws SQLException
                Connection c = ds.getConnection();
                c.setAutoCommit(false);
                return c;
              }

              void keep(InetSocketAddress address) throws IOException {
                // BUG: Diagnostic contains: closed only when no exception is thrown
                Socket s = new Socket();
                s.setSoTimeout(5000);
                current = s;
              }

              Socket closesOnFailure(InetSocketAddress address) throws IOException {
                Socket s = new Socket();
                try {
                  s.connect(address, 1000);
                } catch (IOException e) {
                  s.close();
                  throw e;
                }
                return s;
              }

              Socket closesInACatchAll(InetSocketAddress address) throws IOException {
                Socket s = new Socket();
                try {
                  s.connect(address, 1000);
                  return s;
                } catch (IOException | RuntimeException e) {
                  s.close();
                  throw e;
                }
              }

              Socket opensAndReturns(String host) throws IOException {
                return new Socket(host, 443);
              }

              Socket storedBeforeItCanThrow(InetSocketAddress address) throws IOException {
                Socket s = new Socket();
                open.add(s);
                s.connect(address, 1000);
                return s;
              }

              Socket noCheckedExceptionBetween(InetSocketAddress address) throws IOException {
                Socket s = new Socket(address.getAddress(), address.getPort());
                System.out.println(s.getPort());
                return s;
              }
            }
            """)
        .doTest();
  }

  @Test
  void aSuccessFlagGuardingTheCloseIsFollowed() {
    // Shape of OkHttp 3's RealConnection.connectTls, found by the smoke corpus.
    helper
        .addSourceLines(
            "Tls.java",
            """
            import java.io.IOException;
            import java.net.Socket;
            import javax.net.ssl.SSLSocket;
            import javax.net.ssl.SSLSocketFactory;

            class Tls {
              private Socket socket;

              void connectTls(SSLSocketFactory factory, Socket raw, String host) throws IOException {
                boolean success = false;
                SSLSocket ssl = null;
                try {
                  ssl = (SSLSocket) factory.createSocket(raw, host, 443, true);
                  ssl.startHandshake();
                  socket = ssl;
                  success = true;
                } finally {
                  if (!success) {
                    close(ssl);
                  }
                }
              }

              Socket returned(String host) throws IOException {
                Socket s = new Socket();
                boolean connected = false;
                try {
                  s.connect(new java.net.InetSocketAddress(host, 443));
                  connected = true;
                  return s;
                } finally {
                  if (!connected) {
                    s.close();
                  }
                }
              }

              Socket flagNeverSet(String host) throws IOException {
                boolean ok = false;
                // BUG: Diagnostic contains: if s.connect(…) throws IOException
                Socket s = new Socket();
                try {
                  s.connect(new java.net.InetSocketAddress(host, 443));
                  return s;
                } finally {
                  if (ok) {
                    s.close();
                  }
                }
              }

              private static void close(Socket s) {
                try {
                  if (s != null) {
                    s.close();
                  }
                } catch (IOException ignored) {
                  // closing a failed socket
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void aTlsSocketLayeredOverAGivenSocketOpensNothingNew() {
    // Shape of PgJDBC's MakeSSL.convert, found by the smoke corpus: the plain socket's owner
    // closes it, and with it the TLS layer.
    helper
        .addSourceLines(
            "Upgrade.java",
            """
            import java.io.IOException;
            import java.net.Socket;
            import javax.net.ssl.SSLSocket;
            import javax.net.ssl.SSLSocketFactory;

            class Upgrade {
              private Socket current;

              void convert(SSLSocketFactory factory, Socket plain, String host) throws IOException {
                SSLSocket ssl = (SSLSocket) factory.createSocket(plain, host, 5432, true);
                ssl.setSoTimeout(1000);
                ssl.startHandshake();
                current = ssl;
              }

              int layeredOverItsOwn(SSLSocketFactory factory, String host) throws IOException {
                // BUG: Diagnostic contains: if ssl.startHandshake() throws IOException
                Socket plain = new Socket(host, 5432);
                SSLSocket ssl = (SSLSocket) factory.createSocket(plain, host, 5432, true);
                ssl.startHandshake();
                int port = ssl.getPort();
                ssl.close();
                return port;
              }

              int opensItsOwn(SSLSocketFactory factory, String host) throws IOException {
                // BUG: Diagnostic contains: factory.createSocket(…) opens a socket that is never closed
                Socket ssl = factory.createSocket(host, 443);
                return ssl.getPort();
              }
            }
            """)
        .doTest();
  }
}
