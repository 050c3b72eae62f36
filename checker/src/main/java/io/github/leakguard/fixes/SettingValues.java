package io.github.leakguard.fixes;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import io.github.leakguard.analysis.ArgumentValues;
import io.github.leakguard.catalog.DurationType;
import io.github.leakguard.catalog.IdleSetting;
import io.github.leakguard.catalog.Parameter;
import io.github.leakguard.catalog.PoolBound;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Fixes that give a pool setting a safe value where the call that sets it is right there: the
 * argument is replaced, nothing else moves.
 *
 * <ul>
 *   <li>An idle timeout, keep-alive or eviction time that never expires or exceeds {@code MaxIdle}
 *       takes the {@code MaxIdle} value, written in the setting's own terms ({@code
 *       Duration.ofMinutes(5)}, {@code TimeValue.ofMinutes(5)}, {@code 5, TimeUnit.MINUTES}, {@code
 *       300_000} milliseconds); an idle reaper switched off is switched on. A time-to-live or a
 *       lifetime is not an idle timeout, and gets no fix: what it should be is the author's call.
 *   <li>A bound on the sockets of a pool that is unlimited or above {@code FdBudget} takes a
 *       quarter of the budget (256 of the default 1,024; the S3 incident's fix used 250), which
 *       leaves the rest to the function's other clients and files. A bound on waiting requests
 *       counts no socket and gets no fix.
 * </ul>
 */
public final class SettingValues {

  private static final Parameter TIME_UNIT = Parameter.first("java.util.concurrent.TimeUnit");

  /** The largest units first, so a value is written in the fewest digits. */
  private static final ChronoUnit[] UNITS = {
    ChronoUnit.DAYS,
    ChronoUnit.HOURS,
    ChronoUnit.MINUTES,
    ChronoUnit.SECONDS,
    ChronoUnit.MILLIS,
    ChronoUnit.MICROS,
    ChronoUnit.NANOS
  };

  /** The share of the descriptor budget one pool's bound is set to. */
  static final int BUDGET_SHARE = 4;

  /** The fix that sets the idle {@code setting} of {@code call} to {@code maxIdle}, if safe. */
  public static Optional<SuggestedFix> idle(
      ExpressionTree call,
      ExpressionTree argument,
      IdleSetting setting,
      Duration maxIdle,
      VisitorState state) {
    return Guard.orNone(() -> idleFix(call, argument, setting, maxIdle, state));
  }

  private static Optional<SuggestedFix> idleFix(
      ExpressionTree call,
      ExpressionTree argument,
      IdleSetting setting,
      Duration maxIdle,
      VisitorState state) {
    SuggestedFix.Builder fix =
        SuggestedFix.builder()
            .setShortDescription("Expire idle connections within MaxIdle (" + maxIdle + ")");
    switch (setting.unit()) {
      case REAPER_SWITCH -> {
        fix.setShortDescription("Turn the idle-connection reaper on");
        replace(fix, argument, "true", state);
      }
      case DURATION -> {
        if (!setting.thresholdApplies()) {
          return Optional.empty();
        }
        Optional<String> value = durationExpression(setting.argument().type(), maxIdle, fix, state);
        if (value.isEmpty()) {
          return Optional.empty();
        }
        replace(fix, argument, value.get(), state);
      }
      case MILLISECONDS, SECONDS -> {
        if (!setting.thresholdApplies()) {
          return Optional.empty();
        }
        long amount =
            setting.unit() == IdleSetting.Unit.SECONDS ? maxIdle.toSeconds() : maxIdle.toMillis();
        replace(fix, argument, literal(amount, setting.argument().type()), state);
      }
      case LONG_WITH_TIME_UNIT -> {
        Optional<ExpressionTree> unit = ArgumentValues.argument(call, TIME_UNIT, state);
        if (!setting.thresholdApplies() || unit.isEmpty()) {
          return Optional.empty();
        }
        Optional<ChronoUnit> current = timeUnit(unit.get(), state);
        ChronoUnit chosen =
            current.filter(u -> divides(u, maxIdle)).orElseGet(() -> largestDividing(maxIdle));
        if (chosen.compareTo(ChronoUnit.DAYS) > 0) {
          return Optional.empty();
        }
        replace(
            fix, argument, literal(amountIn(maxIdle, chosen), setting.argument().type()), state);
        if (current.isEmpty() || current.get() != chosen) {
          String timeUnit =
              SuggestedFixes.qualifyType(
                  state, fix, state.getSymbolFromString("java.util.concurrent.TimeUnit"));
          replace(fix, unit.get(), timeUnit + "." + TimeUnit.of(chosen).name(), state);
        }
      }
    }
    return Optional.of(fix.build());
  }

  /** The fix that sets the pool bound of {@code call} to a share of {@code budget}, if safe. */
  public static Optional<SuggestedFix> bound(
      ExpressionTree argument, PoolBound bound, int budget, VisitorState state) {
    return Guard.orNone(() -> boundFix(argument, bound, budget, state));
  }

  private static Optional<SuggestedFix> boundFix(
      ExpressionTree argument, PoolBound bound, int budget, VisitorState state) {
    if (!bound.meaning().countsSockets()) {
      return Optional.empty();
    }
    int value = Math.max(1, budget / BUDGET_SHARE);
    SuggestedFix.Builder fix =
        SuggestedFix.builder()
            .setShortDescription(
                "Bound the pool to " + value + ", a quarter of the descriptor budget");
    replace(fix, argument, literal(value, bound.argument().type()), state);
    return Optional.of(fix.build());
  }

  private static void replace(
      SuggestedFix.Builder fix, ExpressionTree tree, String text, VisitorState state) {
    Edits.replace(
        fix, Layout.of(state), ASTHelpers.getStartPosition(tree), state.getEndPosition(tree), text);
  }

  /** {@code Duration.ofMinutes(5)}: the type's factory of the largest unit that divides it. */
  private static Optional<String> durationExpression(
      String typeName, Duration value, SuggestedFix.Builder fix, VisitorState state) {
    Optional<DurationType> type =
        ArgumentValues.durationTypes().stream().filter(t -> t.type().equals(typeName)).findFirst();
    Type resolved = state.getTypeFromString(typeName);
    if (type.isEmpty() || resolved == null) {
      return Optional.empty();
    }
    return type.get().factories().entrySet().stream()
        .filter(factory -> divides(factory.getValue(), value))
        .max(Comparator.comparing(factory -> factory.getValue().getDuration()))
        .map(
            factory ->
                SuggestedFixes.qualifyType(state, fix, resolved.tsym)
                    + "."
                    + factory.getKey()
                    + "("
                    + amountIn(value, factory.getValue())
                    + ")");
  }

  private static Optional<ChronoUnit> timeUnit(ExpressionTree unit, VisitorState state) {
    if (ASTHelpers.getSymbol(ArgumentValues.strip(unit)) instanceof Symbol.VarSymbol constant
        && constant.owner.getQualifiedName().contentEquals("java.util.concurrent.TimeUnit")) {
      return Optional.of(TimeUnit.valueOf(constant.getSimpleName().toString()).toChronoUnit());
    }
    return Optional.empty();
  }

  private static ChronoUnit largestDividing(Duration value) {
    for (ChronoUnit unit : UNITS) {
      if (divides(unit, value)) {
        return unit;
      }
    }
    return ChronoUnit.FOREVER;
  }

  private static boolean divides(ChronoUnit unit, Duration value) {
    Duration size = unit.getDuration();
    return !unit.isDurationEstimated() && value.toNanos() % size.toNanos() == 0;
  }

  private static long amountIn(Duration value, ChronoUnit unit) {
    return value.toNanos() / unit.getDuration().toNanos();
  }

  /** A number as a person writes it: {@code 300_000}, and {@code 300L} for a {@code Long}. */
  private static String literal(long value, String parameterType) {
    String digits = Long.toString(value);
    if (value >= 10_000) {
      StringBuilder grouped = new StringBuilder();
      for (int i = 0; i < digits.length(); i++) {
        if (i > 0 && (digits.length() - i) % 3 == 0) {
          grouped.append('_');
        }
        grouped.append(digits.charAt(i));
      }
      digits = grouped.toString();
    }
    boolean needsLong = parameterType.equals("java.lang.Long") || value > Integer.MAX_VALUE;
    return needsLong ? digits + "L" : digits;
  }

  private SettingValues() {}
}
