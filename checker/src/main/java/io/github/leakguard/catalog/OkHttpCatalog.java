package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;
import io.github.leakguard.catalog.ResourceKind.Category;

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

  @Override
  public ImmutableList<ResourceKind> resources() {
    return ImmutableList.of(
        ResourceKind.builder(family(), "OkHttp response", Category.RESPONSE, "okhttp3.Response")
            .openedBy("okhttp3.Call#execute")
            .handles(
                "okhttp3.Response#body",
                "okhttp3.ResponseBody#byteStream",
                "okhttp3.ResponseBody#charStream",
                "okhttp3.ResponseBody#source")
            // string() and bytes() read the body to the end and close it.
            .releasedBy("okhttp3.ResponseBody#string", "okhttp3.ResponseBody#bytes")
            .build());
  }
}
