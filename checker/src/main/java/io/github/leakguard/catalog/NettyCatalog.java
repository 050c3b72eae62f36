package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;
import io.github.leakguard.catalog.PoolBound.Meaning;
import io.github.leakguard.catalog.PoolBound.Unlimited;

/** Netty: event loop groups own threads and selectors. */
public final class NettyCatalog implements LibraryCatalog {

  @Override
  public String family() {
    return "Netty";
  }

  @Override
  public ImmutableList<ClientKind> clients() {
    return ImmutableList.of(
        ClientKind.builder(family(), "Netty event loop group", "io.netty.channel.EventLoopGroup")
            .constructors()
            .build());
  }

  @Override
  public ImmutableList<PoolBound> poolBounds() {
    String pool = "io.netty.channel.pool.FixedChannelPool";
    return ImmutableList.of(
        // FixedChannelPool rejects values below 1 for both.
        new PoolBound(
            family(),
            MethodRef.constructor(pool),
            Parameter.first("int"),
            Meaning.MAX_TOTAL,
            Unlimited.MAX_VALUE_ONLY),
        new PoolBound(
            family(),
            MethodRef.constructor(pool),
            Parameter.second("int"),
            Meaning.PENDING_ACQUIRES,
            Unlimited.MAX_VALUE_ONLY));
  }

  @Override
  public ImmutableList<UnboundedPool> unboundedPools() {
    return ImmutableList.of(
        new UnboundedPool(
            family(),
            MethodRef.constructor("io.netty.channel.pool.SimpleChannelPool"),
            "a SimpleChannelPool has no maximum: every acquire with no idle channel opens a new"
                + " one",
            "use a FixedChannelPool with a maxConnections well under the budget"));
  }

  @Override
  public ImmutableList<ConnectionDefault> connectionDefaults() {
    // Its threads hold a selector each, but it opens no connections of its own.
    return ImmutableList.of(
        ConnectionDefault.of(
            family(),
            "io.netty.channel.EventLoopGroup",
            0,
            "an event loop group opens no connections"));
  }
}
