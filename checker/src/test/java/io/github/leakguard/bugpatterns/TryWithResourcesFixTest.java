package io.github.leakguard.bugpatterns;

import io.github.leakguard.AppliedFixes;
import org.junit.jupiter.api.Test;

/**
 * The exact output of the try-with-resources fix of UnclosedConnection and UnclosedResponse: the
 * body re-indented in the file's own indentation and closed at the statement's, the header wrapped,
 * the three leak shapes it fixes, and the shapes it leaves alone.
 */
final class TryWithResourcesFixTest {

  @Test
  void theBodyIsReindentedAndClosedAtTheStatementsIndentation() {
    AppliedFixes.Helper.of(UnclosedConnection.class)
        .addInput(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class Dao {
              int update(DataSource ds, String sql) throws SQLException {
                int before = 0;
                Connection c = ds.getConnection(); // from the pool
                PreparedStatement ps =
                    c.prepareStatement(sql);

                int count = ps.executeUpdate();
                return before + count;
              }
            }
            """)
        .addOutput(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class Dao {
              int update(DataSource ds, String sql) throws SQLException {
                int before = 0;
                try (Connection c = ds.getConnection()) { // from the pool
                  PreparedStatement ps =
                      c.prepareStatement(sql);

                  int count = ps.executeUpdate();
                  return before + count;
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void onlyTheStatementsThatUseTheResourceAreWrapped() {
    AppliedFixes.Helper.of(UnclosedConnection.class)
        .addInput(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class Dao {
              String read(DataSource ds) throws SQLException {
                Connection c = ds.getConnection();
                String catalog = c.getCatalog();
                String upper = catalog.toUpperCase();
                System.out.println("done");
                return "ok";
              }
            }
            """)
        .addOutput(
            "Dao.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class Dao {
              String read(DataSource ds) throws SQLException {
                try (Connection c = ds.getConnection()) {
                  String catalog = c.getCatalog();
                  String upper = catalog.toUpperCase();
                }
                System.out.println("done");
                return "ok";
              }
            }
            """)
        .doTest();
  }

  @Test
  void fourSpacesAndTabsAreKept() {
    AppliedFixes.Helper.of(UnclosedConnection.class)
        .addInput(
            "Four.java",
            """
            import java.net.Socket;

            class Four {
                boolean ping(String host) throws Exception {
                    Socket socket = new Socket(host, 6379);
                    socket.getOutputStream().write(1);
                    return socket.getInputStream().read() == 1;
                }
            }
            """)
        .addOutput(
            "Four.java",
            """
            import java.net.Socket;

            class Four {
                boolean ping(String host) throws Exception {
                    try (Socket socket = new Socket(host, 6379)) {
                        socket.getOutputStream().write(1);
                        return socket.getInputStream().read() == 1;
                    }
                }
            }
            """)
        .addInput(
            "Tabs.java",
            """
            import java.net.Socket;

            class Tabs {
            \tboolean ping(String host) throws Exception {
            \t\tSocket socket = new Socket(host, 6379);
            \t\tsocket.getOutputStream().write(1);
            \t\treturn socket.getInputStream().read() == 1;
            \t}
            }
            """)
        .addOutput(
            "Tabs.java",
            """
            import java.net.Socket;

            class Tabs {
            \tboolean ping(String host) throws Exception {
            \t\ttry (Socket socket = new Socket(host, 6379)) {
            \t\t\tsocket.getOutputStream().write(1);
            \t\t\treturn socket.getInputStream().read() == 1;
            \t\t}
            \t}
            }
            """)
        .doTest();
  }

  @Test
  void aHeaderTooLongBreaksAfterItsEqualsAndACaughtExceptionIsHandled() {
    AppliedFixes.Helper.of(UnclosedResponse.class)
        .addInput(
            "Prices.java",
            """
            import java.io.IOException;
            import java.io.UncheckedIOException;
            import org.apache.http.client.methods.CloseableHttpResponse;
            import org.apache.http.client.methods.HttpGet;
            import org.apache.http.impl.client.CloseableHttpClient;

            class Prices {
              private static final CloseableHttpClient HTTP = null;

              String price(String sku) {
                try {
                  CloseableHttpResponse response = HTTP.execute(new HttpGet("https://prices.internal/" + sku));
                  if (response.getStatusLine().getStatusCode() != 200) {
                    return "no price";
                  }
                  return response.getStatusLine().getReasonPhrase();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              }
            }
            """)
        .addOutput(
            "Prices.java",
            """
            import java.io.IOException;
            import java.io.UncheckedIOException;
            import org.apache.http.client.methods.CloseableHttpResponse;
            import org.apache.http.client.methods.HttpGet;
            import org.apache.http.impl.client.CloseableHttpClient;

            class Prices {
              private static final CloseableHttpClient HTTP = null;

              String price(String sku) {
                try {
                  try (CloseableHttpResponse response =
                      HTTP.execute(new HttpGet("https://prices.internal/" + sku))) {
                    if (response.getStatusLine().getStatusCode() != 200) {
                      return "no price";
                    }
                    return response.getStatusLine().getReasonPhrase();
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void aCloseReachedOnlyWithoutExceptionIsReplaced() {
    AppliedFixes.Helper.of(UnclosedConnection.class)
        .addInput(
            "Audit.java",
            """
            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;

            class Audit {
              void audit(String url, String id) throws SQLException {
                Connection connection = DriverManager.getConnection(url);
                PreparedStatement insert = connection.prepareStatement("insert into audit values (?)");
                insert.setString(1, id);
                insert.executeUpdate();
                connection.close();
                System.out.println("audited " + id);
              }
            }
            """)
        .addOutput(
            "Audit.java",
            """
            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;

            class Audit {
              void audit(String url, String id) throws SQLException {
                try (Connection connection = DriverManager.getConnection(url)) {
                  PreparedStatement insert = connection.prepareStatement("insert into audit values (?)");
                  insert.setString(1, id);
                  insert.executeUpdate();
                }
                System.out.println("audited " + id);
              }
            }
            """)
        .doTest();
  }

  @Test
  void aDroppedResourceIsNamedAndItsStatementWrapped() {
    AppliedFixes.Helper.of(UnclosedResponse.class)
        .addInput(
            "Health.java",
            """
            import java.io.IOException;
            import okhttp3.OkHttpClient;
            import okhttp3.Request;

            class Health {
              private static final OkHttpClient OK_HTTP = new OkHttpClient();

              static boolean up(Request request) throws IOException {
                return OK_HTTP.newCall(request).execute().isSuccessful();
              }

              static void ping(Request request, Object response) throws IOException {
                OK_HTTP.newCall(request).execute().code();
              }
            }
            """)
        .addOutput(
            "Health.java",
            """
            import java.io.IOException;
            import okhttp3.OkHttpClient;
            import okhttp3.Request;
            import okhttp3.Response;

            class Health {
              private static final OkHttpClient OK_HTTP = new OkHttpClient();

              static boolean up(Request request) throws IOException {
                try (Response response = OK_HTTP.newCall(request).execute()) {
                  return response.isSuccessful();
                }
              }

              static void ping(Request request, Object response) throws IOException {
                try (Response response2 = OK_HTTP.newCall(request).execute()) {
                  response2.code();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void aDroppedResourceInADeclarationSplitsIt() {
    AppliedFixes.Helper.of(UnclosedResponse.class)
        .addInput(
            "Thumbnails.java",
            """
            import com.amazonaws.services.s3.AmazonS3;
            import java.io.IOException;

            class Thumbnails {
              static int size(AmazonS3 s3, String key) throws IOException {
                final byte[] original = s3.getObject("images", key).getObjectContent().readAllBytes();
                return original.length;
              }

              static int sizeOfALongKey(AmazonS3 s3, String key) throws IOException {
                byte[] original =
                    s3.getObject("images-with-a-rather-long-bucket-name", "thumbnails/" + key).getObjectContent().readAllBytes();
                return original.length;
              }
            }
            """)
        .addOutput(
            "Thumbnails.java",
            """
            import com.amazonaws.services.s3.AmazonS3;
            import com.amazonaws.services.s3.model.S3Object;
            import java.io.IOException;

            class Thumbnails {
              static int size(AmazonS3 s3, String key) throws IOException {
                final byte[] original;
                try (S3Object object = s3.getObject("images", key)) {
                  original = object.getObjectContent().readAllBytes();
                }
                return original.length;
              }

              static int sizeOfALongKey(AmazonS3 s3, String key) throws IOException {
                byte[] original;
                try (S3Object object =
                    s3.getObject("images-with-a-rather-long-bucket-name", "thumbnails/" + key)) {
                  original = object.getObjectContent().readAllBytes();
                }
                return original.length;
              }
            }
            """)
        .doTest();
  }

  @Test
  void aPoolBuiltInAHandlerIsBuiltOnceNeverClosed() {
    AppliedFixes.Helper.of(UnclosedConnection.class, ClientBuiltInHandler.class)
        .addInput(
            "Stock.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.zaxxer.hikari.HikariConfig;
            import com.zaxxer.hikari.HikariDataSource;

            class Stock implements RequestHandler<String, String> {
              private static final HikariConfig CONFIG = new HikariConfig();

              @Override
              public String handleRequest(String sku, Context context) {
                HikariDataSource pool = new HikariDataSource(CONFIG);
                return pool.getPoolName() + sku;
              }
            }
            """)
        .addOutput(
            "Stock.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.zaxxer.hikari.HikariConfig;
            import com.zaxxer.hikari.HikariDataSource;

            class Stock implements RequestHandler<String, String> {
              private static final HikariConfig CONFIG = new HikariConfig();
              private static final HikariDataSource POOL = new HikariDataSource(CONFIG);

              @Override
              public String handleRequest(String sku, Context context) {
                return POOL.getPoolName() + sku;
              }
            }
            """)
        .expectUnfixedFinding("UnclosedConnection")
        .doTest();
  }

  @Test
  void aConnectionOpenedOnEveryInvocationIsNotClosedByAFixButOneOpenedInARepositoryIs() {
    // ClientBuiltInHandler says to keep one validated connection: closing it per call is not the
    // fix there. The same connection opened by a plain repository method is opened to be closed.
    AppliedFixes.Helper.of(UnclosedConnection.class)
        .addInput(
            "Audit.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.sql.SQLException;

            class Audit implements RequestHandler<String, String> {
              @Override
              public String handleRequest(String id, Context context) {
                try {
                  Connection c = DriverManager.getConnection("jdbc:postgresql://db/audit");
                  return c.getCatalog() + id;
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              }
            }
            """)
        .expectNoFix("Audit.java")
        .doTest();
    AppliedFixes.Helper.of(UnclosedConnection.class)
        .addInput(
            "Repository.java",
            """
            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.sql.SQLException;

            class Repository {
              String catalog(String url) throws SQLException {
                Connection c = DriverManager.getConnection(url);
                return c.getCatalog();
              }
            }
            """)
        .addOutput(
            "Repository.java",
            """
            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.sql.SQLException;

            class Repository {
              String catalog(String url) throws SQLException {
                try (Connection c = DriverManager.getConnection(url)) {
                  return c.getCatalog();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void aPoolIsNeverClosedByAFixEvenOutsideAHandler() {
    AppliedFixes.Helper.of(UnclosedConnection.class)
        .addInput(
            "Pools.java",
            """
            import com.zaxxer.hikari.HikariConfig;
            import com.zaxxer.hikari.HikariDataSource;

            class Pools {
              int size(HikariConfig config) {
                HikariDataSource ds = new HikariDataSource(config);
                return ds.getMaximumPoolSize();
              }
            }
            """)
        .expectNoFix("Pools.java")
        .doTest();
  }

  @Test
  void noFixWhereTheResultWouldNotCompileOrMeanTheSame() {
    AppliedFixes.Helper.of(UnclosedConnection.class, UnclosedResponse.class)
        .addInput(
            "Shapes.java",
            """
            import java.io.IOException;
            import java.net.Socket;
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.util.concurrent.Callable;
            import javax.sql.DataSource;
            import okhttp3.OkHttpClient;
            import okhttp3.Request;
            import okhttp3.Response;

            class Shapes {
              private static final OkHttpClient OK_HTTP = new OkHttpClient();

              // close() throws IOException, which this method neither declares nor catches.
              boolean undeclared() {
                try {
                  Socket socket = new Socket();
                  return socket.isBound();
                } catch (IllegalStateException e) {
                  return false;
                }
              }

              // A lambda: what close() may throw is the functional interface's business.
              Callable<String> inLambda(DataSource ds) {
                return () -> {
                  Connection c = ds.getConnection();
                  return c.getCatalog();
                };
              }

              // Another statement on the declaration's line.
              String sharedLine(DataSource ds) throws SQLException {
                Connection c = ds.getConnection(); String catalog = c.getCatalog();
                return catalog;
              }

              // The response is not the start of the statement: opening it first would change the order.
              Object handed(Request request) throws IOException {
                return String.valueOf(OK_HTTP.newCall(request).execute().code() + 1);
              }

              // Closed on one path only: the author's structure, not a mechanical wrap.
              int sometimes(DataSource ds, boolean close) throws SQLException {
                Connection c = ds.getConnection();
                int isolation = c.getTransactionIsolation();
                if (close) {
                  c.close();
                }
                return isolation;
              }
            }
            """)
        .expectNoFix("Shapes.java")
        .doTest();
  }
}
