package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;

/** The JDK's own {@code java.net.http.HttpClient}. */
public final class JavaNetHttpCatalog implements LibraryCatalog {

  @Override
  public String family() {
    return "java.net.http";
  }

  @Override
  public ImmutableList<ClientKind> clients() {
    return ImmutableList.of(
        ClientKind.builder(family(), "java.net.http HttpClient", "java.net.http.HttpClient")
            .factoriesOn("java.net.http.HttpClient")
            .builtBy("java.net.http.HttpClient.Builder")
            .build());
  }
}
