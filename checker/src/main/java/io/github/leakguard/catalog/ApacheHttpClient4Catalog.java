package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;
import io.github.leakguard.catalog.IdleSetting.Never;
import io.github.leakguard.catalog.IdleSetting.Unit;
import io.github.leakguard.catalog.PoolBound.Meaning;
import io.github.leakguard.catalog.PoolBound.Unlimited;
import io.github.leakguard.catalog.ResourceKind.Category;

/** Apache HttpClient 4.x ({@code org.apache.http}). */
public final class ApacheHttpClient4Catalog implements LibraryCatalog {

  @Override
  public String family() {
    return "Apache HttpClient 4";
  }

  @Override
  public ImmutableList<ClientKind> clients() {
    return ImmutableList.of(
        ClientKind.builder(
                family(),
                "Apache HttpClient 4 client",
                "org.apache.http.impl.client.CloseableHttpClient")
            .factories(MethodRef.anyMethod("org.apache.http.impl.client.HttpClients"))
            .builtBy(MethodRef.method("org.apache.http.impl.client.HttpClientBuilder", "build"))
            .build(),
        ClientKind.builder(
                family(),
                "Apache HttpClient 4 connection pool",
                "org.apache.http.conn.HttpClientConnectionManager")
            .constructors()
            .build());
  }

  private static final String MANAGER =
      "org.apache.http.impl.conn.PoolingHttpClientConnectionManager";
  private static final String BUILDER = "org.apache.http.impl.client.HttpClientBuilder";
  private static final Parameter INT = Parameter.first("int");
  private static final Parameter LONG = Parameter.first("long");

  // The pool's setters reject values below 1; HttpClientBuilder ignores them (keeps the default).
  @Override
  public ImmutableList<PoolBound> poolBounds() {
    return ImmutableList.of(
        new PoolBound(
            family(),
            MethodRef.method(MANAGER, "setMaxTotal"),
            INT,
            Meaning.MAX_TOTAL,
            Unlimited.MAX_VALUE_ONLY),
        new PoolBound(
            family(),
            MethodRef.method(MANAGER, "setDefaultMaxPerRoute"),
            INT,
            Meaning.MAX_PER_ROUTE,
            Unlimited.MAX_VALUE_ONLY),
        new PoolBound(
            family(),
            MethodRef.method(MANAGER, "setMaxPerRoute"),
            INT,
            Meaning.MAX_PER_ROUTE,
            Unlimited.MAX_VALUE_ONLY),
        new PoolBound(
            family(),
            MethodRef.method(BUILDER, "setMaxConnTotal"),
            INT,
            Meaning.MAX_TOTAL,
            Unlimited.MAX_VALUE_ONLY),
        new PoolBound(
            family(),
            MethodRef.method(BUILDER, "setMaxConnPerRoute"),
            INT,
            Meaning.MAX_PER_ROUTE,
            Unlimited.MAX_VALUE_ONLY));
  }

  // HttpClient 4 documents a time-to-live of zero or less as "infinite".
  @Override
  public ImmutableList<IdleSetting> idleSettings() {
    return ImmutableList.of(
        new IdleSetting(
            family(),
            MethodRef.constructor(MANAGER),
            LONG,
            Unit.LONG_WITH_TIME_UNIT,
            Never.ZERO_OR_NEGATIVE,
            false,
            "connection time-to-live"),
        new IdleSetting(
            family(),
            MethodRef.method(BUILDER, "setConnectionTimeToLive"),
            LONG,
            Unit.LONG_WITH_TIME_UNIT,
            Never.ZERO_OR_NEGATIVE,
            false,
            "connection time-to-live"),
        new IdleSetting(
            family(),
            MethodRef.method(BUILDER, "evictIdleConnections"),
            LONG,
            Unit.LONG_WITH_TIME_UNIT,
            Never.NONE,
            true,
            "idle-connection eviction time"),
        new IdleSetting(
            family(),
            MethodRef.method(BUILDER, "evictIdleConnections"),
            Parameter.first("java.lang.Long"),
            Unit.LONG_WITH_TIME_UNIT,
            Never.NONE,
            true,
            "idle-connection eviction time"));
  }

  @Override
  public ImmutableList<ConnectionDefault> connectionDefaults() {
    return ImmutableList.of(
        ConnectionDefault.of(
            family(), MANAGER, 20, "PoolingHttpClientConnectionManager default maxTotal"),
        ConnectionDefault.of(family(), BUILDER, 20, "HttpClientBuilder's pool default maxTotal"),
        ConnectionDefault.of(
            family(),
            "org.apache.http.impl.client.HttpClients",
            20,
            "HttpClientBuilder's pool default maxTotal"));
  }

  @Override
  public ImmutableList<ResourceKind> resources() {
    return ImmutableList.of(
        // HttpClient#execute declares HttpResponse; the pooled connection stays leased until the
        // entity is consumed or the response closed.
        ResourceKind.builder(
                family(),
                "Apache HttpClient 4 response",
                Category.RESPONSE,
                "org.apache.http.HttpResponse")
            .openedBy(MethodRef.method("org.apache.http.client.HttpClient", "execute"))
            // execute(request, handler) closes the response after the handler, whatever it returns.
            .notWhenGiven("org.apache.http.client.ResponseHandler")
            .handles(
                MethodRef.method("org.apache.http.HttpResponse", "getEntity"),
                MethodRef.method("org.apache.http.HttpEntity", "getContent"))
            .build(),
        ResourceKind.builder(
                family(),
                "Apache HttpClient 4 client",
                Category.CONNECTION,
                "org.apache.http.impl.client.CloseableHttpClient")
            .openedBy(
                MethodRef.anyMethod("org.apache.http.impl.client.HttpClients"),
                MethodRef.method("org.apache.http.impl.client.HttpClientBuilder", "build"))
            .transferredByPassing()
            .build());
  }

  @Override
  public ImmutableList<MethodRef> releaseHelpers() {
    return ImmutableList.of(
        MethodRef.method("org.apache.http.util.EntityUtils", "consume"),
        MethodRef.method("org.apache.http.util.EntityUtils", "consumeQuietly"),
        MethodRef.method("org.apache.http.util.EntityUtils", "toString"),
        MethodRef.method("org.apache.http.util.EntityUtils", "toByteArray"),
        MethodRef.method("org.apache.http.client.utils.HttpClientUtils", "closeQuietly"));
  }
}
