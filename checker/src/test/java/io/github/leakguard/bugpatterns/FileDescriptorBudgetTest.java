package io.github.leakguard.bugpatterns;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class FileDescriptorBudgetTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(FileDescriptorBudget.class, getClass());

  @Test
  void explicitBoundsAndDefaultsAddUp() {
    helper
        .addSourceLines(
            "Rollup.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
            import software.amazon.awssdk.services.s3.S3AsyncClient;
            import software.amazon.awssdk.services.s3.S3Client;

            // BUG: Diagnostic contains: Handler class Rollup holds clients that can open up to 1050 connections, over the file-descriptor budget of 1024: S3AsyncClient.builder()…build() on line 11: 1000, from maxConcurrency(WORKERS); S3Client.create() on line 14: 50, from default SDK HTTP client (ApacheHttpClient) maxConnections
            class Rollup implements RequestHandler<String, String> {
              static final int WORKERS = 1000;
              private static final S3AsyncClient READER =
                  S3AsyncClient.builder()
                      .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(WORKERS))
                      .build();
              private final S3Client writer = S3Client.create();

              @Override
              public String handleRequest(String input, Context context) {
                return READER.toString() + writer;
              }
            }
            """)
        .doTest();
  }

  @Test
  void boundedClientsUnderBudgetAreFine() {
    helper
        .addSourceLines(
            "Rollup.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
            import software.amazon.awssdk.services.s3.S3AsyncClient;
            import software.amazon.awssdk.services.s3.S3Client;

            class Rollup implements RequestHandler<String, String> {
              private static final S3AsyncClient READER =
                  S3AsyncClient.builder()
                      .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(250))
                      .build();
              private final S3Client writer = S3Client.create();

              @Override
              public String handleRequest(String input, Context context) {
                return READER.toString() + writer;
              }
            }
            """)
        .doTest();
  }

  @Test
  void sharedHttpClientCountsOnce() {
    helper
        .addSourceLines(
            "Shared.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.http.SdkHttpClient;
            import software.amazon.awssdk.http.apache.ApacheHttpClient;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            import software.amazon.awssdk.services.s3.S3Client;
            import software.amazon.awssdk.services.sqs.SqsClient;

            class Shared implements RequestHandler<String, String> {
              private static final SdkHttpClient HTTP =
                  ApacheHttpClient.builder().maxConnections(900).build();
              private static final S3Client S3 = S3Client.builder().httpClient(HTTP).build();
              private static final DynamoDbClient DDB = DynamoDbClient.builder().httpClient(HTTP).build();
              private static final SqsClient SQS = SqsClient.builder().httpClient(HTTP).build();

              @Override
              public String handleRequest(String input, Context context) {
                return S3.toString() + DDB + SQS;
              }
            }
            """)
        .doTest();
  }

  @Test
  void separateHttpClientsAddUp() {
    helper
        .addSourceLines(
            "Separate.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.http.apache.ApacheHttpClient;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            import software.amazon.awssdk.services.s3.S3Client;

            // BUG: Diagnostic contains: up to 1800 connections
            class Separate implements RequestHandler<String, String> {
              private static final S3Client S3 =
                  S3Client.builder()
                      .httpClient(ApacheHttpClient.builder().maxConnections(900).build())
                      .build();
              private static final DynamoDbClient DDB =
                  DynamoDbClient.builder()
                      .httpClientBuilder(ApacheHttpClient.builder().maxConnections(900))
                      .build();

              @Override
              public String handleRequest(String input, Context context) {
                return S3.toString() + DDB;
              }
            }
            """)
        .doTest();
  }

  @Test
  void perInvocationClientsAndSetterConfiguredPools() {
    helper
        .addSourceLines(
            "PerCall.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.zaxxer.hikari.HikariConfig;
            import com.zaxxer.hikari.HikariDataSource;
            import okhttp3.Dispatcher;
            import okhttp3.OkHttpClient;
            import org.apache.http.impl.client.CloseableHttpClient;
            import org.apache.http.impl.client.HttpClients;
            import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

            // BUG: Diagnostic contains: up to 1100 connections, over the file-descriptor budget of 1024: new HikariDataSource(…) on line 22: 600, from setMaximumPoolSize(600); new OkHttpClient.Builder()…build() on line 28: 300, from setMaxRequests(300); new PoolingHttpClientConnectionManager() on line 32: 200, from setMaxTotal(200)
            class PerCall implements RequestHandler<String, String> {
              @Override
              public String handleRequest(String input, Context context) {
                return pool().toString() + http() + apache();
              }

              private HikariDataSource pool() {
                HikariConfig config = new HikariConfig();
                config.setJdbcUrl("jdbc:postgresql://db/app");
                config.setMaximumPoolSize(600);
                return new HikariDataSource(config);
              }

              private OkHttpClient http() {
                Dispatcher dispatcher = new Dispatcher();
                dispatcher.setMaxRequests(300);
                return new OkHttpClient.Builder().dispatcher(dispatcher).build();
              }

              private CloseableHttpClient apache() {
                PoolingHttpClientConnectionManager manager = new PoolingHttpClientConnectionManager();
                manager.setMaxTotal(200);
                return HttpClients.custom().setConnectionManager(manager).build();
              }
            }
            """)
        .doTest();
  }

  @Test
  void unlimitedPoolExceedsAnyBudget() {
    helper
        .addSourceLines(
            "Unlimited.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import reactor.netty.resources.ConnectionProvider;

            // BUG: Diagnostic contains: can open unlimited connections
            class Unlimited implements RequestHandler<String, String> {
              private static final ConnectionProvider POOL =
                  ConnectionProvider.builder("api").maxConnections(Integer.MAX_VALUE).build();

              @Override
              public String handleRequest(String input, Context context) {
                return POOL.name();
              }
            }
            """)
        .doTest();
  }

  @Test
  void unknownBoundsStaySilentUnlessTheKnownPartExceeds() {
    helper
        .addSourceLines(
            "Unknown.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import java.net.http.HttpClient;
            import software.amazon.awssdk.http.apache.ApacheHttpClient;
            import software.amazon.awssdk.services.s3.S3Client;

            class Unknown implements RequestHandler<String, String> {
              static final int FROM_ENV = Integer.parseInt(System.getenv("MAX"));
              private static final S3Client S3 =
                  S3Client.builder()
                      .httpClientBuilder(ApacheHttpClient.builder().maxConnections(FROM_ENV))
                      .build();
              private static final HttpClient JDK = HttpClient.newHttpClient();

              @Override
              public String handleRequest(String input, Context context) {
                return S3.toString() + JDK;
              }
            }

            // BUG: Diagnostic contains: at least 2000 connections, over the file-descriptor budget of 1024: S3Client.builder()…build() on line 24: 2000, from maxConnections(2000); HttpClient.newHttpClient() on line 27: unknown (java.net.http HttpClient has no connection limit)
            class KnownPartExceeds implements RequestHandler<String, String> {
              private static final S3Client S3 =
                  S3Client.builder()
                      .httpClientBuilder(ApacheHttpClient.builder().maxConnections(2000))
                      .build();
              private static final HttpClient JDK = HttpClient.newHttpClient();

              @Override
              public String handleRequest(String input, Context context) {
                return S3.toString() + JDK;
              }
            }
            """)
        .doTest();
  }

  @Test
  void clientsFromOutsideAreNotCounted() {
    helper
        .addSourceLines(
            "Injected.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.http.SdkHttpClient;
            import software.amazon.awssdk.services.s3.S3Client;

            class Injected implements RequestHandler<String, String> {
              private final S3Client s3;

              Injected(SdkHttpClient http) {
                this.s3 = S3Client.builder().httpClient(http).build();
              }

              @Override
              public String handleRequest(String input, Context context) {
                return s3.toString();
              }
            }
            """)
        .doTest();
  }

  @Test
  void notAHandlerClass() {
    helper
        .addSourceLines(
            "Library.java",
            """
            import software.amazon.awssdk.http.apache.ApacheHttpClient;
            import software.amazon.awssdk.http.SdkHttpClient;

            class Library {
              static final SdkHttpClient BIG = ApacheHttpClient.builder().maxConnections(5000).build();
            }
            """)
        .doTest();
  }

  @Test
  void budgetOption() {
    helper
        .setArgs("-XepOpt:LeakGuard:FdBudget=60")
        .addSourceLines(
            "Small.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            import software.amazon.awssdk.services.s3.S3Client;

            // BUG: Diagnostic contains: up to 100 connections, over the file-descriptor budget of 60
            class Small implements RequestHandler<String, String> {
              private static final S3Client S3 = S3Client.create();
              private static final DynamoDbClient DDB = DynamoDbClient.builder().build();

              @Override
              public String handleRequest(String input, Context context) {
                return S3.toString() + DDB;
              }
            }
            """)
        .doTest();
  }

  @Test
  void everyDocumentedDefault() {
    helper
        .setArgs("-XepOpt:LeakGuard:FdBudget=1")
        .addSourceLines(
            "Defaults.java",
            """
            import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.s3.AmazonS3Client;
            import com.zaxxer.hikari.HikariDataSource;
            import io.netty.channel.nio.NioEventLoopGroup;
            import okhttp3.OkHttpClient;
            import org.apache.commons.dbcp2.BasicDataSource;
            import reactor.netty.resources.ConnectionProvider;
            import software.amazon.awssdk.http.apache.ApacheHttpClient;
            import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
            import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
            import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
            import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
            import software.amazon.awssdk.services.s3.S3AsyncClient;
            import software.amazon.awssdk.services.sqs.SqsClient;

            // BUG: Diagnostic contains: at least 588 connections, over the file-descriptor budget of 1: ApacheHttpClient.create() on line 21: 50, from ApacheHttpClient default maxConnections; NettyNioAsyncHttpClient.create() on line 22: 50, from NettyNioAsyncHttpClient default maxConcurrency; UrlConnectionHttpClient.create() on line 23: unknown (UrlConnectionHttpClient has no connection limit); AwsCrtHttpClient.create() on line 24: 50, from AwsCrtHttpClient default maxConcurrency; AwsCrtAsyncHttpClient.builder()…build() on line 25: 50, from AwsCrtAsyncHttpClient default maxConcurrency; SqsClient.builder()…build() on line 26: 50, from default SDK HTTP client (ApacheHttpClient) maxConnections; S3AsyncClient.create() on line 27: 50, from default SDK async HTTP client (NettyNioAsyncHttpClient) maxConcurrency; AmazonDynamoDBClientBuilder.defaultClient() on line 28: 50, from ClientConfiguration default maxConnections; new AmazonS3Client() on line 29: 50, from ClientConfiguration default maxConnections; org.apache.http.impl.client.HttpClients.createDefault() on line 30: 20, from HttpClientBuilder's pool default maxTotal; new org.apache.http.impl.conn.PoolingHttpClientConnectionManager() on line 31: 20, from PoolingHttpClientConnectionManager default maxTotal; org.apache.hc.client5.http.impl.classic.HttpClients.createDefault() on line 32: 25, from HttpClient 5 pool default maxTotal; org.apache.hc.client5.http.impl.async.HttpAsyncClients.createDefault() on line 33: 25, from HttpClient 5 pool default maxTotal; new OkHttpClient() on line 34: 64, from OkHttp Dispatcher default maxRequests; ConnectionProvider.create(…) on line 35: 16, from ConnectionProvider default maxConnections (max(CPUs, 8) × 2); new HikariDataSource() on line 36: 10, from HikariCP default maximumPoolSize; new BasicDataSource() on line 37: 8, from DBCP default maxTotal
            class Defaults implements RequestHandler<String, String> {
              final Object[] clients = {
                ApacheHttpClient.create(),
                NettyNioAsyncHttpClient.create(),
                UrlConnectionHttpClient.create(),
                AwsCrtHttpClient.create(),
                AwsCrtAsyncHttpClient.builder().build(),
                SqsClient.builder().build(),
                S3AsyncClient.create(),
                AmazonDynamoDBClientBuilder.defaultClient(),
                new AmazonS3Client(),
                org.apache.http.impl.client.HttpClients.createDefault(),
                new org.apache.http.impl.conn.PoolingHttpClientConnectionManager(),
                org.apache.hc.client5.http.impl.classic.HttpClients.createDefault(),
                org.apache.hc.client5.http.impl.async.HttpAsyncClients.createDefault(),
                new OkHttpClient(),
                ConnectionProvider.create("api"),
                new HikariDataSource(),
                new BasicDataSource(),
                // An event loop group opens no connections: not listed.
                new NioEventLoopGroup(),
              };

              @Override
              public String handleRequest(String input, Context context) {
                return input;
              }
            }
            """)
        .doTest();
  }
}
