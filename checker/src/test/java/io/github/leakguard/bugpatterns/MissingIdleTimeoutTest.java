package io.github.leakguard.bugpatterns;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class MissingIdleTimeoutTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(MissingIdleTimeout.class, getClass());

  @Test
  void awsSdkV2HttpClients() {
    helper
        .addSourceLines(
            "Clients.java",
            """
            import java.time.Duration;
            import java.time.temporal.ChronoUnit;
            import software.amazon.awssdk.http.apache.ApacheHttpClient;
            import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

            class Clients {
              static final Duration HOUR = Duration.ofHours(1);
              static final Duration IDLE = Duration.ofSeconds(30);

              void apache() {
                ApacheHttpClient.builder()
                    // BUG: Diagnostic contains: connectionMaxIdleTime(HOUR) sets the idle-connection timeout to PT1H, longer than PT5M (AWS SDK v2)
                    .connectionMaxIdleTime(HOUR)
                    // BUG: Diagnostic contains: sets the connection time-to-live to never expire
                    .connectionTimeToLive(Duration.ZERO)
                    // BUG: Diagnostic contains: turns the idle-connection reaper off
                    .useIdleConnectionReaper(false)
                    .build();
                ApacheHttpClient.builder()
                    .connectionMaxIdleTime(IDLE)
                    .connectionTimeToLive(Duration.ofMinutes(5))
                    .useIdleConnectionReaper(true)
                    .build();
              }

              void netty() {
                NettyNioAsyncHttpClient.builder()
                    // BUG: Diagnostic contains: PT10M
                    .connectionMaxIdleTime(Duration.of(10, ChronoUnit.MINUTES))
                    // BUG: Diagnostic contains: connection time-to-live to never expire
                    .connectionTimeToLive(Duration.ofSeconds(-1))
                    // BUG: Diagnostic contains: useIdleConnectionReaper(Boolean.FALSE)
                    .useIdleConnectionReaper(Boolean.FALSE)
                    .build();
                NettyNioAsyncHttpClient.builder()
                    .connectionMaxIdleTime(Duration.ofMillis(60_000))
                    // A maximum age, not an idle time: only "never" is a finding.
                    .connectionTimeToLive(Duration.ofDays(1))
                    .useIdleConnectionReaper(Boolean.TRUE)
                    .build();
              }
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
            import java.time.Duration;
            import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
            import software.amazon.awssdk.http.crt.AwsCrtHttpClient;

            class Crt {
              void build() {
                // BUG: Diagnostic contains: (AWS CRT)
                AwsCrtHttpClient.builder().connectionMaxIdleTime(Duration.ofMinutes(30)).build();
                AwsCrtHttpClient.builder().connectionMaxIdleTime(Duration.ofSeconds(50)).build();
                // BUG: Diagnostic contains: idle-connection timeout
                AwsCrtAsyncHttpClient.builder().connectionMaxIdleTime(Duration.ofHours(2)).build();
                AwsCrtAsyncHttpClient.builder().connectionMaxIdleTime(Duration.ofMinutes(1)).build();
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
              static final long TEN_MINUTES = 10 * 60 * 1000L;

              void unbounded(ClientConfiguration config) {
                // BUG: Diagnostic contains: setConnectionMaxIdleMillis(TEN_MINUTES) sets the idle-connection timeout to PT10M
                config.setConnectionMaxIdleMillis(TEN_MINUTES);
                // BUG: Diagnostic contains: withConnectionMaxIdleMillis
                config.withConnectionMaxIdleMillis(Long.MAX_VALUE);
                // BUG: Diagnostic contains: setConnectionTTL(-1) sets the connection time-to-live to never expire
                config.setConnectionTTL(-1);
                // BUG: Diagnostic contains: withConnectionTTL
                config.withConnectionTTL(-1L);
                // BUG: Diagnostic contains: setUseReaper(false)
                config.setUseReaper(false);
                // BUG: Diagnostic contains: withReaper(false)
                config.withReaper(false);
              }

              void bounded(ClientConfiguration config) {
                config.setConnectionMaxIdleMillis(60_000);
                config.withConnectionMaxIdleMillis(60_000);
                config.setConnectionTTL(300_000);
                config.withConnectionTTL(3_600_000L);
                config.setUseReaper(true);
                config.withReaper(true);
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
            import java.util.concurrent.TimeUnit;
            import org.apache.http.impl.client.HttpClients;
            import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

            class Apache4 {
              void unbounded() {
                // BUG: Diagnostic contains: new PoolingHttpClientConnectionManager(…, -1) sets the connection time-to-live to never expire (Apache HttpClient 4)
                new PoolingHttpClientConnectionManager(-1, TimeUnit.MILLISECONDS);
                HttpClients.custom()
                    // BUG: Diagnostic contains: setConnectionTimeToLive(…, 0)
                    .setConnectionTimeToLive(0, TimeUnit.SECONDS)
                    // BUG: Diagnostic contains: evictIdleConnections(…, 1) sets the idle-connection eviction time to PT1H
                    .evictIdleConnections(1, TimeUnit.HOURS)
                    .build();
                // BUG: Diagnostic contains: evictIdleConnections(…, Long.valueOf(30))
                HttpClients.custom().evictIdleConnections(Long.valueOf(30), TimeUnit.MINUTES).build();
              }

              void bounded() {
                new PoolingHttpClientConnectionManager(5, TimeUnit.MINUTES);
                HttpClients.custom()
                    .setConnectionTimeToLive(4, TimeUnit.MINUTES)
                    .evictIdleConnections(30, TimeUnit.SECONDS)
                    .build();
                HttpClients.custom().evictIdleConnections(Long.valueOf(30), TimeUnit.SECONDS).build();
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
            import java.util.concurrent.TimeUnit;
            import org.apache.hc.client5.http.config.ConnectionConfig;
            import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
            import org.apache.hc.client5.http.impl.classic.HttpClients;
            import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
            import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
            import org.apache.hc.core5.util.TimeValue;

            @SuppressWarnings("deprecation")
            class Apache5 {
              static final TimeValue FOREVER = TimeValue.NEG_ONE_MILLISECOND;

              void unbounded() {
                // BUG: Diagnostic contains: setConnectionTimeToLive(FOREVER) sets the connection time-to-live to never expire (Apache HttpClient 5)
                PoolingHttpClientConnectionManagerBuilder.create().setConnectionTimeToLive(FOREVER);
                // BUG: Diagnostic contains: setConnectionTimeToLive(TimeValue.MAX_VALUE)
                PoolingAsyncClientConnectionManagerBuilder.create().setConnectionTimeToLive(TimeValue.MAX_VALUE);
                // BUG: Diagnostic contains: setTimeToLive(TimeValue.NEG_ONE_SECOND)
                ConnectionConfig.custom().setTimeToLive(TimeValue.NEG_ONE_SECOND).build();
                // BUG: Diagnostic contains: setTimeToLive(…, -1)
                ConnectionConfig.custom().setTimeToLive(-1, TimeUnit.MILLISECONDS).build();
                // BUG: Diagnostic contains: evictIdleConnections(TimeValue.of(10, TimeUnit.MINUTES))
                HttpClients.custom().evictIdleConnections(TimeValue.of(10, TimeUnit.MINUTES)).build();
                // BUG: Diagnostic contains: idle-connection eviction time to PT15M
                HttpAsyncClients.custom().evictIdleConnections(TimeValue.ofMinutes(15)).build();
              }

              void bounded() {
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setConnectionTimeToLive(TimeValue.ofMinutes(5));
                PoolingAsyncClientConnectionManagerBuilder.create()
                    .setConnectionTimeToLive(TimeValue.ofSeconds(90));
                ConnectionConfig.custom().setTimeToLive(TimeValue.ofHours(1)).build();
                ConnectionConfig.custom().setTimeToLive(2, TimeUnit.MINUTES).build();
                HttpClients.custom().evictIdleConnections(TimeValue.ofSeconds(30)).build();
                HttpAsyncClients.custom().evictIdleConnections(TimeValue.ofSeconds(30)).build();
              }
            }
            """)
        .doTest();
  }

  @Test
  void okHttpConnectionPool() {
    helper
        .addSourceLines(
            "Ok.java",
            """
            import java.util.concurrent.TimeUnit;
            import okhttp3.ConnectionPool;

            class Ok {
              // BUG: Diagnostic contains: new ConnectionPool(…, 30) sets the connection keep-alive to PT30M, longer than PT5M (OkHttp)
              static final ConnectionPool LONG = new ConnectionPool(5, 30, TimeUnit.MINUTES);
              // BUG: Diagnostic contains: never expire
              static final ConnectionPool FOREVER = new ConnectionPool(5, Long.MAX_VALUE, TimeUnit.DAYS);
              static final ConnectionPool SHORT = new ConnectionPool(5, 60, TimeUnit.SECONDS);
              static final ConnectionPool DEFAULT = new ConnectionPool();
            }
            """)
        .doTest();
  }

  @Test
  void reactorNetty() {
    helper
        .addSourceLines(
            "Providers.java",
            """
            import java.time.Duration;
            import reactor.netty.resources.ConnectionProvider;

            class Providers {
              static final ConnectionProvider LONG =
                  ConnectionProvider.builder("long")
                      // BUG: Diagnostic contains: maxIdleTime(Duration.ofMinutes(20)) sets the idle-connection timeout to PT20M
                      .maxIdleTime(Duration.ofMinutes(20))
                      // BUG: Diagnostic contains: maxLifeTime(Duration.ofMillis(-1)) sets the connection maximum lifetime to never expire
                      .maxLifeTime(Duration.ofMillis(-1))
                      .build();
              static final ConnectionProvider SHORT =
                  ConnectionProvider.builder("short")
                      .maxIdleTime(Duration.ofSeconds(20))
                      .maxLifeTime(Duration.ofMinutes(30))
                      .build();
            }
            """)
        .doTest();
  }

  @Test
  void hikariOnlyNeverRetiredIsFlagged() {
    helper
        .addSourceLines(
            "Hikari.java",
            """
            import com.zaxxer.hikari.HikariConfig;

            class Hikari {
              void configure(HikariConfig config) {
                // BUG: Diagnostic contains: setMaxLifetime(0L) sets the connection maximum lifetime to never expire (JDBC pools)
                config.setMaxLifetime(0L);
                // maxLifetime still retires connections that never idle out.
                config.setIdleTimeout(0);
                // Database lifetimes are long by design: only "never" is a finding.
                config.setIdleTimeout(600_000);
                config.setMaxLifetime(1_800_000);
              }
            }
            """)
        .doTest();
  }

  @Test
  void neverExpiringLifetimeBesideAnIdleTimeoutIsFine() {
    helper
        .addSourceLines(
            "Beside.java",
            """
            import com.amazonaws.ClientConfiguration;
            import java.time.Duration;
            import software.amazon.awssdk.http.apache.ApacheHttpClient;

            class Beside {
              static final ClientConfiguration CHAINED =
                  new ClientConfiguration().withConnectionMaxIdleMillis(30_000).withConnectionTTL(-1);

              ClientConfiguration variable() {
                ClientConfiguration config = new ClientConfiguration();
                config.setConnectionTTL(-1);
                config.setConnectionMaxIdleMillis(30_000);
                return config;
              }

              void sdkV2() {
                ApacheHttpClient.builder()
                    .connectionTimeToLive(Duration.ZERO)
                    .connectionMaxIdleTime(Duration.ofSeconds(30))
                    .build();
              }

              ClientConfiguration idleTooLong() {
                ClientConfiguration config = new ClientConfiguration();
                // BUG: Diagnostic contains: setConnectionTTL(-1) sets the connection time-to-live to never expire
                config.setConnectionTTL(-1);
                // BUG: Diagnostic contains: longer than PT5M
                config.setConnectionMaxIdleMillis(600_000);
                return config;
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
            import java.time.Duration;
            import java.util.concurrent.TimeUnit;
            import okhttp3.ConnectionPool;
            import software.amazon.awssdk.http.apache.ApacheHttpClient;

            class Unknown {
              static final Duration FROM_ENV = Duration.parse(System.getenv("IDLE"));

              void build(Duration idle, boolean reaper, TimeUnit unit) {
                ApacheHttpClient.builder()
                    .connectionMaxIdleTime(FROM_ENV)
                    .connectionTimeToLive(idle)
                    .useIdleConnectionReaper(reaper)
                    .build();
                new ConnectionPool(5, 30, unit);
                new ConnectionPool(5, Long.getLong("keepAlive", 30), TimeUnit.MINUTES);
              }
            }
            """)
        .doTest();
  }

  @Test
  void maxIdleOption() {
    helper
        .setArgs("-XepOpt:LeakGuard:MaxIdle=PT1H")
        .addSourceLines(
            "Relaxed.java",
            """
            import java.time.Duration;
            import software.amazon.awssdk.http.apache.ApacheHttpClient;

            class Relaxed {
              void build() {
                ApacheHttpClient.builder().connectionMaxIdleTime(Duration.ofMinutes(30)).build();
                // BUG: Diagnostic contains: longer than PT1H
                ApacheHttpClient.builder().connectionMaxIdleTime(Duration.ofHours(2)).build();
              }
            }
            """)
        .doTest();
  }

  @Test
  void badMaxIdleOptionIsReported() {
    helper
        .setArgs("-XepOpt:LeakGuard:MaxIdle=5m")
        .addSourceLines(
            "Any.java",
            """
            // BUG: Diagnostic contains: -XepOpt:LeakGuard:MaxIdle=5m is not valid
            class Any {}
            """)
        .doTest();
  }
}
