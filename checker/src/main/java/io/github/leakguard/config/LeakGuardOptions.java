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
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * LeakGuard's options, given as {@code -XepOpt:LeakGuard:<Name>=<value>} and read once per check
 * from {@link ErrorProneFlags}. This class is their one definition (name, default, parser, the
 * values accepted): the checks read it, and the Maven gate asks it for its verdict on the values a
 * user configured before any analysis, so the two can never disagree. A value that does not parse,
 * or a {@code LeakGuard:} option that does not exist, becomes a {@link #problems() problem} that
 * the checks report as a compile error, since a silently ignored option is a check silently off.
 */
public final class LeakGuardOptions {

  public static final String PREFIX = "LeakGuard:";

  /** One option: its name, what it accepts (for messages), its default and its parser. */
  private record Option<T>(
      String name, String accepted, T defaultValue, Function<String, T> parser) {
    T read(ErrorProneFlags flags, List<Problem> problems) {
      String raw = flags.get(PREFIX + name).orElse(null);
      if (raw == null) {
        return defaultValue;
      }
      try {
        return parser.apply(raw.trim());
      } catch (IllegalArgumentException | DateTimeParseException e) {
        problems.add(new Problem(name, raw, accepted));
        return defaultValue;
      }
    }
  }

  /**
   * What is wrong with one option.
   *
   * @param option the option's name, without the prefix ({@code FdBudget}), or the unknown name
   * @param value the value given
   * @param accepted what the option accepts, or the list of options for an unknown one
   */
  public record Problem(String option, String value, String accepted) {
    /** One sentence, as the compile error and the Maven gate show it. */
    public String message() {
      if (!OPTIONS.containsKey(option)) {
        return "unknown option -XepOpt:"
            + PREFIX
            + option
            + "; LeakGuard's options are "
            + accepted;
      }
      return "-XepOpt:" + PREFIX + option + "=" + value + " is not valid; it takes " + accepted;
    }
  }

  private static final Pattern QUALIFIED_NAME =
      Pattern.compile(
          "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*"
              + "(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*");

  /** {@code com.example.App}, {@code com.example.Jobs$Nightly}, optionally {@code ::method}. */
  private static final Pattern HANDLER_METHOD =
      Pattern.compile(
          QUALIFIED_NAME.pattern()
              + "(::[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)?");

  private static final Option<ImmutableSet<String>> HANDLER_TYPES =
      new Option<>(
          "HandlerTypes",
          "a comma-separated list of fully qualified type names",
          ImmutableSet.of(),
          raw -> names(raw, QUALIFIED_NAME));

  private static final Option<ImmutableSet<String>> HANDLER_ANNOTATIONS =
      new Option<>(
          "HandlerAnnotations",
          "a comma-separated list of fully qualified annotation names",
          ImmutableSet.of(),
          raw -> names(raw, QUALIFIED_NAME));

  private static final Option<ImmutableSet<String>> HANDLER_METHODS =
      new Option<>(
          "HandlerMethods",
          "a comma-separated list of handlers as a deployment template names them:"
              + " com.example.App::handleRequest, or a class name (its handleRequest methods)",
          ImmutableSet.of(),
          raw -> names(raw, HANDLER_METHOD));

  private static final Option<Integer> FD_BUDGET =
      new Option<>(
          "FdBudget",
          "a whole number from 1 to 1048576 (default 1024)",
          1024,
          LeakGuardOptions::parseBudget);

  private static final Option<Duration> MAX_IDLE =
      new Option<>(
          "MaxIdle",
          "an ISO-8601 duration such as PT5M (default PT5M)",
          Duration.ofMinutes(5),
          LeakGuardOptions::parseDuration);

  private static final Option<Boolean> STRICT_STATEMENT_OWNERSHIP =
      new Option<>(
          "StrictStatementOwnership",
          "true or false (default false)",
          false,
          LeakGuardOptions::parseBoolean);

  /** Every option, with the values it accepts. */
  public static final ImmutableMap<String, String> OPTIONS =
      ImmutableList.of(
              HANDLER_TYPES,
              HANDLER_ANNOTATIONS,
              HANDLER_METHODS,
              FD_BUDGET,
              MAX_IDLE,
              STRICT_STATEMENT_OWNERSHIP)
          .stream()
          .collect(ImmutableMap.toImmutableMap(Option::name, Option::accepted));

  private final ImmutableSet<String> handlerTypes;
  private final ImmutableSet<String> handlerAnnotations;
  private final ImmutableSet<String> handlerMethods;
  private final int fdBudget;
  private final Duration maxIdle;
  private final boolean strictStatementOwnership;
  private final ImmutableList<Problem> problems;

  private LeakGuardOptions(ErrorProneFlags flags) {
    List<Problem> problems = new ArrayList<>();
    String known = String.join(", ", OPTIONS.keySet().stream().map(o -> PREFIX + o).toList());
    for (Map.Entry<String, String> flag : flags.getFlagsMap().entrySet()) {
      String name = flag.getKey();
      if (name.startsWith(PREFIX) && !OPTIONS.containsKey(name.substring(PREFIX.length()))) {
        problems.add(new Problem(name.substring(PREFIX.length()), flag.getValue(), known));
      }
    }
    this.handlerTypes = HANDLER_TYPES.read(flags, problems);
    this.handlerAnnotations = HANDLER_ANNOTATIONS.read(flags, problems);
    this.handlerMethods = HANDLER_METHODS.read(flags, problems);
    this.fdBudget = FD_BUDGET.read(flags, problems);
    this.maxIdle = MAX_IDLE.read(flags, problems);
    this.strictStatementOwnership = STRICT_STATEMENT_OWNERSHIP.read(flags, problems);
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

  /**
   * Handlers named the way a deployment template names them ({@code com.example.App::handle} or
   * {@code com.example.App}): the Lambda runtime calls them although no type or annotation says so.
   */
  public ImmutableSet<String> handlerMethods() {
    return handlerMethods;
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

  /** What is wrong with the options given, one per bad option; empty when all is well. */
  public ImmutableList<Problem> problems() {
    return problems;
  }

  private static ImmutableSet<String> names(String raw, Pattern valid) {
    ImmutableSet.Builder<String> names = ImmutableSet.builder();
    for (String name : Splitter.on(',').trimResults().omitEmptyStrings().split(raw)) {
      if (!valid.matcher(name).matches()) {
        throw new IllegalArgumentException(name);
      }
      names.add(name);
    }
    return names.build();
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
    return switch (raw.toLowerCase(Locale.ROOT)) {
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
            "handlerMethods", handlerMethods,
            "fdBudget", fdBudget,
            "maxIdle", maxIdle)
        .toString();
  }
}
