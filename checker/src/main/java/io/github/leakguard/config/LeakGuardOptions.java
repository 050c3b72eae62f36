package io.github.leakguard.config;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.ErrorProneFlags;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * LeakGuard's options, given as {@code -XepOpt:LeakGuard:<Name>=<value>} and read once per check
 * from {@link ErrorProneFlags}. Every option is known here; a value that does not parse, or a
 * {@code LeakGuard:} option that does not exist, becomes a {@link #problems() problem} that the
 * checks report as a compile error, since a silently ignored option is a check silently off.
 */
public final class LeakGuardOptions {

  public static final String PREFIX = "LeakGuard:";

  /** Every option, with the values it accepts, for the error message of a bad one. */
  public static final ImmutableMap<String, String> OPTIONS =
      ImmutableMap.of(
          "HandlerTypes", "a comma-separated list of fully qualified type names",
          "HandlerAnnotations", "a comma-separated list of fully qualified annotation names",
          "FdBudget", "a whole number from 1 to 1048576 (default 1024)",
          "MaxIdle", "an ISO-8601 duration such as PT5M (default PT5M)",
          "StrictStatementOwnership", "true or false (default false)");

  private static final Pattern QUALIFIED_NAME =
      Pattern.compile(
          "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*"
              + "(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*");

  private final ImmutableSet<String> handlerTypes;
  private final ImmutableSet<String> handlerAnnotations;
  private final int fdBudget;
  private final Duration maxIdle;
  private final boolean strictStatementOwnership;
  private final ImmutableList<String> problems;

  private LeakGuardOptions(ErrorProneFlags flags) {
    List<String> problems = new ArrayList<>();
    for (String name : flags.getFlagsMap().keySet()) {
      if (name.startsWith(PREFIX) && !OPTIONS.containsKey(name.substring(PREFIX.length()))) {
        problems.add(
            "unknown option -XepOpt:"
                + name
                + "; LeakGuard's options are "
                + String.join(", ", OPTIONS.keySet().stream().map(o -> PREFIX + o).toList()));
      }
    }
    this.handlerTypes = names(flags, "HandlerTypes", problems);
    this.handlerAnnotations = names(flags, "HandlerAnnotations", problems);
    this.fdBudget = parse(flags, "FdBudget", 1024, LeakGuardOptions::parseBudget, problems);
    this.maxIdle =
        parse(flags, "MaxIdle", Duration.ofMinutes(5), LeakGuardOptions::parseDuration, problems);
    this.strictStatementOwnership =
        parse(flags, "StrictStatementOwnership", false, LeakGuardOptions::parseBoolean, problems);
    this.problems = ImmutableList.copyOf(problems);
  }

  public static LeakGuardOptions from(ErrorProneFlags flags) {
    return new LeakGuardOptions(flags);
  }

  public static LeakGuardOptions defaults() {
    return new LeakGuardOptions(ErrorProneFlags.empty());
  }

  /** Extra handler supertypes: methods overriding their methods are handlers. */
  public ImmutableSet<String> handlerTypes() {
    return handlerTypes;
  }

  /** Extra annotations that mark a method as a handler. */
  public ImmutableSet<String> handlerAnnotations() {
    return handlerAnnotations;
  }

  /** The file descriptors a function may spend on connections. */
  public int fdBudget() {
    return fdBudget;
  }

  /** The longest idle time a pooled connection may be kept. */
  public Duration maxIdle() {
    return maxIdle;
  }

  /** Whether a statement must be closed itself even when its connection is closed. */
  public boolean strictStatementOwnership() {
    return strictStatementOwnership;
  }

  /** What is wrong with the options given, one sentence each; empty when all is well. */
  public ImmutableList<String> problems() {
    return problems;
  }

  private static ImmutableSet<String> names(
      ErrorProneFlags flags, String option, List<String> problems) {
    String raw = flags.get(PREFIX + option).orElse("");
    ImmutableSet.Builder<String> names = ImmutableSet.builder();
    for (String name : Splitter.on(',').trimResults().omitEmptyStrings().split(raw)) {
      if (QUALIFIED_NAME.matcher(name).matches()) {
        names.add(name);
      } else {
        problems.add(bad(option, name));
      }
    }
    return names.build();
  }

  private static <T> T parse(
      ErrorProneFlags flags,
      String option,
      T defaultValue,
      Function<String, T> parser,
      List<String> problems) {
    String raw = flags.get(PREFIX + option).orElse(null);
    if (raw == null) {
      return defaultValue;
    }
    try {
      return parser.apply(raw.trim());
    } catch (IllegalArgumentException | DateTimeParseException e) {
      problems.add(bad(option, raw));
      return defaultValue;
    }
  }

  private static String bad(String option, String value) {
    return "-XepOpt:"
        + PREFIX
        + option
        + "="
        + value
        + " is not valid; it takes "
        + OPTIONS.get(option);
  }

  private static Integer parseBudget(String raw) {
    int value = Integer.parseInt(raw);
    if (value < 1 || value > 1_048_576) {
      throw new IllegalArgumentException(raw);
    }
    return value;
  }

  private static Duration parseDuration(String raw) {
    Duration value = Duration.parse(raw);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(raw);
    }
    return value;
  }

  private static Boolean parseBoolean(String raw) {
    return switch (raw.toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(raw);
    };
  }

  @Override
  public String toString() {
    return Map.of(
            "handlerTypes", handlerTypes,
            "handlerAnnotations", handlerAnnotations,
            "fdBudget", fdBudget,
            "maxIdle", maxIdle)
        .toString();
  }
}
