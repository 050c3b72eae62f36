package io.github.leakguard.analysis;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.github.leakguard.catalog.Catalogs;
import io.github.leakguard.catalog.DurationType;
import io.github.leakguard.catalog.Parameter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What value an argument has, when the compiler can know it: compile-time constants, final
 * variables with such initializers, {@code Integer.MAX_VALUE}, {@code Duration.ofMinutes(5)},
 * {@code Duration.ZERO}, a {@code long} with its {@code TimeUnit}, and the catalogued library
 * duration types. A value read from the environment, a parameter or a call the analysis does not
 * know is unknown (empty), and checks stay silent about it.
 */
public final class ArgumentValues {

  /** How many variables to follow before giving up (a cycle cannot compile, but be safe). */
  private static final int MAX_HOPS = 8;

  private static final DurationType JAVA_TIME =
      new DurationType(
          "java.time.Duration",
          ImmutableMap.of(
              "ofNanos", ChronoUnit.NANOS,
              "ofMillis", ChronoUnit.MILLIS,
              "ofSeconds", ChronoUnit.SECONDS,
              "ofMinutes", ChronoUnit.MINUTES,
              "ofHours", ChronoUnit.HOURS,
              "ofDays", ChronoUnit.DAYS),
          "",
          ImmutableMap.of("ZERO", Duration.ZERO));

  private static final ImmutableList<DurationType> DURATION_TYPES =
      ImmutableList.<DurationType>builder().add(JAVA_TIME).addAll(Catalogs.DURATION_TYPES).build();

  /**
   * The duration types whose values are read: {@code java.time.Duration} and the catalogued ones.
   */
  public static ImmutableList<DurationType> durationTypes() {
    return DURATION_TYPES;
  }

  /** The argument passed for {@code parameter} of the call or constructor {@code call}. */
  public static Optional<ExpressionTree> argument(
      ExpressionTree call, Parameter parameter, VisitorState state) {
    List<? extends ExpressionTree> arguments;
    if (call instanceof MethodInvocationTree invocation) {
      arguments = invocation.getArguments();
    } else if (call instanceof NewClassTree newClass) {
      arguments = newClass.getArguments();
    } else {
      return Optional.empty();
    }
    Symbol sym = ASTHelpers.getSymbol(call);
    if (!(sym instanceof MethodSymbol method) || method.isVarArgs()) {
      return Optional.empty();
    }
    List<VarSymbol> parameters = method.getParameters();
    int seen = 0;
    for (int i = 0; i < parameters.size() && i < arguments.size(); i++) {
      String type = state.getTypes().erasure(parameters.get(i).type).toString();
      if (type.equals(parameter.type()) && seen++ == parameter.ordinal()) {
        return Optional.of(arguments.get(i));
      }
    }
    return Optional.empty();
  }

  /** The whole number {@code tree} evaluates to. */
  public static OptionalLong longValue(ExpressionTree tree, VisitorState state) {
    Optional<Long> value =
        resolve(
            tree,
            state,
            resolved -> {
              Object constant = ASTHelpers.constValue(resolved);
              if (constant instanceof Number number
                  && !(constant instanceof Double)
                  && !(constant instanceof Float)) {
                return Optional.of(number.longValue());
              }
              Optional<ExpressionTree> argument = boxed(resolved);
              OptionalLong inner =
                  argument.isPresent() ? longValue(argument.get(), state) : OptionalLong.empty();
              return inner.isPresent() ? Optional.of(inner.getAsLong()) : Optional.empty();
            });
    return value.isPresent() ? OptionalLong.of(value.get()) : OptionalLong.empty();
  }

  /** The boolean {@code tree} evaluates to ({@code false}, {@code Boolean.FALSE}, constants). */
  public static Optional<Boolean> booleanValue(ExpressionTree tree, VisitorState state) {
    return resolve(
        tree,
        state,
        resolved -> {
          if (ASTHelpers.constValue(resolved) instanceof Boolean value) {
            return Optional.of(value);
          }
          Symbol sym = ASTHelpers.getSymbol(resolved);
          return isEnumConstant(sym, "java.lang.Boolean")
                  && (sym.getSimpleName().contentEquals("TRUE")
                      || sym.getSimpleName().contentEquals("FALSE"))
              ? Optional.of(sym.getSimpleName().contentEquals("TRUE"))
              : Optional.empty();
        });
  }

  /**
   * The duration {@code tree} evaluates to: a {@code java.time.Duration} or a catalogued library
   * duration type. Values too large for a {@code Duration} saturate at its maximum.
   */
  public static Optional<Duration> durationValue(ExpressionTree tree, VisitorState state) {
    return resolve(
        tree,
        state,
        resolved -> {
          Symbol sym = ASTHelpers.getSymbol(resolved);
          for (DurationType type : DURATION_TYPES) {
            Optional<Duration> value = ofType(type, resolved, sym, state);
            if (value.isPresent()) {
              return value;
            }
          }
          return Optional.empty();
        });
  }

  /** {@code amount} read in the unit {@code unit} (a {@code TimeUnit} expression). */
  public static Optional<Duration> durationValue(
      ExpressionTree amount, ExpressionTree unit, VisitorState state) {
    OptionalLong value = longValue(amount, state);
    Optional<ChronoUnit> chrono = timeUnit(unit, state);
    if (value.isEmpty() || chrono.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(saturated(value.getAsLong(), chrono.get()));
  }

  /** {@code amount} read in {@code unit}. */
  public static Optional<Duration> durationValue(
      ExpressionTree amount, ChronoUnit unit, VisitorState state) {
    OptionalLong value = longValue(amount, state);
    return value.isPresent() ? Optional.of(saturated(value.getAsLong(), unit)) : Optional.empty();
  }

  private static Optional<Duration> ofType(
      DurationType type, ExpressionTree tree, Symbol sym, VisitorState state) {
    if (sym == null
        || sym.owner == null
        || !sym.owner.getQualifiedName().contentEquals(type.type())) {
      return Optional.empty();
    }
    String name = sym.getSimpleName().toString();
    if (sym instanceof VarSymbol && ASTHelpers.isStatic(sym)) {
      return Optional.ofNullable(type.constants().get(name));
    }
    if (!(tree instanceof MethodInvocationTree call) || !ASTHelpers.isStatic(sym)) {
      return Optional.empty();
    }
    List<? extends ExpressionTree> arguments = call.getArguments();
    ChronoUnit unit = type.factories().get(name);
    if (unit != null && arguments.size() == 1) {
      return durationValue(arguments.get(0), unit, state);
    }
    if (name.equals("of") && arguments.size() == 2) {
      // Duration.of(5, ChronoUnit.MINUTES), TimeValue.of(5, TimeUnit.MINUTES)
      Optional<ChronoUnit> chrono = chronoUnit(arguments.get(1));
      if (chrono.isEmpty() && name.equals(type.longAndTimeUnitFactory())) {
        chrono = timeUnit(arguments.get(1), state);
      }
      return chrono.flatMap(c -> durationValue(arguments.get(0), c, state));
    }
    return Optional.empty();
  }

  private static Optional<ChronoUnit> timeUnit(ExpressionTree tree, VisitorState state) {
    return resolve(
        tree,
        state,
        resolved -> {
          Symbol sym = ASTHelpers.getSymbol(resolved);
          return isEnumConstant(sym, "java.util.concurrent.TimeUnit")
              ? Optional.of(TimeUnit.valueOf(sym.getSimpleName().toString()).toChronoUnit())
              : Optional.empty();
        });
  }

  /**
   * Reads {@code tree} with {@code read}, and if that finds nothing, the initializer of the final
   * variable it names, and so on.
   */
  private static <T> Optional<T> resolve(
      ExpressionTree tree, VisitorState state, Function<ExpressionTree, Optional<T>> read) {
    ExpressionTree resolved = tree;
    for (int hop = 0; hop < MAX_HOPS && resolved != null; hop++) {
      resolved = strip(resolved);
      Optional<T> value = read.apply(resolved);
      if (value.isPresent()) {
        return value;
      }
      resolved = follow(resolved, state);
    }
    return Optional.empty();
  }

  /** The argument of {@code Integer.valueOf(x)} or {@code Long.valueOf(x)}. */
  private static Optional<ExpressionTree> boxed(ExpressionTree tree) {
    return tree instanceof MethodInvocationTree call
            && isStatic(call, "valueOf")
            && call.getArguments().size() == 1
            && isBoxOf(ASTHelpers.getSymbol((Tree) call))
        ? Optional.of(call.getArguments().get(0))
        : Optional.empty();
  }

  private static Optional<ChronoUnit> chronoUnit(ExpressionTree tree) {
    Symbol sym = ASTHelpers.getSymbol(strip(tree));
    return isEnumConstant(sym, "java.time.temporal.ChronoUnit")
        ? Optional.of(ChronoUnit.valueOf(sym.getSimpleName().toString()))
        : Optional.empty();
  }

  private static boolean isEnumConstant(Symbol sym, String enumType) {
    return sym instanceof VarSymbol
        && ASTHelpers.isStatic(sym)
        && sym.owner != null
        && sym.owner.getQualifiedName().contentEquals(enumType);
  }

  private static Duration saturated(long amount, ChronoUnit unit) {
    try {
      return Duration.of(amount, unit);
    } catch (ArithmeticException e) {
      return amount < 0 ? Duration.ofSeconds(Long.MIN_VALUE) : Duration.ofSeconds(Long.MAX_VALUE);
    }
  }

  /** The initializer of the final variable {@code tree} names, or null. */
  private static ExpressionTree follow(ExpressionTree tree, VisitorState state) {
    if (!(tree instanceof IdentifierTree) && !(tree instanceof MemberSelectTree)) {
      return null;
    }
    return Initializers.of(ASTHelpers.getSymbol(tree), state).orElse(null);
  }

  /** {@code tree} without parentheses and casts. */
  public static ExpressionTree strip(ExpressionTree tree) {
    ExpressionTree current = tree;
    while (true) {
      if (current instanceof ParenthesizedTree parens) {
        current = parens.getExpression();
      } else if (current instanceof TypeCastTree cast) {
        current = cast.getExpression();
      } else {
        return current;
      }
    }
  }

  private static boolean isStatic(MethodInvocationTree call, String name) {
    Symbol sym = ASTHelpers.getSymbol((Tree) call);
    return sym != null && ASTHelpers.isStatic(sym) && sym.getSimpleName().contentEquals(name);
  }

  private static boolean isBoxOf(Symbol method) {
    if (method == null || method.owner == null) {
      return false;
    }
    String owner = method.owner.getQualifiedName().toString();
    return owner.equals("java.lang.Integer") || owner.equals("java.lang.Long");
  }

  private ArgumentValues() {}
}
