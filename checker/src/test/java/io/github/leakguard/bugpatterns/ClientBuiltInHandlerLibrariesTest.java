package io.github.leakguard.bugpatterns;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/** The client kinds of the library catalogs, and what is not a client. */
final class ClientBuiltInHandlerLibrariesTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ClientBuiltInHandler.class, getClass());

  @Test
  void moreShapesAndEntries() {
    helper
        .addSourceLines(
            "Events.java",
            """
            import com.google.cloud.functions.CloudEventsFunction;
            import io.cloudevents.CloudEvent;
            import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
            import redis.clients.jedis.Jedis;
            import redis.clients.jedis.JedisPool;
            import software.amazon.awssdk.transfer.s3.S3TransferManager;

            class Events implements CloudEventsFunction {
              private static final JedisPool POOL = new JedisPool("localhost", 6379);

              @Override
              public void accept(CloudEvent event) {
                // BUG: Diagnostic contains: Apache HttpClient 5 async connection pool
                PoolingAsyncClientConnectionManagerBuilder.create().build();
                // BUG: Diagnostic contains: S3TransferManager.builder()…build() builds a new S3 transfer manager
                S3TransferManager.builder().build();
                // Borrowing a connection from a shared pool is not building a client.
                try (Jedis jedis = POOL.getResource()) {
                  jedis.get("k");
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void everySupportedLibraryIsRecognised() {
    helper
        .addSourceLines(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;
            import com.amazonaws.services.s3.AmazonS3Client;
            import com.amazonaws.services.s3.AmazonS3ClientBuilder;
            import com.amazonaws.services.s3.transfer.TransferManager;
            import com.amazonaws.services.s3.transfer.TransferManagerBuilder;
            import com.mongodb.client.MongoClients;
            import com.zaxxer.hikari.HikariDataSource;
            import io.grpc.ManagedChannelBuilder;
            import io.lettuce.core.RedisClient;
            import io.netty.channel.nio.NioEventLoopGroup;
            import org.apache.commons.dbcp2.BasicDataSource;
            import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
            import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
            import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
            import redis.clients.jedis.Jedis;
            import redis.clients.jedis.JedisPool;
            import redis.clients.jedis.JedisPooled;
            import software.amazon.awssdk.http.apache.ApacheHttpClient;
            import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
            import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
            import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
            import software.amazon.awssdk.services.s3.S3AsyncClient;
            import software.amazon.awssdk.transfer.s3.S3TransferManager;

            class Handler implements RequestHandler<String, String> {
              @Override
              @SuppressWarnings("deprecation")
              public String handleRequest(String input, Context context) {
                Object[] all = {
                  // BUG: Diagnostic contains: AWS SDK v2 HTTP client (SdkHttpClient)
                  ApacheHttpClient.builder().build(),
                  // BUG: Diagnostic contains: AWS SDK v2 HTTP client
                  UrlConnectionHttpClient.create(),
                  // BUG: Diagnostic contains: AWS SDK v2 async HTTP client
                  NettyNioAsyncHttpClient.builder().maxConcurrency(10).build(),
                  // BUG: Diagnostic contains: AWS SDK v2 async HTTP client
                  AwsCrtAsyncHttpClient.create(),
                  // BUG: Diagnostic contains: AWS SDK v2 service client (S3AsyncClient)
                  S3AsyncClient.crtBuilder().build(),
                  // BUG: Diagnostic contains: S3 transfer manager
                  S3TransferManager.create(),
                  // BUG: Diagnostic contains: AWS SDK v1 service client (AmazonS3)
                  AmazonS3ClientBuilder.defaultClient(),
                  // BUG: Diagnostic contains: AWS SDK v1 service client (AmazonDynamoDB)
                  AmazonDynamoDBClientBuilder.standard().withRegion("us-east-1").build(),
                  // BUG: Diagnostic contains: AWS SDK v1 service client (AmazonS3Client)
                  new AmazonS3Client(),
                  // BUG: Diagnostic contains: S3 TransferManager
                  TransferManagerBuilder.standard().build(),
                  // BUG: Diagnostic contains: S3 TransferManager
                  new TransferManager(),
                  // BUG: Diagnostic contains: Apache HttpClient 4 connection pool
                  new PoolingHttpClientConnectionManager(),
                  // BUG: Diagnostic contains: Apache HttpClient 5 connection pool
                  PoolingHttpClientConnectionManagerBuilder.create().build(),
                  // BUG: Diagnostic contains: Apache HttpClient 5 async client
                  HttpAsyncClients.createDefault(),
                  // BUG: Diagnostic contains: Apache HttpClient 5 client
                  org.apache.hc.client5.http.impl.classic.HttpClients.createDefault(),
                  // BUG: Diagnostic contains: Netty event loop group
                  new NioEventLoopGroup(),
                  // BUG: Diagnostic contains: JDBC connection pool (HikariDataSource)
                  new HikariDataSource(),
                  // BUG: Diagnostic contains: JDBC connection pool (BasicDataSource)
                  new BasicDataSource(),
                  // BUG: Diagnostic contains: Jedis pool
                  new JedisPool("localhost", 6379),
                  // BUG: Diagnostic contains: Jedis client
                  new JedisPooled("localhost", 6379),
                  // BUG: Diagnostic contains: Jedis connection
                  new Jedis("localhost", 6379),
                  // BUG: Diagnostic contains: Lettuce client
                  RedisClient.create("redis://localhost"),
                  // BUG: Diagnostic contains: MongoDB client
                  MongoClients.create("mongodb://localhost"),
                  // BUG: Diagnostic contains: gRPC managed channel
                  ManagedChannelBuilder.forAddress("localhost", 443).build(),
                };
                return all.toString();
              }
            }
            """)
        .doTest();
  }

  @Test
  void poolBorrowsAndValueBuildersAreNotClients() {
    helper
        .addSourceLines(
            "Handler.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.net.URI;
            import java.net.http.HttpRequest;
            import okhttp3.Request;
            import javax.sql.DataSource;
            import software.amazon.awssdk.services.s3.model.PutObjectRequest;

            class Handler implements RequestHandler<String, String> {
              private final DataSource pool = null; // a borrow (per-call JDBC connections: own test)
              @Override
              public String handleRequest(String input, Context context) {
                try (Connection c = pool.getConnection()) {
                  PutObjectRequest put = PutObjectRequest.builder().bucket("b").key("k").build();
                  HttpRequest request = HttpRequest.newBuilder(URI.create("https://x")).build();
                  Request ok = new Request.Builder().url("https://x").build();
                  return c.toString() + put + request + ok;
                } catch (SQLException e) {
                  throw new RuntimeException(e);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void reactorNettyConnectionProviders() {
    helper
        .addSourceLines(
            "Providers.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import reactor.netty.resources.ConnectionProvider;

            class Providers implements RequestHandler<String, String> {
              private static final ConnectionProvider SHARED = ConnectionProvider.create("shared", 50);

              @Override
              public String handleRequest(String input, Context context) {
                // BUG: Diagnostic contains: Reactor Netty connection pool
                ConnectionProvider perCall = ConnectionProvider.create("per-call");
                // BUG: Diagnostic contains: ConnectionProvider.builder(…)…build()
                ConnectionProvider built = ConnectionProvider.builder("built").maxConnections(10).build();
                // newConnection() returns one shared instance that pools nothing: not a new pool.
                ConnectionProvider none = ConnectionProvider.newConnection();
                return SHARED.name() + perCall.name() + built.name() + none;
              }
            }
            """)
        .doTest();
  }
}
