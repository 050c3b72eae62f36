package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;
import io.github.leakguard.catalog.IdleSetting.Never;
import io.github.leakguard.catalog.IdleSetting.Unit;
import io.github.leakguard.catalog.PoolBound.Meaning;
import io.github.leakguard.catalog.PoolBound.Unlimited;

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

  // Dispatcher's setters reject values below 1.
  @Override
  public ImmutableList<PoolBound> poolBounds() {
    Parameter count = Parameter.first("int");
    return ImmutableList.of(
        new PoolBound(
            family(),
            "okhttp3.Dispatcher",
            "setMaxRequests",
            count,
            Meaning.MAX_REQUESTS,
            Unlimited.MAX_VALUE_ONLY),
        new PoolBound(
            family(),
            "okhttp3.Dispatcher",
            "setMaxRequestsPerHost",
            count,
            Meaning.MAX_REQUESTS_PER_HOST,
            Unlimited.MAX_VALUE_ONLY));
  }

  @Override
  public ImmutableList<IdleSetting> idleSettings() {
    return ImmutableList.of(
        new IdleSetting(
            family(),
            "okhttp3.ConnectionPool",
            "<init>",
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
}
