package io.github.leakguard.catalog;

/**
 * A setting that decides how long a pooled connection may sit idle (or live) before the pool drops
 * it.
 *
 * @param family the library family, for messages
 * @param method the method or constructor that sets it
 * @param argument which argument carries the setting
 * @param unit how to read that argument
 * @param never which values the library documents as "never expires"
 * @param thresholdApplies whether a finite value above the {@code MaxIdle} option is a finding too;
 *     false for time-to-live and lifetime settings (a connection's maximum age is not how long it
 *     sits idle: the idle timeout or eviction beside it decides that), so only "never" counts
 * @param meaning what the setting is, in a message ("idle-connection timeout")
 */
public record IdleSetting(
    String family,
    MethodRef method,
    Parameter argument,
    Unit unit,
    Never never,
    boolean thresholdApplies,
    String meaning) {

  /** How the argument states a time. */
  public enum Unit {
    /** A duration object: {@code java.time.Duration} or a catalogued {@link DurationType}. */
    DURATION,
    /** A {@code long} read with the call's first {@code java.util.concurrent.TimeUnit} argument. */
    LONG_WITH_TIME_UNIT,
    MILLISECONDS,
    SECONDS,
    /** A boolean that turns idle eviction on; {@code false} means idle connections are kept. */
    REAPER_SWITCH
  }

  /** The values a library documents as "never expires", besides those at or near the maximum. */
  public enum Never {
    NONE,
    NEGATIVE,
    ZERO_OR_NEGATIVE,
    ZERO
  }
}
