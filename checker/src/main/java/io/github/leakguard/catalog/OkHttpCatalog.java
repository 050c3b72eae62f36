package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;
import io.github.leakguard.catalog.IdleSetting.Never;
import io.github.leakguard.catalog.IdleSetting.Unit;
import io.github.leakguard.catalog.PoolBound.Meaning;
import io.github.leakguard.catalog.PoolBound.Unlimited;
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
            .builtBy(MethodRef.method("okhttp3.OkHttpClient.Builder", "build"))
            // sharedClient.newBuilder()...build() shares the connection pool and dispatcher.
            .sharesPoolWhenBuiltFrom(MethodRef.method("okhttp3.OkHttpClient", "newBuilder"))
            .build());
  }

  // Dispatcher's setters reject values below 1.
  @Override
  public ImmutableList<PoolBound> poolBounds() {
    Parameter count = Parameter.first("int");
    return ImmutableList.of(
        new PoolBound(
            family(),
            MethodRef.method("okhttp3.Dispatcher", "setMaxRequests"),
            count,
            Meaning.MAX_REQUESTS,
            Unlimited.MAX_VALUE_ONLY),
        new PoolBound(
            family(),
            MethodRef.method("okhttp3.Dispatcher", "setMaxRequestsPerHost"),
            count,
            Meaning.MAX_REQUESTS_PER_HOST,
            Unlimited.MAX_VALUE_ONLY));
  }

  @Override
  public ImmutableList<IdleSetting> idleSettings() {
    return ImmutableList.of(
        new IdleSetting(
            family(),
            MethodRef.constructor("okhttp3.ConnectionPool"),
            Parameter.first("long"),
            Unit.LONG_WITH_TIME_UNIT,
            Never.NONE,
            true,
            "connection keep-alive"));
  }

  // The Dispatcher bounds asynchronous calls only; synchronous ones are bounded by the threads
  // that make them, which a handler usually keeps to one.
  @Override
  public ImmutableList<ConnectionDefault> connectionDefaults() {
    return ImmutableList.of(
        ConnectionDefault.of(
            family(), "okhttp3.OkHttpClient", 64, "OkHttp Dispatcher default maxRequests"));
  }

  @Override
  public ImmutableList<ResourceKind> resources() {
    return ImmutableList.of(
        ResourceKind.builder(family(), "OkHttp response", Category.RESPONSE, "okhttp3.Response")
            .openedBy(MethodRef.method("okhttp3.Call", "execute"))
            .handles(
                MethodRef.method("okhttp3.Response", "body"),
                MethodRef.method("okhttp3.ResponseBody", "byteStream"),
                MethodRef.method("okhttp3.ResponseBody", "charStream"),
                MethodRef.method("okhttp3.ResponseBody", "source"))
            // string() and bytes() read the body to the end and close it.
            .releasedBy(
                MethodRef.method("okhttp3.ResponseBody", "string"),
                MethodRef.method("okhttp3.ResponseBody", "bytes"))
            .build());
  }
}
