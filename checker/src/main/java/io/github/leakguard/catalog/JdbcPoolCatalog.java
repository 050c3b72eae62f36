package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;
import io.github.leakguard.catalog.IdleSetting.Never;
import io.github.leakguard.catalog.IdleSetting.Unit;
import io.github.leakguard.catalog.PoolBound.Meaning;
import io.github.leakguard.catalog.PoolBound.Unlimited;
import io.github.leakguard.catalog.ResourceKind.Category;

/** JDBC connection pools: HikariCP, Commons DBCP2 and any other closeable {@code DataSource}. */
public final class JdbcPoolCatalog implements LibraryCatalog {

  @Override
  public String family() {
    return "JDBC pools";
  }

  @Override
  public ImmutableList<ClientKind> clients() {
    return ImmutableList.of(
        // A DataSource that must be closed owns connections: that is what a pool is. Plain
        // DataSources (PGSimpleDataSource and friends) are not closeable and hold nothing.
        ClientKind.builder(family(), "JDBC connection pool", "javax.sql.DataSource")
            .alsoSubtypeOf("java.lang.AutoCloseable")
            .constructors()
            .build());
  }

  private static final String HIKARI = "com.zaxxer.hikari.HikariConfig";
  private static final String DBCP = "org.apache.commons.dbcp2.BasicDataSource";

  @Override
  public ImmutableList<PoolBound> poolBounds() {
    Parameter size = Parameter.first("int");
    return ImmutableList.of(
        // HikariCP rejects sizes below 1.
        new PoolBound(
            family(),
            MethodRef.method(HIKARI, "setMaximumPoolSize"),
            size,
            Meaning.POOL_SIZE,
            Unlimited.MAX_VALUE_ONLY),
        // DBCP documents a negative maxTotal as "no limit".
        new PoolBound(
            family(),
            MethodRef.method(DBCP, "setMaxTotal"),
            size,
            Meaning.POOL_SIZE,
            Unlimited.NEGATIVE));
  }

  // Database connections live long by design; only "never retired" is a finding here, since a
  // frozen function then wakes to connections the server has long dropped. HikariCP's
  // setIdleTimeout(0) is not "never": maxLifetime still retires idle connections.
  @Override
  public ImmutableList<IdleSetting> idleSettings() {
    Parameter millis = Parameter.first("long");
    return ImmutableList.of(
        new IdleSetting(
            family(),
            MethodRef.method(HIKARI, "setMaxLifetime"),
            millis,
            Unit.MILLISECONDS,
            Never.ZERO,
            false,
            "connection maximum lifetime"));
  }

  @Override
  public ImmutableList<ConnectionDefault> connectionDefaults() {
    return ImmutableList.of(
        ConnectionDefault.of(family(), HIKARI, 10, "HikariCP default maximumPoolSize"),
        ConnectionDefault.of(family(), DBCP, 8, "DBCP default maxTotal"));
  }

  // A pool built in a method and never closed keeps its connections open after the method.
  @Override
  public ImmutableList<ResourceKind> resources() {
    return ImmutableList.of(
        ResourceKind.builder(
                family(),
                "HikariCP pool",
                Category.CONNECTION,
                "com.zaxxer.hikari.HikariDataSource")
            .constructors()
            .transferredByPassing()
            .build(),
        ResourceKind.builder(family(), "Commons DBCP2 pool", Category.CONNECTION, DBCP)
            .constructors()
            .transferredByPassing()
            .build());
  }
}
