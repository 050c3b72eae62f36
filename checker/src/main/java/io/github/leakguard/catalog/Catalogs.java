package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableList;
import java.util.function.Function;

/** Every library family LeakGuard knows, in a fixed order. */
public final class Catalogs {

  /** The families, in the order their entries are tried and reported. */
  public static final ImmutableList<LibraryCatalog> ALL =
      ImmutableList.of(
          new AwsSdkV2Catalog(),
          new AwsSdkV1Catalog(),
          new JavaNetHttpCatalog(),
          new ApacheHttpClient4Catalog(),
          new ApacheHttpClient5Catalog(),
          new OkHttpCatalog(),
          new NettyCatalog(),
          new AwsCrtCatalog(),
          new ReactorNettyCatalog(),
          new VertxCatalog(),
          new JdbcPoolCatalog(),
          new JdbcCatalog(),
          new JavaNetCatalog(),
          new RedisCatalog(),
          new MongoCatalog(),
          new GrpcCatalog(),
          new CloseHelpersCatalog());

  /** Every client kind of every family. */
  public static final ImmutableList<ClientKind> CLIENTS = flatten(LibraryCatalog::clients);

  /** Every resource kind of every family. */
  public static final ImmutableList<ResourceKind> RESOURCES = flatten(LibraryCatalog::resources);

  /** Every release helper of every family. */
  public static final ImmutableList<MethodRef> RELEASE_HELPERS =
      flatten(LibraryCatalog::releaseHelpers);

  /** Every pool bound of every family. */
  public static final ImmutableList<PoolBound> POOL_BOUNDS = flatten(LibraryCatalog::poolBounds);

  /** Every call that builds an unbounded pool, of every family. */
  public static final ImmutableList<UnboundedPool> UNBOUNDED_POOLS =
      flatten(LibraryCatalog::unboundedPools);

  /** Every idle-connection setting of every family. */
  public static final ImmutableList<IdleSetting> IDLE_SETTINGS =
      flatten(LibraryCatalog::idleSettings);

  /** Every documented default maximum, of every family. */
  public static final ImmutableList<ConnectionDefault> CONNECTION_DEFAULTS =
      flatten(LibraryCatalog::connectionDefaults);

  /** Every library duration type, of every family. */
  public static final ImmutableList<DurationType> DURATION_TYPES =
      flatten(LibraryCatalog::durationTypes);

  private static <T> ImmutableList<T> flatten(Function<LibraryCatalog, ImmutableList<T>> entries) {
    return ALL.stream()
        .flatMap(catalog -> entries.apply(catalog).stream())
        .collect(ImmutableList.toImmutableList());
  }

  private Catalogs() {}
}
