package io.github.leakguard.catalog;

import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * A library's own duration type, so that settings taking one can be read: its static factories
 * ({@code TimeValue.ofMinutes(5)}), its {@code (long, TimeUnit)} factory and its named constants.
 *
 * @param type the fully qualified type
 * @param factories static single-{@code long} factories and the unit each takes
 * @param longAndTimeUnitFactory the static {@code (long, TimeUnit)} factory's name, or empty
 * @param constants static constants and their value
 */
public record DurationType(
    String type,
    ImmutableMap<String, ChronoUnit> factories,
    String longAndTimeUnitFactory,
    ImmutableMap<String, Duration> constants) {}
