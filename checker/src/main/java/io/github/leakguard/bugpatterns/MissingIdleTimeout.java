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
import io.github.leakguard.analysis.ConfigurationCalls;
import io.github.leakguard.analysis.PoolSettings;
import io.github.leakguard.analysis.PoolSettings.StatedIdle;
import io.github.leakguard.catalog.IdleSetting;
import io.github.leakguard.fixes.SettingValues;
import java.time.Duration;
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
    for (StatedIdle stated : PoolSettings.idleSettings(tree, state)) {
      Optional<String> problem = problem(stated, state);
      if (problem.isPresent()) {
        IdleSetting setting = stated.setting();
        return buildDescription(tree)
            .setMessage(
                String.format(
                    "%s %s (%s); a function frozen between invocations wakes to pooled"
                        + " connections the server closed long ago, and its next call fails with a"
                        + " connection reset. Expire idle connections within %s (the MaxIdle"
                        + " option), below the upstream's own idle timeout.",
                    CallText.setting(tree, stated.argument()),
                    problem.get(),
                    setting.family(),
                    maxIdle))
            .addFix(SettingValues.idle(tree, stated.argument(), setting, maxIdle, state))
            .build();
      }
    }
    return Description.NO_MATCH;
  }

  /** What is wrong with the value, as the rest of a sentence, or empty when it is fine. */
  private Optional<String> problem(StatedIdle stated, VisitorState state) {
    IdleSetting setting = stated.setting();
    return switch (stated.expiry()) {
      case REAPER_OFF ->
          Optional.of(
              "turns the " + setting.meaning() + " off, so idle connections are never evicted");
      // A connection that may live forever is still dropped once idle, when its pool says so.
      case NEVER ->
          setting.thresholdApplies() || !idleExpiryBeside(state)
              ? Optional.of("sets the " + setting.meaning() + " to never expire")
              : Optional.empty();
      case AFTER ->
          setting.thresholdApplies() && !stated.expiresWithin(maxIdle)
              ? Optional.of(
                  "sets the "
                      + setting.meaning()
                      + " to "
                      + stated.duration().orElseThrow()
                      + ", longer than "
                      + maxIdle)
              : Optional.empty();
    };
  }

  /** Whether the same configuration also expires idle connections within the threshold. */
  private boolean idleExpiryBeside(VisitorState state) {
    for (MethodInvocationTree sibling : ConfigurationCalls.siblings(state.getPath(), state)) {
      for (StatedIdle stated : PoolSettings.idleSettings(sibling, state)) {
        if (stated.setting().thresholdApplies() && stated.expiresWithin(maxIdle)) {
          return true;
        }
      }
    }
    return false;
  }
}
