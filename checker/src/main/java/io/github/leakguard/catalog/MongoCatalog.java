package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;

/** The MongoDB Java driver. */
public final class MongoCatalog implements LibraryCatalog {

  @Override
  public String family() {
    return "MongoDB";
  }

  @Override
  public ImmutableList<ClientKind> clients() {
    return ImmutableList.of(
        ClientKind.builder(family(), "MongoDB client", "com.mongodb.client.MongoClient")
            .factories(MethodRef.anyMethod("com.mongodb.client.MongoClients"))
            .build());
  }
}
