package io.github.leakguard.bugpatterns;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;
import static com.google.errorprone.BugPattern.StandardTags.PERFORMANCE;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import io.github.leakguard.Documentation;
import io.github.leakguard.analysis.ArgumentValues;
import io.github.leakguard.analysis.ConfigurationCalls;
import io.github.leakguard.analysis.PoolSettings;
import io.github.leakguard.catalog.IdleSetting;
import io.github.leakguard.catalog.Parameter;
import io.github.leakguard.fixes.SettingValues;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import javax.inject.Inject;

/** Flags pools whose idle connections never expire, or outlive the MaxIdle threshold. */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "Idle pooled connections are kept forever or longer than the idle threshold",
    explanation =
        "A function is frozen between invocations, sometimes for minutes, while servers, load"
            + " balancers and NAT gateways drop idle connections. A pool that keeps idle"
            + " connections longer than that hands the next invocation a dead socket, which fails"
            + " with a connection reset. Expire idle connections before the upstream does.",
    severity = WARNING,
    linkType = CUSTOM,
    link = Documentation.BUG_PATTERN_BASE + "MissingIdleTimeout.md",
    tags = PERFORMANCE)
public final class MissingIdleTimeout extends CallCheck {

  private static final Parameter TIME_UNIT = Parameter.first("java.util.concurrent.TimeUnit");

  private final Duration maxIdle;

  public MissingIdleTimeout() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  MissingIdleTimeout(ErrorProneFlags flags) {
    super(flags);
    this.maxIdle = options.maxIdle();
  }

  @Override
  Description matchCall(ExpressionTree tree, VisitorState state) {
    for (IdleSetting setting : PoolSettings.idleSettings(tree, state)) {
      Optional<ExpressionTree> argument = ArgumentValues.argument(tree, setting.argument(), state);
      Optional<String> problem = argument.flatMap(a -> problem(tree, a, setting, state));
      if (problem.isPresent()) {
        return buildDescription(tree)
            .setMessage(
                String.format(
                    "%s %s (%s); a function frozen between invocations wakes to pooled"
                        + " connections the server closed long ago, and its next call fails with a"
                        + " connection reset. Expire idle connections within %s (the MaxIdle"
                        + " option), below the upstream's own idle timeout.",
                    CallText.setting(tree, argument.get()),
                    problem.get(),
                    setting.family(),
                    maxIdle))
            .addFix(SettingValues.idle(tree, argument.get(), setting, maxIdle, state))
            .build();
      }
    }
    return Description.NO_MATCH;
  }

  /** What is wrong with the value, as the rest of a sentence, or empty when it is fine. */
  private Optional<String> problem(
      ExpressionTree call, ExpressionTree argument, IdleSetting setting, VisitorState state) {
    if (setting.unit() == IdleSetting.Unit.REAPER_SWITCH) {
      return ArgumentValues.booleanValue(argument, state)
          .filter(on -> !on)
          .map(
              off ->
                  "turns the " + setting.meaning() + " off, so idle connections are never evicted");
    }
    Optional<Duration> value = duration(call, argument, setting, state);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Duration duration = value.get();
    if (isNever(duration, setting.never())) {
      // A connection that may live forever is still dropped once idle, when its pool says so.
      return setting.thresholdApplies() || !idleExpiryBeside(state)
          ? Optional.of("sets the " + setting.meaning() + " to never expire")
          : Optional.empty();
    }
    if (setting.thresholdApplies() && duration.compareTo(maxIdle) > 0) {
      return Optional.of(
          "sets the " + setting.meaning() + " to " + duration + ", longer than " + maxIdle);
    }
    return Optional.empty();
  }

  /** Whether the same configuration also expires idle connections within the threshold. */
  private boolean idleExpiryBeside(VisitorState state) {
    for (MethodInvocationTree sibling : ConfigurationCalls.siblings(state.getPath(), state)) {
      for (IdleSetting setting : PoolSettings.idleSettings(sibling, state)) {
        if (!setting.thresholdApplies() || setting.unit() == IdleSetting.Unit.REAPER_SWITCH) {
          continue;
        }
        Optional<Duration> value =
            ArgumentValues.argument(sibling, setting.argument(), state)
                .flatMap(a -> duration(sibling, a, setting, state));
        if (value.isPresent()
            && !isNever(value.get(), setting.never())
            && value.get().compareTo(maxIdle) <= 0) {
          return true;
        }
      }
    }
    return false;
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
}
