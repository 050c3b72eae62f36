package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;
import io.github.leakguard.catalog.IdleSetting.Never;
import io.github.leakguard.catalog.IdleSetting.Unit;
import io.github.leakguard.catalog.PoolBound.Meaning;
import io.github.leakguard.catalog.PoolBound.Unlimited;
import io.github.leakguard.catalog.ResourceKind.Category;

/** AWS SDK for Java 1.x: service clients from their builders or constructors, TransferManager. */
public final class AwsSdkV1Catalog implements LibraryCatalog {

  @Override
  public String family() {
    return "AWS SDK v1";
  }

  @Override
  public ImmutableList<ClientKind> clients() {
    return ImmutableList.of(
        // Builders return the service interface (AmazonS3), which has no common supertype, so
        // the builder itself is what marks a client here.
        ClientKind.builder(family(), "AWS SDK v1 service client", "java.lang.Object")
            .factories(
                MethodRef.methods("com.amazonaws.client.builder.AwsClientBuilder", "defaultClient"))
            .builtBy(MethodRef.method("com.amazonaws.client.builder.AwsClientBuilder", "build"))
            .build(),
        ClientKind.builder(
                family(), "AWS SDK v1 service client", "com.amazonaws.AmazonWebServiceClient")
            .constructors()
            .build(),
        ClientKind.builder(
                family(),
                "S3 TransferManager",
                "com.amazonaws.services.s3.transfer.TransferManager")
            .constructors()
            .factories(
                MethodRef.methods(
                    "com.amazonaws.services.s3.transfer.TransferManagerBuilder",
                    "defaultTransferManager"))
            .builtBy(
                MethodRef.method(
                    "com.amazonaws.services.s3.transfer.TransferManagerBuilder", "build"))
            .build());
  }

  private static final String CONFIGURATION = "com.amazonaws.ClientConfiguration";
  private static final Parameter INT = Parameter.first("int");
  private static final Parameter LONG = Parameter.first("long");
  private static final Parameter BOOL = Parameter.first("boolean");

  @Override
  public ImmutableList<PoolBound> poolBounds() {
    return ImmutableList.of(
        new PoolBound(
            family(),
            MethodRef.method(CONFIGURATION, "setMaxConnections"),
            INT,
            Meaning.MAX_TOTAL,
            Unlimited.MAX_VALUE_ONLY),
        new PoolBound(
            family(),
            MethodRef.method(CONFIGURATION, "withMaxConnections"),
            INT,
            Meaning.MAX_TOTAL,
            Unlimited.MAX_VALUE_ONLY));
  }

  @Override
  public ImmutableList<IdleSetting> idleSettings() {
    ImmutableList.Builder<IdleSetting> settings = ImmutableList.builder();
    for (String prefix : ImmutableList.of("set", "with")) {
      settings.add(
          new IdleSetting(
              family(),
              MethodRef.method(CONFIGURATION, prefix + "ConnectionMaxIdleMillis"),
              LONG,
              Unit.MILLISECONDS,
              Never.NONE,
              true,
              "idle-connection timeout"),
          // ClientConfiguration documents -1 (its default) as "no time-to-live".
          new IdleSetting(
              family(),
              MethodRef.method(CONFIGURATION, prefix + "ConnectionTTL"),
              LONG,
              Unit.MILLISECONDS,
              Never.NEGATIVE,
              false,
              "connection time-to-live"));
    }
    settings.add(
        new IdleSetting(
            family(),
            MethodRef.method(CONFIGURATION, "setUseReaper"),
            BOOL,
            Unit.REAPER_SWITCH,
            Never.NONE,
            true,
            "idle-connection reaper"),
        new IdleSetting(
            family(),
            MethodRef.method(CONFIGURATION, "withReaper"),
            BOOL,
            Unit.REAPER_SWITCH,
            Never.NONE,
            true,
            "idle-connection reaper"));
    return settings.build();
  }

  @Override
  public ImmutableList<ConnectionDefault> connectionDefaults() {
    return ImmutableList.of(
        ConnectionDefault.of(
                family(),
                "com.amazonaws.client.builder.AwsClientBuilder",
                50,
                "ClientConfiguration default maxConnections")
            .asFallback(),
        ConnectionDefault.of(
                family(),
                "com.amazonaws.AmazonWebServiceClient",
                50,
                "ClientConfiguration default maxConnections")
            .asFallback());
  }

  @Override
  public ImmutableList<ResourceKind> resources() {
    return ImmutableList.of(
        ResourceKind.builder(
                family(),
                "S3 object stream",
                Category.RESPONSE,
                "com.amazonaws.services.s3.model.S3Object")
            .openedBy(MethodRef.method("com.amazonaws.services.s3.AmazonS3", "getObject"))
            .handles(
                MethodRef.method("com.amazonaws.services.s3.model.S3Object", "getObjectContent"))
            .releasedBy(
                MethodRef.method("com.amazonaws.services.s3.model.S3ObjectInputStream", "abort"))
            .build());
  }
}
