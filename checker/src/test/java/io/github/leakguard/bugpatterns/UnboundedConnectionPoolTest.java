package io.github.leakguard.bugpatterns;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class UnboundedConnectionPoolTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(UnboundedConnectionPool.class, getClass());

  @Test
  void awsSdkV2HttpClients() {
    helper
        .addSourceLines(
            "Clients.java",
            """
            import software.amazon.awssdk.http.SdkHttpClient;
            import software.amazon.awssdk.http.apache.ApacheHttpClient;
            import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
            import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

            class Clients {
              static final int WORKERS = 1_000;
              static final int TOO_MANY = WORKERS * 2;
              static final int UNLIMITED = Integer.MAX_VALUE;

              // BUG: Diagnostic contains: maxConnections(Integer.MAX_VALUE) sets the maximum connections (AWS SDK v2) to no limit
              SdkHttpClient unlimited = ApacheHttpClient.builder().maxConnections(Integer.MAX_VALUE).build();
              // BUG: Diagnostic contains: to 2000, over the file-descriptor budget of 1024
              SdkHttpClient overBudget = ApacheHttpClient.builder().maxConnections(TOO_MANY).build();
              SdkHttpClient bounded = ApacheHttpClient.builder().maxConnections(250).build();
              SdkHttpClient atBudget = ApacheHttpClient.builder().maxConnections(1024).build();

              SdkAsyncHttpClient netty =
                  NettyNioAsyncHttpClient.builder()
                      // BUG: Diagnostic contains: maxConcurrency(UNLIMITED) sets the maximum concurrent connections
                      .maxConcurrency(UNLIMITED)
                      // BUG: Diagnostic contains: maximum pending connection acquisitions
                      .maxPendingConnectionAcquires(Integer.MAX_VALUE)
                      .build();
              SdkAsyncHttpClient nettyBounded =
                  NettyNioAsyncHttpClient.builder()
                      .maxConcurrency(WORKERS)
                      // Waiting acquisitions hold no socket: only "unlimited" is a finding.
                      .maxPendingConnectionAcquires(20_000)
                      .build();
            }
            """)
        .doTest();
  }

  @Test
  void awsCrtClients() {
    helper
        .addSourceLines(
            "Crt.java",
            """
            import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
            import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
            import software.amazon.awssdk.services.s3.S3AsyncClient;

            class Crt {
              void build() {
                // BUG: Diagnostic contains: AWS CRT
                AwsCrtHttpClient.builder().maxConcurrency(Integer.MAX_VALUE).build();
                AwsCrtHttpClient.builder().maxConcurrency(100).build();
                // BUG: Diagnostic contains: over the file-descriptor budget
                AwsCrtAsyncHttpClient.builder().maxConcurrency(5_000).build();
                AwsCrtAsyncHttpClient.builder().maxConcurrency(100).build();
                // BUG: Diagnostic contains: maxConcurrency(Integer.MAX_VALUE)
                S3AsyncClient.crtBuilder().maxConcurrency(Integer.MAX_VALUE).build();
                S3AsyncClient.crtBuilder().maxConcurrency(64).build();
              }
            }
            """)
        .doTest();
  }

  @Test
  void awsSdkV1ClientConfiguration() {
    helper
        .addSourceLines(
            "V1.java",
            """
            import com.amazonaws.ClientConfiguration;

            class V1 {
              ClientConfiguration unlimited() {
                ClientConfiguration config = new ClientConfiguration();
                // BUG: Diagnostic contains: setMaxConnections(Integer.MAX_VALUE)
                config.setMaxConnections(Integer.MAX_VALUE);
                return config;
              }

              ClientConfiguration overBudget() {
                // BUG: Diagnostic contains: withMaxConnections(4096)
                return new ClientConfiguration().withMaxConnections(4096);
              }

              ClientConfiguration bounded() {
                ClientConfiguration config = new ClientConfiguration().withMaxConnections(100);
                config.setMaxConnections(200);
                return config;
              }
            }
            """)
        .doTest();
  }

  @Test
  void apacheHttpClient4() {
    helper
        .addSourceLines(
            "Apache4.java",
            """
            import org.apache.http.HttpHost;
            import org.apache.http.conn.routing.HttpRoute;
            import org.apache.http.impl.client.CloseableHttpClient;
            import org.apache.http.impl.client.HttpClients;
            import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

            class Apache4 {
              static final HttpRoute ROUTE = new HttpRoute(new HttpHost("example.com"));

              PoolingHttpClientConnectionManager unlimited() {
                PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
                // BUG: Diagnostic contains: setMaxTotal(Integer.MAX_VALUE) sets the maximum connections (Apache HttpClient 4)
                pool.setMaxTotal(Integer.MAX_VALUE);
                // BUG: Diagnostic contains: maximum connections per route
                pool.setDefaultMaxPerRoute(Integer.MAX_VALUE);
                // BUG: Diagnostic contains: setMaxPerRoute(…, 2048)
                pool.setMaxPerRoute(ROUTE, 2048);
                return pool;
              }

              PoolingHttpClientConnectionManager bounded() {
                PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
                pool.setMaxTotal(200);
                pool.setDefaultMaxPerRoute(50);
                pool.setMaxPerRoute(ROUTE, 100);
                return pool;
              }

              CloseableHttpClient builder() {
                return HttpClients.custom()
                    // BUG: Diagnostic contains: setMaxConnTotal(Integer.MAX_VALUE)
                    .setMaxConnTotal(Integer.MAX_VALUE)
                    // BUG: Diagnostic contains: setMaxConnPerRoute(Integer.MAX_VALUE)
                    .setMaxConnPerRoute(Integer.MAX_VALUE)
                    .build();
              }

              CloseableHttpClient boundedBuilder() {
                // HttpClientBuilder ignores values below 1: not "unlimited".
                return HttpClients.custom().setMaxConnTotal(100).setMaxConnPerRoute(0).build();
              }
            }
            """)
        .doTest();
  }

  @Test
  void apacheHttpClient5() {
    helper
        .addSourceLines(
            "Apache5.java",
            """
            import org.apache.hc.client5.http.HttpRoute;
            import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
            import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
            import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
            import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
            import org.apache.hc.core5.http.HttpHost;

            class Apache5 {
              void classic(HttpRoute route) {
                PoolingHttpClientConnectionManager unlimited =
                    PoolingHttpClientConnectionManagerBuilder.create()
                        // BUG: Diagnostic contains: Apache HttpClient 5
                        .setMaxConnTotal(Integer.MAX_VALUE)
                        // BUG: Diagnostic contains: maximum connections per route
                        .setMaxConnPerRoute(Integer.MAX_VALUE)
                        .build();
                // BUG: Diagnostic contains: setMaxTotal(Integer.MAX_VALUE)
                unlimited.setMaxTotal(Integer.MAX_VALUE);
                // BUG: Diagnostic contains: setDefaultMaxPerRoute(5000)
                unlimited.setDefaultMaxPerRoute(5000);
                // BUG: Diagnostic contains: setMaxPerRoute(…, Integer.MAX_VALUE)
                unlimited.setMaxPerRoute(route, Integer.MAX_VALUE);

                PoolingHttpClientConnectionManager bounded =
                    PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(100)
                        .setMaxConnPerRoute(20)
                        .build();
                bounded.setMaxTotal(100);
                bounded.setDefaultMaxPerRoute(20);
                bounded.setMaxPerRoute(route, 50);
              }

              void async(HttpRoute route) {
                PoolingAsyncClientConnectionManager unlimited =
                    PoolingAsyncClientConnectionManagerBuilder.create()
                        // BUG: Diagnostic contains: setMaxConnTotal
                        .setMaxConnTotal(Integer.MAX_VALUE)
                        // BUG: Diagnostic contains: setMaxConnPerRoute
                        .setMaxConnPerRoute(Integer.MAX_VALUE)
                        .build();
                // BUG: Diagnostic contains: setMaxTotal
                unlimited.setMaxTotal(Integer.MAX_VALUE);
                // BUG: Diagnostic contains: setDefaultMaxPerRoute
                unlimited.setDefaultMaxPerRoute(Integer.MAX_VALUE);
                // BUG: Diagnostic contains: setMaxPerRoute
                unlimited.setMaxPerRoute(route, Integer.MAX_VALUE);

                PoolingAsyncClientConnectionManager bounded =
                    PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(100)
                        .setMaxConnPerRoute(20)
                        .build();
                bounded.setMaxTotal(100);
                bounded.setDefaultMaxPerRoute(20);
                bounded.setMaxPerRoute(route, 50);
              }
            }
            """)
        .doTest();
  }

  @Test
  void okHttpDispatcher() {
    helper
        .addSourceLines(
            "Ok.java",
            """
            import okhttp3.Dispatcher;

            class Ok {
              Dispatcher unlimited() {
                Dispatcher dispatcher = new Dispatcher();
                // BUG: Diagnostic contains: setMaxRequests(Integer.MAX_VALUE) sets the maximum concurrent requests (OkHttp)
                dispatcher.setMaxRequests(Integer.MAX_VALUE);
                // BUG: Diagnostic contains: maximum concurrent requests per host
                dispatcher.setMaxRequestsPerHost(Integer.MAX_VALUE);
                return dispatcher;
              }

              Dispatcher bounded() {
                Dispatcher dispatcher = new Dispatcher();
                dispatcher.setMaxRequests(500);
                dispatcher.setMaxRequestsPerHost(50);
                return dispatcher;
              }
            }
            """)
        .doTest();
  }

  @Test
  void nettyChannelPools() {
    helper
        .addSourceLines(
            "Pools.java",
            """
            import io.netty.bootstrap.Bootstrap;
            import io.netty.channel.pool.AbstractChannelPoolHandler;
            import io.netty.channel.pool.ChannelHealthChecker;
            import io.netty.channel.pool.ChannelPool;
            import io.netty.channel.pool.ChannelPoolHandler;
            import io.netty.channel.pool.FixedChannelPool;
            import io.netty.channel.pool.SimpleChannelPool;
            import io.netty.channel.Channel;

            class Pools {
              static final ChannelPoolHandler HANDLER =
                  new AbstractChannelPoolHandler() {
                    @Override
                    public void channelCreated(Channel ch) {}
                  };

              ChannelPool[] pools(Bootstrap bootstrap) {
                return new ChannelPool[] {
                  // BUG: Diagnostic contains: a SimpleChannelPool has no maximum
                  new SimpleChannelPool(bootstrap, HANDLER),
                  // BUG: Diagnostic contains: new FixedChannelPool(…, Integer.MAX_VALUE) sets the maximum connections (Netty)
                  new FixedChannelPool(bootstrap, HANDLER, Integer.MAX_VALUE),
                  // BUG: Diagnostic contains: maximum pending connection acquisitions
                  new FixedChannelPool(bootstrap, HANDLER, 100, Integer.MAX_VALUE),
                  new FixedChannelPool(
                      bootstrap,
                      HANDLER,
                      ChannelHealthChecker.ACTIVE,
                      FixedChannelPool.AcquireTimeoutAction.FAIL,
                      // A long before maxConnections: not mistaken for it.
                      Long.MAX_VALUE,
                      64,
                      1000),
                  new FixedChannelPool(bootstrap, HANDLER, 64),
                };
              }
            }
            """)
        .doTest();
  }

  @Test
  void explicitConstructorCallsConfigureNoPool() {
    // Shape of the AWS SDK's BetterSimpleChannelPool, found by the smoke corpus: the subclass is
    // wrapped in a bounded pool where it is built, so its super(...) call is not the pool.
    helper
        .addSourceLines(
            "BetterPool.java",
            """
            import io.netty.bootstrap.Bootstrap;
            import io.netty.channel.pool.ChannelPoolHandler;
            import io.netty.channel.pool.SimpleChannelPool;

            class BetterPool extends SimpleChannelPool {
              BetterPool(Bootstrap bootstrap, ChannelPoolHandler handler) {
                super(bootstrap, handler);
              }
            }
            """)
        .addSourceLines(
            "DefaultsPool.java",
            """
            import io.netty.bootstrap.Bootstrap;
            import io.netty.channel.pool.ChannelPoolHandler;
            import io.netty.channel.pool.FixedChannelPool;

            // FixedChannelPool's own constructors delegate with this(..., Integer.MAX_VALUE).
            class DefaultsPool extends FixedChannelPool {
              DefaultsPool(Bootstrap bootstrap, ChannelPoolHandler handler) {
                super(bootstrap, handler, 10, Integer.MAX_VALUE);
              }

              DefaultsPool(Bootstrap bootstrap, ChannelPoolHandler handler, int max) {
                this(bootstrap, handler);
              }
            }
            """)
        .doTest();
  }

  @Test
  void reactorNettyConnectionProvider() {
    helper
        .addSourceLines(
            "Providers.java",
            """
            import reactor.netty.resources.ConnectionProvider;

            class Providers {
              // BUG: Diagnostic contains: ConnectionProvider.newConnection() pools nothing
              static final ConnectionProvider NONE = ConnectionProvider.newConnection();
              // BUG: Diagnostic contains: create(…, Integer.MAX_VALUE)
              static final ConnectionProvider HUGE = ConnectionProvider.create("huge", Integer.MAX_VALUE);
              static final ConnectionProvider SMALL = ConnectionProvider.create("small", 50);
              static final ConnectionProvider DEFAULTS = ConnectionProvider.create("defaults");
              static final ConnectionProvider BUILT =
                  ConnectionProvider.builder("built")
                      // BUG: Diagnostic contains: maxConnections(2000)
                      .maxConnections(2000)
                      // BUG: Diagnostic contains: pendingAcquireMaxCount(-1)
                      .pendingAcquireMaxCount(-1)
                      .build();
              static final ConnectionProvider BOUNDED =
                  ConnectionProvider.builder("bounded")
                      .maxConnections(100)
                      .pendingAcquireMaxCount(1000)
                      .build();
            }
            """)
        .doTest();
  }

  @Test
  void jdbcPools() {
    helper
        .addSourceLines(
            "Jdbc.java",
            """
            import com.zaxxer.hikari.HikariConfig;
            import com.zaxxer.hikari.HikariDataSource;
            import org.apache.commons.dbcp2.BasicDataSource;

            class Jdbc {
              void configure(HikariConfig config, HikariDataSource ds, BasicDataSource dbcp) {
                // BUG: Diagnostic contains: setMaximumPoolSize(Integer.MAX_VALUE)
                config.setMaximumPoolSize(Integer.MAX_VALUE);
                // BUG: Diagnostic contains: maximum pool size (JDBC pools) to 1500
                ds.setMaximumPoolSize(1500);
                config.setMaximumPoolSize(10);
                // BUG: Diagnostic contains: setMaxTotal(-1)
                dbcp.setMaxTotal(-1);
                dbcp.setMaxTotal(8);
              }
            }
            """)
        .doTest();
  }

  @Test
  void unknownValuesAreNotFlagged() {
    helper
        .addSourceLines(
            "Unknown.java",
            """
            import software.amazon.awssdk.http.apache.ApacheHttpClient;

            class Unknown {
              static final int FROM_ENV = Integer.parseInt(System.getenv("MAX_CONNECTIONS"));
              static int mutable = Integer.MAX_VALUE;

              void build(int fromCaller) {
                ApacheHttpClient.builder().maxConnections(FROM_ENV).build();
                ApacheHttpClient.builder().maxConnections(fromCaller).build();
                ApacheHttpClient.builder().maxConnections(mutable).build();
                ApacheHttpClient.builder().maxConnections(Integer.getInteger("max", 50)).build();
              }
            }
            """)
        .doTest();
  }

  @Test
  void constantsThroughFieldsAndLocals() {
    helper
        .addSourceLines(
            "Through.java",
            """
            import software.amazon.awssdk.http.apache.ApacheHttpClient;

            class Through {
              static final Integer BOXED = Integer.valueOf(Integer.MAX_VALUE);
              private final int instanceLimit = 4000;

              void build() {
                // BUG: Diagnostic contains: to no limit (BOXED)
                ApacheHttpClient.builder().maxConnections(BOXED).build();
                // BUG: Diagnostic contains: to 4000
                ApacheHttpClient.builder().maxConnections(instanceLimit).build();
                int local = Integer.MAX_VALUE;
                // BUG: Diagnostic contains: to no limit (local)
                ApacheHttpClient.builder().maxConnections(local).build();
                int reassigned = 10;
                reassigned = Integer.MAX_VALUE;
                ApacheHttpClient.builder().maxConnections(reassigned).build();
              }
            }
            """)
        .doTest();
  }

  @Test
  void budgetOption() {
    helper
        .setArgs("-XepOpt:LeakGuard:FdBudget=100")
        .addSourceLines(
            "Small.java",
            """
            import software.amazon.awssdk.http.apache.ApacheHttpClient;

            class Small {
              void build() {
                // BUG: Diagnostic contains: over the file-descriptor budget of 100
                ApacheHttpClient.builder().maxConnections(250).build();
                ApacheHttpClient.builder().maxConnections(50).build();
              }
            }
            """)
        .doTest();
  }

  @Test
  void badBudgetOptionIsReported() {
    helper
        .setArgs("-XepOpt:LeakGuard:FdBudget=lots")
        .addSourceLines(
            "Any.java",
            """
            // BUG: Diagnostic contains: -XepOpt:LeakGuard:FdBudget=lots is not valid
            class Any {}
            """)
        .doTest();
  }
}
