package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;

/** Redis clients: Jedis and Lettuce. */
public final class RedisCatalog implements LibraryCatalog {

  @Override
  public String family() {
    return "Redis";
  }

  @Override
  public ImmutableList<ClientKind> clients() {
    return ImmutableList.of(
        ClientKind.builder(family(), "Jedis client", "redis.clients.jedis.UnifiedJedis")
            .constructors()
            .build(),
        ClientKind.builder(family(), "Jedis pool", "redis.clients.jedis.util.Pool")
            .constructors()
            .build(),
        ClientKind.builder(family(), "Jedis connection", "redis.clients.jedis.Jedis")
            .constructors()
            .build(),
        ClientKind.builder(family(), "Lettuce client", "io.lettuce.core.AbstractRedisClient")
            .factories(MethodRef.methods("io.lettuce.core.AbstractRedisClient", "create"))
            .build());
  }
}
