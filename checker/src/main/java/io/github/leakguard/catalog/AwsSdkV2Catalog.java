package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;

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
            .factoriesOn("software.amazon.awssdk.core.SdkClient")
            .factoryMethods("create")
            .builtBy("software.amazon.awssdk.utils.builder.SdkBuilder")
            .build(),
        // ApacheHttpClient.create(), UrlConnectionHttpClient.builder()...build(), and so on.
        ClientKind.builder(
                family(), "AWS SDK v2 HTTP client", "software.amazon.awssdk.http.SdkHttpClient")
            .factoriesOn("software.amazon.awssdk.http.SdkHttpClient")
            .factoryMethods("create")
            .builtBy(
                "software.amazon.awssdk.utils.builder.SdkBuilder", "build", "buildWithDefaults")
            .build(),
        ClientKind.builder(
                family(),
                "AWS SDK v2 async HTTP client",
                "software.amazon.awssdk.http.async.SdkAsyncHttpClient")
            .factoriesOn("software.amazon.awssdk.http.async.SdkAsyncHttpClient")
            .factoryMethods("create")
            .builtBy(
                "software.amazon.awssdk.utils.builder.SdkBuilder", "build", "buildWithDefaults")
            .build(),
        ClientKind.builder(
                family(),
                "S3 transfer manager",
                "software.amazon.awssdk.transfer.s3.S3TransferManager")
            .factoriesOn("software.amazon.awssdk.transfer.s3.S3TransferManager")
            .factoryMethods("create")
            .builtBy("software.amazon.awssdk.transfer.s3.S3TransferManager.Builder")
            .build());
  }
}
