package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;

/** OkHttp 3 and 4 ({@code okhttp3}). */
public final class OkHttpCatalog implements LibraryCatalog {

  @Override
  public String family() {
    return "OkHttp";
  }

  @Override
  public ImmutableList<ClientKind> clients() {
    return ImmutableList.of(
        ClientKind.builder(family(), "OkHttp client", "okhttp3.OkHttpClient")
            .constructors()
            .builtBy("okhttp3.OkHttpClient.Builder")
            // sharedClient.newBuilder()...build() shares the connection pool and dispatcher.
            .sharesPoolWhenBuiltFrom("okhttp3.OkHttpClient#newBuilder")
            .build());
  }
}
