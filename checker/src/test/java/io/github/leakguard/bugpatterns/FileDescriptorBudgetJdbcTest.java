package io.github.leakguard.bugpatterns;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Connections borrowed from a pool, or opened one at a time, are not pools of their own: the budget
 * counts the pool once, and neither a borrow nor a client class of the project's making changes its
 * figure.
 */
final class FileDescriptorBudgetJdbcTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(FileDescriptorBudget.class, getClass());

  @Test
  void aPoolIsCountedOnceWhateverItsBorrowsAndConnections() {
    helper
        .addSourceLines(
            "OrdersClient.java",
            """
            import software.amazon.awssdk.services.s3.S3Client;

            class OrdersClient {
              private final S3Client s3 = S3Client.create();
            }
            """)
        .addSourceLines(
            "Loader.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.zaxxer.hikari.HikariConfig;
            import com.zaxxer.hikari.HikariDataSource;
            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.sql.SQLException;

            // BUG: Diagnostic contains: Handler class Loader holds clients that can open up to 1100 connections, over the file-descriptor budget of 1024: new HikariDataSource(…) on line 29: 600, from setMaximumPoolSize(600); new HikariDataSource(…) on line 35: 500, from setMaximumPoolSize(500)
            class Loader implements RequestHandler<String, String> {
              private static final OrdersClient ORDERS = new OrdersClient();
              private Connection direct;

              @Override
              public String handleRequest(String input, Context context) {
                try (Connection c = pool().getConnection()) {
                  if (direct == null) {
                    direct = DriverManager.getConnection(input);
                  }
                  return c.getSchema() + direct + ORDERS + reports();
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              }

              private HikariDataSource pool() {
                HikariConfig config = new HikariConfig();
                config.setMaximumPoolSize(600);
                return new HikariDataSource(config);
              }

              private HikariDataSource reports() {
                HikariConfig config = new HikariConfig();
                config.setMaximumPoolSize(500);
                return new HikariDataSource(config);
              }
            }
            """)
        .doTest();
  }
}
