package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;
import io.github.leakguard.catalog.IdleSetting.Never;
import io.github.leakguard.catalog.IdleSetting.Unit;
import io.github.leakguard.catalog.PoolBound.Meaning;
import io.github.leakguard.catalog.PoolBound.Unlimited;
import io.github.leakguard.catalog.ResourceKind.Category;

/** AWS SDK for Java 2.x: service clients, HTTP clients and the S3 transfer manager. */
public final class AwsSdkV2Catalog implements LibraryCatalog {

  @Override
  public String family() {
    return "AWS SDK v2";
  }

  @Override
  public ImmutableList<ClientKind> clients() {
    return ImmutableList.of(
        // S3Client.create(), S3Client.builder()...build(), S3AsyncClient.crtBuilder()...build().
        ClientKind.builder(
                family(), "AWS SDK v2 service client", "software.amazon.awssdk.core.SdkClient")
            .factories(MethodRef.methods("software.amazon.awssdk.core.SdkClient", "create"))
            .builtBy(MethodRef.method("software.amazon.awssdk.utils.builder.SdkBuilder", "build"))
            .build(),
        // ApacheHttpClient.create(), UrlConnectionHttpClient.builder()...build(), and so on.
        ClientKind.builder(
                family(), "AWS SDK v2 HTTP client", "software.amazon.awssdk.http.SdkHttpClient")
            .factories(MethodRef.methods("software.amazon.awssdk.http.SdkHttpClient", "create"))
            .builtBy(
                MethodRef.methods(
                    "software.amazon.awssdk.utils.builder.SdkBuilder",
                    "build",
                    "buildWithDefaults"))
            .build(),
        ClientKind.builder(
                family(),
                "AWS SDK v2 async HTTP client",
                "software.amazon.awssdk.http.async.SdkAsyncHttpClient")
            .factories(
                MethodRef.methods("software.amazon.awssdk.http.async.SdkAsyncHttpClient", "create"))
            .builtBy(
                MethodRef.methods(
                    "software.amazon.awssdk.utils.builder.SdkBuilder",
                    "build",
                    "buildWithDefaults"))
            .build(),
        ClientKind.builder(
                family(),
                "S3 transfer manager",
                "software.amazon.awssdk.transfer.s3.S3TransferManager")
            .factories(
                MethodRef.methods("software.amazon.awssdk.transfer.s3.S3TransferManager", "create"))
            .builtBy(
                MethodRef.method(
                    "software.amazon.awssdk.transfer.s3.S3TransferManager.Builder", "build"))
            .build());
  }

  // Pool settings. ApacheHttpClient validates maxConnections as positive, Netty's maxConcurrency
  // and maxPendingConnectionAcquires likewise, so only MAX_VALUE means "no limit" there.
  private static final String APACHE = "software.amazon.awssdk.http.apache.ApacheHttpClient";
  private static final String APACHE_BUILDER = APACHE + ".Builder";
  private static final String NETTY =
      "software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient";
  private static final String NETTY_BUILDER = NETTY + ".Builder";
  private static final Parameter INTEGER = Parameter.first("java.lang.Integer");
  private static final Parameter DURATION = Parameter.first("java.time.Duration");
  private static final Parameter BOOLEAN = Parameter.first("java.lang.Boolean");

  @Override
  public ImmutableList<PoolBound> poolBounds() {
    return ImmutableList.of(
        new PoolBound(
            family(),
            MethodRef.method(APACHE_BUILDER, "maxConnections"),
            INTEGER,
            Meaning.MAX_TOTAL,
            Unlimited.MAX_VALUE_ONLY),
        new PoolBound(
            family(),
            MethodRef.method(NETTY_BUILDER, "maxConcurrency"),
            INTEGER,
            Meaning.MAX_CONCURRENCY,
            Unlimited.MAX_VALUE_ONLY),
        new PoolBound(
            family(),
            MethodRef.method(NETTY_BUILDER, "maxPendingConnectionAcquires"),
            INTEGER,
            Meaning.PENDING_ACQUIRES,
            Unlimited.MAX_VALUE_ONLY));
  }

  @Override
  public ImmutableList<IdleSetting> idleSettings() {
    ImmutableList.Builder<IdleSetting> settings = ImmutableList.builder();
    for (String builder : ImmutableList.of(APACHE_BUILDER, NETTY_BUILDER)) {
      settings.add(
          new IdleSetting(
              family(),
              MethodRef.method(builder, "connectionMaxIdleTime"),
              DURATION,
              Unit.DURATION,
              Never.NONE,
              true,
              "idle-connection timeout"),
          // The SDK's own default time-to-live is zero: connections live until closed.
          new IdleSetting(
              family(),
              MethodRef.method(builder, "connectionTimeToLive"),
              DURATION,
              Unit.DURATION,
              Never.ZERO_OR_NEGATIVE,
              false,
              "connection time-to-live"),
          new IdleSetting(
              family(),
              MethodRef.method(builder, "useIdleConnectionReaper"),
              BOOLEAN,
              Unit.REAPER_SWITCH,
              Never.NONE,
              true,
              "idle-connection reaper"));
    }
    return settings.build();
  }

  @Override
  public ImmutableList<ConnectionDefault> connectionDefaults() {
    return ImmutableList.of(
        ConnectionDefault.of(family(), APACHE, 50, "ApacheHttpClient default maxConnections"),
        ConnectionDefault.of(family(), NETTY, 50, "NettyNioAsyncHttpClient default maxConcurrency"),
        // HttpURLConnection has no pool limit: each concurrent request may open a socket.
        ConnectionDefault.unknown(
            family(),
            "software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient",
            "UrlConnectionHttpClient has no connection limit"),
        // A service client built without an HTTP client uses the SDK's default one: Apache for
        // synchronous clients, Netty for asynchronous ones (when on the classpath, as usual).
        ConnectionDefault.of(
                family(),
                "software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder",
                50,
                "default SDK HTTP client (ApacheHttpClient) maxConnections")
            .asFallback(),
        ConnectionDefault.of(
                family(),
                "software.amazon.awssdk.core.client.builder.SdkAsyncClientBuilder",
                50,
                "default SDK async HTTP client (NettyNioAsyncHttpClient) maxConcurrency")
            .asFallback());
  }

  @Override
  public ImmutableList<ResourceKind> resources() {
    return ImmutableList.of(
        // s3.getObject(request) and any other streaming operation; getObjectAsBytes and
        // ResponseBytes#asInputStream are in memory and hold nothing.
        ResourceKind.builder(
                family(),
                "AWS SDK v2 response stream",
                Category.RESPONSE,
                "software.amazon.awssdk.core.ResponseInputStream")
            .openedBy(MethodRef.anyMethod("software.amazon.awssdk.core.SdkClient"))
            .releasedBy(
                MethodRef.method("software.amazon.awssdk.core.ResponseInputStream", "abort"))
            .build());
  }
}
