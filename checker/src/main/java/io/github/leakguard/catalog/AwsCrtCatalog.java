package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;
import io.github.leakguard.catalog.IdleSetting.Never;
import io.github.leakguard.catalog.IdleSetting.Unit;
import io.github.leakguard.catalog.PoolBound.Meaning;
import io.github.leakguard.catalog.PoolBound.Unlimited;

/**
 * The AWS Common Runtime HTTP clients of SDK v2 ({@code aws-crt-client}). They are SDK HTTP
 * clients, so {@link AwsSdkV2Catalog}'s client kinds already recognise them; this family adds their
 * pool settings.
 */
public final class AwsCrtCatalog implements LibraryCatalog {
  private static final ImmutableList<String> CLIENTS =
      ImmutableList.of(
          "software.amazon.awssdk.http.crt.AwsCrtHttpClient",
          "software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient");

  @Override
  public String family() {
    return "AWS CRT";
  }

  @Override
  public ImmutableList<PoolBound> poolBounds() {
    ImmutableList.Builder<PoolBound> bounds = ImmutableList.builder();
    for (String client : CLIENTS) {
      bounds.add(
          new PoolBound(
              family(),
              MethodRef.method(client + ".Builder", "maxConcurrency"),
              Parameter.first("java.lang.Integer"),
              Meaning.MAX_CONCURRENCY,
              Unlimited.MAX_VALUE_ONLY));
    }
    // S3AsyncClient.crtBuilder(): the CRT-based S3 client's own connection bound.
    bounds.add(
        new PoolBound(
            family(),
            MethodRef.method(
                "software.amazon.awssdk.services.s3.S3CrtAsyncClientBuilder", "maxConcurrency"),
            Parameter.first("java.lang.Integer"),
            Meaning.MAX_CONCURRENCY,
            Unlimited.MAX_VALUE_ONLY));
    return bounds.build();
  }

  @Override
  public ImmutableList<IdleSetting> idleSettings() {
    ImmutableList.Builder<IdleSetting> settings = ImmutableList.builder();
    for (String client : CLIENTS) {
      settings.add(
          new IdleSetting(
              family(),
              MethodRef.method(client + ".Builder", "connectionMaxIdleTime"),
              Parameter.first("java.time.Duration"),
              Unit.DURATION,
              Never.NONE,
              true,
              "idle-connection timeout"));
    }
    return settings.build();
  }

  @Override
  public ImmutableList<ConnectionDefault> connectionDefaults() {
    ImmutableList.Builder<ConnectionDefault> defaults = ImmutableList.builder();
    for (String client : CLIENTS) {
      defaults.add(
          ConnectionDefault.of(
              family(),
              client,
              50,
              client.substring(client.lastIndexOf('.') + 1) + " default maxConcurrency"));
    }
    return defaults.build();
  }
}
