package io.github.leakguard.analysis;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.sun.source.tree.ExpressionTree;
import io.github.leakguard.analysis.CatalogIndex.Role;
import io.github.leakguard.catalog.Catalogs;
import io.github.leakguard.catalog.IdleSetting;
import io.github.leakguard.catalog.Parameter;
import io.github.leakguard.catalog.PoolBound;
import io.github.leakguard.catalog.UnboundedPool;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The calls that configure a connection pool, from the pool bounds, unbounded pools and idle
 * settings of {@link Catalogs} (matched by {@link CatalogIndex}), with the values they state read
 * in the library's own terms: checks get a number, "no limit", a duration or "never", and keep only
 * their thresholds and messages.
 */
public final class PoolSettings {

  private static final Parameter TIME_UNIT = Parameter.first("java.util.concurrent.TimeUnit");

  /**
   * A pool bound a call states.
   *
   * @param bound the catalog entry
   * @param argument the argument that carries it
   * @param value its value, when a constant
   */
  public record StatedBound(PoolBound bound, ExpressionTree argument, OptionalLong value) {

    /** Whether the value is one the library documents as "no limit". */
    public boolean unlimited() {
      return value.isPresent() && bound.unlimited().isUnlimited(value.getAsLong());
    }
  }

  /** What an idle setting's value means. */
  public enum Expiry {
    /** Idle connections expire after {@link StatedIdle#duration}. */
    AFTER,
    /** They never expire: the library's "never" value, or one at or near the maximum. */
    NEVER,
    /** The setting's reaper, which evicts idle connections, is switched off. */
    REAPER_OFF
  }

  /**
   * An idle setting a call states, with a value known at compile time.
   *
   * @param setting the catalog entry
   * @param argument the argument that carries it
   * @param expiry what the value means
   * @param duration the time after which idle connections expire, for {@link Expiry#AFTER}
   */
  public record StatedIdle(
      IdleSetting setting, ExpressionTree argument, Expiry expiry, Optional<Duration> duration) {

    /** Whether idle connections expire within {@code max} by this setting's value. */
    public boolean expiresWithin(Duration max) {
      return expiry == Expiry.AFTER && duration.orElseThrow().compareTo(max) <= 0;
    }
  }

  /** Whether {@code call} sets a pool bound or builds an unbounded pool. */
  public static boolean configuresPool(ExpressionTree call, VisitorState state) {
    CatalogIndex.Matches matches = CatalogIndex.of(call, state);
    return matches.hasAny(Role.POOL_BOUND) || matches.hasAny(Role.UNBOUNDED_POOL);
  }

  /**
   * The pool bounds that {@code call} states (a constructor may state several), each with its
   * value; an overload without the bound's argument states none.
   */
  public static ImmutableList<StatedBound> bounds(ExpressionTree call, VisitorState state) {
    ImmutableList<PoolBound> bounds = CatalogIndex.of(call, state).get(Role.POOL_BOUND);
    if (bounds.isEmpty()) {
      return ImmutableList.of();
    }
    ImmutableList.Builder<StatedBound> stated = ImmutableList.builder();
    for (PoolBound bound : bounds) {
      ArgumentValues.argument(call, bound.argument(), state)
          .ifPresent(
              argument ->
                  stated.add(
                      new StatedBound(bound, argument, ArgumentValues.longValue(argument, state))));
    }
    return stated.build();
  }

  /** The unbounded pools that {@code call} builds. */
  public static ImmutableList<UnboundedPool> unbounded(ExpressionTree call, VisitorState state) {
    return CatalogIndex.of(call, state).get(Role.UNBOUNDED_POOL);
  }

  /** The idle settings that {@code call} states with a value known at compile time. */
  public static ImmutableList<StatedIdle> idleSettings(ExpressionTree call, VisitorState state) {
    ImmutableList<IdleSetting> settings = CatalogIndex.of(call, state).get(Role.IDLE_SETTING);
    if (settings.isEmpty()) {
      return ImmutableList.of();
    }
    ImmutableList.Builder<StatedIdle> stated = ImmutableList.builder();
    for (IdleSetting setting : settings) {
      ArgumentValues.argument(call, setting.argument(), state)
          .flatMap(argument -> read(call, argument, setting, state))
          .ifPresent(stated::add);
    }
    return stated.build();
  }

  private static Optional<StatedIdle> read(
      ExpressionTree call, ExpressionTree argument, IdleSetting setting, VisitorState state) {
    if (setting.unit() == IdleSetting.Unit.REAPER_SWITCH) {
      return ArgumentValues.booleanValue(argument, state)
          .filter(on -> !on)
          .map(off -> new StatedIdle(setting, argument, Expiry.REAPER_OFF, Optional.empty()));
    }
    return duration(call, argument, setting, state)
        .map(
            value ->
                isNever(value, setting.never())
                    ? new StatedIdle(setting, argument, Expiry.NEVER, Optional.empty())
                    : new StatedIdle(setting, argument, Expiry.AFTER, Optional.of(value)));
  }

  private static Optional<Duration> duration(
      ExpressionTree call, ExpressionTree argument, IdleSetting setting, VisitorState state) {
    return switch (setting.unit()) {
      case DURATION -> ArgumentValues.durationValue(argument, state);
      case MILLISECONDS -> ArgumentValues.durationValue(argument, ChronoUnit.MILLIS, state);
      case SECONDS -> ArgumentValues.durationValue(argument, ChronoUnit.SECONDS, state);
      case LONG_WITH_TIME_UNIT ->
          ArgumentValues.argument(call, TIME_UNIT, state)
              .flatMap(unit -> ArgumentValues.durationValue(argument, unit, state));
      case REAPER_SWITCH -> Optional.empty();
    };
  }

  private static boolean isNever(Duration value, IdleSetting.Never never) {
    // Values at or near Long.MAX_VALUE of any unit are how callers write "forever".
    if (value.compareTo(Duration.ofMillis(Integer.MAX_VALUE).multipliedBy(1000)) >= 0) {
      return true;
    }
    return switch (never) {
      case NONE -> false;
      case NEGATIVE -> value.isNegative();
      case ZERO_OR_NEGATIVE -> value.isNegative() || value.isZero();
      case ZERO -> value.isZero();
    };
  }

  private PoolSettings() {}
}
