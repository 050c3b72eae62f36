package io.github.leakguard.maven;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The checks' options as the user set them, validated here so a bad value fails before any
 * analysis, then passed on as {@code -XepOpt:LeakGuard:<Name>=<value>}. Options without a parameter
 * of their own go through {@code checkOptions}; the checker validates those.
 *
 * @param handlerTypes fully qualified handler supertypes, comma-separated, or null
 * @param handlerAnnotations fully qualified handler annotations, comma-separated, or null
 * @param fdBudget the descriptor budget, or null for the checker's default
 * @param maxIdle the longest idle time as an ISO-8601 duration, or null
 * @param others further options by name, such as {@code StrictStatementOwnership}
 */
public record CheckOptions(
    String handlerTypes,
    String handlerAnnotations,
    Integer fdBudget,
    String maxIdle,
    Map<String, String> others) {

  private static final Pattern QUALIFIED_NAMES =
      Pattern.compile("\\s*[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*\\s*"
          + "(,\\s*[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*\\s*)*");
  private static final Pattern OPTION_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");
  private static final Set<String> OWN_PARAMETERS =
      Set.of("HandlerTypes", "HandlerAnnotations", "FdBudget", "MaxIdle");

  /** The {@code -XepOpt:} arguments, without the prefix, after validating every value. */
  List<String> toFlags() throws ConfigurationException {
    List<String> flags = new ArrayList<>();
    if (handlerTypes != null && !handlerTypes.isBlank()) {
      names("handlerTypes", handlerTypes);
      flags.add("LeakGuard:HandlerTypes=" + handlerTypes.replaceAll("\\s+", ""));
    }
    if (handlerAnnotations != null && !handlerAnnotations.isBlank()) {
      names("handlerAnnotations", handlerAnnotations);
      flags.add("LeakGuard:HandlerAnnotations=" + handlerAnnotations.replaceAll("\\s+", ""));
    }
    if (fdBudget != null) {
      if (fdBudget < 1 || fdBudget > 1_048_576) {
        throw new ConfigurationException(
            "fdBudget", fdBudget + " is out of range", "a whole number from 1 to 1048576");
      }
      flags.add("LeakGuard:FdBudget=" + fdBudget);
    }
    if (maxIdle != null && !maxIdle.isBlank()) {
      try {
        Duration idle = Duration.parse(maxIdle.trim());
        if (idle.isNegative() || idle.isZero()) {
          throw new DateTimeParseException("not positive", maxIdle, 0);
        }
      } catch (DateTimeParseException e) {
        throw new ConfigurationException(
            "maxIdle", "'" + maxIdle + "' is not a positive duration",
            "an ISO-8601 duration such as PT5M");
      }
      flags.add("LeakGuard:MaxIdle=" + maxIdle.trim());
    }
    for (Map.Entry<String, String> option : new TreeMap<>(others).entrySet()) {
      String name = option.getKey();
      if (!OPTION_NAME.matcher(name).matches() || OWN_PARAMETERS.contains(name)) {
        throw new ConfigurationException(
            "checkOptions", "'" + name + "' is not an option to set here",
            "LeakGuard option names such as StrictStatementOwnership (HandlerTypes,"
                + " HandlerAnnotations, FdBudget and MaxIdle have parameters of their own)");
      }
      flags.add("LeakGuard:" + name + "=" + String.valueOf(option.getValue()).trim());
    }
    return flags;
  }

  /** Simple names of the handler supertypes and annotations, for the pre-screen. */
  static Set<String> simpleNames(String qualifiedNames) {
    Set<String> names = new java.util.HashSet<>();
    if (qualifiedNames != null) {
      for (String name : qualifiedNames.split(",")) {
        String trimmed = name.trim();
        if (!trimmed.isEmpty()) {
          names.add(trimmed.substring(trimmed.lastIndexOf('.') + 1));
        }
      }
    }
    return names;
  }

  private static void names(String parameter, String value) throws ConfigurationException {
    if (!QUALIFIED_NAMES.matcher(value).matches()) {
      throw new ConfigurationException(
          parameter, "'" + value + "' is not a list of type names",
          "a comma-separated list of fully qualified names, such as com.example.Handler");
    }
  }
}
