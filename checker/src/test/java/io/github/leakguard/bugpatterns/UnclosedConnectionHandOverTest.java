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
}
