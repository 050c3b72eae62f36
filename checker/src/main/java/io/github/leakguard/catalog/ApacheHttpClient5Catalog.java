package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;
import io.github.leakguard.catalog.ResourceKind.Category;

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

  @Override
  public ImmutableList<ResourceKind> resources() {
    return ImmutableList.of(
        ResourceKind.builder(
                family(),
                "Apache HttpClient 5 response",
                Category.RESPONSE,
                "org.apache.hc.core5.http.HttpResponse")
            .openedBy(
                "org.apache.hc.client5.http.classic.HttpClient#execute",
                "org.apache.hc.client5.http.classic.HttpClient#executeOpen")
            .handles(
                "org.apache.hc.core5.http.HttpEntityContainer#getEntity",
                "org.apache.hc.core5.http.HttpEntity#getContent")
            .build(),
        ResourceKind.builder(
                family(),
                "Apache HttpClient 5 client",
                Category.CONNECTION,
                "org.apache.hc.client5.http.impl.classic.CloseableHttpClient")
            .openedBy(
                "org.apache.hc.client5.http.impl.classic.HttpClients#*",
                "org.apache.hc.client5.http.impl.classic.HttpClientBuilder#build")
            .transferredByPassing()
            .build());
  }

  @Override
  public ImmutableList<String> releaseHelpers() {
    return ImmutableList.of(
        "org.apache.hc.core5.http.io.entity.EntityUtils#consume",
        "org.apache.hc.core5.http.io.entity.EntityUtils#consumeQuietly",
        "org.apache.hc.core5.http.io.entity.EntityUtils#toString",
        "org.apache.hc.core5.http.io.entity.EntityUtils#toByteArray",
        "org.apache.hc.core5.io.Closer#close",
        "org.apache.hc.core5.io.Closer#closeQuietly");
  }
}
