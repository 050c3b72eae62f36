package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;

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
            .factoriesOn("com.amazonaws.client.builder.AwsClientBuilder")
            .factoryMethods("defaultClient")
            .builtBy("com.amazonaws.client.builder.AwsClientBuilder")
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
            .factoriesOn("com.amazonaws.services.s3.transfer.TransferManagerBuilder")
            .factoryMethods("defaultTransferManager")
            .builtBy("com.amazonaws.services.s3.transfer.TransferManagerBuilder")
            .build());
  }
}
