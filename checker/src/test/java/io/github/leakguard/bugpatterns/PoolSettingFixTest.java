package io.github.leakguard.bugpatterns;

import io.github.leakguard.AppliedFixes;
import org.junit.jupiter.api.Test;

/**
 * The exact output of the fixes of MissingIdleTimeout (the MaxIdle value, in the setting's own
 * terms) and UnboundedConnectionPool (a quarter of FdBudget), and the settings left to the author:
 * time-to-live and lifetime, waiting-request queues, pools with no bound to edit, and the
 * class-wide budget of FileDescriptorBudget.
 */
final class PoolSettingFixTest {

  @Test
  void idleTimeoutsTakeMaxIdleInTheSettingsOwnTerms() {
    AppliedFixes.Helper.of(MissingIdleTimeout.class)
        .addInput(
            "Clients.java",
            """
            import java.time.Duration;
            import java.util.concurrent.TimeUnit;
            import okhttp3.ConnectionPool;
            import org.apache.hc.client5.http.impl.classic.HttpClients;
            import org.apache.hc.core5.util.TimeValue;
            import software.amazon.awssdk.http.apache.ApacheHttpClient;

            class Clients {
              static final long KEEP_WARM_MINUTES = 60;
              static final ConnectionPool MINUTES = new ConnectionPool(5, KEEP_WARM_MINUTES, TimeUnit.MINUTES);
              static final ConnectionPool HOURS = new ConnectionPool(5, 2, TimeUnit.HOURS);

              void sdk() {
                ApacheHttpClient.builder()
                    .connectionMaxIdleTime(Duration.ofHours(1))
                    .useIdleConnectionReaper(false)
                    .build();
              }

              void apache5() {
                HttpClients.custom().evictIdleConnections(TimeValue.ofHours(1)).build();
              }
            }
            """)
        .addOutput(
            "Clients.java",
            """
            import java.time.Duration;
            import java.util.concurrent.TimeUnit;
            import okhttp3.ConnectionPool;
            import org.apache.hc.client5.http.impl.classic.HttpClients;
            import org.apache.hc.core5.util.TimeValue;
            import software.amazon.awssdk.http.apache.ApacheHttpClient;

            class Clients {
              static final long KEEP_WARM_MINUTES = 60;
              static final ConnectionPool MINUTES = new ConnectionPool(5, 5, TimeUnit.MINUTES);
              static final ConnectionPool HOURS = new ConnectionPool(5, 5, TimeUnit.MINUTES);

              void sdk() {
                ApacheHttpClient.builder()
                    .connectionMaxIdleTime(Duration.ofMinutes(5))
                    .useIdleConnectionReaper(true)
                    .build();
              }

              void apache5() {
                HttpClients.custom().evictIdleConnections(TimeValue.ofMinutes(5)).build();
              }
            }
            """)
        .doTest();
  }

  @Test
  void aMaxIdleOptionIsWrittenInItsLargestWholeUnit() {
    AppliedFixes.Helper.of(MissingIdleTimeout.class)
        .setArgs("-XepOpt:LeakGuard:MaxIdle=PT90S")
        .addInput(
            "Clients.java",
            """
            import com.amazonaws.ClientConfiguration;
            import java.util.concurrent.TimeUnit;
            import okhttp3.ConnectionPool;
            import org.apache.http.impl.client.HttpClients;
            import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

            class Clients {
              static final ConnectionPool POOL = new ConnectionPool(5, 1, TimeUnit.HOURS);

              void clients() {
                NettyNioAsyncHttpClient.builder()
                    .connectionMaxIdleTime(java.time.Duration.ofMinutes(10))
                    .build();
                new ClientConfiguration().withConnectionMaxIdleMillis(3_600_000);
                HttpClients.custom().evictIdleConnections(Long.valueOf(30), TimeUnit.MINUTES).build();
              }
            }
            """)
        .addOutput(
            "Clients.java",
            """
            import com.amazonaws.ClientConfiguration;
            import java.time.Duration;
            import java.util.concurrent.TimeUnit;
            import okhttp3.ConnectionPool;
            import org.apache.http.impl.client.HttpClients;
            import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

            class Clients {
              static final ConnectionPool POOL = new ConnectionPool(5, 90, TimeUnit.SECONDS);

              void clients() {
                NettyNioAsyncHttpClient.builder()
                    .connectionMaxIdleTime(Duration.ofSeconds(90))
                    .build();
                new ClientConfiguration().withConnectionMaxIdleMillis(90_000);
                HttpClients.custom().evictIdleConnections(90L, TimeUnit.SECONDS).build();
              }
            }
            """)
        .doTest();
  }

  @Test
  void noFixForATimeToLiveOrALifetime() {
    AppliedFixes.Helper.of(MissingIdleTimeout.class)
        .addInput(
            "Lifetimes.java",
            """
            import com.zaxxer.hikari.HikariConfig;
            import java.time.Duration;
            import software.amazon.awssdk.http.apache.ApacheHttpClient;

            class Lifetimes {
              void configure(HikariConfig config) {
                config.setMaxLifetime(0);
                ApacheHttpClient.builder().connectionTimeToLive(Duration.ZERO).build();
              }
            }
            """)
        .expectNoFix("Lifetimes.java")
        .doTest();
  }

  @Test
  void socketBoundsTakeAQuarterOfTheBudget() {
    AppliedFixes.Helper.of(UnboundedConnectionPool.class)
        .addInput(
            "Pools.java",
            """
            import okhttp3.Dispatcher;
            import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
            import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

            class Pools {
              void pools(PoolingHttpClientConnectionManager manager, Dispatcher dispatcher) {
                NettyNioAsyncHttpClient.builder().maxConcurrency(Integer.MAX_VALUE).build();
                manager.setMaxTotal(Integer.MAX_VALUE);
                manager.setDefaultMaxPerRoute(2048);
                dispatcher.setMaxRequests(5_000);
              }
            }
            """)
        .addOutput(
            "Pools.java",
            """
            import okhttp3.Dispatcher;
            import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
            import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

            class Pools {
              void pools(PoolingHttpClientConnectionManager manager, Dispatcher dispatcher) {
                NettyNioAsyncHttpClient.builder().maxConcurrency(256).build();
                manager.setMaxTotal(256);
                manager.setDefaultMaxPerRoute(256);
                dispatcher.setMaxRequests(256);
              }
            }
            """)
        .doTest();
  }

  @Test
  void theBoundFollowsTheBudgetOption() {
    AppliedFixes.Helper.of(UnboundedConnectionPool.class)
        .setArgs("-XepOpt:LeakGuard:FdBudget=4096")
        .addInput(
            "Pools.java",
            """
            import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;

            class Pools {
              void pools() {
                PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(Integer.MAX_VALUE).build();
              }
            }
            """)
        .addOutput(
            "Pools.java",
            """
            import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;

            class Pools {
              void pools() {
                PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(1024).build();
              }
            }
            """)
        .doTest();
  }

  @Test
  void noFixForAQueueOrAPoolWithNoBoundToEdit() {
    AppliedFixes.Helper.of(UnboundedConnectionPool.class)
        .addInput(
            "Queues.java",
            """
            import io.netty.bootstrap.Bootstrap;
            import io.netty.channel.pool.AbstractChannelPoolHandler;
            import io.netty.channel.pool.SimpleChannelPool;
            import io.netty.channel.Channel;
            import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

            class Queues {
              void pools(Bootstrap bootstrap) {
                NettyNioAsyncHttpClient.builder().maxPendingConnectionAcquires(Integer.MAX_VALUE).build();
                new SimpleChannelPool(
                    bootstrap,
                    new AbstractChannelPoolHandler() {
                      @Override
                      public void channelCreated(Channel ch) {}
                    });
              }
            }
            """)
        .expectNoFix("Queues.java")
        .doTest();
  }

  @Test
  void noFixForTheClassWideBudget() {
    AppliedFixes.Helper.of(FileDescriptorBudget.class)
        .addInput(
            "Fanout.java",
            """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import software.amazon.awssdk.http.apache.ApacheHttpClient;
            import software.amazon.awssdk.services.s3.S3Client;

            class Fanout implements RequestHandler<String, String> {
              private static final S3Client A =
                  S3Client.builder().httpClientBuilder(ApacheHttpClient.builder().maxConnections(800)).build();
              private static final S3Client B =
                  S3Client.builder().httpClientBuilder(ApacheHttpClient.builder().maxConnections(800)).build();

              @Override
              public String handleRequest(String input, Context context) {
                return A.serviceName() + B.serviceName();
              }
            }
            """)
        .expectNoFix("Fanout.java")
        .doTest();
  }
}
