package io.github.leakguard.bugpatterns;

import com.google.errorprone.CompilationTestHelper;
import io.github.leakguard.AppliedFixes;
import org.junit.jupiter.api.Test;

/**
 * Vert.x 5's WebClient and HttpClient (vertx-web-client and vertx-core 5.0.7 on the test
 * classpath), through every check that reads the Vert.x catalog: clients built per invocation, pool
 * sizes, keep-alive timeouts and the descriptor budget.
 */
final class VertxClientsTest {
  private final CompilationTestHelper builtInHandler =
      CompilationTestHelper.newInstance(ClientBuiltInHandler.class, getClass());
  private final CompilationTestHelper unboundedPool =
      CompilationTestHelper.newInstance(UnboundedConnectionPool.class, getClass());
  private final CompilationTestHelper idleTimeout =
      CompilationTestHelper.newInstance(MissingIdleTimeout.class, getClass());
  private final CompilationTestHelper budget =
      CompilationTestHelper.newInstance(FileDescriptorBudget.class, getClass());

  @Test
  void clientsBuiltOnEveryInvocation() {
    builtInHandler
        .addSourceLines(
            "Quotes.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import io.vertx.core.Vertx;
            import io.vertx.core.http.HttpClient;
            import io.vertx.core.http.HttpClientOptions;
            import io.vertx.core.http.PoolOptions;
            import io.vertx.ext.web.client.WebClient;
            import io.vertx.ext.web.client.WebClientOptions;

            class Quotes implements RequestHandler<String, String> {
              private static final Vertx VERTX = Vertx.vertx();

              @Override
              public String handleRequest(String symbol, Context context) {
                // BUG: Diagnostic contains: WebClient.create(…) builds a new Vert.x WebClient (WebClient) on every invocation of handler Quotes.handleRequest
                WebClient web = WebClient.create(VERTX);
                // BUG: Diagnostic contains: builds a new Vert.x WebClient
                WebClient tuned = WebClient.create(VERTX, new WebClientOptions().setKeepAliveTimeout(30));
                // BUG: Diagnostic contains: VERTX.createHttpClient(…) builds a new Vert.x HTTP client (HttpClientAgent)
                HttpClient http = VERTX.createHttpClient(new HttpClientOptions());
                // BUG: Diagnostic contains: builds a new Vert.x HTTP client
                HttpClient built = VERTX.httpClientBuilder().with(new PoolOptions().setHttp1MaxSize(10)).build();
                return web + "" + tuned + http + built;
              }
            }
            """)
        .doTest();
  }

  @Test
  void clientsBuiltOnceOrWrappingAnExistingOneAreFine() {
    builtInHandler
        .addSourceLines(
            "Quotes.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import io.vertx.core.Vertx;
            import io.vertx.core.http.HttpClient;
            import io.vertx.ext.web.client.WebClient;
            import io.vertx.ext.web.client.WebClientSession;

            class Quotes implements RequestHandler<String, String> {
              private static final Vertx VERTX = Vertx.vertx();
              private static final WebClient WEB = WebClient.create(VERTX);
              private static final HttpClient HTTP = VERTX.createHttpClient();

              @Override
              public String handleRequest(String symbol, Context context) {
                // Both build on the pool of a client built once.
                WebClient overHttp = WebClient.wrap(HTTP);
                WebClientSession session = WebClientSession.create(WEB);
                return overHttp + "" + session;
              }
            }
            """)
        .doTest();
  }

  @Test
  void theFixBuildsTheWebClientOnce() {
    AppliedFixes.Helper.of(ClientBuiltInHandler.class)
        .addInput(
            "Quotes.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import io.vertx.core.Vertx;
            import io.vertx.ext.web.client.WebClient;

            public class Quotes implements RequestHandler<String, String> {
              private static final Vertx VERTX = Vertx.vertx();

              @Override
              public String handleRequest(String symbol, Context context) {
                WebClient client = WebClient.create(VERTX);
                return client.get(443, "quotes.example.com", "/" + symbol).toString();
              }
            }
            """)
        .addOutput(
            "Quotes.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import io.vertx.core.Vertx;
            import io.vertx.ext.web.client.WebClient;

            public class Quotes implements RequestHandler<String, String> {
              private static final Vertx VERTX = Vertx.vertx();
              private static final WebClient CLIENT = WebClient.create(VERTX);

              @Override
              public String handleRequest(String symbol, Context context) {
                return CLIENT.get(443, "quotes.example.com", "/" + symbol).toString();
              }
            }
            """)
        .doTest();
  }

  @Test
  void poolSizes() {
    unboundedPool
        .addSourceLines(
            "Pools.java",
            """
            import io.vertx.core.http.PoolOptions;

            class Pools {
              static final int UNLIMITED = Integer.MAX_VALUE;

              // BUG: Diagnostic contains: setHttp1MaxSize(UNLIMITED) sets the maximum connections per route (Vert.x) to no limit
              PoolOptions unlimited = new PoolOptions().setHttp1MaxSize(UNLIMITED);
              // BUG: Diagnostic contains: setHttp2MaxSize(2000) sets the maximum connections per route (Vert.x) to 2000, over the file-descriptor budget of 1024
              PoolOptions overBudget = new PoolOptions().setHttp2MaxSize(2_000);
              // BUG: Diagnostic contains: setMaxWaitQueueSize(-1) sets the maximum pending connection acquisitions (Vert.x) to no limit
              PoolOptions unboundedQueue = new PoolOptions().setHttp1MaxSize(50).setMaxWaitQueueSize(-1);
              // Waiting requests hold no socket: only "unbounded" is a finding.
              PoolOptions bounded =
                  new PoolOptions().setHttp1MaxSize(50).setHttp2MaxSize(2).setMaxWaitQueueSize(10_000);
            }
            """)
        .doTest();
  }

  @Test
  void keepAliveTimeouts() {
    idleTimeout
        .addSourceLines(
            "Options.java",
            """
            import io.vertx.core.http.HttpClientOptions;
            import io.vertx.ext.web.client.WebClientOptions;
            import java.util.concurrent.TimeUnit;

            class Options {
              static final int HOUR = 3_600;

              // BUG: Diagnostic contains: setKeepAliveTimeout(0) sets the HTTP/1.x keep-alive timeout to never expire (Vert.x)
              HttpClientOptions forever = new HttpClientOptions().setKeepAliveTimeout(0);
              // BUG: Diagnostic contains: setKeepAliveTimeout(HOUR) sets the HTTP/1.x keep-alive timeout to PT1H, longer than PT5M (Vert.x)
              WebClientOptions hour = new WebClientOptions().setKeepAliveTimeout(HOUR);
              // BUG: Diagnostic contains: sets the HTTP/2 keep-alive timeout to never expire
              WebClientOptions http2 = new WebClientOptions().setHttp2KeepAliveTimeout(0);
              WebClientOptions fine =
                  new WebClientOptions().setKeepAliveTimeout(30).setHttp2KeepAliveTimeout(60);
              // The socket idle timeout can only close a connection sooner than keep-alive does.
              HttpClientOptions idle =
                  new HttpClientOptions().setIdleTimeout(2).setIdleTimeoutUnit(TimeUnit.HOURS);
            }
            """)
        .doTest();
  }

  @Test
  void theKeepAliveFixWritesSeconds() {
    AppliedFixes.Helper.of(MissingIdleTimeout.class)
        .addInput(
            "Options.java",
            """
            import io.vertx.ext.web.client.WebClientOptions;

            class Options {
              WebClientOptions options = new WebClientOptions().setKeepAliveTimeout(0);
            }
            """)
        .addOutput(
            "Options.java",
            """
            import io.vertx.ext.web.client.WebClientOptions;

            class Options {
              WebClientOptions options = new WebClientOptions().setKeepAliveTimeout(300);
            }
            """)
        .doTest();
  }

  @Test
  void aPoolPerServerHasNoTotalTheBudgetCanCount() {
    budget
        .addSourceLines(
            "Gateway.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import io.vertx.core.Vertx;
            import io.vertx.core.http.PoolOptions;
            import io.vertx.ext.web.client.WebClient;
            import io.vertx.ext.web.client.WebClientOptions;
            import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
            import software.amazon.awssdk.services.s3.S3AsyncClient;

            // BUG: Diagnostic contains: holds clients that can open at least 1100 connections, over the file-descriptor budget of 1024: S3AsyncClient.builder()…build() on line 14: 1100, from maxConcurrency(1100); WebClient.create(…) on line 19: unknown (Vert.x pools per server, 5 HTTP/1.x connections each by default (PoolOptions))
            class Gateway implements RequestHandler<String, String> {
              private static final Vertx VERTX = Vertx.vertx();
              private static final S3AsyncClient S3 =
                  S3AsyncClient.builder()
                      .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(1100))
                      .build();
              // A bound per server caps no total.
              private static final WebClient WEB =
                  WebClient.create(
                      VERTX, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(20));

              @Override
              public String handleRequest(String input, Context context) {
                return S3 + "" + WEB;
              }
            }
            """)
        .doTest();
  }
}
