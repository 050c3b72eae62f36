package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;

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
            .factoriesOn("org.apache.http.impl.client.HttpClients")
            .builtBy("org.apache.http.impl.client.HttpClientBuilder")
            .build(),
        ClientKind.builder(
                family(),
                "Apache HttpClient 4 connection pool",
                "org.apache.http.conn.HttpClientConnectionManager")
            .constructors()
            .build());
  }
}
