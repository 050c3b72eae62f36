package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;

/** Apache HttpClient 5.x ({@code org.apache.hc.client5}), classic and async. */
public final class ApacheHttpClient5Catalog implements LibraryCatalog {

  @Override
  public String family() {
    return "Apache HttpClient 5";
  }

  @Override
  public ImmutableList<ClientKind> clients() {
    return ImmutableList.of(
        ClientKind.builder(
                family(),
                "Apache HttpClient 5 client",
                "org.apache.hc.client5.http.impl.classic.CloseableHttpClient")
            .factoriesOn("org.apache.hc.client5.http.impl.classic.HttpClients")
            .builtBy("org.apache.hc.client5.http.impl.classic.HttpClientBuilder")
            .build(),
        ClientKind.builder(
                family(),
                "Apache HttpClient 5 async client",
                "org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient")
            .factoriesOn("org.apache.hc.client5.http.impl.async.HttpAsyncClients")
            .builtBy("org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder")
            .build(),
        ClientKind.builder(
                family(),
                "Apache HttpClient 5 connection pool",
                "org.apache.hc.client5.http.io.HttpClientConnectionManager")
            .constructors()
            .builtBy("org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder")
            .build(),
        ClientKind.builder(
                family(),
                "Apache HttpClient 5 async connection pool",
                "org.apache.hc.client5.http.nio.AsyncClientConnectionManager")
            .constructors()
            .builtBy(
                "org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder")
            .build());
  }
}
