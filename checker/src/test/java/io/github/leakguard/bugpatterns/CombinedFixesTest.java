package io.github.leakguard.bugpatterns;

import com.google.errorprone.scanner.ScannerSupplier;
import io.github.leakguard.AppliedFixes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fixes of several checks on the same code, applied together in one pass as Error Prone's patching
 * applies them: each keeps the text another fix edits where it is, so both apply; where one fix
 * moves code another edits, the first wins, the result still compiles, and a second pass finishes.
 * Patching ClientBuiltInHandler first, then the others, gives the cleanest diff.
 */
final class CombinedFixesTest {

  private static AppliedFixes.Helper allChecks() {
    return AppliedFixes.Helper.of(
        ClientBuiltInHandler.class,
        UnclosedConnection.class,
        UnclosedResponse.class,
        MissingIdleTimeout.class,
        UnboundedConnectionPool.class,
        FileDescriptorBudget.class);
  }

  @Test
  void aClientHoistedOutOfADroppedResponse() {
    allChecks()
        .addInput(
            "Prices.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import java.io.IOException;
            import java.io.UncheckedIOException;
            import org.apache.http.client.methods.HttpGet;
            import org.apache.http.impl.client.CloseableHttpClient;
            import org.apache.http.impl.client.HttpClients;

            class Prices implements RequestHandler<String, Integer> {
              @Override
              public Integer handleRequest(String url, Context context) {
                try {
                  CloseableHttpClient client = HttpClients.createDefault();
                  return client.execute(new HttpGet(url)).getStatusLine().getStatusCode();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              }
            }
            """)
        .addOutput(
            "Prices.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import java.io.IOException;
            import java.io.UncheckedIOException;
            import org.apache.http.client.methods.CloseableHttpResponse;
            import org.apache.http.client.methods.HttpGet;
            import org.apache.http.impl.client.CloseableHttpClient;
            import org.apache.http.impl.client.HttpClients;

            class Prices implements RequestHandler<String, Integer> {
              private static final CloseableHttpClient CLIENT = HttpClients.createDefault();

              @Override
              public Integer handleRequest(String url, Context context) {
                try {
                  try (CloseableHttpResponse response = CLIENT.execute(new HttpGet(url))) {
                    return response.getStatusLine().getStatusCode();
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
  void aSettingInsideAHoistedClientIsFixedOnTheSecondPass() {
    allChecks()
        .passes(2)
        .addInput(
            "Orders.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.http.apache.ApacheHttpClient;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

            class Orders implements RequestHandler<String, String> {
              @Override
              public String handleRequest(String input, Context context) {
                DynamoDbClient dynamo =
                    DynamoDbClient.builder()
                        .httpClientBuilder(ApacheHttpClient.builder().maxConnections(Integer.MAX_VALUE))
                        .build();
                return dynamo.serviceName();
              }
            }
            """)
        .addOutput(
            "Orders.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.http.apache.ApacheHttpClient;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

            class Orders implements RequestHandler<String, String> {
              private static final DynamoDbClient DYNAMO =
                  DynamoDbClient.builder()
                      .httpClientBuilder(ApacheHttpClient.builder().maxConnections(256))
                      .build();

              @Override
              public String handleRequest(String input, Context context) {
                return DYNAMO.serviceName();
              }
            }
            """)
        .doTest();
  }

  @Test
  void nestedResourcesClosedAtTheEndAreEachWrapped() {
    allChecks()
        .addInput(
            "Meta.java",
            """
            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;

            class Meta {
              private Connection connection;

              int count(String sql) throws SQLException {
                int n = 0;
                Statement stmt = connection.createStatement();
                ResultSet rs = stmt.executeQuery(sql);
                while (rs.next()) {
                  if (rs.getBoolean(1)) {
                    Statement inner = connection.createStatement();
                    ResultSet rows = inner.executeQuery(sql);
                    while (rows.next()) {
                      n++;
                    }
                    rows.close();
                    inner.close();
                  }
                }
                rs.close();
                stmt.close();
                return n;
              }
            }
            """)
        .addOutput(
            "Meta.java",
            """
            import java.sql.Connection;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.sql.Statement;

            class Meta {
              private Connection connection;

              int count(String sql) throws SQLException {
                int n = 0;
                try (Statement stmt = connection.createStatement()) {
                  ResultSet rs = stmt.executeQuery(sql);
                  while (rs.next()) {
                    if (rs.getBoolean(1)) {
                      try (Statement inner = connection.createStatement()) {
                        ResultSet rows = inner.executeQuery(sql);
                        while (rows.next()) {
                          n++;
                        }
                        rows.close();
                      }
                    }
                  }
                  rs.close();
                }
                return n;
              }
            }
            """)
        .doTest();
  }

  private static final String AUDIT =
      """
      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestHandler;
      import java.sql.Connection;
      import java.sql.SQLException;
      import javax.sql.DataSource;
      import software.amazon.awssdk.services.s3.S3Client;

      class Audit implements RequestHandler<String, String> {
        private static final DataSource DS = null;

        @Override
        public String handleRequest(String key, Context context) {
          try {
            Connection connection = DS.getConnection();
            S3Client s3 =
                S3Client.builder()
                    .build();
            s3.deleteObject(b -> b.bucket("audit").key(key));
            return connection.getCatalog();
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        }
      }
      """;

  @Test
  void aClientHoistedFromInsideAWrappedBlockStillCompiles() {
    // The try-with-resources fix indents the lines the hoist deletes: in one pass the result
    // compiles, with stray indentation on the line after them.
    allChecks().addInput("Audit.java", AUDIT).doTest();
  }

  @Test
  void patchingClientBuiltInHandlerFirstGivesTheCleanResult() {
    Map<String, String> once =
        AppliedFixes.apply(
                ScannerSupplier.fromBugCheckerClasses(ClientBuiltInHandler.class),
                List.of(),
                Map.of("Audit.java", AUDIT))
            .sources();
    AppliedFixes.Helper.of(UnclosedConnection.class)
        .addInput("Audit.java", once.get("Audit.java"))
        .addOutput(
            "Audit.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import java.sql.Connection;
            import java.sql.SQLException;
            import javax.sql.DataSource;
            import software.amazon.awssdk.services.s3.S3Client;

            class Audit implements RequestHandler<String, String> {
              private static final DataSource DS = null;
              private static final S3Client S3 =
                  S3Client.builder()
                      .build();

              @Override
              public String handleRequest(String key, Context context) {
                try {
                  try (Connection connection = DS.getConnection()) {
                    S3.deleteObject(b -> b.bucket("audit").key(key));
                    return connection.getCatalog();
                  }
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              }
            }
            """)
        .doTest();
  }
}
