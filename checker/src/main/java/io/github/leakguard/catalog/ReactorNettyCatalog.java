package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;
import io.github.leakguard.catalog.IdleSetting.Never;
import io.github.leakguard.catalog.IdleSetting.Unit;
import io.github.leakguard.catalog.PoolBound.Meaning;
import io.github.leakguard.catalog.PoolBound.Unlimited;

/** Reactor Netty's connection pools ({@code reactor.netty.resources.ConnectionProvider}). */
public final class ReactorNettyCatalog implements LibraryCatalog {
  private static final String PROVIDER = "reactor.netty.resources.ConnectionProvider";
  private static final String SPEC = PROVIDER + ".ConnectionPoolSpec";

  @Override
  public String family() {
    return "Reactor Netty";
  }

  @Override
  public ImmutableList<ClientKind> clients() {
    return ImmutableList.of(
        ClientKind.builder(family(), "Reactor Netty connection pool", PROVIDER)
            .factories(MethodRef.methods(PROVIDER, "create"))
            .builtBy(MethodRef.method(PROVIDER + ".Builder", "build"))
            .build());
  }

  @Override
  public ImmutableList<PoolBound> poolBounds() {
    Parameter count = Parameter.first("int");
    return ImmutableList.of(
        // The pool rejects maxConnections below 1; pendingAcquireMaxCount(-1) means "no limit".
        new PoolBound(
            family(),
            MethodRef.method(SPEC, "maxConnections"),
            count,
            Meaning.MAX_TOTAL,
            Unlimited.MAX_VALUE_ONLY),
        new PoolBound(
            family(),
            MethodRef.method(PROVIDER, "create"),
            count,
            Meaning.MAX_TOTAL,
            Unlimited.MAX_VALUE_ONLY),
        new PoolBound(
            family(),
            MethodRef.method(SPEC, "pendingAcquireMaxCount"),
            count,
            Meaning.PENDING_ACQUIRES,
            Unlimited.NEGATIVE));
  }

  @Override
  public ImmutableList<UnboundedPool> unboundedPools() {
    return ImmutableList.of(
        new UnboundedPool(
            family(),
            MethodRef.method(PROVIDER, "newConnection"),
            "ConnectionProvider.newConnection() pools nothing and bounds nothing: every request"
                + " opens a new connection",
            "use ConnectionProvider.builder(name).maxConnections(n) with n well under the budget"));
  }

  @Override
  public ImmutableList<IdleSetting> idleSettings() {
    Parameter duration = Parameter.first("java.time.Duration");
    return ImmutableList.of(
        // Reactor Netty reads a negative duration as "no maximum".
        new IdleSetting(
            family(),
            MethodRef.method(SPEC, "maxIdleTime"),
            duration,
            Unit.DURATION,
            Never.NEGATIVE,
            true,
            "idle-connection timeout"),
        new IdleSetting(
            family(),
            MethodRef.method(SPEC, "maxLifeTime"),
            duration,
            Unit.DURATION,
            Never.NEGATIVE,
            false,
            "connection maximum lifetime"));
  }

  @Override
  public ImmutableList<ConnectionDefault> connectionDefaults() {
    // DEFAULT_POOL_MAX_CONNECTIONS is max(processors, 8) * 2: 16 on Lambda's at most 6 vCPUs.
    return ImmutableList.of(
        ConnectionDefault.of(
            family(),
            PROVIDER,
            16,
            "ConnectionProvider default maxConnections (max(CPUs, 8) × 2)"));
  }
}
