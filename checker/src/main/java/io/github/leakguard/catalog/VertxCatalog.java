package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;
import io.github.leakguard.catalog.IdleSetting.Never;
import io.github.leakguard.catalog.IdleSetting.Unit;
import io.github.leakguard.catalog.PoolBound.Meaning;
import io.github.leakguard.catalog.PoolBound.Unlimited;

/**
 * Vert.x 5's HTTP clients: {@code io.vertx.core.http.HttpClient} (vertx-core) and {@code
 * io.vertx.ext.web.client.WebClient} (vertx-web-client), both pooling connections per server.
 */
public final class VertxCatalog implements LibraryCatalog {
  private static final String HTTP_CLIENT = "io.vertx.core.http.HttpClient";
  private static final String WEB_CLIENT = "io.vertx.ext.web.client.WebClient";
  private static final String POOL_OPTIONS = "io.vertx.core.http.PoolOptions";
  private static final String CLIENT_OPTIONS = "io.vertx.core.http.HttpClientOptions";

  @Override
  public String family() {
    return "Vert.x";
  }

  @Override
  public ImmutableList<ClientKind> clients() {
    return ImmutableList.of(
        // WebClient.wrap(httpClient) and WebClientSession.create(webClient) build on an existing
        // client's pool: only create(vertx, ...) opens a new one.
        ClientKind.builder(family(), "Vert.x WebClient", WEB_CLIENT)
            .factories(MethodRef.method(WEB_CLIENT, "create"))
            .build(),
        ClientKind.builder(family(), "Vert.x HTTP client", HTTP_CLIENT)
            .builtBy(
                MethodRef.method("io.vertx.core.Vertx", "createHttpClient"),
                MethodRef.method("io.vertx.core.http.HttpClientBuilder", "build"))
            .build());
  }

  // PoolOptions rejects sizes below 1; a negative wait queue size means "unbounded", its default.
  @Override
  public ImmutableList<PoolBound> poolBounds() {
    Parameter size = Parameter.first("int");
    return ImmutableList.of(
        new PoolBound(
            family(),
            MethodRef.method(POOL_OPTIONS, "setHttp1MaxSize"),
            size,
            Meaning.MAX_PER_ROUTE,
            Unlimited.MAX_VALUE_ONLY),
        new PoolBound(
            family(),
            MethodRef.method(POOL_OPTIONS, "setHttp2MaxSize"),
            size,
            Meaning.MAX_PER_ROUTE,
            Unlimited.MAX_VALUE_ONLY),
        new PoolBound(
            family(),
            MethodRef.method(POOL_OPTIONS, "setMaxWaitQueueSize"),
            size,
            Meaning.PENDING_ACQUIRES,
            Unlimited.NEGATIVE));
  }

  // The keep-alive timeouts are how long an unused connection stays in the pool (in seconds;
  // 0 keeps it forever). setIdleTimeout is not read: its unit is set by another call, and it can
  // only close a connection sooner than the keep-alive timeout does.
  @Override
  public ImmutableList<IdleSetting> idleSettings() {
    Parameter seconds = Parameter.first("int");
    return ImmutableList.of(
        new IdleSetting(
            family(),
            MethodRef.method(CLIENT_OPTIONS, "setKeepAliveTimeout"),
            seconds,
            Unit.SECONDS,
            Never.ZERO,
            true,
            "HTTP/1.x keep-alive timeout"),
        new IdleSetting(
            family(),
            MethodRef.method(CLIENT_OPTIONS, "setHttp2KeepAliveTimeout"),
            seconds,
            Unit.SECONDS,
            Never.ZERO,
            true,
            "HTTP/2 keep-alive timeout"));
  }

  // A pool per server, of http1MaxSize (5) connections each: no total the compiler can know.
  @Override
  public ImmutableList<ConnectionDefault> connectionDefaults() {
    String source = "Vert.x pools per server, 5 HTTP/1.x connections each by default (PoolOptions)";
    return ImmutableList.of(
        ConnectionDefault.unknown(family(), WEB_CLIENT, source),
        ConnectionDefault.unknown(family(), HTTP_CLIENT, source));
  }
}
