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

  // HTTP/1.1 opens a connection per concurrent request, with no limit; the compiler cannot know
  // how many requests run at once.
  @Override
  public ImmutableList<ConnectionDefault> connectionDefaults() {
    return ImmutableList.of(
        ConnectionDefault.unknown(
            family(),
            "java.net.http.HttpClient",
            "java.net.http HttpClient has no connection limit"));
  }
}
