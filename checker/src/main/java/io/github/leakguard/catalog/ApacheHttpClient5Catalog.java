package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.leakguard.catalog.IdleSetting.Never;
import io.github.leakguard.catalog.IdleSetting.Unit;
import io.github.leakguard.catalog.PoolBound.Meaning;
import io.github.leakguard.catalog.PoolBound.Unlimited;
import io.github.leakguard.catalog.ResourceKind.Category;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/** Apache HttpClient 5.x ({@code org.apache.hc.client5}), classic and async. */
public final class ApacheHttpClient5Catalog implements LibraryCatalog {

  @Override
  public String family() {
    return "Apache HttpClient 5";
  }

  @Override
  public ImmutableList<ClientKind> clients() {
    return ImmutableList.of(
        ClientKind.builder(
                family(),
                "Apache HttpClient 5 client",
                "org.apache.hc.client5.http.impl.classic.CloseableHttpClient")
            .factories(MethodRef.anyMethod("org.apache.hc.client5.http.impl.classic.HttpClients"))
            .builtBy(
                MethodRef.method(
                    "org.apache.hc.client5.http.impl.classic.HttpClientBuilder", "build"))
            .build(),
        ClientKind.builder(
                family(),
                "Apache HttpClient 5 async client",
                "org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient")
            .factories(
                MethodRef.anyMethod("org.apache.hc.client5.http.impl.async.HttpAsyncClients"))
            .builtBy(
                MethodRef.method(
                    "org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder", "build"))
            .build(),
        ClientKind.builder(
                family(),
                "Apache HttpClient 5 connection pool",
                "org.apache.hc.client5.http.io.HttpClientConnectionManager")
            .constructors()
            .builtBy(
                MethodRef.method(
                    "org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder",
                    "build"))
            .build(),
        ClientKind.builder(
                family(),
                "Apache HttpClient 5 async connection pool",
                "org.apache.hc.client5.http.nio.AsyncClientConnectionManager")
            .constructors()
            .builtBy(
                MethodRef.method(
                    "org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder",
                    "build"))
            .build());
  }

  private static final String PACKAGE = "org.apache.hc.client5.http.impl.";
  private static final ImmutableList<String> MANAGERS =
      ImmutableList.of(
          PACKAGE + "io.PoolingHttpClientConnectionManager",
          PACKAGE + "nio.PoolingAsyncClientConnectionManager");
  private static final ImmutableList<String> MANAGER_BUILDERS =
      ImmutableList.of(
          PACKAGE + "io.PoolingHttpClientConnectionManagerBuilder",
          PACKAGE + "nio.PoolingAsyncClientConnectionManagerBuilder");
  private static final Parameter INT = Parameter.first("int");
  private static final Parameter TIME_VALUE = Parameter.first("org.apache.hc.core5.util.TimeValue");

  // The pools reject values below 1; the builders ignore them (keep the default).
  @Override
  public ImmutableList<PoolBound> poolBounds() {
    ImmutableList.Builder<PoolBound> bounds = ImmutableList.builder();
    for (String manager : MANAGERS) {
      bounds.add(
          new PoolBound(
              family(),
              MethodRef.method(manager, "setMaxTotal"),
              INT,
              Meaning.MAX_TOTAL,
              Unlimited.MAX_VALUE_ONLY),
          new PoolBound(
              family(),
              MethodRef.method(manager, "setDefaultMaxPerRoute"),
              INT,
              Meaning.MAX_PER_ROUTE,
              Unlimited.MAX_VALUE_ONLY),
          new PoolBound(
              family(),
              MethodRef.method(manager, "setMaxPerRoute"),
              INT,
              Meaning.MAX_PER_ROUTE,
              Unlimited.MAX_VALUE_ONLY));
    }
    for (String builder : MANAGER_BUILDERS) {
      bounds.add(
          new PoolBound(
              family(),
              MethodRef.method(builder, "setMaxConnTotal"),
              INT,
              Meaning.MAX_TOTAL,
              Unlimited.MAX_VALUE_ONLY),
          new PoolBound(
              family(),
              MethodRef.method(builder, "setMaxConnPerRoute"),
              INT,
              Meaning.MAX_PER_ROUTE,
              Unlimited.MAX_VALUE_ONLY));
    }
    return bounds.build();
  }

  // HttpClient 5 reads a negative TimeValue (TimeValue.NEG_ONE_MILLISECOND) as "infinite".
  @Override
  public ImmutableList<IdleSetting> idleSettings() {
    ImmutableList.Builder<IdleSetting> settings = ImmutableList.builder();
    for (String builder : MANAGER_BUILDERS) {
      settings.add(
          new IdleSetting(
              family(),
              MethodRef.method(builder, "setConnectionTimeToLive"),
              TIME_VALUE,
              Unit.DURATION,
              Never.NEGATIVE,
              false,
              "connection time-to-live"));
    }
    return settings
        .add(
            new IdleSetting(
                family(),
                MethodRef.method(
                    "org.apache.hc.client5.http.config.ConnectionConfig.Builder", "setTimeToLive"),
                TIME_VALUE,
                Unit.DURATION,
                Never.NEGATIVE,
                false,
                "connection time-to-live"),
            new IdleSetting(
                family(),
                MethodRef.method(
                    "org.apache.hc.client5.http.config.ConnectionConfig.Builder", "setTimeToLive"),
                Parameter.first("long"),
                Unit.LONG_WITH_TIME_UNIT,
                Never.NEGATIVE,
                false,
                "connection time-to-live"),
            new IdleSetting(
                family(),
                MethodRef.method(PACKAGE + "classic.HttpClientBuilder", "evictIdleConnections"),
                TIME_VALUE,
                Unit.DURATION,
                Never.NONE,
                true,
                "idle-connection eviction time"),
            new IdleSetting(
                family(),
                MethodRef.method(PACKAGE + "async.HttpAsyncClientBuilder", "evictIdleConnections"),
                TIME_VALUE,
                Unit.DURATION,
                Never.NONE,
                true,
                "idle-connection eviction time"))
        .build();
  }

  @Override
  public ImmutableList<ConnectionDefault> connectionDefaults() {
    ImmutableList.Builder<ConnectionDefault> defaults = ImmutableList.builder();
    for (String pool :
        ImmutableList.<String>builder().addAll(MANAGERS).addAll(MANAGER_BUILDERS).build()) {
      defaults.add(ConnectionDefault.of(family(), pool, 25, "HttpClient 5 pool default maxTotal"));
    }
    return defaults
        .add(
            ConnectionDefault.of(
                family(),
                PACKAGE + "classic.HttpClientBuilder",
                25,
                "HttpClient 5 pool default maxTotal"),
            ConnectionDefault.of(
                family(),
                PACKAGE + "classic.HttpClients",
                25,
                "HttpClient 5 pool default maxTotal"),
            ConnectionDefault.of(
                family(),
                PACKAGE + "async.HttpAsyncClientBuilder",
                25,
                "HttpClient 5 pool default maxTotal"),
            ConnectionDefault.of(
                family(),
                PACKAGE + "async.HttpAsyncClients",
                25,
                "HttpClient 5 pool default maxTotal"))
        .build();
  }

  @Override
  public ImmutableList<DurationType> durationTypes() {
    return ImmutableList.of(
        new DurationType(
            "org.apache.hc.core5.util.TimeValue",
            ImmutableMap.of(
                "ofNanoseconds", ChronoUnit.NANOS,
                "ofMicroseconds", ChronoUnit.MICROS,
                "ofMilliseconds", ChronoUnit.MILLIS,
                "ofSeconds", ChronoUnit.SECONDS,
                "ofMinutes", ChronoUnit.MINUTES,
                "ofHours", ChronoUnit.HOURS,
                "ofDays", ChronoUnit.DAYS),
            "of",
            ImmutableMap.of(
                "NEG_ONE_MILLISECOND", Duration.ofMillis(-1),
                "NEG_ONE_SECOND", Duration.ofSeconds(-1),
                "ZERO_MILLISECONDS", Duration.ZERO,
                "MAX_VALUE", Duration.ofMillis(Long.MAX_VALUE))));
  }

  @Override
  public ImmutableList<ResourceKind> resources() {
    return ImmutableList.of(
        ResourceKind.builder(
                family(),
                "Apache HttpClient 5 response",
                Category.RESPONSE,
                "org.apache.hc.core5.http.HttpResponse")
            .openedBy(
                MethodRef.method("org.apache.hc.client5.http.classic.HttpClient", "execute"),
                MethodRef.method("org.apache.hc.client5.http.classic.HttpClient", "executeOpen"))
            // execute(request, handler) closes the response after the handler, whatever it returns.
            .notWhenGiven("org.apache.hc.core5.http.io.HttpClientResponseHandler")
            .handles(
                MethodRef.method("org.apache.hc.core5.http.HttpEntityContainer", "getEntity"),
                MethodRef.method("org.apache.hc.core5.http.HttpEntity", "getContent"))
            .build(),
        ResourceKind.builder(
                family(),
                "Apache HttpClient 5 client",
                Category.CONNECTION,
                "org.apache.hc.client5.http.impl.classic.CloseableHttpClient")
            .openedBy(
                MethodRef.anyMethod("org.apache.hc.client5.http.impl.classic.HttpClients"),
                MethodRef.method(
                    "org.apache.hc.client5.http.impl.classic.HttpClientBuilder", "build"))
            .transferredByPassing()
            .build());
  }

  @Override
  public ImmutableList<MethodRef> releaseHelpers() {
    return ImmutableList.of(
        MethodRef.method("org.apache.hc.core5.http.io.entity.EntityUtils", "consume"),
        MethodRef.method("org.apache.hc.core5.http.io.entity.EntityUtils", "consumeQuietly"),
        MethodRef.method("org.apache.hc.core5.http.io.entity.EntityUtils", "toString"),
        MethodRef.method("org.apache.hc.core5.http.io.entity.EntityUtils", "toByteArray"),
        MethodRef.method("org.apache.hc.core5.io.Closer", "close"),
        MethodRef.method("org.apache.hc.core5.io.Closer", "closeQuietly"));
  }
}
