package io.github.leakguard.bugpatterns;

import io.github.leakguard.AppliedFixes;
import org.junit.jupiter.api.Test;

/**
 * Fixes of several checks on the same code, applied together in one pass as Error Prone's patching
 * applies them: each keeps the text another fix edits where it is, so both apply; where one fix
 * moves code another edits, the first wins, the result still compiles, and a second pass finishes.
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
}
