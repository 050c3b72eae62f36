package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;

/** gRPC channels. */
public final class GrpcCatalog implements LibraryCatalog {

  @Override
  public String family() {
    return "gRPC";
  }

  @Override
  public ImmutableList<ClientKind> clients() {
    return ImmutableList.of(
        ClientKind.builder(family(), "gRPC managed channel", "io.grpc.ManagedChannel")
            .builtBy(MethodRef.method("io.grpc.ManagedChannelBuilder", "build"))
            .build());
  }
}
