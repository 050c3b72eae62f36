package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;
import io.github.leakguard.catalog.ResourceKind.Category;

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
                family(), "Apache HttpClient 4 client", "org.apache.http.impl.client.CloseableHttpClient")
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

  @Override
  public ImmutableList<ResourceKind> resources() {
    return ImmutableList.of(
        // HttpClient#execute declares HttpResponse; the pooled connection stays leased until the
        // entity is consumed or the response closed.
        ResourceKind.builder(
                family(),
                "Apache HttpClient 4 response",
                Category.RESPONSE,
                "org.apache.http.HttpResponse")
            .openedBy("org.apache.http.client.HttpClient#execute")
            .handles(
                "org.apache.http.HttpResponse#getEntity", "org.apache.http.HttpEntity#getContent")
            .build(),
        ResourceKind.builder(
                family(),
                "Apache HttpClient 4 client",
                Category.CONNECTION,
                "org.apache.http.impl.client.CloseableHttpClient")
            .openedBy(
                "org.apache.http.impl.client.HttpClients#*",
                "org.apache.http.impl.client.HttpClientBuilder#build")
            .transferredByPassing()
            .build());
  }

  @Override
  public ImmutableList<String> releaseHelpers() {
    return ImmutableList.of(
        "org.apache.http.util.EntityUtils#consume",
        "org.apache.http.util.EntityUtils#consumeQuietly",
        "org.apache.http.util.EntityUtils#toString",
        "org.apache.http.util.EntityUtils#toByteArray",
        "org.apache.http.client.utils.HttpClientUtils#closeQuietly");
  }
}
