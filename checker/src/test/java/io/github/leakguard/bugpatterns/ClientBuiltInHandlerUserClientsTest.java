package io.github.leakguard.bugpatterns;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Client classes of the user's own making: a class whose construction builds a catalog client (in a
 * field initializer, an initializer block, a superclass's, or its constructor) is a client, and
 * constructing it on every invocation is the same leak.
 */
final class ClientBuiltInHandlerUserClientsTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ClientBuiltInHandler.class, getClass());

  private static final String ORDERS_CLIENT =
      """
      import software.amazon.awssdk.core.SdkClient;
      import software.amazon.awssdk.services.s3.S3Client;

      class OrdersClient implements SdkClient {
        private final S3Client s3 = S3Client.create();

        @Override
        public String serviceName() {
          return "orders";
        }

        @Override
        public void close() {
          s3.close();
        }
      }
      """;

  @Test
  void classesThatBuildAClientWhenConstructed() {
    helper
        .addSourceLines("OrdersClient.java", ORDERS_CLIENT)
        .addSourceLines(
            "PriorityOrdersClient.java",
            """
            class PriorityOrdersClient extends OrdersClient {
              private final int priority = 1;
            }
            """)
        .addSourceLines(
            "Notifier.java",
            """
            import okhttp3.OkHttpClient;

            class Notifier {
              private final OkHttpClient http;

              {
                http = new OkHttpClient();
              }

              void notifyAll(String text) {}
            }
            """)
        .addSourceLines(
            "Inventory.java",
            """
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

            class Inventory {
              private final DynamoDbClient ddb;

              Inventory() {
                this.ddb = DynamoDbClient.builder().build();
              }
            }
            """)
        .addSourceLines(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;

            class Handler implements RequestHandler<String, String> {
              @Override
              public String handleRequest(String input, Context context) {
                // BUG: Diagnostic contains: new OrdersClient() builds a new AWS SDK v2 service client (OrdersClient) on every invocation
                OrdersClient orders = new OrdersClient();
                // BUG: Diagnostic contains: (PriorityOrdersClient)
                OrdersClient priority = new PriorityOrdersClient();
                // BUG: Diagnostic contains: new Notifier() builds a new OkHttp client (Notifier)
                new Notifier().notifyAll(input);
                // BUG: Diagnostic contains: new Inventory() reaches the Inventory constructor, which builds a new AWS SDK v2 service client (DynamoDbClient) with DynamoDbClient.builder()…build() on every invocation of handler Handler.handleRequest, which implements RequestHandler (via Handler.handleRequest → new Inventory)
                Inventory inventory = new Inventory();
                return orders.serviceName() + priority + inventory;
              }
            }
            """)
        .doTest();
  }

  @Test
  void classesThatShareOrBuildOnceAreNot() {
    helper
        .addSourceLines("OrdersClient.java", ORDERS_CLIENT)
        .addSourceLines(
            "Facade.java",
            """
            import java.util.function.Supplier;
            import software.amazon.awssdk.core.SdkClient;
            import software.amazon.awssdk.services.s3.S3Client;

            class Facade implements SdkClient {
              private static final S3Client SHARED = S3Client.create();
              private final S3Client s3;
              private final Supplier<S3Client> later = () -> S3Client.create();

              Facade(S3Client s3) {
                this.s3 = s3;
              }

              Facade() {
                this(SHARED);
              }

              @Override
              public String serviceName() {
                return "facade";
              }

              @Override
              public void close() {}
            }
            """)
        .addSourceLines(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.services.s3.S3Client;

            class Handler implements RequestHandler<String, String> {
              private static final S3Client S3 = S3Client.create();
              private static final OrdersClient ORDERS = new OrdersClient();
              private final OrdersClient perInstance = new OrdersClient();

              @Override
              public String handleRequest(String input, Context context) {
                Facade wrapping = new Facade(S3);
                Facade shared = new Facade();
                Object plain = new Object() {
                  @Override
                  public String toString() {
                    return input;
                  }
                };
                return wrapping.serviceName() + shared + plain + ORDERS + perInstance;
              }
            }
            """)
        .doTest();
  }
}
