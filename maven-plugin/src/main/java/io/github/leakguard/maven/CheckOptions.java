package io.github.leakguard.maven;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The checks' options as the user set them, passed on as {@code -XepOpt:LeakGuard:<Name>=<value>}
 * without judging their values: the checker's own {@code LeakGuardOptions} gives the verdict before
 * any analysis, and {@link #parameterOf} names the parameter a bad value came from.
 *
 * @param handlerTypes {@code handlerTypes}, or null
 * @param handlerAnnotations {@code handlerAnnotations}, or null
 * @param handlerMethods {@code handlerMethods}, or null
 * @param fdBudget {@code fdBudget}, or null for the checker's default
 * @param maxIdle {@code maxIdle}, or null
 * @param others {@code checkOptions}: further options by name, such as {@code
 *     StrictStatementOwnership}
 */
public record CheckOptions(
    String handlerTypes,
    String handlerAnnotations,
    String handlerMethods,
    String fdBudget,
    String maxIdle,
    Map<String, String> others) {

  /** Options with a parameter of their own, by option name. */
  private static final Map<String, String> PARAMETERS =
      Map.of(
          "HandlerTypes", "handlerTypes",
          "HandlerAnnotations", "handlerAnnotations",
          "HandlerMethods", "handlerMethods",
          "FdBudget", "fdBudget",
          "MaxIdle", "maxIdle");

  private static final Pattern OPTION_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

  /** An empty set of options. */
  static CheckOptions none() {
    return new CheckOptions(null, null, null, null, null, Map.of());
  }

  /**
   * The options to pass, by name, after checking that {@code checkOptions} does not set one that
   * has a parameter of its own.
   *
   * @param templateHandlers handlers named in the module's templates, added to HandlerMethods
   */
  Map<String, String> toOptions(Set<String> templateHandlers) throws ConfigurationException {
    Map<String, String> options = new TreeMap<>();
    for (Map.Entry<String, String> option : new TreeMap<>(others).entrySet()) {
      String name = option.getKey();
      if (!OPTION_NAME.matcher(name).matches() || PARAMETERS.containsKey(name)) {
        throw new ConfigurationException(
            "checkOptions",
            "'" + name + "' is not an option to set here",
            "LeakGuard option names such as StrictStatementOwnership ("
                + String.join(", ", new TreeMap<>(PARAMETERS).values())
                + " are parameters of their own)");
      }
      options.put(name, String.valueOf(option.getValue()).trim());
    }
    put(options, "HandlerTypes", handlerTypes);
    put(options, "HandlerAnnotations", handlerAnnotations);
    StringBuilder methods = new StringBuilder(handlerMethods == null ? "" : handlerMethods.trim());
    for (String handler : new java.util.TreeSet<>(templateHandlers)) {
      methods.append(methods.length() == 0 ? "" : ",").append(handler);
    }
    put(options, "HandlerMethods", methods.toString());
    put(options, "FdBudget", fdBudget);
    put(options, "MaxIdle", maxIdle);
    return options;
  }

  /** The parameter an option's value came from: its own, or {@code checkOptions}. */
  static String parameterOf(String option) {
    return PARAMETERS.getOrDefault(option, "checkOptions");
  }

  private static void put(Map<String, String> options, String name, String value) {
    if (value != null && !value.isBlank()) {
      options.put(name, value.trim());
    }
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
}
