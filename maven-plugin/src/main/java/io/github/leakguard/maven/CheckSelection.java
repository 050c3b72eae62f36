package io.github.leakguard.maven;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which checks run and at which severity: every LeakGuard check at its own severity, changed by the
 * {@code checks} parameter ({@code ClientBuiltInHandler:WARN,UnclosedResponse:OFF}), plus any other
 * Error Prone checks the user names in {@code extraChecks}.
 */
final class CheckSelection {
  private static final Pattern CHECK_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  private static final String SETTINGS = "ERROR, WARN, OFF";

  private final Map<String, Severity> severities;

  private CheckSelection(Map<String, Severity> severities) {
    this.severities = severities;
  }

  /** The checks that run, by name, at the severity they report at; insertion ordered. */
  Map<String, Severity> severities() {
    return severities;
  }

  static CheckSelection of(List<Rule> rules, String checks, String extraChecks)
      throws ConfigurationException {
    Map<String, Severity> severities = new LinkedHashMap<>();
    for (Rule rule : rules) {
      severities.put(rule.name(), rule.severity());
    }
    String known = rules.stream().map(Rule::name).collect(Collectors.joining(", "));
    for (String entry : entries(checks)) {
      String name = nameOf(entry);
      if (!isRule(rules, name)) {
        throw new ConfigurationException(
            "checks",
            "unknown check '" + name + "'",
            "the LeakGuard checks " + known + ", each optionally followed by :ERROR|WARN|OFF");
      }
      apply(severities, entry, "checks");
    }
    for (String entry : entries(extraChecks)) {
      if (!CHECK_NAME.matcher(nameOf(entry)).matches()) {
        throw new ConfigurationException(
            "extraChecks",
            "'" + entry + "' is not an Error Prone check name",
            "Error Prone check names such as StreamResourceLeak, optionally followed by"
                + " :ERROR|WARN|OFF");
      }
      apply(severities, entry, "extraChecks");
    }
    return new CheckSelection(severities);
  }

  private static boolean isRule(List<Rule> rules, String name) {
    return rules.stream().anyMatch(rule -> rule.name().equals(name));
  }

  private static void apply(Map<String, Severity> severities, String entry, String parameter)
      throws ConfigurationException {
    String name = nameOf(entry);
    int colon = entry.indexOf(':');
    if (colon < 0) {
      severities.putIfAbsent(name, Severity.ERROR);
      return;
    }
    String setting = entry.substring(colon + 1).trim();
    if (setting.equalsIgnoreCase("OFF")) {
      severities.remove(name);
      return;
    }
    Optional<Severity> severity = Severity.parse(setting);
    if (severity.isEmpty()) {
      throw new ConfigurationException(
          parameter, "'" + setting + "' in '" + entry + "' is not a severity", SETTINGS);
    }
    severities.put(name, severity.get());
  }

  private static String nameOf(String entry) {
    int colon = entry.indexOf(':');
    return (colon < 0 ? entry : entry.substring(0, colon)).trim();
  }

  private static List<String> entries(String raw) {
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    return Pattern.compile("[,\\s]+")
        .splitAsStream(raw.trim())
        .filter(entry -> !entry.isEmpty())
        .toList();
  }
}
